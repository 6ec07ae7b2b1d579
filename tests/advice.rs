//! advise, suggestHost, rankExtensions and retryPlan, natively.

#[path = "support/extensions.rs"]
mod extensions;
#[path = "support/http.rs"]
#[allow(dead_code)]
mod http;
#[path = "support/locales.rs"]
mod locales;
use extensions::ext;
use gateway_doctor::model::{
    Action, Advice, Cause, Culprit, Diagnosis, Environment, Failure, History, Param, ProxySettings,
    RecentFailure, Risk,
};
use gateway_doctor::{advise, diagnose, rank_extensions, retry_plan, suggest_host};
use locales::placeholders;

const NGINX_502: &str = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.22.1</center>\n</body>\n</html>\n";

fn nginx_502(url: &str, method: &str) -> Diagnosis {
    diagnose(&Failure {
        url: url.into(),
        method: Some(method.into()),
        status_code: Some(502),
        status_line: Some("HTTP/1.1 502 Bad Gateway".into()),
        response_headers: http::headers(&[("Server", "nginx/1.22.1")]),
        body_text: Some(NGINX_502.into()),
        ..Default::default()
    })
    .unwrap()
}

fn net_error(url: &str, error: &str) -> Diagnosis {
    diagnose(&Failure {
        url: url.into(),
        error: Some(error.into()),
        ..Default::default()
    })
    .unwrap()
}

fn ids(a: &Advice) -> Vec<&str> {
    a.steps.iter().map(|s| s.id.as_str()).collect()
}

fn pos(a: &Advice, id: &str) -> Option<usize> {
    a.steps.iter().position(|s| s.id == id)
}

fn step<'a>(a: &'a Advice, id: &str) -> &'a gateway_doctor::model::Step {
    a.steps
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no step {id} in {:?}", ids(a)))
}

fn text(p: Option<&Param>) -> &str {
    match p {
        Some(Param::Text(s)) => s,
        other => panic!("not text: {other:?}"),
    }
}

fn env() -> Environment {
    Environment {
        browser: Some("chrome".into()),
        platform: Some("linux".into()),
        ..Default::default()
    }
}

// ---------------------------------------------------------------- advise: ordering

#[test]
fn nginx_502_get_puts_retry_first_and_dns_last() {
    let d = nginx_502("https://shop.example.com/cart", "GET");
    assert!(d.failed);
    let a = advise(&d, &env());
    assert_eq!(a.summary.key, "summary_upstream_error");
    assert_eq!(text(a.summary.params.get("gateway")), "nginx");
    assert_eq!(a.steps[0].id, "retry");
    assert_eq!(a.steps[0].action, Some(Action::Retry));
    assert!(!a.steps[0].params.contains_key("resubmits"));
    let retry = pos(&a, "retry").unwrap();
    for dns in ["flush-dns", "change-dns"] {
        if let Some(p) = pos(&a, dns) {
            assert!(p > retry, "{dns} before retry: {:?}", ids(&a));
            // server-side failure: the DNS steps come after everything about the site
            for site in [
                "check-down",
                "status-page",
                "wait",
                "incognito",
                "clear-site-data",
                "contact-site",
            ] {
                assert!(
                    p > pos(&a, site).unwrap(),
                    "{dns} before {site}: {:?}",
                    ids(&a)
                );
            }
        }
    }
    // every step of the guide is there, once
    for id in [
        "retry",
        "verify-url",
        "check-down",
        "incognito",
        "other-browser",
        "clear-site-data",
        "disable-extensions",
        "check-proxy",
        "wait",
        "notify-when-back",
        "contact-site",
        "status-page",
        "archived-copy",
    ] {
        assert_eq!(
            ids(&a).iter().filter(|x| **x == id).count(),
            1,
            "{id}: {:?}",
            ids(&a)
        );
    }
    assert!(a.steps.len() <= 20);
    assert!(pos(&a, "check-down").unwrap() < pos(&a, "incognito").unwrap());
}

