//! The coherence tests' cases: every captured fixture and a set of browser errors, and the spread
//! of environments each is checked in.

use super::extensions::ext;
use super::http::{self, fixture_failures};
use gateway_doctor::model::{ClockSample, Environment, Failure, ProxySettings, RecentFailure};
use gateway_doctor::policy::{auto_retry, AutoInput};
use gateway_doctor::view::{RetryState, Unknown};

pub const ERRORS: &[&str] = &[
    "net::ERR_NAME_NOT_RESOLVED",
    "net::ERR_CONNECTION_REFUSED",
    "net::ERR_CONNECTION_RESET",
    "net::ERR_CONNECTION_TIMED_OUT",
    "net::ERR_INTERNET_DISCONNECTED",
    "net::ERR_NETWORK_CHANGED",
    "NS_ERROR_OFFLINE",
    "net::ERR_PROXY_CONNECTION_FAILED",
    "net::ERR_TUNNEL_CONNECTION_FAILED",
    "NS_ERROR_PROXY_CONNECTION_REFUSED",
    "NS_ERROR_PROXY_BAD_GATEWAY",
    "net::ERR_CERT_AUTHORITY_INVALID",
    "MOZILLA_PKIX_ERROR_MITM_DETECTED",
    "net::ERR_HTTP2_PROTOCOL_ERROR",
    "NS_ERROR_NET_RESET",
    "NS_ERROR_REDIRECT_LOOP",
    "net::ERR_CONNECTION_CLOSED",
    "net::ERR_SSL_PROTOCOL_ERROR",
    "net::ERR_CERT_DATE_INVALID",
    "net::ERR_TOO_MANY_REDIRECTS",
    "net::ERR_BLOCKED_BY_CLIENT",
    "net::ERR_BLOCKED_BY_ADMINISTRATOR",
    "NS_ERROR_BLOCKED_BY_POLICY",
    "net::ERR_RESPONSE_HEADERS_TOO_BIG",
    "net::ERR_EMPTY_RESPONSE",
    "NS_ERROR_UNKNOWN_HOST",
    "NS_ERROR_CONNECTION_REFUSED",
    "NS_ERROR_NET_TIMEOUT",
    "net::ERR_CACHE_MISS",
    "NS_ERROR_DOCUMENT_NOT_CACHED",
    "notCached",
    "net::ERR_CACHE_READ_FAILURE",
];

/// A navigation that got no response: `error` at `url`.
pub fn net_failure(url: &str, error: &str) -> Failure {
    Failure {
        url: url.into(),
        error: Some(error.into()),
        time_stamp: Some(1_795_000_000_000.0),
        ..Failure::default()
    }
}

/// What the policy decides at NOW for a first failure, automatic retries on.
pub fn decided(d: &gateway_doctor::model::Diagnosis) -> gateway_doctor::policy::AutoDecision {
    auto_retry(
        d,
        &AutoInput {
            now: NOW,
            enabled: true,
            ..Default::default()
        },
    )
}

/// The retry state the shell would keep for the policy's decision `a`, at NOW.
pub fn retry_state(a: &gateway_doctor::policy::AutoDecision) -> RetryState {
    RetryState {
        state: Some(a.state.to_string()),
        reason: Some(a.reason.clone()),
        due: a.due,
        attempts: a.attempts,
        max: Some(a.max),
        now: Some(NOW),
        ..Default::default()
    }
}

