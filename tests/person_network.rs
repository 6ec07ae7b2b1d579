//! When the fault is on the person's side, continued: captive portals, a wrong clock, secure DNS
//! and IPv6 (see tests/person.rs).

use gateway_doctor::diagnose::in_context;
use gateway_doctor::model::{Cause, Culprit, Diagnosis, Environment, Failure, Param};
use gateway_doctor::policy::waits_for_network;
use gateway_doctor::view::{view, RetryState, Unknown};
use gateway_doctor::{advise, diagnose};

#[path = "support/person.rs"]
#[allow(dead_code)]
mod support;
use support::{auto, env, net_error, NOW};

// ---------------------------------------------------------------- captive portals

/// A network's sign-in: the portal's headline, "sign in" first opening `url`, the tab waiting
/// for the network (not retried on a timer).
fn signs_in_first(d: &Diagnosis, e: &Environment, url: &str) {
    let a = advise(d, e);
    assert_eq!(a.summary.key, "summary_portal_nogw");
    assert_eq!(a.steps[0].id, "sign-in");
    assert_eq!(
        a.steps[0].action,
        Some(gateway_doctor::model::Action::OpenUrl { url: url.into() })
    );
    assert!(waits_for_network(d));
    let r = auto(d);
    assert_eq!((r.state, r.reason.as_str()), ("network", "auth"));
}