#[test]
fn proxy_failure_puts_the_proxy_step_first() {
    let d = net_error("https://example.com/", "net::ERR_PROXY_CONNECTION_FAILED");
    assert_eq!(d.cause, Cause::Proxy);
    let a = advise(&d, &env());
    assert_eq!(a.steps[0].id, "check-proxy", "{:?}", ids(&a));

    // a configured proxy puts it first for any failure on the person's side ...
    let d = net_error("https://example.com/", "net::ERR_CONNECTION_RESET");
    let mut e = env();
    e.proxy = Some(ProxySettings {
        mode: Some("fixed_servers".into()),
        controlled_by: Some("Fast VPN".into()),
        by_extension: false,
    });
    e.extensions = vec![ext("vpnid", "Fast VPN", &["proxy"], &["<all_urls>"])];
    let a = advise(&d, &e);
    let s = &a.steps[0];
    assert_eq!(s.id, "check-proxy");
    assert_eq!(text(s.params.get("controlledBy")), "Fast VPN");
    assert_eq!(text(s.params.get("mode")), "fixed_servers");
    assert_eq!(
        s.action,
        Some(Action::DisableExtension {
            id: "vpnid".into(),
            retry: true
        })
    );
    // a form's page is not sent again: the button says "Turn off" alone and retries nothing
    let post = diagnose(&Failure {
        url: "https://example.com/".into(),
        method: Some("POST".into()),
        error: Some("net::ERR_CONNECTION_RESET".into()),
        ..Default::default()
    })
    .unwrap();
    let off = advise(&post, &e).steps[0].action.clone().unwrap();
    assert_eq!(
        off,
        Action::DisableExtension {
            id: "vpnid".into(),
            retry: false
        }
    );
    assert_eq!(off.label(), "ui_action_disable_extension_only");

    // the browser says only that another extension is in control: the core names it
    e.proxy = Some(ProxySettings {
        mode: Some("fixed_servers".into()),
        controlled_by: None,
        by_extension: true,
    });
    let s = advise(&d, &e).steps[0].clone();
    assert_eq!(text(s.params.get("controlledBy")), "Fast VPN");
    assert_eq!(
        s.action,
        Some(Action::DisableExtension {
            id: "vpnid".into(),
            retry: true
        })
    );
    // ... and where it cannot (no management permission), it says "another extension" in the
    // person's language, with no empty name
    let mut unread = e.clone();
    unread.extensions.clear();
    let s = advise(&d, &unread).steps[0].clone();
    assert_eq!(s.id, "check-proxy");
    assert_eq!(text(s.params.get("variant")), "another");
    assert!(s.params.get("controlledBy").is_none());
    // a disabled extension, or one without the proxy permission, is not the one
    let mut off = e.clone();
    off.extensions = vec![
        ext("notes", "Notes", &["storage"], &[]),
        gateway_doctor::model::ExtensionInfo {
            enabled: Some(false),
            ..ext("old", "Old VPN", &["proxy"], &[])
        },
    ];
    let p = off.proxy.clone().unwrap();
    assert_eq!(p.controller(&off.extensions), Some(""));
    assert_eq!(ProxySettings::default().controller(&off.extensions), None);

    // ... but not for a site's own 502
    let a = advise(&nginx_502("https://example.com/", "GET"), &e);
    assert_eq!(a.steps[0].id, "retry");
}

#[test]
fn dns_typo_suggests_the_known_host() {
    let d = net_error(
        "https://gooogle.com/search?q=x",
        "net::ERR_NAME_NOT_RESOLVED",
    );
    assert_eq!(d.cause, Cause::Dns);
    let mut e = env();
    e.known_hosts = vec!["example.org".into(), "google.com".into()];
    let a = advise(&d, &e);
    let p = pos(&a, "verify-url").unwrap();
    assert!(
        p == 0 || (p == 1 && a.steps[0].id == "retry"),
        "{:?}",
        ids(&a)
    );
    let s = step(&a, "verify-url");
    assert_eq!(text(s.params.get("suggestion")), "google.com");
    assert_eq!(
        s.action,
        Some(Action::OpenUrl {
            url: "https://google.com/search?q=x".into()
        })
    );
    assert_eq!(a.summary.key, "summary_dns_nogw");
    // flushing DNS is offered for a name that does not resolve
    assert!(pos(&a, "flush-dns").is_some());

    // no known host alike: verify-url without a suggestion
    let a = advise(&d, &env());
    assert!(!step(&a, "verify-url").params.contains_key("suggestion"));
}

#[test]
fn dns_commands_per_platform() {
    let d = net_error("https://example.com/", "NS_ERROR_UNKNOWN_HOST");
    for (platform, browser, command, page) in [
        (
            "win",
            "chrome",
            "ipconfig /flushdns",
            "chrome://net-internals/#dns",
        ),
        (
            "mac",
            "firefox",
            "sudo dscacheutil -flushcache; sudo killall -HUP mDNSResponder",
            "about:networking#dns",
        ),
        (
            "linux",
            "chrome",
            "resolvectl flush-caches",
            "chrome://net-internals/#dns",
        ),
        (
            "cros",
            "chrome",
            "chrome://net-internals/#dns",
            "chrome://net-internals/#dns",
        ),
    ] {
        let mut e = env();
        e.platform = Some(platform.into());
        e.browser = Some(browser.into());
        let a = advise(&d, &e);
        let s = step(&a, "flush-dns");
        assert_eq!(text(s.params.get("command")), command, "{platform}");
        assert_eq!(text(s.params.get("browserPage")), page, "{platform}");
        assert_eq!(text(s.params.get("variant")), platform);
        assert_eq!(
            s.action,
            Some(Action::Copy {
                text: command.into()
            })
        );
        let c = step(&a, "change-dns");
        assert_eq!(text(c.params.get("servers")), "8.8.8.8, 8.8.4.4 / 1.1.1.1");
        assert_eq!(text(c.params.get("variant")), platform);
    }
    // unknown platform: the browser's own cache page
    let mut e = env();
    e.platform = None;
    let a = advise(&d, &e);
    let s = step(&a, "flush-dns");
    assert!(!s.params.contains_key("command"));
    assert_eq!(
        s.action,
        Some(Action::OpenUrl {
            url: "chrome://net-internals/#dns".into()
        })
    );
}

