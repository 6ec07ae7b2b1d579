//! When the fault is on the person's side (issue 16): the diagnosis in its environment
//! (`diagnose::in_context`), its advice and view, and the policy of tabs that wait for the
//! connection (`policy::waits_for_network`, `online_reloads`, `network_check_next`). Where a
//! browser cannot make the condition in the end-to-end tests, these cover it with the
//! environment facts.

use gateway_doctor::diagnose::{in_context, BURST_WINDOW_MS};
use gateway_doctor::model::{Cause, Culprit, Diagnosis, Environment, Failure, RecentFailure};
use gateway_doctor::policy::{
    auto_retry, network_check_next, online_reloads, waits_for_network, AutoInput, WaitingTab,
    NETWORK_CHECK_FIRST_S, NETWORK_CHECK_MAX_S, ONLINE_SETTLE_MS, STAGGER_MS, WATCH_TOTAL_MS,
};
use gateway_doctor::view::{view, RetryState, Unknown};
use gateway_doctor::{advise, diagnose};

const NOW: f64 = 1_795_000_000_000.0;

fn net_error(url: &str, error: &str, method: &str) -> Diagnosis {
    diagnose(&Failure {
        url: url.into(),
        method: Some(method.into()),
        error: Some(error.into()),
        time_stamp: Some(NOW),
        ..Default::default()
    })
    .unwrap()
}

/// The policy's decision for a failure seen now, automatic retries on.
fn auto(d: &Diagnosis) -> gateway_doctor::policy::AutoDecision {
    auto_retry(
        d,
        &AutoInput {
            now: NOW,
            enabled: true,
            ..Default::default()
        },
    )
}

fn env() -> Environment {
    Environment {
        browser: Some("chrome".into()),
        platform: Some("linux".into()),
        now: Some(NOW),
        ..Default::default()
    }
}

fn failed(hosts: &[&str], ago_ms: f64, cause: &str) -> Vec<RecentFailure> {
    hosts
        .iter()
        .map(|h| RecentFailure {
            host: h.to_string(),
            at: NOW - ago_ms,
            cause: Some(cause.into()),
        })
        .collect()
}

fn first_steps(d: &Diagnosis, e: &Environment) -> Vec<String> {
    let a = advise(d, e);
    let v = view(d, &a, e, Unknown::default(), &RetryState::default());
    v.steps.iter().map(|s| s.id.clone()).collect()
}

// ---------------------------------------------------------------- offline, network changed

#[test]
fn the_browsers_offline_errors_say_offline_and_blame_no_site() {
    for (error, key) in [
        ("net::ERR_INTERNET_DISCONNECTED", "summary_offline_nogw"),
        ("NS_ERROR_OFFLINE", "summary_offline_nogw"),
        ("net::ERR_NETWORK_CHANGED", "summary_network_changed_nogw"),
        (
            "net::ERR_NETWORK_IO_SUSPENDED",
            "summary_network_changed_nogw",
        ),
    ] {
        let d = in_context(
            &net_error("https://shop.example.com/", error, "GET"),
            &env(),
        );
        assert_eq!(d.cause, Cause::Offline, "{error}");
        assert_eq!(d.culprit, Culprit::Network, "{error}");
        assert!(d.transient && d.safe_to_retry, "{error}");
        assert!(waits_for_network(&d), "{error}");
        assert_eq!(advise(&d, &env()).summary.key, key, "{error}");
        let steps = first_steps(&d, &env());
        assert_eq!(steps[0], "check-connection", "{error}: {steps:?}");
        for s in &steps {
            assert!(
                !matches!(s.as_str(), "check-down" | "contact-site" | "status-page"),
                "{error}: {s} blames the site"
            );
        }
    }
}