#[test]
fn a_511_says_sign_in_to_the_network_opens_its_page_and_waits_for_it() {
    let body = r#"<html><head><meta http-equiv="refresh" content="0; url=http://portal.example.net/login?from=x"></head>
        <body>You need to <a href="http://other.example.net/">sign in</a>.</body></html>"#;
    let d = diagnose(&Failure {
        url: "https://news.example.com/".into(),
        status_code: Some(511),
        body_text: Some(body.into()),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(d.culprit, Culprit::Network);
    assert_eq!(
        d.sign_in_url.as_deref(),
        Some("http://portal.example.net/login?from=x")
    );
    signs_in_first(&d, &env(), "http://portal.example.net/login?from=x");
    let a = advise(&d, &env());
    let v = view(
        &d,
        &a,
        &env(),
        Unknown::default(),
        &RetryState {
            state: Some("network".into()),
            reason: Some("auth".into()),
            ..Default::default()
        },
    );
    assert_eq!(v.retry.unwrap().key, "ui_retry_after_sign_in");
    // a link when there is no refresh; nothing that is not a web address
    for (body, want) in [
        (
            r#"<a href='https://wifi.example.org/auth'>Log in</a>"#,
            Some("https://wifi.example.org/auth"),
        ),
        (
            r#"<a href="javascript:alert(1)">x</a><a href="/relative">y</a>"#,
            None,
        ),
        ("Sign in at the front desk.", None),
        // a data: or javascript: refresh is passed over for the page's http(s) link
        (
            r#"<meta http-equiv="refresh" content="0;url=data:text/html,hi"><a href="javascript:x()">a</a><a href="https://wifi.example.org/">b</a>"#,
            Some("https://wifi.example.org/"),
        ),
        // a host in look-alike letters (Cyrillic "а"): not offered; its xn-- form would be
        ("<a href=\"http://p\u{430}ypal.example/\">Log in</a>", None),
        (
            "<a href=\"http://xn--pypal-4ve.example/\">Log in</a>",
            Some("http://xn--pypal-4ve.example/"),
        ),
        // a bidi override inside the link is dropped before anything reads it
        (
            "<a href=\"http://\u{202E}lanrutxe.example/\">Log in</a>",
            Some("http://lanrutxe.example/"),
        ),
    ] {
        let d = diagnose(&Failure {
            url: "https://news.example.com/".into(),
            status_code: Some(511),
            body_text: Some(body.into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(d.sign_in_url.as_deref(), want, "{body}");
        let a = advise(&d, &env());
        assert_eq!(a.steps.iter().any(|s| s.id == "sign-in"), want.is_some());
    }
}

#[test]
fn a_locked_captive_portal_the_browser_reports_says_sign_in_and_opens_its_page() {
    let portal = |state: &str| Environment {
        browser: Some("firefox".into()),
        captive_portal: Some(state.into()),
        portal_url: Some("http://detectportal.example.org/canonical.html".into()),
        online: Some(true),
        ..env()
    };
    for error in [
        "NS_ERROR_CONNECTION_REFUSED",
        "NS_ERROR_NET_TIMEOUT",
        "NS_ERROR_UNKNOWN_HOST",
        "SSL_ERROR_BAD_CERT_DOMAIN",
    ] {
        let raw = net_error("https://news.example.com/", error, "GET");
        let d = in_context(&raw, &portal("locked_portal"));
        assert_eq!(
            (d.cause, d.culprit),
            (Cause::Auth, Culprit::Network),
            "{error}"
        );
        assert!(gateway_doctor::diagnose::is_portal(&d));
        assert_eq!(
            d.sign_in_url.as_deref(),
            Some("http://detectportal.example.org/canonical.html")
        );
        // once is enough: the same again
        assert_eq!(in_context(&d, &portal("locked_portal")), d, "{error}");
        signs_in_first(
            &d,
            &portal("locked_portal"),
            "http://detectportal.example.org/canonical.html",
        );
        // any other state says nothing new
        for state in ["unlocked_portal", "not_captive", "unknown", ""] {
            assert_eq!(in_context(&raw, &portal(state)), in_context(&raw, &env()));
        }
    }
    // a response proves the way through; a POST is still never sent again on its own
    let post = in_context(
        &net_error("https://news.example.com/", "NS_ERROR_NET_TIMEOUT", "POST"),
        &portal("locked_portal"),
    );
    assert!(gateway_doctor::diagnose::is_portal(&post));
    assert!(!post.safe_to_retry);
    // not a web address: no sign-in step, the wording stays
    let e = Environment {
        portal_url: Some("javascript:alert(1)".into()),
        ..portal("locked_portal")
    };
    let d = in_context(
        &net_error("https://news.example.com/", "NS_ERROR_NET_TIMEOUT", "GET"),
        &e,
    );
    assert_eq!(d.sign_in_url, None);
    let a = advise(&d, &e);
    assert_eq!(a.summary.key, "summary_portal_nogw");
    assert!(a.steps.iter().all(|s| s.id != "sign-in"));
    // the person stopped it: no portal
    let stopped = net_error("https://news.example.com/", "NS_BINDING_ABORTED", "GET");
    assert_eq!(in_context(&stopped, &portal("locked_portal")), stopped);
}

#[test]
fn a_511_gets_sign_in_steps_from_its_first_frame_on_with_or_without_its_link() {
    // The panel's first frame is painted from the response alone, before the page's text
    // (and its sign-in link) arrives: a 511 is a network's sign-in from the status alone.
    let first = diagnose(&Failure {
        url: "https://news.example.com/".into(),
        status_code: Some(511),
        status_line: Some("HTTP/1.1 511 Network Authentication Required".into()),
        response_headers: vec![gateway_doctor::model::Header {
            name: "Server".into(),
            value: Some("nginx".into()),
        }],
        time_stamp: Some(NOW),
        ..Default::default()
    })
    .unwrap();
    let refined = diagnose(&Failure {
        body_text: Some(r#"<a href="http://portal.example.net/login">Sign in</a>"#.into()),
        ..Failure {
            url: "https://news.example.com/".into(),
            status_code: Some(511),
            time_stamp: Some(NOW),
            ..Default::default()
        }
    })
    .unwrap();
    let panel = |d: &Diagnosis, e: &Environment| {
        let r = auto(d);
        view(
            d,
            &advise(d, e),
            e,
            Unknown::default(),
            &RetryState {
                state: Some(r.state.into()),
                reason: Some(r.reason),
                ..Default::default()
            },
        )
    };
    let ids = |s: &[gateway_doctor::view::ViewStep]| -> Vec<String> {
        s.iter().map(|s| s.id.clone()).collect()
    };
    for (browser, check) in [
        ("chrome", "http://www.gstatic.com/generate_204"),
        ("firefox", "http://detectportal.firefox.com/canonical.html"),
    ] {
        let e = Environment {
            browser: Some(browser.into()),
            incognito_allowed: Some(true),
            ..env()
        };
        let v = panel(&first, &e);
        assert!(v.headline.key.starts_with("summary_portal"), "{browser}");
        assert_eq!(v.culprit.key, "ui_culprit_network");
        // the network's sign-in page by the browser's own check, joining again, the staff
        assert_eq!(
            ids(&v.steps),
            ["open-portal", "reconnect", "ask-staff"],
            "{browser}"
        );
        assert_eq!(
            v.steps[0].action,
            Some(gateway_doctor::model::Action::OpenUrl { url: check.into() })
        );
        assert_eq!(ids(&v.more), ["other-browser"]);
        // no private window, no countdown: signing in is what helps
        assert_eq!(v.primary, [gateway_doctor::model::Action::Retry]);
        assert_eq!(v.retry.unwrap().key, "ui_retry_after_sign_in");
        // the network stops the page; nothing is known of the site
        let chain: Vec<(&str, &str)> = v.chain.iter().map(|n| (n.id, n.state)).collect();
        assert_eq!(
            chain,
            [
                ("you", "working"),
                ("network", "failed"),
                ("server", "unknown")
            ]
        );
        // once the page is read: its sign-in page first, the same headline
        let v = panel(&refined, &e);
        assert_eq!(
            ids(&v.steps),
            ["sign-in", "open-portal", "reconnect"],
            "{browser}"
        );
        assert!(v.headline.key.starts_with("summary_portal"));
        assert_eq!(ids(&v.more), ["ask-staff", "other-browser"]);
    }
    // Firefox says which address it checks: that one; and it is not offered twice when it is
    // already the sign-in page (a locked portal the browser reported)
    let e = Environment {
        browser: Some("firefox".into()),
        portal_url: Some("http://detectportal.example.org/canonical.html".into()),
        captive_portal: Some("locked_portal".into()),
        ..env()
    };
    let v = panel(&first, &e);
    assert_eq!(
        v.steps[0].action,
        Some(gateway_doctor::model::Action::OpenUrl {
            url: "http://detectportal.example.org/canonical.html".into()
        })
    );
    let locked = in_context(
        &net_error("https://news.example.com/", "NS_ERROR_NET_TIMEOUT", "GET"),
        &e,
    );
    let v = panel(&locked, &e);
    assert_eq!(ids(&v.steps), ["sign-in", "reconnect", "ask-staff"]);
    // a POST behind a portal: the form warning, still no outage step
    let mut post = first.clone();
    post.method = "POST".into();
    let a = advise(&post, &env());
    let all: Vec<&str> = a.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        all,
        [
            "open-portal",
            "reconnect",
            "ask-staff",
            "resubmit-warning",
            "retry",
            "other-browser"
        ]
    );
}

#[test]
fn a_locked_captive_portal_is_not_in_front_of_this_computer() {
    let e = Environment {
        browser: Some("firefox".into()),
        captive_portal: Some("locked_portal".into()),
        online: Some(true),
        ..env()
    };
    for url in ["http://127.0.0.1:9999/", "http://192.168.1.20:8080/"] {
        let raw = net_error(url, "NS_ERROR_CONNECTION_REFUSED", "GET");
        let d = in_context(&raw, &e);
        assert_eq!(d.cause, Cause::ConnectionRefused, "{url}");
        assert!(!gateway_doctor::diagnose::is_portal(&d));
        assert!(advise(&d, &e)
            .summary
            .key
            .starts_with("summary_connection_refused_l"));
    }
}

// ---------------------------------------------------------------- a wrong clock

use gateway_doctor::model::ClockSample;
use gateway_doctor::policy::clock_offset;

/// "Sat, 07 Nov 2026 08:00:00 GMT" in ms since the epoch.
const DATE_MS: f64 = 1_794_038_400_000.0;
const DATE: &str = "Sat, 07 Nov 2026 08:00:00 GMT";

fn samples(computer_minus_server_ms: f64, n: usize) -> Vec<ClockSample> {
    (0..n)
        .map(|i| ClockSample {
            date: DATE.into(),
            at: DATE_MS + computer_minus_server_ms + i as f64 * 10.0,
        })
        .collect()
}

#[test]
fn the_clock_offset_is_the_median_of_the_servers_dates() {
    assert_eq!(
        clock_offset(&samples(-26.0 * 3_600_000.0, 3)),
        Some(-26.0 * 3_600_000.0 + 10.0)
    );
    // one sample is not enough, nor dates that do not parse
    assert_eq!(clock_offset(&samples(5_000_000.0, 1)), None);
    let junk = vec![
        ClockSample {
            date: "yesterday".into(),
            at: DATE_MS,
        },
        ClockSample {
            date: DATE.into(),
            at: f64::NAN,
        },
    ];
    assert_eq!(clock_offset(&junk), None);
    // one server with a wrong Date among good ones: the median keeps to the good ones
    let mut mixed = samples(0.0, 3);
    mixed.push(ClockSample {
        date: "Sat, 07 Nov 2026 20:00:00 GMT".into(),
        at: DATE_MS,
    });
    assert!(clock_offset(&mixed).unwrap().abs() < 1000.0);
}

#[test]
fn a_certificate_date_error_with_the_clock_a_day_off_says_so_and_how_to_set_it() {
    for (error, off, key) in [
        ("net::ERR_CERT_DATE_INVALID", -26.0, "summary_clock_nogw"),
        (
            "MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE",
            -26.0,
            "summary_clock_nogw",
        ),
        (
            "SEC_ERROR_EXPIRED_CERTIFICATE",
            30.0,
            "summary_clock_ahead_nogw",
        ),
        (
            "Peer's Certificate has expired.",
            30.0,
            "summary_clock_ahead_nogw",
        ),
    ] {
        let d = net_error("https://bank.example.com/", error, "GET");
        let mut e = env();
        e.platform = Some("win".into());
        e.clock_samples = samples(off * 3_600_000.0, 3);
        let x = in_context(&d, &e);
        assert_eq!(x.cause, Cause::Clock, "{error}");
        assert_eq!(x.culprit, Culprit::Browser);
        let a = advise(&x, &e);
        assert_eq!(a.summary.key, key, "{error}");
        assert_eq!(
            a.summary.params.get("hours"),
            Some(&Param::Number(off.abs()))
        );
        assert_eq!(a.steps[0].id, "set-clock");
        assert_eq!(
            a.steps[0].params.get("variant"),
            Some(&Param::Text("win".into()))
        );
        assert_eq!(in_context(&x, &e), x);
        // within an hour: the site's certificate
        e.clock_samples = samples(40.0 * 60_000.0, 3);
        assert_eq!(in_context(&d, &e).cause, Cause::Tls, "{error}");
    }
    // other certificate errors are not the clock's
    let d = net_error(
        "https://bank.example.com/",
        "net::ERR_CERT_AUTHORITY_INVALID",
        "GET",
    );
    let mut e = env();
    e.clock_samples = samples(-26.0 * 3_600_000.0, 3);
    assert_eq!(in_context(&d, &e).cause, Cause::Tls);
}

// ---------------------------------------------------------------- secure DNS

#[test]
fn a_name_that_resolves_only_without_secure_dns_blames_the_secure_dns() {
    let d = net_error("https://mail.example.com/", "NS_ERROR_UNKNOWN_HOST", "GET");
    let mut e = env();
    e.browser = Some("firefox".into());
    e.resolves_without_secure_dns = Some(true);
    let x = in_context(&d, &e);
    assert_eq!(x.cause, Cause::SecureDns);
    assert_eq!(x.culprit, Culprit::Browser);
    let a = advise(&x, &e);
    assert_eq!(a.summary.key, "summary_secure_dns_nogw");
    assert_eq!(a.steps[0].id, "secure-dns");
    assert_eq!(
        a.steps[0].params.get("variant"),
        Some(&Param::Text("firefox".into()))
    );
    // Firefox refuses to open about:preferences for an extension: no button, the words say
    // where the setting is (Settings › Privacy & Security › DNS over HTTPS)
    assert_eq!(a.steps[0].action, None);
    assert_eq!(in_context(&x, &e), x);
    // it does not resolve either way, or the browser could not ask: a DNS failure that names
    // secure DNS among its causes
    for r in [Some(false), None] {
        e.resolves_without_secure_dns = r;
        let y = in_context(&d, &e);
        assert_eq!(y.cause, Cause::Dns);
        assert_eq!(advise(&y, &e).summary.key, "summary_dns_nogw");
    }
    let locales = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("extension/_locales/en/messages.json"),
    )
    .unwrap();
    let m: serde_json::Value = serde_json::from_str(&locales).unwrap();
    assert!(m["summary_dns_nogw"]["message"]
        .as_str()
        .unwrap()
        .contains("secure DNS"));
}

// ---------------------------------------------------------------- IPv6

#[test]
fn only_ipv6_failing_while_ipv4_works_blames_the_connections_ipv6() {
    let d = net_error("https://v6only.example.com/", "NS_ERROR_NET_TIMEOUT", "GET");
    let mut e = env();
    e.addresses = vec!["2001:db8::1".into(), "[2001:db8::2]".into()];
    e.ipv4_works = Some(true);
    let x = in_context(&d, &e);
    assert_eq!(x.cause, Cause::Ipv6);
    assert_eq!(x.culprit, Culprit::Network);
    let a = advise(&x, &e);
    assert_eq!(a.summary.key, "summary_ipv6_nogw");
    assert_eq!(a.steps[0].id, "check-connection");
    assert_eq!(
        a.steps[0].params.get("variant"),
        Some(&Param::Text("ipv6".into()))
    );
    // IPv4 not known to work, or an IPv4 address among them: no such claim
    e.ipv4_works = None;
    assert_eq!(in_context(&d, &e).cause, Cause::Timeout);
    e.ipv4_works = Some(true);
    e.addresses.push("192.0.2.1".into());
    assert_eq!(in_context(&d, &e).cause, Cause::Timeout);
    // "::" is a DNS filter's, not IPv6's
    e.addresses = vec!["::".into()];
    assert_eq!(in_context(&d, &e).cause, Cause::DnsFilter);
}
