//! What the advice tests share: nginx's 502, a browser's network error, the advice's steps by id.

use gateway_doctor::diagnose;
use gateway_doctor::model::{Advice, Diagnosis, Environment, Failure, Param};

#[path = "http.rs"]
pub mod http;

pub const NGINX_502: &str = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.22.1</center>\n</body>\n</html>\n";

pub fn nginx_502(url: &str, method: &str) -> Diagnosis {
    diagnose(&Failure {
        url: url.into(),
        method: Some(method.into()),
        status_code: Some(502),
        status_line: Some("HTTP/1.1 502 Bad Gateway".into()),
        response_headers: http::headers(&[("Server", "nginx/1.22.1")]),
        body_text: Some(NGINX_502.into()),
        ..Default::default()
    })
    .unwrap()
}

pub fn net_error(url: &str, error: &str) -> Diagnosis {
    diagnose(&Failure {
        url: url.into(),
        error: Some(error.into()),
        ..Default::default()
    })
    .unwrap()
}

pub fn ids(a: &Advice) -> Vec<&str> {
    a.steps.iter().map(|s| s.id.as_str()).collect()
}

pub fn pos(a: &Advice, id: &str) -> Option<usize> {
    a.steps.iter().position(|s| s.id == id)
}

pub fn step<'a>(a: &'a Advice, id: &str) -> &'a gateway_doctor::model::Step {
    a.steps
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no step {id} in {:?}", ids(a)))
}

pub fn text(p: Option<&Param>) -> &str {
    match p {
        Some(Param::Text(s)) => s,
        other => panic!("not text: {other:?}"),
    }
}

pub fn env() -> Environment {
    Environment {
        browser: Some("chrome".into()),
        platform: Some("linux".into()),
        ..Default::default()
    }
}