#[test]
fn the_browser_saying_it_is_offline_makes_any_network_error_offline() {
    let e = Environment {
        online: Some(false),
        ..env()
    };
    for error in [
        "net::ERR_NAME_NOT_RESOLVED",
        "net::ERR_CONNECTION_REFUSED",
        "NS_ERROR_NET_TIMEOUT",
        "net::ERR_ADDRESS_UNREACHABLE",
    ] {
        let d = in_context(&net_error("https://a.example.com/", error, "GET"), &e);
        assert_eq!(d.cause, Cause::Offline, "{error}");
        assert_eq!(d.culprit, Culprit::Network);
        // applying it again changes nothing
        assert_eq!(in_context(&d, &e), d);
    }
    // online (or not said): the error stands
    let d = net_error(
        "https://a.example.com/",
        "net::ERR_CONNECTION_REFUSED",
        "GET",
    );
    for online in [None, Some(true)] {
        let e = Environment { online, ..env() };
        assert_eq!(in_context(&d, &e), d);
    }
    // a response arrived: the connection worked, whatever the flag says
    let resp = diagnose(&Failure {
        url: "https://a.example.com/".into(),
        status_code: Some(502),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(in_context(&resp, &e), resp);
    // an extension's block is no network problem
    let blocked = net_error(
        "https://a.example.com/",
        "net::ERR_BLOCKED_BY_CLIENT",
        "GET",
    );
    assert_eq!(in_context(&blocked, &e).cause, Cause::Blocked);
}

// ---------------------------------------------------------------- a burst across hosts

#[test]
fn a_burst_of_network_errors_across_unrelated_hosts_is_the_network() {
    let d = net_error(
        "https://shop.example.com/",
        "net::ERR_CONNECTION_TIMED_OUT",
        "GET",
    );
    let mut e = env();
    e.recent_failures = failed(
        &["news.example.org", "mail.example.net"],
        30_000.0,
        "timeout",
    );
    let x = in_context(&d, &e);
    assert_eq!(x.cause, Cause::NetworkDown);
    assert_eq!(x.culprit, Culprit::Network);
    assert!(waits_for_network(&x));
    assert_eq!(advise(&x, &e).summary.key, "summary_network_down_nogw");
    assert_eq!(first_steps(&x, &e)[0], "check-connection");
    assert_eq!(in_context(&x, &e), x);

    // one other site is no burst; the same site's other hosts are not unrelated
    e.recent_failures = failed(&["news.example.org"], 30_000.0, "timeout");
    assert_eq!(in_context(&d, &e).cause, Cause::Timeout);
    e.recent_failures = failed(&["a.example.com", "b.example.com"], 30_000.0, "timeout");
    assert_eq!(in_context(&d, &e).cause, Cause::Timeout);
    // older than the burst window: "is it just me?" still counts them, the cause stays
    e.recent_failures = failed(
        &["news.example.org", "mail.example.net"],
        BURST_WINDOW_MS + 1000.0,
        "timeout",
    );
    assert_eq!(in_context(&d, &e).cause, Cause::Timeout);
    // other sites' own 5xx and names that never resolved say nothing about the network
    e.recent_failures = failed(
        &["news.example.org", "mail.example.net"],
        1000.0,
        "upstream-timeout",
    );
    assert_eq!(in_context(&d, &e).cause, Cause::Timeout);
    e.recent_failures = failed(&["nosuch.example.org", "nosuch.example.net"], 1000.0, "dns");
    assert_eq!(in_context(&d, &e).cause, Cause::Timeout);
    // without a time there is no burst
    e.recent_failures = failed(&["news.example.org", "mail.example.net"], 1000.0, "timeout");
    e.now = None;
    assert_eq!(in_context(&d, &e).cause, Cause::Timeout);
}

#[test]
fn a_burst_does_not_take_over_what_is_not_a_network_error() {
    let mut e = env();
    e.recent_failures = failed(&["news.example.org", "mail.example.net"], 1000.0, "timeout");
    for error in [
        "net::ERR_CERT_DATE_INVALID",
        "net::ERR_TOO_MANY_REDIRECTS",
        "net::ERR_PROXY_CONNECTION_FAILED",
        "net::ERR_BLOCKED_BY_CLIENT",
        // a name that never loaded: the likely typo stays a DNS failure
        "net::ERR_NAME_NOT_RESOLVED",
    ] {
        let d = net_error("https://shop.example.com/", error, "GET");
        assert_eq!(in_context(&d, &e), d, "{error}");
    }
    // a name that loaded before, failing with the rest: the network
    e.known_hosts = vec!["shop.example.com".into()];
    let d = net_error(
        "https://shop.example.com/",
        "net::ERR_NAME_NOT_RESOLVED",
        "GET",
    );
    assert_eq!(in_context(&d, &e).cause, Cause::NetworkDown);
}

// ---------------------------------------------------------------- the policy of waiting tabs

#[test]
fn a_tab_that_waits_for_the_network_is_not_retried_on_a_timer() {
    let d = in_context(
        &net_error(
            "https://a.example.com/",
            "net::ERR_INTERNET_DISCONNECTED",
            "GET",
        ),
        &env(),
    );
    let a = auto(&d);
    assert_eq!(a.state, "network");
    assert_eq!(a.reason, "offline");
    assert!(a.due.is_none() && a.watch_from.is_none());
    let r = RetryState {
        state: Some(a.state.into()),
        reason: Some(a.reason.clone()),
        ..Default::default()
    };
    let v = view(&d, &advise(&d, &env()), &env(), Unknown::default(), &r);
    assert_eq!(v.retry.unwrap().key, "ui_retry_when_online");
    // a POST is never resent: it says so instead
    let post = in_context(
        &net_error(
            "https://a.example.com/",
            "net::ERR_INTERNET_DISCONNECTED",
            "POST",
        ),
        &env(),
    );
    let a = auto(&post);
    assert_eq!((a.state, a.reason.as_str()), ("off", "not-idempotent"));
    let v = view(
        &post,
        &advise(&post, &env()),
        &env(),
        Unknown::default(),
        &RetryState::default(),
    );
    // no answer came: Retry loads the address with GET, and the line says so
    assert_eq!(v.retry.unwrap().key, "ui_retry_resubmit_warning_get");
}

fn tab(id: f64, visible: bool, active: bool, failure_at: f64, method: &str) -> WaitingTab {
    WaitingTab {
        id,
        visible,
        active,
        failure_at,
        method: method.into(),
    }
}

#[test]
fn back_online_the_visible_tab_first_the_others_staggered_never_a_post() {
    let tabs = [
        tab(1.0, false, false, NOW - 5000.0, "GET"),
        tab(2.0, false, true, NOW - 9000.0, "GET"),
        tab(3.0, true, true, NOW - 8000.0, "GET"),
        tab(4.0, false, false, NOW - 1000.0, "POST"),
        tab(5.0, false, false, NOW - 2000.0, ""),
        tab(5.0, false, false, NOW - 2000.0, "GET"),
        tab(f64::NAN, true, true, NOW, "GET"),
    ];
    let plan = online_reloads(&tabs, NOW);
    let ids: Vec<f64> = plan.iter().map(|p| p.0).collect();
    // visible, another window's active tab, then the most recent failures first; no POST,
    // no tab twice, nothing without an id
    assert_eq!(ids, [3.0, 2.0, 5.0, 1.0]);
    assert_eq!(plan[0].1, NOW + ONLINE_SETTLE_MS);
    let mut seconds: Vec<i64> = plan.iter().map(|p| (p.1 / 1000.0).floor() as i64).collect();
    for w in plan.windows(2) {
        assert!(w[1].1 - w[0].1 >= STAGGER_MS);
    }
    seconds.dedup();
    assert_eq!(seconds.len(), plan.len(), "never two in the same second");
    assert!(online_reloads(&[], NOW).is_empty());
    // bounded
    let many: Vec<WaitingTab> = (0..5000)
        .map(|i| tab(i as f64, false, false, NOW, "GET"))
        .collect();
    assert_eq!(online_reloads(&many, NOW).len(), 1000);
}

#[test]
fn the_background_checks_back_off_and_end() {
    let first = network_check_next(NOW, 0, NOW, 1.0);
    assert_eq!(first.at, Some(NOW + NETWORK_CHECK_FIRST_S * 1000.0));
    let second = network_check_next(NOW, 1, NOW, 1.0);
    assert_eq!(second.at, Some(NOW + 2.0 * NETWORK_CHECK_FIRST_S * 1000.0));
    let late = network_check_next(NOW, 40, NOW, 1.0);
    assert_eq!(late.at, Some(NOW + NETWORK_CHECK_MAX_S * 1000.0));
    // the developer time-scale divides the waits
    assert_eq!(
        network_check_next(NOW, 0, NOW, 10.0).at,
        Some(NOW + NETWORK_CHECK_FIRST_S * 100.0)
    );
    // never past the end, then over
    let near_end = network_check_next(NOW, 10, NOW + WATCH_TOTAL_MS - 1000.0, 1.0);
    assert_eq!(near_end.at, Some(NOW + WATCH_TOTAL_MS));
    let over = network_check_next(NOW, 10, NOW + WATCH_TOTAL_MS, 1.0);
    assert_eq!((over.at, over.end), (None, Some("expired")));
    // garbage in: a check still comes, never in the past
    let g = network_check_next(f64::NAN, 0, f64::NAN, f64::INFINITY);
    assert!(g.at.is_some_and(|a| a >= 0.0));
}

// ---------------------------------------------------------------- blocked on this computer

use gateway_doctor::model::{Param, Step};

#[path = "support/extensions.rs"]
mod extensions;
use extensions::ext;

fn step<'a>(a: &'a gateway_doctor::model::Advice, id: &str) -> &'a Step {
    a.steps.iter().find(|s| s.id == id).unwrap()
}

