//! The extension's messages (extension/_locales/*/messages.json), for the tests that check
//! the keys the core uses.

use std::collections::{BTreeMap, BTreeSet};

/// Every language's messages: (language, key -> {message, description?}).
#[allow(dead_code)]
pub fn all_locales() -> Vec<(String, BTreeMap<String, serde_json::Value>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("extension/_locales");
    let mut out = Vec::new();
    for l in std::fs::read_dir(dir).unwrap() {
        let l = l.unwrap().path();
        let f = std::fs::read_to_string(l.join("messages.json")).unwrap();
        out.push((
            l.file_name().unwrap().to_str().unwrap().to_string(),
            serde_json::from_str(&f).unwrap(),
        ));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The `{name}` placeholders of a message.
#[allow(dead_code)]
pub fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        out.insert(rest[i + 1..i + j].to_string());
        rest = &rest[i + j + 1..];
    }
    out
}