#[test]
fn post_never_retries_without_resubmits() {
    let causes = [
        nginx_502("https://example.com/form", "POST"),
        net_error("https://example.com/form", "net::ERR_CONNECTION_RESET"),
        net_error("https://example.com/form", "net::ERR_NAME_NOT_RESOLVED"),
    ];
    for mut d in causes {
        d.method = "POST".into();
        let a = advise(&d, &env());
        let r = step(&a, "retry");
        // Retry reloads an answer (the form again) but loads the address of a request that
        // got none with GET: the words say which
        let (resubmits, variant) = if d.status_code.is_some() {
            (Some(&Param::Flag(true)), "resubmit")
        } else {
            (None, "resubmit_get")
        };
        assert_eq!(r.params.get("resubmits"), resubmits, "{:?}", d.cause);
        assert_eq!(
            r.params.get("variant"),
            Some(&Param::Text(variant.into())),
            "{:?}",
            d.cause
        );
        let w = pos(&a, "resubmit-warning").expect("resubmit-warning");
        assert!(w < pos(&a, "retry").unwrap());
    }
}

#[test]
fn not_failed_gets_no_steps() {
    let d = diagnose(&Failure {
        url: "https://example.com/".into(),
        status_code: Some(200),
        ..Default::default()
    })
    .unwrap();
    assert!(!d.failed);
    let a = advise(&d, &env());
    assert!(a.steps.is_empty());
    assert_eq!(a.summary.key, "summary_none");
    let aborted = net_error("https://example.com/", "net::ERR_ABORTED");
    assert!(advise(&aborted, &env()).steps.is_empty());
}

#[test]
fn several_sites_failing_points_to_the_network() {
    let d = net_error("https://example.com/", "net::ERR_CONNECTION_TIMED_OUT");
    let now = 1_700_000_000_000.0;
    let mut e = env();
    e.now = Some(now);
    e.recent_failures = vec![
        RecentFailure {
            host: "news.example.net".into(),
            at: now - 30_000.0,
            cause: Some("timeout".into()),
        },
        RecentFailure {
            host: "mail.other.org".into(),
            at: now - 60_000.0,
            cause: Some("connection-reset".into()),
        },
        RecentFailure {
            host: "www.other.org".into(), // same site as the one before
            at: now - 60_000.0,
            cause: Some("timeout".into()),
        },
        RecentFailure {
            host: "old.example.io".into(), // too long ago
            at: now - 3_600_000.0,
            cause: Some("timeout".into()),
        },
        RecentFailure {
            host: "broken.example.dev".into(), // that site's own 502
            at: now - 10_000.0,
            cause: Some("upstream-error".into()),
        },
    ];
    let a = advise(&d, &e);
    assert_eq!(a.steps[0].id, "check-connection", "{:?}", ids(&a));
    assert_eq!(a.steps[1].id, "check-proxy", "{:?}", ids(&a));
    assert_eq!(
        step(&a, "check-connection").params.get("otherHostsFailing"),
        Some(&Param::Number(2.0))
    );
    assert_eq!(
        step(&a, "check-down").params.get("otherHostsFailing"),
        Some(&Param::Number(2.0))
    );

    // alone: the site first
    let a = advise(&d, &env());
    assert_eq!(a.steps[0].id, "retry");
    assert!(pos(&a, "check-down").unwrap() < pos(&a, "check-connection").unwrap());
}

#[test]
fn checkers_status_page_archive_and_contact() {
    let d = nginx_502("https://github.com/me/repo#top", "GET");
    let a = advise(&d, &env());
    let s = step(&a, "check-down");
    assert_eq!(
        s.action,
        Some(Action::OpenUrl {
            url: "https://downforeveryoneorjustme.com/github.com".into()
        })
    );
    assert_eq!(
        s.params.get("checkers"),
        Some(&Param::List(vec![
            "downforeveryoneorjustme.com".into(),
            "isitdownrightnow.com".into(),
            "downdetector.com".into()
        ]))
    );
    let s = step(&a, "status-page");
    assert_eq!(
        s.action,
        Some(Action::OpenUrl {
            url: "https://www.githubstatus.com/".into()
        })
    );
    assert_eq!(s.params.get("guess"), Some(&Param::Flag(false)));
    let s = step(&a, "archived-copy");
    assert_eq!(
        s.action,
        Some(Action::OpenUrl {
            url: "https://web.archive.org/web/*/https://github.com/me/repo".into()
        })
    );
    let s = step(&a, "contact-site");
    assert_eq!(text(s.params.get("email")), "webmaster@github.com");
    assert!(matches!(&s.action, Some(Action::Copy { text }) if text.contains("502")));

    let a = advise(&nginx_502("https://shop.example.co.uk/", "GET"), &env());
    let s = step(&a, "status-page");
    assert_eq!(text(s.params.get("url")), "https://status.example.co.uk/");
    assert_eq!(s.params.get("guess"), Some(&Param::Flag(true)));

    // nobody outside can see localhost
    let a = advise(&nginx_502("http://127.0.0.1:8080/page", "GET"), &env());
    assert_eq!(a.steps[0].id, "retry");
    for id in ["check-down", "status-page", "archived-copy", "contact-site"] {
        assert!(pos(&a, id).is_none(), "{id}: {:?}", ids(&a));
    }
}