#[test]
fn an_extensions_block_names_the_extensions_that_can_block_most_likely_first() {
    let d = in_context(
        &net_error(
            "https://news.example.com/",
            "net::ERR_BLOCKED_BY_CLIENT",
            "GET",
        ),
        &env(),
    );
    let mut e = env();
    e.extensions = vec![
        ext("vpn", "Super VPN", &["proxy"], &["<all_urls>"]),
        ext(
            "rw",
            "Header Rewriter",
            &["webRequest", "webRequestBlocking"],
            &["<all_urls>"],
        ),
        ext("notes", "Notes", &["storage"], &["<all_urls>"]),
        ext(
            "ubol",
            "uBlock Origin Lite",
            &["declarativeNetRequest"],
            &[],
        ),
    ];
    let a = advise(&d, &e);
    assert_eq!(a.summary.key, "summary_blocked_client_nogw");
    assert_eq!(a.steps[0].id, "disable-extensions");
    let s = step(&a, "disable-extensions");
    // only those that can block; the known blocker first; a proxy cannot block a page
    assert_eq!(
        s.params.get("extensions"),
        Some(&Param::List(vec!["ubol".into(), "rw".into()]))
    );
    assert_eq!(
        s.action,
        Some(gateway_doctor::model::Action::DisableExtension {
            id: "ubol".into(),
            retry: true
        })
    );
    // none of them can block: the step says the list is known and nothing looks suspect
    e.extensions = vec![ext("vpn", "Super VPN", &["proxy"], &["<all_urls>"])];
    let a = advise(&d, &e);
    assert_eq!(
        step(&a, "disable-extensions").params.get("variant"),
        Some(&Param::Text("none".into()))
    );
}

