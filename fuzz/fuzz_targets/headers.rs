//! Fuzzes the header handling: many headers, arbitrary names and values, through
//! `Evidence` and gateway identification. Run: `cargo +nightly fuzz run headers`.
#![no_main]

use gateway_doctor::model::{Failure, Header};
use gateway_doctor::text::Evidence;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let headers: Vec<Header> = text
        .split('\0')
        .map(|h| {
            let (n, v) = h.split_once('=').unwrap_or((h, h));
            Header {
                name: n.to_string(),
                value: Some(v.to_string()),
            }
        })
        .collect();
    let f = Failure {
        url: "https://a.example/".into(),
        status_code: Some(503),
        response_headers: headers,
        ..Failure::default()
    };
    let ev = Evidence::from_failure(&f);
    for status in [500, 502, 503, 504, 520, 530] {
        let found = gateway_doctor::gateway::analyze(&ev, status);
        assert!(found.notes.len() <= 8);
        if let Some(g) = found.gateway {
            assert!(g.evidence.len() <= 8);
        }
    }
});
