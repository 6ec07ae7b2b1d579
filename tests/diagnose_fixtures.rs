//! Walks every captured response in tests/fixtures/<gateway>/<scenario>.http (see
//! tests/fixtures/capture/capture.sh) and checks the diagnosis against
//! tests/fixtures/expected.json. `GWD_PRINT=1 cargo test --test diagnose_fixtures -- --nocapture`
//! prints what diagnose says about each.

use gateway_doctor::model::{Failure, ProxyInfo};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[path = "support/http.rs"]
mod http;
use http::{fixture_failure, fixtures_dir, parse_http};

fn failure_from(path: &Path) -> Failure {
    let raw = std::fs::read(path).unwrap();
    let gateway = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or("");
    fixture_failure(gateway, &raw)
}

fn all_fixtures() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(fixtures_dir()).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() || dir.file_name().unwrap() == "capture" {
            continue;
        }
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            if f.extension().and_then(|e| e.to_str()) == Some("http") {
                let key = format!(
                    "{}/{}",
                    dir.file_name().unwrap().to_str().unwrap(),
                    f.file_stem().unwrap().to_str().unwrap()
                );
                out.push((key, f));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_fixture_diagnoses_as_expected() {
    let expected: BTreeMap<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(fixtures_dir().join("expected.json")).unwrap(),
    )
    .unwrap();
    let fixtures = all_fixtures();
    assert!(fixtures.len() >= 60, "only {} fixtures", fixtures.len());
    let print = std::env::var_os("GWD_PRINT").is_some();
    let mut failures = Vec::new();
    for (key, path) in &fixtures {
        let d = gateway_doctor::diagnose(&failure_from(path)).unwrap();
        let got = serde_json::to_value(&d).unwrap();
        let actual = serde_json::json!({
            "gateway": got["gateway"].get("id").cloned().unwrap_or(serde_json::Value::Null),
            "cause": got["cause"],
            "culprit": got["culprit"],
            "generatedBy": got["generatedBy"],
        });
        if print {
            println!(
                "\"{key}\": {actual},  // {:?} {:?}",
                d.confidence, d.evidence
            );
        }
        assert!(d.failed, "{key}: not a failure");
        match expected.get(key) {
            None => failures.push(format!("{key}: no expectation (got {actual})")),
            Some(want) => {
                for field in ["gateway", "cause", "culprit", "generatedBy"] {
                    if want[field] != actual[field] {
                        failures.push(format!(
                            "{key}: {field} {} != expected {}",
                            actual[field], want[field]
                        ));
                    }
                }
                if let Some(r) = want.get("retryAfterSeconds") {
                    if *r != got["retryAfterSeconds"] {
                        failures.push(format!(
                            "{key}: retryAfterSeconds {} != {r}",
                            got["retryAfterSeconds"]
                        ));
                    }
                }
            }
        }
        // bounded evidence
        assert!(
            d.evidence.len() <= 16 && d.evidence.iter().all(|e| e.len() <= 200),
            "{key}"
        );
        if let Some(g) = &d.gateway {
            assert!(
                g.evidence.len() <= 8 && !g.evidence.is_empty(),
                "{key}: {g:?}"
            );
        }
    }
    for key in expected.keys() {
        if !fixtures.iter().any(|(k, _)| k == key) {
            failures.push(format!("{key}: expected, but no fixture"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn diagnose_raw(raw: &str) -> gateway_doctor::model::Diagnosis {
    let (status, line, headers, body) = parse_http(raw.as_bytes());
    gateway_doctor::diagnose(&Failure {
        url: "https://shop.example/".into(),
        status_code: Some(status),
        status_line: Some(line),
        response_headers: headers,
        body_text: Some(body),
        ..Failure::default()
    })
    .unwrap()
}

#[test]
fn nginx_503_with_json_from_the_app_is_the_origin() {
    let d = diagnose_raw(
        "HTTP/1.1 503 Service Unavailable\r\nServer: nginx/1.24.0\r\nContent-Type: application/json\r\n\r\n{\"error\":\"upstream database unavailable\"}",
    );
    let v = serde_json::to_value(&d).unwrap();
    assert_eq!(v["generatedBy"], "origin");
    assert_eq!(v["cause"], "overloaded");
    assert_eq!(v["culprit"], "site");
    assert_eq!(v["gateway"]["id"], "nginx");
    assert_eq!(v["gateway"]["version"], "1.24.0");
}

#[test]
fn framework_500_pages_are_the_origin() {
    for body in [
        "<!doctype html><html><head><title>Server Error (500)</title></head><body><h1>Server Error (500)</h1><p></p></body></html>",
        "<!DOCTYPE html><html><head><title>We're sorry, but something went wrong (500)</title></head><body><div class=\"dialog\"><h1>We're sorry, but something went wrong.</h1></div></body></html>",
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n</head>\n<body>\n<pre>Internal Server Error</pre>\n</body>\n</html>\n",
        "{\"error\":\"Something broke\",\"status\":500}",
    ] {
        let d = diagnose_raw(&format!("HTTP/1.1 500 Internal Server Error\r\nServer: nginx\r\n\r\n{body}"));
        let v = serde_json::to_value(&d).unwrap();
        assert_eq!(v["generatedBy"], "origin", "{body}");
        assert_eq!(v["cause"], "origin-error", "{body}");
        assert_eq!(v["culprit"], "site");
        assert!(!d.transient);
    }
}

#[test]
fn maintenance_page_from_the_app() {
    let d = diagnose_raw("HTTP/1.1 503 Service Unavailable\r\nServer: Apache\r\nRetry-After: 3600\r\n\r\n<html><body><h1>Down for maintenance</h1><p>We'll be back at 14:00.</p></body></html>");
    let v = serde_json::to_value(&d).unwrap();
    assert_eq!(v["cause"], "maintenance");
    assert_eq!(v["generatedBy"], "origin");
    assert_eq!(v["retryAfterSeconds"], 3600.0);
    assert!(d.safe_to_retry && d.transient);
}

#[test]
fn captive_portal_511_blames_the_network() {
    let d = diagnose_raw("HTTP/1.1 511 Network Authentication Required\r\nContent-Type: text/html\r\n\r\n<html><head><meta http-equiv=\"refresh\" content=\"0; url=https://login.hotspot.example/\"></head></html>");
    let v = serde_json::to_value(&d).unwrap();
    assert_eq!(v["culprit"], "network");
    assert!(d.failed);
}

#[test]
fn post_is_not_safe_to_retry() {
    let (status, line, headers, body) = parse_http(b"HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n\r\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
    let mut f = Failure {
        url: "https://shop.example/checkout".into(),
        method: Some("post".into()),
        status_code: Some(status),
        status_line: Some(line),
        response_headers: headers,
        body_text: Some(body),
        ..Failure::default()
    };
    let d = gateway_doctor::diagnose(&f).unwrap();
    assert!(d.transient && !d.safe_to_retry);
    f.method = Some("GET".into());
    assert!(gateway_doctor::diagnose(&f).unwrap().safe_to_retry);
}

#[test]
fn blank_502_through_a_configured_proxy_blames_the_proxy() {
    let d = gateway_doctor::diagnose(&Failure {
        url: "http://intranet.example/".into(),
        status_code: Some(502),
        status_line: Some("HTTP/1.1 502 Bad Gateway".into()),
        proxy: Some(ProxyInfo {
            kind: Some("http".into()),
            host: Some("proxy.corp.example".into()),
            port: Some(8080),
        }),
        ..Failure::default()
    })
    .unwrap();
    assert_eq!(serde_json::to_value(&d).unwrap()["culprit"], "proxy");
}

#[test]
fn status_alone_for_every_5xx() {
    for status in 500u16..=599 {
        let d = gateway_doctor::diagnose(&Failure {
            url: "https://a.example/".into(),
            status_code: Some(status),
            ..Failure::default()
        })
        .unwrap();
        assert!(
            d.failed && d.cause.is_response_cause()
                || d.cause == gateway_doctor::model::Cause::Auth,
            "{status}"
        );
        assert!(d.confidence > 0.0 && d.confidence < 1.0);
    }
}