#[test]
fn incognito_clear_site_data_extensions_wait() {
    let d = nginx_502("https://example.com/", "GET");
    let mut e = env();
    e.incognito_allowed = Some(false);
    e.extensions = vec![
        ext("notes", "Notes", &["storage"], &[]),
        ext(
            "ub",
            "uBlock Origin",
            &["declarativeNetRequest"],
            &["<all_urls>"],
        ),
        ext("vpn", "Super VPN", &["proxy"], &["<all_urls>"]),
    ];
    let a = advise(&d, &e);
    let s = step(&a, "incognito");
    // no button that the browser would refuse
    assert_eq!(s.action, None);
    assert_eq!(s.params.get("allowed"), Some(&Param::Flag(false)));
    let s = step(&a, "clear-site-data");
    assert_eq!(
        s.action,
        Some(Action::ClearSiteData {
            origin: "https://example.com".into()
        })
    );
    let s = step(&a, "disable-extensions");
    assert_eq!(
        s.params.get("extensions"),
        Some(&Param::List(vec!["vpn".into(), "ub".into()]))
    );
    assert_eq!(
        s.action,
        Some(Action::DisableExtension {
            id: "vpn".into(),
            retry: true
        })
    );
    // Firefox opens no about:addons for an extension, nor turns another off: no button, the
    // words say where the list is
    e.browser = Some("firefox".into());
    let a = advise(&d, &e);
    let s = step(&a, "disable-extensions");
    assert_eq!(s.action, None);
    assert_eq!(text(s.params.get("variant")), "firefox");
    let s = step(&a, "wait");
    assert_eq!(s.params.get("minutes"), Some(&Param::Number(10.0)));
    assert_eq!(step(&a, "notify-when-back").action, Some(Action::Watch));
    assert!(pos(&a, "wait").unwrap() < pos(&a, "notify-when-back").unwrap());

    // Retry-After sets the wait
    let mut d = d;
    d.retry_after_seconds = Some(130.0);
    let a = advise(&d, &env());
    // in words: 130 s is "about 2 minutes" (variant retry_after_minutes)
    assert_eq!(
        step(&a, "wait").params.get("minutes"),
        Some(&Param::Number(2.0))
    );
    assert_eq!(
        step(&a, "wait").params.get("variant"),
        Some(&Param::Text("retry_after_minutes".into()))
    );
    assert_eq!(
        step(&a, "wait").params.get("retryAfter"),
        Some(&Param::Number(130.0))
    );
}

#[test]
fn no_clearing_the_site_where_no_request_reached_it() {
    // a name that does not resolve: no request left the browser, no cookie was sent
    for error in [
        "net::ERR_NAME_NOT_RESOLVED",
        "NS_ERROR_UNKNOWN_HOST",
        "net::ERR_PROXY_CONNECTION_FAILED",
    ] {
        let d = net_error("https://shop.example.com/basket", error);
        let a = advise(&d, &env());
        assert!(!a.steps.is_empty(), "{error}");
        assert_eq!(pos(&a, "clear-site-data"), None, "{error}: {:?}", ids(&a));
        assert_eq!(pos(&a, "incognito"), None, "{error}: {:?}", ids(&a));
    }
    // a site's answer can be about its cookies: offered
    let a = advise(&nginx_502("https://shop.example.com/", "GET"), &env());
    assert!(pos(&a, "clear-site-data").is_some(), "{:?}", ids(&a));
}

#[test]
fn oversized_cookies_put_clearing_up() {
    let d = net_error("https://example.com/", "net::ERR_RESPONSE_HEADERS_TOO_BIG");
    let a = advise(&d, &env());
    assert!(pos(&a, "clear-site-data").unwrap() <= 1, "{:?}", ids(&a));
    assert_eq!(
        text(step(&a, "clear-site-data").params.get("variant")),
        "cookies"
    );
    let d = net_error("https://example.com/", "net::ERR_TOO_MANY_REDIRECTS");
    assert_eq!(advise(&d, &env()).steps[0].id, "clear-site-data");
}

