//! advise as a new user meets it: platforms, refused connections, rate limits, certificates, a network's filter.

#[path = "support/advice.rs"]
#[allow(dead_code)]
mod support;
use gateway_doctor::model::{
    Cause, Culprit, Diagnosis, Environment, Failure, History, Param, ProxySettings,
};
use gateway_doctor::{advise, diagnose, retry_plan};
use support::{env, http, ids, net_error, pos, step, text};

// ---------------------------------------------------------------- as a new user meets it

fn first_steps(d: &Diagnosis, e: &Environment) -> Vec<String> {
    use gateway_doctor::view::{view, RetryState, Unknown};
    let v = view(
        d,
        &advise(d, e),
        e,
        Unknown::default(),
        &RetryState::default(),
    );
    v.steps.iter().map(|s| s.key.clone()).collect()
}

#[test]
fn a_site_on_a_platform_gets_the_providers_status_not_the_sites() {
    // myapp.herokuapp.com's status page is Heroku's: the provider's, never "the site's"
    let d = diagnose(&Failure {
        url: "https://myapp.herokuapp.com/".into(),
        status_code: Some(503),
        response_headers: http::headers(&[("Server", "Heroku"), ("Via", "1.1 heroku-router")]),
        body_text: Some("<!DOCTYPE html><html><head><title>Application Error</title></head><body><iframe src=\"//www.herokucdn.com/error-pages/application-error.html\"></iframe></body></html>".into()),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(d.gateway.as_ref().unwrap().id, "heroku");
    let a = advise(&d, &env());
    let s = step(&a, "status-page");
    assert_eq!(text(s.params.get("variant")), "provider");
    assert_eq!(text(s.params.get("url")), "https://status.heroku.com/");
    assert_eq!(text(s.params.get("platform")), "Heroku");
}

#[test]
fn a_refused_connection_to_a_real_host_gets_what_an_outage_gets() {
    let d = net_error("https://shop.example.com/", "net::ERR_CONNECTION_REFUSED");
    // not a typo (the name resolved), not a private window: is it down, the watch, the wait
    assert_eq!(
        first_steps(&d, &env()),
        ["step_check_down", "step_notify_when_back", "step_wait"]
    );
    // nothing listens on this computer: start it, the watch; nothing of the person's setup
    let d = net_error("http://127.0.0.1:9999/", "net::ERR_CONNECTION_REFUSED");
    assert_eq!(
        first_steps(&d, &env()),
        ["step_start_server", "step_notify_when_back"]
    );
}

#[test]
fn a_wait_the_site_asks_for_is_the_headlines_and_a_rate_limit_is_no_outage() {
    let resp = |status: u16, wait: &str| {
        diagnose(&Failure {
            url: "https://www.example.com/".into(),
            status_code: Some(status),
            response_headers: http::headers(&[("Server", "nginx"), ("Retry-After", wait)]),
            ..Default::default()
        })
        .unwrap()
    };
    for (wait, key, n) in [
        ("30", "summary_overloaded_seconds", Some(("seconds", 30.0))),
        ("60", "summary_overloaded_minute", None),
        (
            "3600",
            "summary_overloaded_minutes",
            Some(("minutes", 60.0)),
        ),
        ("7200", "summary_overloaded_hours", Some(("hours", 2.0))),
        ("0", "summary_unavailable", None),
    ] {
        let a = advise(&resp(503, wait), &env());
        assert_eq!(a.summary.key, key, "{wait}");
        if let Some((name, v)) = n {
            assert_eq!(
                a.summary.params.get(name),
                Some(&Param::Number(v)),
                "{wait}"
            );
        }
    }
    // a 429: the wait, the watch, the content from elsewhere; not "is it down?"
    let d = resp(429, "120");
    assert_eq!(
        advise(&d, &env()).summary.key,
        "summary_rate_limited_minutes"
    );
    assert_eq!(
        first_steps(&d, &env()),
        [
            "step_wait_retry_after_minutes",
            "step_notify_when_back",
            "step_archived_copy"
        ]
    );
}

#[test]
fn a_broken_certificate_of_the_site_gets_its_owners_not_a_private_window() {
    for error in [
        "net::ERR_CERT_DATE_INVALID",
        "net::ERR_CERT_COMMON_NAME_INVALID",
    ] {
        let d = net_error("https://shop.example.com/", error);
        assert_eq!(d.culprit, gateway_doctor::model::Culprit::Site, "{error}");
        assert_eq!(
            first_steps(&d, &env()),
            ["step_check_down", "step_contact_site", "step_other_browser"],
            "{error}"
        );
    }
}

#[test]
fn a_503_that_says_nothing_more_is_unavailable_not_overloaded_until_its_page_says() {
    // The first frame has the headers alone: Heroku's H10 and Fastly's "connection failed"
    // are a 503 like any other there. "Overloaded, wait a little" was the status's guess, and
    // the page read a moment later said the app crashed, or the site is down.
    let heroku = &[("Server", "Heroku"), ("Via", "1.1 heroku-router")][..];
    let fastly = &[("Server", "Varnish"), ("X-Served-By", "cache-fra19120-FRA")][..];
    for (headers, body) in [
        (heroku, "<!DOCTYPE html><html><head><title>Application Error</title></head><body><iframe src=\"//www.herokucdn.com/error-pages/application-error.html\"></iframe></body></html>"),
        (fastly, "<html><head><title>503 Backend unavailable, connection failed</title></head><body><h1>Error 503 Backend unavailable, connection failed</h1><p>Guru Mediation:</p><p>Details: cache-fra19120-FRA 1700000000 1234567890</p><hr><p>Varnish cache server</p></body></html>"),
    ] {
        let f = |body: Option<&str>| {
            diagnose(&Failure {
                url: "https://www.example.com/".into(),
                status_code: Some(503),
                response_headers: http::headers(headers),
                body_text: body.map(Into::into),
                ..Default::default()
            })
            .unwrap()
        };
        let first = advise(&f(None), &env()).summary.key;
        assert!(first.starts_with("summary_unavailable"), "{first}");
        let refined = advise(&f(Some(body)), &env()).summary.key;
        assert!(!refined.starts_with("summary_overloaded"), "{refined}");
    }
    // a 503 that asks to come back later is overloaded, and says for how long
    let d = diagnose(&Failure {
        url: "https://www.example.com/".into(),
        status_code: Some(503),
        response_headers: http::headers(&[("Retry-After", "120")]),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(
        advise(&d, &env()).summary.key,
        "summary_overloaded_minutes_nogw"
    );
}

/// The chain's (id, state) pairs for a response.
fn chain_of(
    url: &str,
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
) -> Vec<(&'static str, &'static str)> {
    let d = diagnose(&Failure {
        url: url.into(),
        status_code: Some(status),
        response_headers: http::headers(headers),
        body_text: Some(body.into()).filter(|b: &String| !b.is_empty()),
        time_stamp: Some(1_795_000_000_000.0),
        ..Default::default()
    })
    .unwrap();
    gateway_doctor::view::chain(&d, &env())
        .iter()
        .map(|n| (n.id, n.state))
        .collect()
}

#[test]
fn a_429_reads_limiting_requests_and_maintenance_reads_come_back_later() {
    // the site's server answered a 429 through nginx: nginx works, the server limits requests
    assert_eq!(
        chain_of(
            "https://www.example.com/",
            429,
            &[("Server", "nginx"), ("Retry-After", "120")],
            ""
        ),
        [
            ("you", "working"),
            ("network", "working"),
            ("gateway", "working"),
            ("server", "limiting")
        ]
    );
    // behind Cloudflare, the origin's own 429: Cloudflare works, the server limits
    let cf = [
        ("Server", "cloudflare"),
        ("CF-RAY", "8f1e2d3c4b5a6978-FRA"),
        ("Retry-After", "60"),
    ];
    assert_eq!(
        chain_of(
            "https://shop.example.com/",
            429,
            &cf,
            "Too many requests, slow down"
        ),
        [
            ("you", "working"),
            ("network", "working"),
            ("gateway", "working"),
            ("server", "limiting")
        ]
    );
    // Cloudflare's own rate limit (error 1015): Cloudflare limits, the server is not reached
    let page = "<title>Access denied | shop.example.com used Cloudflare to restrict access</title>\
        <h1>Error 1015</h1><h2>You are being rate limited</h2>\
        <p>The owner of this website (shop.example.com) has banned you temporarily from accessing this website.</p>\
        <span>Cloudflare Ray ID: <strong>8f1e2d3c4b5a6978</strong></span>";
    assert_eq!(
        chain_of("https://shop.example.com/", 429, &cf, page),
        [
            ("you", "working"),
            ("network", "working"),
            ("gateway", "limiting"),
            ("server", "unknown")
        ]
    );
    // WordPress's maintenance 503 with its Retry-After (Apache in front works): the server is
    // up and says later
    let wp = "<title>Maintenance</title><h1>Briefly unavailable for scheduled maintenance. Check back in a minute.</h1>";
    assert_eq!(
        chain_of(
            "https://blog.example.com/",
            503,
            &[("Server", "Apache"), ("Retry-After", "600")],
            wp
        ),
        [
            ("you", "working"),
            ("network", "working"),
            ("gateway", "working"),
            ("server", "later")
        ]
    );
    // the application's own 503 with Retry-After, no words: later as well
    assert_eq!(
        chain_of(
            "https://www.example.com/",
            503,
            &[("Server", "nginx"), ("Retry-After", "3600")],
            ""
        ),
        [
            ("you", "working"),
            ("network", "working"),
            ("gateway", "working"),
            ("server", "later")
        ]
    );
    // a 503 that gives no time and no maintenance words is still a failure
    assert_eq!(
        chain_of("https://www.example.com/", 503, &[("Server", "nginx")], ""),
        [
            ("you", "working"),
            ("network", "working"),
            ("gateway", "working"),
            ("server", "failed")
        ]
    );
}

#[test]
fn the_browsers_default_proxy_setting_is_no_proxy_in_the_way() {
    // "system" (use the operating system's settings) is what both browsers report when nobody
    // set a proxy: no failure on the person's side is blamed on a proxy first for it, and the
    // chain draws the network, not a proxy.
    let mut e = env();
    e.proxy = Some(ProxySettings {
        mode: Some("system".into()),
        controlled_by: None,
        by_extension: false,
    });
    for error in [
        "net::ERR_INTERNET_DISCONNECTED",
        "net::ERR_NAME_NOT_RESOLVED",
        "net::ERR_CONNECTION_TIMED_OUT",
        "net::ERR_CONNECTION_RESET",
        "net::ERR_BLOCKED_BY_CLIENT",
    ] {
        let d = net_error("https://example.com/", error);
        let a = advise(&d, &e);
        assert_ne!(a.steps[0].id, "check-proxy", "{error}: {:?}", ids(&a));
        let chain = gateway_doctor::view::chain(&d, &e);
        assert!(
            chain.iter().all(|n| n.id != "proxy"),
            "{error}: {:?}",
            chain
        );
    }
    // a proxy that is set (by hand or by a script) still comes first
    for mode in ["fixed_servers", "pac_script"] {
        e.proxy.as_mut().unwrap().mode = Some(mode.into());
        let d = net_error("https://example.com/", "net::ERR_CONNECTION_RESET");
        assert_eq!(advise(&d, &e).steps[0].id, "check-proxy", "{mode}");
    }
}

#[test]
fn a_certificate_not_trusted_blames_no_one_and_an_inspecting_network_comes_first() {
    // not trusted, by whom unknown (the site's own certificate, or a proxy or antivirus that
    // inspects secure connections): the headline does not say the site's is broken
    for error in [
        "net::ERR_CERT_AUTHORITY_INVALID",
        "SEC_ERROR_UNKNOWN_ISSUER",
    ] {
        let d = net_error("https://example.com/", error);
        assert_eq!(d.culprit, Culprit::Unknown, "{error}");
        assert_eq!(advise(&d, &env()).summary.key, "summary_tls_unknown_nogw");
    }
    // the site's certificate is broken: it says so
    let d = net_error("https://example.com/", "net::ERR_CERT_COMMON_NAME_INVALID");
    assert_eq!(d.culprit, Culprit::Site);
    assert_eq!(advise(&d, &env()).summary.key, "summary_tls_nogw");
    // something on the network inspects secure connections: turning it off first, then
    // another browser or network; no private window (it goes through the same network)
    let d = net_error("https://example.com/", "MOZILLA_PKIX_ERROR_MITM_DETECTED");
    assert_eq!(d.culprit, Culprit::Network);
    let a = advise(&d, &env());
    assert_eq!(a.summary.key, "summary_tls_network_nogw");
    assert_eq!(ids(&a)[..3], ["check-proxy", "retry", "other-browser"]);
    assert!(!ids(&a).contains(&"incognito"));
}

#[test]
fn a_rate_limit_without_retry_after_waits_for_the_limit_not_for_an_outage() {
    let d = diagnose(&Failure {
        url: "https://example.com/".into(),
        status_code: Some(429),
        ..Default::default()
    })
    .unwrap();
    let a = advise(&d, &env());
    let wait = a.steps.iter().find(|s| s.id == "wait").unwrap();
    assert_eq!(text(wait.params.get("variant")), "rate_limited");
}

#[test]
fn clearing_a_loops_cookies_does_not_say_they_are_too_big() {
    // a redirect loop: clearing the site's data fixes it, but not because the browser sends
    // more cookie data than the server accepts
    let d = net_error("https://example.com/", "net::ERR_TOO_MANY_REDIRECTS");
    let a = advise(&d, &env());
    let s = a.steps.iter().find(|s| s.id == "clear-site-data").unwrap();
    assert!(s.params.get("variant").is_none(), "{:?}", s.params);
    // headers too big: that is what it says
    let d = net_error("https://example.com/", "net::ERR_RESPONSE_HEADERS_TOO_BIG");
    let a = advise(&d, &env());
    let s = a.steps.iter().find(|s| s.id == "clear-site-data").unwrap();
    assert_eq!(text(s.params.get("variant")), "cookies");
}

#[test]
fn a_handshake_failure_is_not_called_a_broken_certificate() {
    for error in [
        "net::ERR_SSL_PROTOCOL_ERROR",
        "net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH",
    ] {
        let d = net_error("https://example.com/", error);
        assert_eq!(d.culprit, Culprit::Site, "{error}");
        assert_eq!(
            advise(&d, &env()).summary.key,
            "summary_tls_handshake_nogw",
            "{error}"
        );
    }
    for error in [
        "net::ERR_CERT_COMMON_NAME_INVALID",
        "SSL_ERROR_BAD_CERT_DOMAIN",
        "SEC_ERROR_EXPIRED_CERTIFICATE",
    ] {
        let d = net_error("https://example.com/", error);
        assert_eq!(d.culprit, Culprit::Site, "{error}");
        assert_eq!(
            advise(&d, &env()).summary.key,
            "summary_tls_nogw",
            "{error}"
        );
    }
}

#[test]
fn a_did_you_mean_does_not_ask_whether_the_misspelt_name_is_down() {
    // an outside checker would say the misspelt name is down for everyone
    let mut e = env();
    e.known_hosts = vec!["www.google.com".into()];
    for error in ["net::ERR_NAME_NOT_RESOLVED", "NS_ERROR_UNKNOWN_HOST"] {
        let d = net_error("https://www.gooogle.com/search?q=x", error);
        let a = advise(&d, &e);
        let first: Vec<&str> = ids(&a)
            .into_iter()
            .filter(|id| *id != "retry")
            .take(gateway_doctor::view::FIRST_STEPS)
            .collect();
        assert_eq!(first[0], "verify-url", "{error}: {first:?}");
        assert!(!first.contains(&"check-down"), "{error}: {first:?}");
    }
}

// ---------------------------------------------------------------- a network's filter

/// A company's firewall answering with its block page (Palo Alto's stock URL-filtering page,
/// sent with 503): the network's administrator can allow it; retrying, a private window and
/// this browser's extensions or proxy settings change nothing.
#[test]
fn a_network_filters_block_page_asks_whoever_runs_the_network() {
    let body = "<html><head><title>Web Page Blocked</title></head><body><div id=\"content\"><h1>Web Page Blocked</h1><p>Access to the web page you were trying to visit has been blocked in accordance with company policy. Please contact your system administrator if you believe this is in error.</p><p><b>User:</b> 10.0.0.7</p><p><b>URL:</b> www.example.com/</p><p><b>Category:</b> unknown</p></div></body></html>";
    let d = diagnose(&Failure {
        url: "https://www.example.com/".into(),
        method: Some("GET".into()),
        status_code: Some(503),
        status_line: Some("HTTP/1.1 503 Service Unavailable".into()),
        response_headers: http::headers(&[("Content-Type", "text/html; charset=UTF-8")]),
        body_text: Some(body.into()),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(d.cause, Cause::Blocked, "{d:?}");
    let e = Environment {
        incognito_allowed: Some(true),
        ..env()
    };
    let a = advise(&d, &e);
    assert!(
        a.summary.key.starts_with("summary_blocked_network"),
        "{:?}",
        a.summary
    );
    assert_eq!(ids(&a)[0], "ask-network-admin", "{:?}", ids(&a));
    for no in [
        "incognito",
        "disable-extensions",
        "check-proxy",
        "flush-dns",
        "change-dns",
    ] {
        assert!(pos(&a, no).is_none(), "{no} in {:?}", ids(&a));
    }
    // no watch offered: the site is not down
    let v = gateway_doctor::view::view(
        &d,
        &a,
        &e,
        gateway_doctor::view::Unknown::default(),
        &gateway_doctor::view::RetryState::default(),
    );
    assert!(!v.offer_watch);
    // and it is not retried on its own: the filter answers the same until someone allows it
    assert!(!retry_plan(&d, &History::default()).auto, "{d:?}");
    // an extension's block stays an extension's
    let c = net_error("https://www.example.com/", "net::ERR_BLOCKED_BY_CLIENT");
    assert_eq!(
        advise(&c, &env()).summary.key,
        "summary_blocked_client_nogw"
    );
}
