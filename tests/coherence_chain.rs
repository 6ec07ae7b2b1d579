//! The at-a-glance chain ("who broke", src/view.rs `chain`) never calls a refusal on purpose a
//! failure: over every captured fixture, the wild corpus (tests/wild/cases) and a set of
//! browser errors, each with and without a proxy set. A block (a filter in the person's
//! network, a DNS filter, the administrator's policy, an extension, the site's own headers)
//! marks the part that refused "blocked" and says nothing of the parts past it; a rate limit
//! marks its writer "limiting" (tests/coherence.rs); nothing "failed" in either.

use gateway_doctor::advise::proxy_configured;
use gateway_doctor::diagnose::{in_context, unconfirmed};
use gateway_doctor::model::{Cause, Diagnosis, Environment, Failure, Header, ProxySettings};
use gateway_doctor::view::{chain, ChainNode};
use std::path::Path;

#[path = "support/http.rs"]
mod http;
#[path = "support/locales.rs"]
mod locales;
use http::fixture_failures;
use locales::all_locales;

const NOW: f64 = 1_795_000_000_000.0;

/// Refusals and failures that get no response: blocks of every kind, and some that are not.
const ERRORS: &[&str] = &[
    "net::ERR_BLOCKED_BY_CLIENT",
    "net::ERR_BLOCKED_BY_ADMINISTRATOR",
    "net::ERR_BLOCKED_BY_RESPONSE",
    "net::ERR_BLOCKED_BY_CSP",
    "net::ERR_BLOCKED_BY_ORB",
    "net::ERR_BLOCKED_IN_INCOGNITO_BY_ADMINISTRATOR",
    "NS_ERROR_BLOCKED_BY_POLICY",
    "NS_ERROR_BLOCKED_URI",
    "NS_ERROR_CONTENT_BLOCKED",
    "net::ERR_NAME_NOT_RESOLVED",
    "net::ERR_CONNECTION_REFUSED",
    "net::ERR_PROXY_CONNECTION_FAILED",
    "net::ERR_CERT_AUTHORITY_INVALID",
];

/// Palo Alto's URL-filtering page, as a firewall in the person's network sends it with 503.
const FIREWALL_PAGE: &str = "<html><head><title>Web Page Blocked</title></head><body>\
    <div id=\"content\"><h1>Web Page Blocked</h1><p>Access to the web page you were trying to \
    visit has been blocked in accordance with company policy. Please contact your system \
    administrator if you believe this is in error.</p><p><b>User:</b> 10.0.0.7</p></div>\
    </body></html>";

fn header(n: &str, v: &str) -> Header {
    Header {
        name: n.into(),
        value: Some(v.into()),
    }
}

/// The wild corpus's pages as the extension gets them (HTML as the page's start, text as
/// what the content script reads).
fn wild() -> Vec<(String, Failure)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wild/cases");
    let mut out = Vec::new();
    for f in std::fs::read_dir(dir).unwrap() {
        let path = f.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let body = v["body"].as_str().unwrap_or("").to_string();
        let html = v["form"].as_str() == Some("html");
        let headers = v["headers"].as_array().map_or(vec![], |hs| {
            hs.iter()
                .filter_map(|h| h.as_str()?.split_once(':'))
                .map(|(n, v)| header(n.trim(), v.trim()))
                .collect()
        });
        out.push((
            format!("wild/{}", v["id"].as_str().unwrap()),
            Failure {
                url: "https://www.example.com/page".into(),
                method: Some("GET".into()),
                status_code: v["status"].as_u64().map(|s| s as u16),
                status_line: v["statusLine"].as_str().map(str::to_string),
                response_headers: headers,
                body_text: html.then(|| body.clone()),
                page_text: (!html).then_some(body),
                ..Failure::default()
            },
        ));
    }
    out
}

fn failures() -> Vec<(String, Failure)> {
    let mut out = fixture_failures();
    out.extend(wild());
    for url in [
        "https://shop.example.com/cart",
        "http://127.0.0.1:8080/cart",
    ] {
        for e in ERRORS {
            out.push((
                format!("{e} {url}"),
                Failure {
                    url: url.into(),
                    error: Some((*e).into()),
                    time_stamp: Some(NOW),
                    ..Failure::default()
                },
            ));
        }
    }
    // a DNS filter's answer: the name resolved to 0.0.0.0
    for url in [
        "https://shop.example.com/cart",
        "http://ads.example.net/banner",
    ] {
        out.push((
            format!("dns filter {url}"),
            Failure {
                url: url.into(),
                error: Some("net::ERR_CONNECTION_REFUSED".into()),
                ip: Some("0.0.0.0".into()),
                time_stamp: Some(NOW),
                ..Failure::default()
            },
        ));
    }
    for url in [
        "https://shop.example.com/cart",
        "http://127.0.0.1:8080/cart",
    ] {
        // a firewall's block page (e2e person 8 is served from 127.0.0.1), and a rate limit
        for (status, body) in [(503, FIREWALL_PAGE), (429, "Too Many Requests")] {
            out.push((
                format!("{status} {url}"),
                Failure {
                    url: url.into(),
                    method: Some("GET".into()),
                    status_code: Some(status),
                    response_headers: vec![header("Content-Type", "text/html")],
                    body_text: Some(body.into()),
                    time_stamp: Some(NOW),
                    ..Failure::default()
                },
            ));
        }
    }
    out
}

