//! suggestHost, rankExtensions and retryPlan, natively.

#[path = "support/extensions.rs"]
mod extensions;
#[path = "support/advice.rs"]
#[allow(dead_code)]
mod support;
use extensions::ext;
use gateway_doctor::model::{Failure, History, Risk};
use gateway_doctor::{diagnose, rank_extensions, retry_plan, suggest_host};
use support::{net_error, nginx_502};

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