#[test]
fn summaries_per_cause_and_gateway() {
    let d = nginx_502("https://example.com/", "GET");
    let mut d2 = d.clone();
    d2.gateway = None;
    assert_eq!(
        advise(&d2, &env()).summary.key,
        "summary_upstream_error_nogw"
    );
    for c in Cause::ALL {
        let mut x = d.clone();
        x.cause = c;
        let key = advise(&x, &env()).summary.key;
        if c == Cause::None {
            continue;
        }
        assert_eq!(key, format!("summary_{}", c.as_str().replace('-', "_")));
        assert!(key
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '_'));
    }
    let d = net_error("https://example.com/", "net::ERR_CONNECTION_REFUSED");
    assert_eq!(
        advise(&d, &env()).summary.key,
        "summary_connection_refused_nogw"
    );
}

#[test]
fn every_advice_stays_bounded_and_well_formed() {
    let mut e = env();
    e.known_hosts = (0..10_000)
        .map(|i| format!("host{i}.example.com"))
        .collect();
    e.extensions = (0..1000)
        .map(|i| ext(&format!("e{i}"), "Blocker", &["webRequestBlocking"], &[]))
        .collect();
    e.recent_failures = (0..10_000)
        .map(|i| RecentFailure {
            host: format!("h{i}.test{i}.com"),
            at: 0.0,
            cause: Some("timeout".into()),
        })
        .collect();
    for c in Cause::ALL {
        let mut d = net_error("https://host5.exmaple.com/x", "net::ERR_NAME_NOT_RESOLVED");
        d.cause = c;
        let a = advise(&d, &e);
        assert!(a.steps.len() <= 20);
        assert_eq!(
            a.steps.iter().filter(|s| s.id == "retry").count(),
            1,
            "{c:?}"
        );
        for s in &a.steps {
            if let Some(Param::List(l)) = s.params.get("extensions") {
                assert!(l.len() <= 10);
            }
        }
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.len() < 16 * 1024, "{c:?}: {}", json.len());
    }
}

// ---------------------------------------------------------------- suggestHost

