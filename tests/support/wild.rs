//! The wild corpus's cases (tests/wild/cases/*.json, tests/wild/README.md) as failures the
//! core reads, for the tests that run them (tests/wild.rs, tests/spoof.rs).

use gateway_doctor::model::{Failure, Header};
use serde_json::Value;
use std::path::Path;

#[allow(dead_code)]
pub struct Case {
    pub id: String,
    pub split: String,
    pub form: String,
    pub labels: Value,
    pub failure: Failure,
}

pub fn load() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wild/cases");
    let mut out = Vec::new();
    for f in std::fs::read_dir(&dir).unwrap() {
        let path = f.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let headers = v["headers"]
            .as_array()
            .map(|hs| {
                hs.iter()
                    .filter_map(|h| h.as_str()?.split_once(':'))
                    .map(|(n, val)| Header {
                        name: n.trim().into(),
                        value: Some(val.trim().into()),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let body = v["body"].as_str().unwrap_or("").to_string();
        let form = v["form"].as_str().unwrap().to_string();
        // HTML comes as the start of the page; text as what the content script reads
        // from the rendered page.
        let (body_text, page_text) = if form == "html" {
            (Some(body), None)
        } else {
            (None, Some(body))
        };
        out.push(Case {
            id: v["id"].as_str().unwrap().into(),
            split: v["split"].as_str().unwrap().into(),
            form,
            labels: v["labels"].clone(),
            failure: Failure {
                url: "https://www.example.com/page".into(),
                method: Some("GET".into()),
                status_code: v["status"].as_u64().map(|s| s as u16),
                // the status line as the browser reports it, where the source shows a
                // reason phrase of the gateway's own ("503 Service Unavailable: Back-end
                // server is at capacity")
                status_line: v["statusLine"].as_str().map(str::to_string),
                response_headers: headers,
                body_text,
                page_text,
                ..Failure::default()
            },
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}