#[test]
fn the_administrators_block_says_so_and_asks_nothing_of_the_extensions_first() {
    for error in [
        "net::ERR_BLOCKED_BY_ADMINISTRATOR",
        "NS_ERROR_BLOCKED_BY_POLICY",
        "net::ERR_BLOCKED_IN_INCOGNITO_BY_ADMINISTRATOR",
    ] {
        let d = net_error("https://games.example.com/", error, "GET");
        let a = advise(&d, &env());
        assert_eq!(a.summary.key, "summary_blocked_admin_nogw", "{error}");
        assert_ne!(first_steps(&d, &env())[0], "disable-extensions", "{error}");
    }
    // another block of the site's own (CSP) is neither
    let d = net_error("https://a.example.com/", "net::ERR_BLOCKED_BY_CSP", "GET");
    assert_eq!(advise(&d, &env()).summary.key, "summary_blocked_nogw");
}

#[test]
fn a_name_that_resolves_to_the_unspecified_address_is_a_dns_filter() {
    // the browser says where it tried to connect
    for ip in ["0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0"] {
        let d = diagnose(&Failure {
            url: "https://ads.example.com/x".into(),
            error: Some("net::ERR_CONNECTION_REFUSED".into()),
            ip: Some(ip.into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(d.cause, Cause::DnsFilter, "{ip}");
        assert_eq!(d.culprit, Culprit::Network);
        assert!(!d.transient);
        let a = advise(&d, &env());
        assert_eq!(a.summary.key, "summary_dns_filter_nogw");
        let s = &a.steps[0];
        assert_eq!(s.id, "change-dns");
        assert_eq!(s.params.get("variant"), Some(&Param::Text("filter".into())));
        assert_eq!(
            s.params.get("host"),
            Some(&Param::Text("ads.example.com".into()))
        );
        // and it waits for nothing: no timer retries a filter's answer
        let a = auto(&d);
        assert_ne!(a.state, "scheduled");
        assert_ne!(a.state, "network");
    }
    // a real address is no filter
    for ip in ["127.0.0.1", "::1", "93.184.216.34", "junk"] {
        let d = diagnose(&Failure {
            url: "https://a.example.com/".into(),
            error: Some("net::ERR_CONNECTION_REFUSED".into()),
            ip: Some(ip.into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(d.cause, Cause::ConnectionRefused, "{ip}");
    }
    // where the shell resolved the name (Firefox's dns API): every answer unspecified
    let d = net_error(
        "https://ads.example.com/",
        "NS_ERROR_CONNECTION_REFUSED",
        "GET",
    );
    let mut e = env();
    e.addresses = vec!["0.0.0.0".into(), "::".into()];
    assert_eq!(in_context(&d, &e).cause, Cause::DnsFilter);
    e.addresses = vec!["0.0.0.0".into(), "93.184.216.34".into()];
    assert_eq!(in_context(&d, &e).cause, Cause::ConnectionRefused);
    // an extension's block stays the extension's
    let b = net_error(
        "https://ads.example.com/",
        "net::ERR_BLOCKED_BY_CLIENT",
        "GET",
    );
    e.addresses = vec!["0.0.0.0".into()];
    assert_eq!(in_context(&b, &e).cause, Cause::Blocked);
}

// ---------------------------------------------------------------- captive portals

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
    let a = advise(&d, &env());
    assert_eq!(a.summary.key, "summary_portal_nogw");
    assert_eq!(a.steps[0].id, "sign-in");
    assert_eq!(
        a.steps[0].action,
        Some(gateway_doctor::model::Action::OpenUrl {
            url: "http://portal.example.net/login?from=x".into()
        })
    );
    assert!(waits_for_network(&d));
    let r = auto(&d);
    assert_eq!((r.state, r.reason.as_str()), ("network", "auth"));
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
        let a = advise(&d, &portal("locked_portal"));
        assert_eq!(a.summary.key, "summary_portal_nogw");
        assert_eq!(a.steps[0].id, "sign-in");
        assert_eq!(
            a.steps[0].action,
            Some(gateway_doctor::model::Action::OpenUrl {
                url: "http://detectportal.example.org/canonical.html".into()
            })
        );
        assert!(waits_for_network(&d));
        let r = auto(&d);
        assert_eq!((r.state, r.reason.as_str()), ("network", "auth"));
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