fn known(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn suggest_host_cases() {
    let k = known(&[
        "example.com",
        "google.com",
        "wikipedia.org",
        "github.com",
        "news.ycombinator.com",
    ]);
    assert_eq!(
        suggest_host("gooogle.com", &k).as_deref(),
        Some("google.com")
    );
    assert_eq!(
        suggest_host("goolge.com", &k).as_deref(),
        Some("google.com")
    );
    assert_eq!(suggest_host("gogle.com", &k).as_deref(), Some("google.com"));
    assert_eq!(
        suggest_host("xn--ggle-55da.com", &k).as_deref(),
        Some("google.com")
    );
    assert_eq!(
        suggest_host("g\u{43e}\u{43e}gle.com", &k).as_deref(),
        Some("google.com")
    );
    assert_eq!(
        suggest_host("exmaple.com", &k).as_deref(),
        Some("example.com")
    );
    assert_eq!(
        suggest_host("EXMAPLE.COM.", &k).as_deref(),
        Some("example.com")
    );
    assert_eq!(
        suggest_host("g00gle.com", &k).as_deref(),
        Some("google.com")
    );
    assert_eq!(
        suggest_host("githuh.com", &k).as_deref(),
        Some("github.com")
    );
    assert_eq!(
        suggest_host("www.github.com", &k).as_deref(),
        Some("github.com")
    );
    assert_eq!(
        suggest_host("wikipedia.com", &k).as_deref(),
        Some("wikipedia.org")
    );
    assert_eq!(
        suggest_host("wikipedai.org", &k).as_deref(),
        Some("wikipedia.org")
    );
    assert_eq!(
        suggest_host("rnews.ycombinator.com", &k).as_deref(),
        Some("news.ycombinator.com")
    );
    assert_eq!(suggest_host("unrelated.net", &k), None);
    assert_eq!(suggest_host("totally-different.org", &k), None);
    assert_eq!(
        suggest_host("google.com", &k),
        None,
        "never the host itself"
    );
    assert_eq!(suggest_host("", &k), None);
    assert_eq!(suggest_host("10.0.0.2", &known(&["10.0.0.1"])), None);
    // short names: one edit at most
    assert_eq!(suggest_host("bbc.com", &known(&["cnn.com"])), None);
    assert_eq!(
        suggest_host("cnm.com", &known(&["cnn.com"])).as_deref(),
        Some("cnn.com")
    );
    // ties: the one listed first
    assert_eq!(
        suggest_host("exampla.com", &known(&["examplb.com", "example.com"])).as_deref(),
        Some("examplb.com")
    );
    // most similar wins over order
    assert_eq!(
        suggest_host("gooogle.com", &known(&["gogole.co", "google.com"])).as_deref(),
        Some("google.com")
    );
    // the punycode form of a known Unicode host is that host
    assert_eq!(
        suggest_host("xn--bcher-kva.de", &known(&["bücher.de"])),
        None
    );
}

#[test]
fn suggest_host_is_bounded() {
    let k: Vec<String> = (0..10_000)
        .map(|i| format!("{}{i}.com", "a".repeat(240)))
        .collect();
    let long = format!("{}.com", "a".repeat(300));
    let t = std::time::Instant::now();
    let _ = suggest_host(&long, &k);
    let _ = suggest_host("gooogle.com", &k);
    assert!(t.elapsed().as_secs_f64() < 5.0);
}

// ---------------------------------------------------------------- rankExtensions

#[test]
fn rank_extensions_order_and_reasons() {
    let mut disabled = ext("off", "Off VPN", &["proxy"], &[]);
    disabled.enabled = Some(false);
    let mut theme = ext("theme", "Dark VPN theme", &[], &[]);
    theme.kind = Some("theme".into());
    let mut desc_vpn = ext("dv", "Secure Browsing", &["storage"], &[]);
    desc_vpn.description = Some("Free VPN for Chrome".into());
    let list = vec![
        ext("notes", "Notes", &["storage"], &[]),
        ext("gram", "Grammar helper", &["storage"], &["<all_urls>"]),
        ext(
            "ub",
            "uBlock Origin",
            &["declarativeNetRequest", "storage"],
            &["<all_urls>"],
        ),
        ext("pb", "Privacy Badger", &["webRequest"], &["*://*/*"]),
        disabled,
        theme,
        ext(
            "blk",
            "Old Blocker",
            &["webRequest", "webRequestBlocking"],
            &["<all_urls>"],
        ),
        ext(
            "px",
            "Proxy SwitchyOmega",
            &["proxy", "webRequest", "webRequestBlocking"],
            &["<all_urls>"],
        ),
        desc_vpn,
    ];
    let r = rank_extensions(&list);
    let order: Vec<&str> = r.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(order, ["px", "dv", "blk", "ub", "pb", "gram"]);
    assert_eq!(r[0].risk, Risk::High);
    assert_eq!(
        r[0].reasons,
        ["proxy", "blocking-webrequest", "all-sites-access"]
    );
    assert_eq!(r[1].reasons, ["vpn"]);
    assert_eq!(r[3].risk, Risk::Medium);
    assert_eq!(
        r[3].reasons,
        ["declarative-net-request", "ad-blocker", "all-sites-access"]
    );
    assert_eq!(
        r[4].reasons,
        ["privacy-tool", "webrequest", "all-sites-access"]
    );
    assert_eq!(r[5].risk, Risk::Low);
    assert_eq!(r[5].reasons, ["all-sites-access"]);
    // stable: the same input gives the same order; equal ones keep their input order
    assert_eq!(rank_extensions(&list), r);
    let twins = vec![
        ext("b", "B", &["proxy"], &[]),
        ext("a", "A", &["proxy"], &[]),
    ];
    let t: Vec<String> = rank_extensions(&twins).into_iter().map(|e| e.id).collect();
    assert_eq!(t, ["b", "a"]);
}

// ---------------------------------------------------------------- retryPlan

fn history(attempts: u32, seed: f64) -> History {
    History {
        attempts,
        first_failure_at: Some(1_700_000_000_000.0),
        now: Some(1_700_000_000_000.0),
        seed: Some(seed),
    }
}

#[test]
fn retry_plan_post_is_not_automatic() {
    let d = nginx_502("https://example.com/form", "POST");
    let p = retry_plan(&d, &history(0, 1.0));
    assert!(!p.auto);
    assert_eq!(p.reason, "not-idempotent");
}

#[test]
fn retry_plan_reasons() {
    let ok = diagnose(&Failure {
        url: "https://example.com/".into(),
        status_code: Some(200),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(retry_plan(&ok, &History::default()).reason, "not-failed");
    let dns = net_error("https://nope.example.com/", "net::ERR_NAME_NOT_RESOLVED");
    let p = retry_plan(&dns, &History::default());
    assert!(!p.auto);
    assert_eq!(p.reason, "not-transient");
    let d = nginx_502("https://example.com/", "GET");
    let p = retry_plan(&d, &History::default());
    assert!(p.auto);
    assert_eq!(p.reason, "backoff");
    let first = p.delay_seconds.unwrap();
    assert!((1.0..=15.0).contains(&first), "{first}");
}

#[test]
fn retry_plan_honours_retry_after() {
    let mut d = nginx_502("https://example.com/", "GET");
    d.retry_after_seconds = Some(120.0);
    for seed in 0..50 {
        let p = retry_plan(&d, &history(0, f64::from(seed)));
        assert!(p.auto);
        assert_eq!(p.reason, "retry-after");
        let delay = p.delay_seconds.unwrap();
        assert!((120.0..=132.0).contains(&delay), "{delay}");
    }
    d.retry_after_seconds = Some(86_400.0);
    let p = retry_plan(&d, &history(0, 1.0));
    assert!(!p.auto);
    assert_eq!(p.reason, "watch");
}

#[test]
fn retry_plan_grows_caps_and_turns_to_watch() {
    let d = nginx_502("https://example.com/", "GET");
    for seed in 0..200 {
        let mut last = 0.0;
        for attempt in 0..6 {
            let p = retry_plan(&d, &history(attempt, f64::from(seed)));
            assert!(p.auto, "attempt {attempt}");
            let delay = p.delay_seconds.unwrap();
            assert!(
                delay >= last,
                "seed {seed} attempt {attempt}: {delay} < {last}"
            );
            assert!(delay <= 300.0, "{delay}");
            assert!(delay >= 1.0);
            last = delay;
        }
        assert!(last >= 240.0, "the last retries wait minutes: {last}");
        let p = retry_plan(&d, &history(6, f64::from(seed)));
        assert!(!p.auto);
        assert_eq!(p.reason, "watch");
        let p = retry_plan(&d, &history(600, f64::from(seed)));
        assert_eq!(p.reason, "watch");
    }
}

#[test]
fn retry_plan_jitter_differs_across_seeds_and_is_deterministic() {
    let d = nginx_502("https://example.com/", "GET");
    let delays: Vec<f64> = (0..100)
        .map(|s| {
            retry_plan(&d, &history(1, f64::from(s)))
                .delay_seconds
                .unwrap()
        })
        .collect();
    let mut distinct = delays.clone();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    assert!(distinct.len() > 90, "{}", distinct.len());
    assert_eq!(
        retry_plan(&d, &history(1, 7.0)),
        retry_plan(&d, &history(1, 7.0))
    );
    // without a seed: from the URL and the time of the first failure
    let h = |at: f64| History {
        attempts: 0,
        first_failure_at: Some(at),
        now: Some(at),
        seed: None,
    };
    assert_eq!(retry_plan(&d, &h(1.0)), retry_plan(&d, &h(1.0)));
    assert_ne!(
        retry_plan(&d, &h(1.0)).delay_seconds,
        retry_plan(&d, &h(2.0)).delay_seconds
    );
}

// ---------------------------------------------------------------- messages

fn locale(lang: &str) -> serde_json::Map<String, serde_json::Value> {
    let path = format!(
        "{}/extension/_locales/{lang}/messages.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

const MINE: [&str; 2] = ["summary_", "step_"];

#[test]
fn every_key_advise_uses_has_a_message_in_every_language() {
    let langs = ["en", "de", "fr", "es"];
    let files: Vec<_> = langs.iter().map(|l| locale(l)).collect();
    let mut keys = std::collections::BTreeSet::new();
    let mut envs = Vec::new();
    for platform in ["win", "mac", "linux", "cros", "android", "other"] {
        for browser in ["chrome", "firefox"] {
            let mut e = env();
            e.platform = Some(platform.into());
            e.browser = Some(browser.into());
            envs.push(e);
        }
    }
    let mut e = env();
    e.incognito_allowed = Some(false);
    // other real hosts failing to connect: the "network" variants
    e.known_hosts = ["example.com", "a.org", "b.net", "c.io"]
        .map(String::from)
        .to_vec();
    e.proxy = Some(ProxySettings {
        mode: Some("fixed_servers".into()),
        controlled_by: Some("X".into()),
        by_extension: false,
    });
    e.extensions = vec![ext("n", "Notes", &["storage"], &[])];
    e.now = Some(1000.0);
    e.recent_failures = ["a.org", "b.net", "c.io"]
        .iter()
        .map(|h| RecentFailure {
            host: h.to_string(),
            at: 900.0,
            cause: Some("connection-refused".into()),
        })
        .collect();
    // another extension in control, which one unknown: the "another" variant
    let mut another = e.clone();
    another.proxy = Some(ProxySettings {
        mode: None,
        controlled_by: None,
        by_extension: true,
    });
    another.extensions.clear();
    // Firefox, with no suspect extension and with one: the variants that say where the list is
    let mut firefox = e.clone();
    firefox.browser = Some("firefox".into());
    let mut suspect = firefox.clone();
    suspect.extensions.push(ext(
        "ub",
        "uBlock Origin",
        &["declarativeNetRequest"],
        &["<all_urls>"],
    ));
    envs.push(e);
    envs.push(another);
    envs.push(firefox);
    envs.push(suspect);
    let base = nginx_502("https://exmaple.com/x", "POST");
    let mut diags = vec![
        // a form's request that got no answer: Retry loads the address with GET
        {
            let mut d = net_error("https://exmaple.com/x", "net::ERR_CONNECTION_RESET");
            d.method = "POST".into();
            d
        },
        net_error("https://exmaple.com/", "net::ERR_RESPONSE_HEADERS_TOO_BIG"),
        net_error("https://exmaple.com/", "net::ERR_CERT_DATE_INVALID"),
        net_error("https://exmaple.com/", "net::ERR_SSL_PROTOCOL_ERROR"),
        // the same with a gateway named (the summary's plain form)
        {
            let mut d = base.clone();
            d.cause = Cause::Tls;
            d.culprit = Culprit::Site;
            d.error = Some("net::ERR_SSL_PROTOCOL_ERROR".into());
            d
        },
        diagnose(&Failure {
            url: "https://example.com/".into(),
            status_code: Some(200),
            ..Default::default()
        })
        .unwrap(),
    ];
    // the failures whose words only their own facts bring out
    let first_own = diags.len();
    let resp = |url: &str, status: u16, headers: &[(&str, &str)], body: &str| {
        diagnose(&Failure {
            url: url.into(),
            status_code: Some(status),
            response_headers: http::headers(headers),
            body_text: Some(body.into()),
            ..Default::default()
        })
        .unwrap()
    };
    diags.push(resp("https://example.com/", 429, &[], ""));
    // a 503 that says nothing more, as the first frame has it (the headers alone)
    diags.push(resp(
        "https://example.com/",
        503,
        &[("Server", "Heroku")],
        "",
    ));
    diags.push(resp("https://example.com/", 503, &[], ""));
    for ra in ["5", "20", "60", "90", "1800", "7200"] {
        diags.push(resp(
            "https://example.com/",
            429,
            &[("Retry-After", ra)],
            "",
        ));
    }
    diags.push(resp(
        "https://news.example.com/",
        511,
        &[],
        r#"<meta http-equiv="refresh" content="0; url=http://portal.example.net/login">"#,
    ));
    diags.push(resp(
        "https://shop.example.com/",
        522,
        &[("Server", "cloudflare"), ("CF-RAY", "8c1f2a3b4c5d6e7f-FRA")],
        "Connection timed out Error code 522",
    ));
    for (url, error) in [
        ("http://127.0.0.1:9999/", "net::ERR_CONNECTION_REFUSED"),
        ("http://192.168.1.5:8080/", "net::ERR_CONNECTION_REFUSED"),
        ("https://a.example.com/", "net::ERR_BLOCKED_BY_CLIENT"),
        (
            "https://a.example.com/",
            "net::ERR_BLOCKED_BY_ADMINISTRATOR",
        ),
        ("https://a.example.com/", "net::ERR_NETWORK_CHANGED"),
        ("https://shop.example.com/checkout", "net::ERR_CACHE_MISS"),
    ] {
        diags.push(net_error(url, error));
    }
    diags.push(
        diagnose(&Failure {
            url: "https://ads.example.com/".into(),
            error: Some("net::ERR_CONNECTION_REFUSED".into()),
            ip: Some("0.0.0.0".into()),
            ..Default::default()
        })
        .unwrap(),
    );
    for hours in [-26.0, 30.0] {
        let mut d = net_error("https://bank.example.com/", "net::ERR_CERT_DATE_INVALID");
        d.cause = Cause::Clock;
        d.culprit = gateway_doctor::model::Culprit::Browser;
        d.clock_offset_ms = Some(hours * 3_600_000.0);
        diags.push(d);
    }
    // each also as if a gateway had passed it on (the headline names it then)
    for i in first_own..diags.len() {
        if diags[i].gateway.is_none() {
            let mut d = diags[i].clone();
            d.gateway = base.gateway.clone();
            diags.push(d);
        }
    }
    for c in Cause::ALL {
        for culprit in ["site", "network", "proxy", "browser", "unknown"] {
            for gw in [true, false] {
                // no Retry-After, and one in each unit of the headlines that say the wait
                for ra in [None, Some(30.0), Some(60.0), Some(600.0), Some(7200.0)] {
                    let mut d = base.clone();
                    d.cause = c;
                    d.culprit =
                        serde_json::from_value(serde_json::Value::String(culprit.into())).unwrap();
                    if !gw {
                        d.gateway = None;
                    }
                    d.retry_after_seconds = ra;
                    diags.push(d);
                }
            }
        }
    }
    for d in &diags {
        for e in &envs {
            let a = advise(d, e);
            keys.insert(a.summary.key.clone());
            for s in &a.steps {
                let k = format!("step_{}", s.id.replace('-', "_"));
                if let Some(Param::Text(v)) = s.params.get("variant") {
                    keys.insert(format!("{k}_{v}"));
                }
                keys.insert(k);
            }
        }
    }
    for k in &keys {
        assert!(
            k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "{k}"
        );
        for (lang, f) in langs.iter().zip(&files) {
            let m = f
                .get(k)
                .and_then(|v| v.get("message"))
                .and_then(|m| m.as_str());
            assert!(m.is_some_and(|m| !m.is_empty()), "{lang}: no message {k}");
        }
    }
    // and no message of the advice's is left that the advice never uses
    let unused: Vec<_> = files[0]
        .keys()
        .filter(|k| MINE.iter().any(|p| k.starts_with(p)) && !keys.contains(*k))
        .collect();
    assert!(unused.is_empty(), "messages advise never uses: {unused:?}");
    // every language fills the same placeholders, and none uses Chrome's $1 form
    for (k, v) in &files[0] {
        if !MINE.iter().any(|p| k.starts_with(p)) {
            continue;
        }
        let en = placeholders(v["message"].as_str().unwrap());
        for (lang, f) in langs.iter().zip(&files).skip(1) {
            let m = f[k]["message"].as_str().unwrap();
            assert_eq!(placeholders(m), en, "{lang}: {k}");
            assert!(!m.contains('$'), "{lang}: {k}");
        }
    }
}

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