pub fn failures() -> Vec<(String, Failure)> {
    let mut out = fixture_failures();
    for e in ERRORS {
        out.push((
            e.to_string(),
            net_failure("https://www.example.com/some/page", e),
        ));
    }
    // a captive portal's 511, linking its sign-in page
    out.push((
        "511 portal".into(),
        Failure {
            url: "https://news.example.com/".into(),
            status_code: Some(511),
            body_text: Some(r#"<a href="http://portal.example.net/login">Sign in</a>"#.into()),
            time_stamp: Some(1_795_000_000_000.0),
            ..Failure::default()
        },
    ));
    // the same 511 as the panel's first frame paints it: from the response alone, before the
    // page (and its sign-in link) is read; and one that links nothing
    out.push((
        "511 portal, first frame".into(),
        Failure {
            url: "https://news.example.com/".into(),
            status_code: Some(511),
            status_line: Some("HTTP/1.1 511 Network Authentication Required".into()),
            response_headers: http::headers(&[("Server", "nginx")]),
            time_stamp: Some(1_795_000_000_000.0),
            ..Failure::default()
        },
    ));
    out.push((
        "511 portal, no link".into(),
        Failure {
            url: "https://news.example.com/".into(),
            status_code: Some(511),
            body_text: Some("Please sign in at the front desk.".into()),
            time_stamp: Some(1_795_000_000_000.0),
            ..Failure::default()
        },
    ));
    // nothing listens on a port of this computer or of the local network
    for url in ["http://127.0.0.1:9999/", "http://192.168.1.20:8080/"] {
        out.push((
            format!("refused at {url}"),
            Failure {
                url: url.into(),
                error: Some("net::ERR_CONNECTION_REFUSED".into()),
                time_stamp: Some(1_795_000_000_000.0),
                ..Failure::default()
            },
        ));
    }
    // a site at capacity and a rate limit, each saying how long to wait
    for (status, wait) in [(503, "3600"), (429, "120")] {
        out.push((
            format!("{status} Retry-After {wait}"),
            Failure {
                url: "https://www.example.com/some/page".into(),
                status_code: Some(status),
                response_headers: http::headers(&[("Server", "nginx"), ("Retry-After", wait)]),
                time_stamp: Some(1_795_000_000_000.0),
                ..Failure::default()
            },
        ));
    }
    // a gateway's 504 on an intranet host: no outside checker, status page or contact there
    for url in [
        "http://10.1.2.3/app",
        "https://wiki.corp/x",
        "http://nas.local/",
    ] {
        out.push((
            format!("504 at {url}"),
            Failure {
                url: url.into(),
                status_code: Some(504),
                status_line: Some("HTTP/1.1 504 Gateway Time-out".into()),
                response_headers: http::headers(&[("Server", "nginx/1.24.0")]),
                body_text: Some(
                    "<center><h1>504 Gateway Time-out</h1></center><hr><center>nginx/1.24.0</center>"
                        .into(),
                ),
                time_stamp: Some(1_795_000_000_000.0),
                ..Failure::default()
            },
        ));
    }
    // a misspelt name of a site visited before (the environments' "real" ones know it)
    for error in ["net::ERR_NAME_NOT_RESOLVED", "NS_ERROR_UNKNOWN_HOST"] {
        out.push((
            format!("{error} for a typo"),
            net_failure("https://a.exmaple.org/news", error),
        ));
    }
    // a rate limit that says no wait
    out.push((
        "429 without Retry-After".into(),
        Failure {
            url: "https://www.example.com/some/page".into(),
            status_code: Some(429),
            response_headers: http::headers(&[("Server", "nginx")]),
            time_stamp: Some(1_795_000_000_000.0),
            ..Failure::default()
        },
    ));
    // a DNS filter's answer: the browser tried 0.0.0.0
    out.push((
        "refused at 0.0.0.0".into(),
        Failure {
            url: "https://ads.example.com/x".into(),
            error: Some("net::ERR_CONNECTION_REFUSED".into()),
            ip: Some("0.0.0.0".into()),
            time_stamp: Some(1_795_000_000_000.0),
            ..Failure::default()
        },
    ));
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

pub const NOW: f64 = 1_795_000_000_000.0;

/// (label, environment, what it could not read)
pub fn environments() -> Vec<(String, Environment, Unknown)> {
    let mut out = Vec::new();
    let recent = |hosts: &[&str], cause: &str| -> Vec<RecentFailure> {
        hosts
            .iter()
            .map(|h| RecentFailure {
                host: h.to_string(),
                at: NOW - 60_000.0,
                cause: Some(cause.into()),
            })
            .collect()
    };
    for browser in ["chrome", "firefox"] {
        for incognito in [None, Some(true), Some(false)] {
            for (exts, unknown_exts) in [
                (vec![], true),
                (
                    vec![ext("notes", "Notes", &["storage"], &["<all_urls>"])],
                    false,
                ),
                (
                    vec![
                        ext(
                            "ub",
                            "uBlock Origin",
                            &["declarativeNetRequest"],
                            &["<all_urls>"],
                        ),
                        ext("vpn", "Super VPN", &["proxy"], &["<all_urls>"]),
                    ],
                    false,
                ),
            ] {
                for (recent_label, failures, known) in [
                    ("none", vec![], vec![]),
                    (
                        "typos",
                        recent(
                            &["nosuch1.test", "nosuch2.invalid", "nosuch3.example"],
                            "dns",
                        ),
                        vec![],
                    ),
                    (
                        "real",
                        recent(
                            &["a.example.org", "b.example.net", "c.example.io"],
                            "timeout",
                        ),
                        vec!["a.example.org".to_string()],
                    ),
                ] {
                    for (proxy, online, portal) in [
                        (None, None, false),
                        (Some("fixed_servers"), None, false),
                        (None, Some(false), false),
                        // the browser says a captive portal holds the connection
                        (None, Some(true), browser == "firefox"),
                    ] {
                        let label = format!(
                            "{browser} incognito={incognito:?} exts={} recent={recent_label} proxy={proxy:?} online={online:?} portal={portal}",
                            exts.len()
                        );
                        let env = Environment {
                            browser: Some(browser.into()),
                            platform: Some(
                                if browser == "chrome" { "win" } else { "linux" }.into(),
                            ),
                            incognito_allowed: incognito,
                            extensions: exts.clone(),
                            recent_failures: failures.clone(),
                            known_hosts: known.clone(),
                            proxy: proxy.map(|m| ProxySettings {
                                mode: Some(m.into()),
                                controlled_by: None,
                                // another extension in control, named by the core or not
                                by_extension: m == "fixed_servers",
                            }),
                            online,
                            // servers a day ahead: the computer's clock is behind
                            clock_samples: if recent_label == "real" {
                                (0..3)
                                    .map(|i| ClockSample {
                                        date: "Sat, 07 Nov 2026 08:00:00 GMT".into(),
                                        at: 1_794_038_400_000.0 - 86_400_000.0 + f64::from(i),
                                    })
                                    .collect()
                            } else {
                                vec![]
                            },
                            // the site only on IPv6, while IPv4 works (offline: not)
                            addresses: if recent_label == "real" && online.is_some() {
                                vec!["2001:db8::1".into()]
                            } else {
                                vec![]
                            },
                            ipv4_works: Some(online.is_some()),
                            captive_portal: portal.then(|| "locked_portal".into()),
                            portal_url: portal
                                .then(|| "http://detectportal.example.org/canonical.html".into()),
                            now: Some(NOW),
                            ..Environment::default()
                        };
                        let unknown = Unknown {
                            extensions: unknown_exts,
                            proxy: proxy.is_none(),
                        };
                        out.push((label, env, unknown));
                    }
                }
            }
        }
    }
    out
}
