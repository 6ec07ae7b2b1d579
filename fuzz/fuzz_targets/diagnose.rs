//! Fuzzes `diagnose` with a raw HTTP response: the bytes are split like a browser would report
//! them (status line, headers, body) and every field of the failure is filled from them.
//! Run: `cargo +nightly fuzz run diagnose -- -max_total_time=60` (from the repository root).
#![no_main]

use gateway_doctor::model::{Failure, Header, ProxyInfo};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let first = lines.next().unwrap_or("");
    let status = first
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok());
    let headers = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap_or((l, ""));
            Header {
                name: n.to_string(),
                value: Some(v.to_string()),
            }
        })
        .collect();
    let f = Failure {
        url: format!("https://fuzz.example/{}", first),
        method: first.split_whitespace().next().map(str::to_string),
        status_code: status.or(Some(502)),
        status_line: Some(first.to_string()),
        response_headers: headers,
        error: (status.is_none() && data.first() == Some(&b'n')).then(|| first.to_string()),
        body_text: Some(body.to_string()),
        proxy: (data.len() % 3 == 0).then(|| ProxyInfo {
            kind: Some("http".into()),
            host: Some(first.into()),
            port: None,
        }),
        time_stamp: (data.len() % 2 == 0).then_some(data.len() as f64 * 1e9),
    };
    if let Ok(d) = gateway_doctor::diagnose(&f) {
        assert!(d.evidence.len() <= 16);
        assert!((0.0..=1.0).contains(&d.confidence));
        if let Some(r) = d.retry_after_seconds {
            assert!((0.0..=gateway_doctor::retry_after::MAX_RETRY_AFTER).contains(&r));
        }
    }
});
