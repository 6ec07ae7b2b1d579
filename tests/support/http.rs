//! The captured raw responses (tests/fixtures/<gateway>/<scenario>.http) as diagnose gets them,
//! for the fixture test and the benchmarks.

use gateway_doctor::model::{Failure, Header, ProxyInfo};
use std::path::{Path, PathBuf};

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A captured response of `gateway` as diagnose gets it from the browser. The forward
/// proxies' captures (squid, tinyproxy) carried the request as the browser's proxy.
pub fn fixture_failure(gateway: &str, raw: &[u8]) -> Failure {
    let (status, line, headers, body) = parse_http(raw);
    let forward = matches!(gateway, "squid" | "tinyproxy");
    Failure {
        url: "https://www.example.com/some/page".into(),
        method: Some("GET".into()),
        status_code: Some(status),
        status_line: Some(line),
        response_headers: headers,
        body_text: Some(body),
        proxy: forward.then(|| ProxyInfo {
            kind: Some("http".into()),
            host: Some("127.0.0.1".into()),
            port: Some(3128),
        }),
        time_stamp: Some(1_795_000_000_000.0),
        ..Failure::default()
    }
}

/// Response headers from (name, value) pairs.
/// Every captured response, named "<gateway>/<scenario>", as diagnose gets it.
#[allow(dead_code)]
pub fn fixture_failures() -> Vec<(String, Failure)> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(fixtures_dir()).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() || dir.file_name().unwrap() == "capture" {
            continue;
        }
        let gw = dir.file_name().unwrap().to_str().unwrap().to_string();
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            if f.extension().and_then(|e| e.to_str()) == Some("http") {
                let name = format!("{gw}/{}", f.file_stem().unwrap().to_str().unwrap());
                out.push((name, fixture_failure(&gw, &std::fs::read(&f).unwrap())));
            }
        }
    }
    out
}

#[allow(dead_code)]
pub fn headers(pairs: &[(&str, &str)]) -> Vec<Header> {
    pairs
        .iter()
        .map(|(n, v)| Header {
            name: n.to_string(),
            value: Some(v.to_string()),
        })
        .collect()
}

/// A raw HTTP/1.x response as curl -i saved it: status line, headers, blank line, body.
pub fn parse_http(raw: &[u8]) -> (u16, String, Vec<Header>, String) {
    let text = String::from_utf8_lossy(raw);
    let (head, body) = match text.find("\r\n\r\n") {
        Some(i) => (&text[..i], &text[i + 4..]),
        None => match text.find("\n\n") {
            Some(i) => (&text[..i], &text[i + 2..]),
            None => (&text[..], ""),
        },
    };
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("").trim().to_string();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| {
            let (n, v) = l.split_once(':')?;
            Some(Header {
                name: n.trim().to_string(),
                value: Some(v.trim().to_string()),
            })
        })
        .collect();
    (status, status_line, headers, body.to_string())
}
