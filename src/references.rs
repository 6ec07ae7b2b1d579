//! The reference ids a response carries: what a site's (or its provider's) support asks a
//! visitor for. Read from the headers and from the page, bounded and with only safe
//! characters, so they can be shown and copied as they are.

use crate::catalogue;
use crate::gateway;
use crate::model::Reference;
use crate::text::Evidence;

/// At most this many references per diagnosis.
pub const MAX_REFERENCES: usize = 5;
/// Each value is cut to this many bytes.
pub const MAX_REFERENCE_LEN: usize = 128;

/// Page fields that carry one, whoever wrote the page: (lowercase marker, label), after
/// the gateways' own (each record's `page_references`). The value follows the marker,
/// after spaces and tags.
const PAGE: &[(&str, &str)] = &[
    ("request id:", "Request ID"),
    ("incident id:", "Incident ID"),
    ("support id is:", "Support ID"),
];

fn safe(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-' | b'=' | b'+' | b'/')
}

/// The safe characters at the start of `s`, cut to [`MAX_REFERENCE_LEN`].
fn token(s: &str) -> &str {
    let n = s
        .bytes()
        .take(MAX_REFERENCE_LEN)
        .take_while(|b| safe(*b))
        .count();
    &s[..n]
}

/// Skips spaces and tags ("<strong>") after a page marker.
fn after_markup(s: &str) -> &str {
    let mut s = s;
    for _ in 0..4 {
        s = s.trim_start();
        if let Some(rest) = s.strip_prefix('<') {
            match rest.find('>') {
                Some(end) if end < 64 => s = &rest[end + 1..],
                _ => break,
            }
        } else {
            break;
        }
    }
    s
}

fn push(out: &mut Vec<Reference>, label: &str, value: &str) {
    let value = value.trim_end_matches(['.', ':', '-']);
    // the same id once: also the page's Ray ID without the header's data centre ("-FRA")
    let same = |r: &Reference| {
        let (a, b) = (r.value.as_bytes(), value.as_bytes());
        let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
        long[..short.len()].eq_ignore_ascii_case(short)
            && (long.len() == short.len() || (r.label == label && long[short.len()] == b'-'))
    };
    if value.len() < 4 || out.len() >= MAX_REFERENCES || out.iter().any(same) {
        return;
    }
    out.push(Reference {
        label: label.to_string(),
        value: value.to_string(),
    });
}

/// The references of a response, headers first, then the page.
pub fn find(ev: &Evidence) -> Vec<Reference> {
    let mut out = Vec::new();
    // the contract's gateways, then the catalogue's: each record names its own headers
    for (name, label) in gateway::RECORDS.iter().flat_map(|r| r.references) {
        if let Some(v) = ev.header(name) {
            push(&mut out, label, token(v.trim()));
        }
    }
    for rec in catalogue::RECORDS {
        for name in rec.references {
            if let Some(v) = ev.header(name) {
                push(
                    &mut out,
                    &crate::text::concat(&[rec.name, " ", name]),
                    token(v.trim()),
                );
            }
        }
    }
    for (name, label) in [
        ("x-request-id", "X-Request-Id"),
        ("x-correlation-id", "X-Correlation-Id"),
    ] {
        if let Some(v) = ev.header(name) {
            push(&mut out, label, token(v.trim()));
        }
    }
    let page = gateway::RECORDS.iter().flat_map(|r| r.page_references);
    for (marker, label) in page.chain(PAGE) {
        if let Some(at) = ev.body_lower.find(marker) {
            // body_lower is the ASCII lowercase of body: the same byte offsets
            let rest = &ev.body[at + marker.len()..];
            let value = if marker.starts_with("details: cache-") {
                token(rest).to_string()
            } else {
                token(after_markup(rest)).to_string()
            };
            let value = if marker.starts_with("details: cache-") {
                crate::text::concat(&["cache-", &value])
            } else {
                value
            };
            push(&mut out, label, &value);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Failure, Header};

    fn ev(headers: &[(&str, &str)], body: &str) -> Evidence {
        Evidence::from_failure(&Failure {
            url: "https://a.example/".into(),
            status_code: Some(502),
            response_headers: headers
                .iter()
                .map(|(n, v)| Header {
                    name: n.to_string(),
                    value: Some(v.to_string()),
                })
                .collect(),
            body_text: Some(body.into()),
            ..Failure::default()
        })
    }

    #[test]
    fn headers_and_page_fields() {
        let r = find(&ev(
            &[("CF-Ray", "8a1b2c3d4e5f6a7b-FRA")],
            "Cloudflare Ray ID: <strong class=\"font-semibold\">8a1b2c3d4e5f6a7b</strong>",
        ));
        // one Ray ID, not the header's and again the page's without its data centre
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].label, "Cloudflare Ray ID");
        assert_eq!(r[0].value, "8a1b2c3d4e5f6a7b-FRA");
        // a different id under the same label stays
        let r = find(&ev(
            &[("CF-Ray", "8a1b2c3d4e5f6a7b-FRA")],
            "Cloudflare Ray ID: <strong>9b2c3d4e5f6a7b8c</strong>",
        ));
        assert_eq!(r.len(), 2);
        let r = find(&ev(&[], "Reference #18.e3c1202.1744611336.e02832\n"));
        assert_eq!(r[0].value, "18.e3c1202.1744611336.e02832");
        let r = find(&ev(&[], "Generated by cloudfront (CloudFront)\nRequest ID: z72t2zferZF53w40-qTJ_MWODloWg0jUBcHk1-T-yckcxnIDNkHdww=="));
        assert_eq!(
            r[0].value,
            "z72t2zferZF53w40-qTJ_MWODloWg0jUBcHk1-T-yckcxnIDNkHdww=="
        );
        let r = find(&ev(
            &[],
            "Guru Mediation:\nDetails: cache-ams4123-AMS 1538987618",
        ));
        assert_eq!(r[0].value, "cache-ams4123-AMS");
    }

    #[test]
    fn bounded_and_safe() {
        let long = "a".repeat(1000);
        let headers: Vec<(&str, &str)> = gateway::RECORDS
            .iter()
            .flat_map(|r| r.references)
            .map(|(n, _)| (*n, long.as_str()))
            .collect();
        let r = find(&ev(&headers, ""));
        assert_eq!(r.len(), 1, "equal values are one reference");
        assert!(r[0].value.len() <= MAX_REFERENCE_LEN);
        let r = find(&ev(&[("x-request-id", "<script>alert(1)</script>")], ""));
        assert!(r.is_empty());
        let r = find(&ev(&[("x-request-id", "abc123\"><img")], ""));
        assert_eq!(r[0].value, "abc123");
    }
}
