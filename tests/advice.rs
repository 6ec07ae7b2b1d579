//! advise natively: the steps' order, what each failure gets, the messages every step uses.

#[path = "support/extensions.rs"]
mod extensions;
#[path = "support/locales.rs"]
mod locales;
#[path = "support/advice.rs"]
#[allow(dead_code)]
mod support;
use extensions::ext;
use gateway_doctor::model::{Action, Cause, Culprit, Failure, Param, ProxySettings, RecentFailure};
use gateway_doctor::{advise, diagnose};
use locales::placeholders;
use support::{env, http, ids, net_error, nginx_502, pos, step, text};

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