fn environments() -> Vec<(&'static str, Environment)> {
    let with = |mode: &str| Environment {
        proxy: Some(ProxySettings {
            mode: Some(mode.into()),
            ..Default::default()
        }),
        now: Some(NOW),
        ..Default::default()
    };
    vec![
        (
            "no proxy",
            Environment {
                now: Some(NOW),
                ..Default::default()
            },
        ),
        ("system", with("system")),
        ("fixed_servers", with("fixed_servers")),
    ]
}

/// A refusal on purpose: a block of any kind.
fn block(d: &Diagnosis) -> bool {
    matches!(d.cause, Cause::Blocked | Cause::DnsFilter)
}

/// What breaks the chain's invariants for `d` in `env`.
fn check(d: &Diagnosis, env: &Environment, v: &[ChainNode]) -> Vec<String> {
    let mut out = Vec::new();
    let states: Vec<&str> = v.iter().map(|n| n.state).collect();
    let blocked: Vec<usize> = (0..v.len()).filter(|&i| v[i].state == "blocked").collect();
    // a block, or a rate limit, is a refusal: nothing failed
    if (block(d) || d.status_code == Some(429)) && states.contains(&"failed") {
        out.push("a refusal, yet a part failed".into());
    }
    if block(d) {
        // one part refused, and nothing is known past it (the request never got there)
        if blocked.len() > 1 {
            out.push("more than one part blocked".into());
        }
        if blocked.is_empty() && d.culprit.as_str() != "unknown" {
            out.push(format!(
                "a block by the {}, yet no part blocked",
                d.culprit.as_str()
            ));
        }
        if let Some(&i) = blocked.first() {
            if v[i + 1..].iter().any(|n| n.state != "unknown") {
                out.push("a part past the block is said to work".into());
            }
        }
        // a block page that came as an answer is the person's network's or proxy's: the
        // proxy only when one is set; one only its page claims (diagnose::unconfirmed: no
        // proxy set, and a site can send any page) is drawn as no part's block
        if unconfirmed(d) {
            if !blocked.is_empty() {
                out.push("only the page claims a block, yet a part blocked".into());
            }
        } else if d.status_code.is_some() {
            match blocked.first().map(|&i| v[i].id) {
                Some("network") => {}
                Some("proxy") if proxy_configured(env) => {}
                other => out.push(format!("a block page, yet {other:?} blocked")),
            }
        }
    } else if !blocked.is_empty() {
        out.push("blocked, yet no block".into());
    }
    out
}

#[test]
fn no_chain_says_failed_for_a_refusal_on_purpose() {
    let langs = all_locales();
    assert!(langs.len() >= 4);
    let (mut errors, mut blocks, mut pages, mut limits) = (Vec::new(), 0, 0, 0);
    for (name, f) in failures() {
        let Ok(d) = gateway_doctor::diagnose(&f) else {
            continue;
        };
        if !d.failed {
            continue;
        }
        for (env_name, env) in environments() {
            let d = in_context(&d, &env);
            let v = chain(&d, &env);
            blocks += usize::from(block(&d));
            pages += usize::from(block(&d) && d.status_code.is_some());
            limits += usize::from(d.status_code == Some(429));
            for e in check(&d, &env, &v) {
                errors.push(format!("{name} ({env_name}): {e}: {v:?}"));
            }
            // every label and every state has its words in every language
            for n in &v {
                let state = format!("ui_chain_{}", n.state);
                for key in [n.key, state.as_str()] {
                    for (lang, file) in &langs {
                        if !file.contains_key(key) {
                            errors.push(format!("{lang}: no message {key}"));
                        }
                    }
                }
            }
        }
    }
    // the corpus holds each kind of refusal
    assert!(
        blocks >= 60 && pages >= 6 && limits >= 20,
        "{blocks} {pages} {limits}"
    );
    errors.sort();
    errors.dedup();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn a_network_filters_block_page_blocked_the_request_in_the_networks_node() {
    // (a page served from this computer too, as the end-to-end test's server does)
    for url in [
        "https://shop.example.com/cart",
        "http://127.0.0.1:8080/cart",
    ] {
        let f = Failure {
            url: url.into(),
            method: Some("GET".into()),
            status_code: Some(503),
            response_headers: vec![header("Content-Type", "text/html")],
            body_text: Some(FIREWALL_PAGE.into()),
            ..Failure::default()
        };
        let d = gateway_doctor::diagnose(&f).unwrap();
        let pairs = |env: &Environment| -> Vec<(&str, &str)> {
            chain(&d, env).iter().map(|n| (n.id, n.state)).collect()
        };
        let (_, none) = &environments()[0];
        assert_eq!(
            pairs(none),
            [
                ("you", "working"),
                ("network", "blocked"),
                ("server", "unknown")
            ],
            "{url}"
        );
        // the filter's name on its node
        assert!(chain(&d, none)[1].name.is_some(), "{:?}", chain(&d, none));
        // with a proxy set, the proxy is the one that blocked
        let (_, fixed) = &environments()[2];
        assert_eq!(
            pairs(fixed),
            [
                ("you", "working"),
                ("proxy", "blocked"),
                ("server", "unknown")
            ]
        );
    }
}
