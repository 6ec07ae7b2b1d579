//! When the fault is on the person's side (issue 16): the diagnosis in its environment
//! (`diagnose::in_context`), its advice and view, and the policy of tabs that wait for the
//! connection (`policy::waits_for_network`, `online_reloads`, `network_check_next`). Where a
//! browser cannot make the condition in the end-to-end tests, these cover it with the
//! environment facts.

use gateway_doctor::diagnose::{in_context, BURST_WINDOW_MS};
use gateway_doctor::model::{Cause, Culprit, Environment, Failure};
use gateway_doctor::policy::{
    network_check_next, online_reloads, waits_for_network, WaitingTab, NETWORK_CHECK_FIRST_S,
    NETWORK_CHECK_MAX_S, ONLINE_SETTLE_MS, STAGGER_MS, WATCH_TOTAL_MS,
};
use gateway_doctor::view::{view, RetryState, Unknown};
use gateway_doctor::{advise, diagnose};

#[path = "support/person.rs"]
#[allow(dead_code)]
mod support;
use support::{auto, env, failed, first_steps, net_error, NOW};

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
