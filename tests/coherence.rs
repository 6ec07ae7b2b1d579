//! The advice never contradicts itself or the diagnosis: invariants of the view (src/view.rs)
//! over every captured fixture and a set of browser errors, each in a spread of environments
//! (browsers, platforms, permissions, POST or GET, private windows allowed or not, recent
//! failures, Retry-After, proxies) and retry states.

use gateway_doctor::diagnose::{in_context, page_says_person_side};
use gateway_doctor::model::{
    Action, Culprit, Diagnosis, Environment, Failure, Message, Param, ProxySettings,
};
use gateway_doctor::policy::{auto_retry, waits_for_network, AutoInput};
use gateway_doctor::view::{view, RetryState, Unknown, View, FIRST_STEPS};
use gateway_doctor::{advise, diagnose};
use std::collections::BTreeMap;

#[path = "support/extensions.rs"]
mod extensions;
#[path = "support/http.rs"]
mod http;
#[path = "support/locales.rs"]
mod locales;
use locales::{all_locales, placeholders};
#[path = "support/coherence_cases.rs"]
mod cases;
use cases::{decided, environments, failures, retry_state, NOW};

/// Steps that ask the person to change their own browser, computer or network.
const OWN_SETUP: &[&str] = &[
    "flush-dns",
    "change-dns",
    "disable-extensions",
    "check-proxy",
    "check-connection",
];

/// Steps of an outage or of the person's setup, which a network's sign-in never gets.
const PORTAL_NEVER: &[&str] = &[
    "wait",
    "notify-when-back",
    "check-down",
    "status-page",
    "archived-copy",
    "contact-site",
    "incognito",
    "clear-site-data",
    "verify-url",
    "flush-dns",
    "change-dns",
    "disable-extensions",
    "check-proxy",
];

fn empty(p: &Param) -> bool {
    match p {
        Param::Text(t) => t.trim().is_empty(),
        Param::List(l) => l.is_empty() || l.iter().any(|x| x.trim().is_empty()),
        Param::Number(n) => !n.is_finite(),
        Param::Flag(_) => false,
    }
}

/// The steps that cannot help with what was diagnosed, whatever the page says: a private
/// window uses the same proxy, DNS, connection, clock and network as this one (and the same
/// administrator's policy); an HTTP response proves that the name resolved (and had no typo);
/// an extension's block is no proxy's, network's or site's doing; a server on this
/// computer or the local network is reached without DNS, VPN or outside services (unless the
/// proxy that failed carried even that request).
fn cannot_help(d: &Diagnosis) -> Vec<&'static str> {
    let cause = d.cause.as_str();
    let culprit = d.culprit.as_str();
    let error = d.error.as_deref().unwrap_or("").to_ascii_uppercase();
    let mut out = Vec::new();
    let same_everywhere = cause == "proxy"
        || culprit == "proxy"
        || matches!(
            cause,
            "dns" | "dns-filter" | "secure-dns" | "offline" | "network-down" | "ipv6" | "clock"
        )
        || (cause == "tls" && culprit == "network")
        || error.contains("BY_ADMINISTRATOR")
        || error.contains("BLOCKED_BY_POLICY");
    if same_everywhere {
        out.push("incognito");
    }
    // an answer about the site's server itself: this browser's cookies, cache and window, or
    // another browser, change nothing
    if matches!(
        cause,
        "upstream-timeout"
            | "upstream-unreachable"
            | "upstream-dns"
            | "upstream-tls"
            | "maintenance"
            | "overloaded"
    ) {
        out.extend(["incognito", "clear-site-data", "other-browser"]);
    }
    // an HTTP response, or the site's server that took the connection and broke it: the name
    // resolved, and to a server that answers
    let answered = d.status_code.is_some()
        || d.cause.is_response_cause()
        || (matches!(
            cause,
            "invalid-response" | "http2-quic" | "connection-reset"
        ) && culprit == "site");
    if answered {
        out.extend(["flush-dns", "change-dns", "secure-dns", "verify-url"]);
    }
    // an extension blocked the page: no proxy, connection, DNS or outage makes that error
    if error.contains("BLOCKED_BY_CLIENT") {
        out.extend([
            "check-proxy",
            "check-connection",
            "flush-dns",
            "change-dns",
            "check-down",
            "status-page",
            "wait",
        ]);
    }
    if gateway_doctor::domain::local(&d.host).is_some() {
        out.extend([
            "flush-dns",
            "change-dns",
            "verify-url",
            "check-down",
            "status-page",
            "archived-copy",
        ]);
        if cause != "proxy" && culprit != "proxy" {
            out.push("check-proxy");
        }
    }
    out
}

/// The checks of one view; `errors` collects what breaks them.
#[allow(clippy::too_many_arguments)]
fn check(
    what: &str,
    d: &Diagnosis,
    env: &Environment,
    v: &View,
    langs: &[(String, BTreeMap<String, serde_json::Value>)],
    errors: &mut Vec<String>,
) {
    let mut fail = |s: String| errors.push(format!("{what}: {s}"));
    assert!(v.steps.len() <= FIRST_STEPS);
    // the person's connection (offline, the network changed or down): no site is blamed, and
    // the page waits for the connection, not for a timer
    if waits_for_network(d) {
        if d.culprit.as_str() != "network" {
            fail(format!(
                "waits for the network, yet culprit {}",
                d.culprit.as_str()
            ));
        }
        for s in &v.steps {
            if matches!(s.id.as_str(), "check-down" | "contact-site" | "status-page") {
                fail(format!("waits for the network, yet {} before more", s.id));
            }
        }
        if v.retry
            .as_ref()
            .is_some_and(|m| m.key == "ui_retry_countdown")
        {
            fail("waits for the network, yet a countdown".into());
        }
    }
    let all: Vec<_> = v.steps.iter().chain(&v.more).collect();
    // no first step, and no button, that cannot help with the diagnosed cause
    let useless = cannot_help(d);
    for s in &v.steps {
        if useless.contains(&s.id.as_str()) {
            fail(format!(
                "{} / {}: step {} before more cannot help",
                d.cause.as_str(),
                d.culprit.as_str(),
                s.id
            ));
        }
    }
    if useless.contains(&"incognito") && v.primary.contains(&Action::OpenIncognito) {
        fail(format!(
            "{} / {}: a private-window button, which cannot help",
            d.cause.as_str(),
            d.culprit.as_str()
        ));
    }
    // a server on this computer or the local network: no DNS, VPN, typo or outside advice
    if gateway_doctor::domain::local(&d.host).is_some() {
        for s in &all {
            if matches!(
                s.id.as_str(),
                "flush-dns"
                    | "change-dns"
                    | "check-proxy"
                    | "verify-url"
                    | "check-down"
                    | "check-connection"
            ) {
                fail(format!("local host {}, yet step {}", d.host, s.id));
            }
        }
    }
    // a network's sign-in (a captive portal): sign-in steps only, whether or not its page is
    // known yet (the first frame is painted before it is), and nothing of an outage
    if gateway_doctor::diagnose::is_portal(d) {
        if !v.headline.key.starts_with("summary_portal") {
            fail(format!("a portal with the headline {}", v.headline.key));
        }
        for s in &all {
            if PORTAL_NEVER.contains(&s.id.as_str()) {
                fail(format!("a portal, yet step {}", s.id));
            }
        }
        let opens = |id: &str| {
            v.steps.iter().any(|s| {
                s.id == id
                    && matches!(&s.action, Some(Action::OpenUrl { url }) if url.starts_with("http"))
            })
        };
        if !(opens("sign-in") || opens("open-portal")) {
            fail("a portal, yet no first step opens its sign-in page".into());
        }
        if d.sign_in_url.is_some() && v.steps.first().map(|s| s.id.as_str()) != Some("sign-in") {
            fail("a portal's known sign-in page is not the first step".into());
        }
        if v.primary.contains(&Action::OpenIncognito) {
            fail("a portal, yet the private-window button".into());
        }
        if v.offer_watch {
            fail("a portal, yet the offer to watch the site until it is back".into());
        }
        if v.retry
            .as_ref()
            .is_some_and(|m| m.key.starts_with("ui_retry_countdown"))
        {
            fail("a portal, yet a countdown".into());
        }
        let state = |id: &str| v.chain.iter().find(|n| n.id == id).map(|n| n.state);
        if state("network").or(state("proxy")) != Some("failed")
            || state("server") == Some("failed")
            || state("gateway").is_some()
        {
            fail(format!(
                "a portal's chain blames the wrong part: {:?}",
                v.chain
            ));
        }
    }
    // one way back per failure: a tab that reloads by itself when the connection is back
    // (the retry line says so) is offered no watch, as a button or as a step
    let by_itself = v.retry.as_ref().is_some_and(|m| {
        matches!(
            m.key.as_str(),
            "ui_retry_when_online" | "ui_retry_after_sign_in"
        )
    });
    if by_itself || waits_for_network(d) {
        if v.offer_watch {
            fail(format!(
                "{}: reloads by itself, yet the offer to watch",
                d.cause.as_str()
            ));
        }
        for s in &all {
            let outage = matches!(
                s.id.as_str(),
                "wait" | "check-down" | "status-page" | "archived-copy" | "contact-site"
            ) || (s.id == "other-browser" && !gateway_doctor::diagnose::is_portal(d));
            let offline_only = d.cause.as_str() == "offline"
                && matches!(
                    s.id.as_str(),
                    "flush-dns" | "change-dns" | "clear-site-data" | "verify-url"
                );
            if s.id == "notify-when-back"
                || matches!(s.action, Some(Action::Watch))
                || outage
                || offline_only
            {
                fail(format!(
                    "{}: reloads by itself, yet step {}",
                    d.cause.as_str(),
                    s.id
                ));
            }
        }
    }
    // a form's answer the browser kept no copy of (Back or Forward to it): sending the form
    // again, the person's choice, is the one step; nothing of cookies, DNS, proxy or the
    // connection, no countdown, no watch
    if gateway_doctor::advise::form_answer(d) {
        let ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
        if ids != ["resend-form"] || !v.headline.key.starts_with("summary_form_answer") {
            fail(format!("a form's answer: {} with {ids:?}", v.headline.key));
        }
        if v.offer_watch
            || v.retry
                .as_ref()
                .is_some_and(|m| m.key.starts_with("ui_retry_countdown"))
        {
            fail("a form's answer, yet a countdown or the offer to watch".into());
        }
    }
    // a request that is not resent: the retry step says what Retry does, the form sent again
    // (an answer reloads) or the address loaded with GET (no answer came)
    if !gateway_doctor::policy::resendable(&d.method) {
        let said = if d.status_code.is_some() {
            "step_retry_resubmit"
        } else {
            "step_retry_resubmit_get"
        };
        for s in &all {
            if s.id == "retry" && s.key != said {
                fail(format!("a {} retried with {}", d.method, s.key));
            }
        }
    }
    // this computer's clock is what fails: setting it, and nothing that blames the site, waits
    // for it or tries another window or browser of the same computer
    if d.cause.as_str() == "clock" {
        for s in &all {
            if !matches!(s.id.as_str(), "set-clock" | "retry" | "resubmit-warning") {
                fail(format!("a wrong clock, yet step {}", s.id));
            }
        }
    }
    // a wait the site asked for is the headline's, not "wait a little"
    if d.retry_after_seconds.is_some_and(|s| s >= 1.0)
        && matches!(
            v.headline.key.trim_end_matches("_nogw"),
            "summary_overloaded" | "summary_rate_limited"
        )
    {
        fail(format!(
            "{} with Retry-After {:?}: the headline does not say the wait",
            v.headline.key, d.retry_after_seconds
        ));
    }
    // a "did you mean": the misspelt name is not looked up as a site that may be down
    if all.iter().any(|s| s.key == "step_verify_url_suggestion") {
        for s in &v.steps {
            if matches!(
                s.id.as_str(),
                "check-down" | "status-page" | "archived-copy"
            ) {
                fail(format!("a did-you-mean, yet {} before more", s.id));
            }
        }
    }
    // who must act in the words of the headline: this computer's clock, the administrator
    for (headline, culprit) in [
        ("summary_clock", "ui_culprit_clock"),
        ("summary_blocked_admin", "ui_culprit_admin"),
    ] {
        if v.headline.key.starts_with(headline) && v.culprit.key != culprit {
            fail(format!("{} with {}", v.headline.key, v.culprit.key));
        }
    }
    // a rate limit is no outage: no "is it down?", nor a wait for an outage, before more
    if d.status_code == Some(429) {
        for s in &v.steps {
            if matches!(s.id.as_str(), "check-down" | "status-page") || s.key == "step_wait" {
                fail(format!("a 429, yet {} before more", s.id));
            }
        }
    }
    // a guessed status page only under "more"
    if v.steps
        .iter()
        .any(|s| s.key.ends_with("_guess") && s.id == "status-page")
    {
        fail("a guessed status page before more".into());
    }
    // the chain ends at the site's server and names it with its port when it has one
    match v.chain.last() {
        Some(n) if n.id == "server" => {}
        _ => fail("the chain does not end at the server".into()),
    }
    if v.chain.iter().any(|n| {
        !matches!(
            n.state,
            "working" | "failed" | "unknown" | "limiting" | "later" | "blocked"
        )
    }) {
        fail("a chain node in no known state".into());
    }
    // a 429 is an answer that limits requests: no part of the way failed, and exactly one
    // part (whoever wrote it) is the one limiting
    if d.status_code == Some(429) {
        let limiting = v.chain.iter().filter(|n| n.state == "limiting").count();
        if v.chain.iter().any(|n| n.state == "failed") || limiting != 1 {
            fail(format!("a 429's chain: {:?}", v.chain));
        }
    }
    // only a 429 limits, and only the site's server says "come back later"
    if d.status_code != Some(429) && v.chain.iter().any(|n| n.state == "limiting") {
        fail(format!("limiting without a 429: {:?}", v.chain));
    }
    if v.chain
        .iter()
        .any(|n| n.state == "later" && n.id != "server")
    {
        fail(format!(
            "a part other than the server says later: {:?}",
            v.chain
        ));
    }
    // the site must act: nothing before "more" asks the person to change their setup
    if d.culprit.as_str() == "site" {
        for s in &v.steps {
            if OWN_SETUP.contains(&s.id.as_str()) {
                fail(format!(
                    "culprit site, yet step {} before more {:?}",
                    s.id,
                    v.steps
                        .iter()
                        .chain(&v.more)
                        .map(|s| s.id.as_str())
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    // an HTTP response arrived: DNS worked
    if d.status_code.is_some() {
        for s in &all {
            if matches!(s.id.as_str(), "flush-dns" | "change-dns") {
                fail(format!("{} after an HTTP response", s.id));
            }
        }
        for s in &all {
            if s.params.get("otherHostsFailing").is_some() {
                fail(format!(
                    "{} counts other sites after an HTTP response",
                    s.id
                ));
            }
        }
    }
    // the private window: the action and its step agree with the permission
    let offered = v.primary.contains(&Action::OpenIncognito);
    let step = all.iter().find(|s| s.id == "incognito");
    if env.incognito_allowed == Some(false) {
        if offered {
            fail("a private-window button that the browser will refuse".into());
        }
        if let Some(s) = step {
            if !s.key.ends_with("_notallowed") {
                fail(format!("incognito step {} while not allowed", s.key));
            }
        }
    } else if step.is_some() && !offered {
        fail("the private-window step without its button".into());
    }
    // no empty parameter, and every placeholder of every message filled
    let mut messages: Vec<(&str, &gateway_doctor::model::Params)> =
        all.iter().map(|s| (s.key.as_str(), &s.params)).collect();
    let retry: Option<&Message> = v.retry.as_ref();
    messages.extend(retry.map(|m| (m.key.as_str(), &m.params)));
    for (key, params) in &messages {
        for (name, p) in params.iter() {
            if empty(p) && name != "variant" {
                fail(format!("{key}: empty parameter {name}"));
            }
        }
        for (lang, file) in langs {
            let Some(m) = file
                .get(*key)
                .and_then(|m| m.get("message"))
                .and_then(|m| m.as_str())
            else {
                fail(format!("{lang}: no message {key}"));
                continue;
            };
            if key.starts_with("step_") {
                for ph in placeholders(m) {
                    if params.get(&ph).is_none_or(empty) {
                        fail(format!("{lang} {key}: {{{ph}}} has nothing to fill it"));
                    }
                }
            }
        }
    }
    // a headline a person reads at a glance: at most 15 words, no status line
    for (lang, file) in langs {
        if let Some(m) = file
            .get(v.headline.key.as_str())
            .and_then(|m| m.get("message"))
            .and_then(|m| m.as_str())
        {
            let words = m
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            if words > 15 || m.contains("{status}") {
                fail(format!(
                    "{lang} {}: headline too long or with a status line",
                    v.headline.key
                ));
            }
        }
    }
    for key in [&v.headline.key, &v.culprit.key] {
        for (lang, file) in langs {
            if !file.contains_key(key.as_str()) {
                fail(format!("{lang}: no message {key}"));
            }
        }
    }
    for (name, p) in v.headline.params.iter() {
        if empty(p) && name != "statusText" {
            fail(format!("headline: empty parameter {name}"));
        }
    }
}

#[test]
fn the_view_never_contradicts_itself() {
    let langs = all_locales();
    assert!(langs.len() >= 4);
    let envs = environments();
    let mut errors = Vec::new();
    let mut views = 0;
    for (name, f) in failures() {
        for method in ["GET", "POST"] {
            // 7200 s: beyond what a tab waits for (a watch from then, no retry made)
            for retry_after in [None, Some(120.0), Some(7200.0)] {
                let mut f = f.clone();
                f.method = Some(method.into());
                let Ok(mut d0) = diagnose(&f) else { continue };
                if !d0.failed {
                    continue;
                }
                if retry_after.is_some() {
                    d0.retry_after_seconds = retry_after;
                }
                for (label, env, unknown) in &envs {
                    // the diagnosis as the shell shows it: in the person's environment
                    let d = in_context(&d0, env);
                    // the environment changes a response's diagnosis only to take away a
                    // person-side culprit that the page alone named (diagnose::person)
                    let unconfirmed = page_says_person_side(&d0, env);
                    if d0.status_code.is_some() && d != d0 && !unconfirmed {
                        errors.push(format!(
                            "{name}: the environment changed a response's diagnosis"
                        ));
                    }
                    if unconfirmed
                        && (d.culprit != Culprit::Unknown
                            || (d.cause, &d.gateway, d.generated_by)
                                != (d0.cause, &d0.gateway, d0.generated_by))
                    {
                        errors.push(format!(
                            "{name}: an unconfirmed person-side culprit is not just made unknown"
                        ));
                    }
                    // the retry state is what the policy decided for this failure
                    let a = decided(&d);
                    if a.state == "network" && !waits_for_network(&d) {
                        errors.push(format!("{name}: waits for the network without cause"));
                    }
                    if a.state == "scheduled"
                        && !matches!(a.reason.as_str(), "backoff" | "retry-after")
                    {
                        errors.push(format!("{name}: scheduled with reason {}", a.reason));
                    }
                    let r = retry_state(&a);
                    let advice = advise(&d, env);
                    let v = view(&d, &advice, env, *unknown, &r);
                    // a countdown only where the request may be resent, never beside a reason
                    if let Some(m) = &v.retry {
                        if m.key.starts_with("ui_retry_countdown")
                            && (method == "POST" || !d.safe_to_retry)
                        {
                            errors.push(format!(
                                "{name} {method}: a countdown for a request that is not retried"
                            ));
                        }
                    }
                    // the words say what Retry does: it reloads an answer (the form is sent
                    // again) but loads the address of a request that got none with GET
                    let keys = v
                        .retry
                        .iter()
                        .map(|m| m.key.as_str())
                        .chain(v.steps.iter().chain(&v.more).map(|s| s.key.as_str()));
                    for key in keys {
                        let resend = matches!(
                            key,
                            "ui_retry_resubmit_warning"
                                | "step_retry_resubmit"
                                | "step_resubmit_warning"
                        );
                        let get = key.ends_with("resubmit_warning_get")
                            || key == "step_retry_resubmit_get";
                        if (resend && d.status_code.is_none()) || (get && d.status_code.is_some()) {
                            errors.push(format!(
                                "{name} {method}: {key}, yet Retry {}",
                                if get {
                                    "sends the form again"
                                } else {
                                    "loads with GET"
                                }
                            ));
                        }
                    }
                    // the line counts only retries that were made: none before a Retry-After
                    // beyond what a tab waits for
                    if let Some(m) = &v.retry {
                        if m.key == "ui_retry_exhausted" && r.attempts == 0 {
                            errors.push(format!(
                                "{name} {method} ra={retry_after:?}: 'retried 0 times' when none was made"
                            ));
                        }
                    }
                    // a name that does not resolve is not retried on a timer: the line says why
                    if d.status_code.is_none()
                        && d.cause.as_str() == "dns"
                        && a.state == "off"
                        && v.retry.is_none()
                    {
                        errors.push(format!("{name} {method}: DNS, and no retry line says why"));
                    }
                    // Firefox opens no about: page for an extension ("Illegal URL"): a button
                    // there opens a web address or does the thing itself
                    if env.browser.as_deref() == Some("firefox") {
                        let actions = v.primary.iter().chain(
                            v.steps
                                .iter()
                                .chain(&v.more)
                                .filter_map(|s| s.action.as_ref()),
                        );
                        for a in actions {
                            if let Action::OpenUrl { url } = a {
                                if !url.starts_with("http://") && !url.starts_with("https://") {
                                    errors.push(format!(
                                        "{name} {label}: Firefox shows a button for {url}"
                                    ));
                                }
                            }
                        }
                    }
                    check(
                        &format!("{name} {method} ra={retry_after:?} {label}"),
                        &d,
                        env,
                        &v,
                        &langs,
                        &mut errors,
                    );
                    views += 1;
                }
            }
        }
    }
    assert!(views > 10_000, "{views} views");
    errors.sort();
    errors.dedup();
    assert!(
        errors.is_empty(),
        "{} problems, e.g.:\n{}",
        errors.len(),
        errors
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The number of a wait in words: the param of its unit (`minute` has none: 1).
fn wait_words(key: &str, p: &gateway_doctor::model::Params) -> Option<(String, f64)> {
    let base = key.strip_suffix("_nogw").unwrap_or(key);
    for unit in ["seconds", "minutes", "minute", "hours"] {
        if base.ends_with(&format!("_{unit}")) {
            let n = match p.get(unit) {
                Some(Param::Number(n)) => *n,
                _ => 1.0,
            };
            return Some((unit.to_string(), n));
        }
    }
    None
}

#[test]
fn the_headline_the_wait_step_and_the_countdown_say_the_same_wait() {
    // Retry-After 800 s (13.3 minutes); the retry comes up to 30 s later: whatever the spread,
    // the panel says one wait
    let env = Environment {
        browser: Some("chrome".into()),
        now: Some(NOW),
        ..Environment::default()
    };
    for status in [503, 429] {
        let f = Failure {
            url: "https://www.example.com/".into(),
            status_code: Some(status),
            response_headers: http::headers(&[("Server", "nginx"), ("Retry-After", "800")]),
            time_stamp: Some(NOW),
            ..Failure::default()
        };
        let d = diagnose(&f).unwrap();
        for seed in 0..40 {
            let a = auto_retry(
                &d,
                &AutoInput {
                    now: NOW,
                    enabled: true,
                    seed: Some(f64::from(seed) / 40.0),
                    ..Default::default()
                },
            );
            assert_eq!(a.reason, "retry-after");
            let r = retry_state(&a);
            let v = view(&d, &advise(&d, &env), &env, Unknown::default(), &r);
            let line = v.retry.as_ref().unwrap();
            let countdown = wait_words(&line.key, &line.params).unwrap();
            let headline = wait_words(&v.headline.key, &v.headline.params);
            assert_eq!(
                headline.as_ref(),
                Some(&countdown),
                "{status} seed {seed}: {v:?}"
            );
            let step = v
                .steps
                .iter()
                .chain(&v.more)
                .find(|s| s.id == "wait")
                .unwrap();
            assert_eq!(
                wait_words(&step.key, &step.params).as_ref(),
                Some(&countdown),
                "{status} seed {seed}: {}",
                step.key
            );
        }
    }
}

/// A form's answer the browser kept no copy of is never sent again by the extension: no
/// retry is scheduled or watched for, whatever method the browser reported.
#[test]
fn a_forms_answer_is_never_resent_automatically() {
    for error in [
        "net::ERR_CACHE_MISS",
        "NS_ERROR_DOCUMENT_NOT_CACHED",
        "notCached",
    ] {
        for method in ["GET", "POST", ""] {
            let d = diagnose(&Failure {
                url: "https://shop.example.com/checkout".into(),
                method: Some(method.into()),
                error: Some(error.into()),
                time_stamp: Some(NOW),
                ..Failure::default()
            })
            .unwrap();
            assert!(gateway_doctor::advise::form_answer(&d), "{error}");
            let a = decided(&d);
            assert_eq!(a.state, "off", "{error} {method}: {a:?}");
            assert!(
                a.due.is_none() && a.watch_from.is_none(),
                "{error} {method}"
            );
        }
    }
    // other cache errors are no form's answer: clearing the site's data may help them
    let d = diagnose(&Failure {
        url: "https://shop.example.com/".into(),
        error: Some("net::ERR_CACHE_READ_FAILURE".into()),
        ..Failure::default()
    })
    .unwrap();
    assert!(!gateway_doctor::advise::form_answer(&d));
}

/// The proxy step's one click where the browser allows it: Chrome lets an extension open
/// chrome://settings/system (checked with tabs.create in the e2e harness's Chromium); Firefox
/// refuses its about:preferences ("Illegal URL"), so there the step's words say where the
/// setting is and no button promises to open it.
#[test]
fn the_proxy_step_opens_chromes_setting_and_says_where_firefoxs_is() {
    for (error, proxy_culprit) in [
        ("net::ERR_PROXY_CONNECTION_FAILED", true),
        ("NS_ERROR_PROXY_CONNECTION_REFUSED", true),
        ("net::ERR_CONNECTION_TIMED_OUT", false),
    ] {
        let d0 = diagnose(&Failure {
            url: "http://shop.example.com/".into(),
            error: Some(error.into()),
            time_stamp: Some(NOW),
            ..Failure::default()
        })
        .unwrap();
        for browser in ["chrome", "firefox"] {
            let env = Environment {
                browser: Some(browser.into()),
                platform: Some("linux".into()),
                now: Some(NOW),
                proxy: Some(ProxySettings {
                    mode: Some("fixed_servers".into()),
                    ..Default::default()
                }),
                ..Default::default()
            };
            let d = in_context(&d0, &env);
            let v = view(
                &d,
                &advise(&d, &env),
                &env,
                Unknown::default(),
                &RetryState::default(),
            );
            let step = v
                .steps
                .iter()
                .chain(&v.more)
                .find(|s| s.id == "check-proxy")
                .unwrap_or_else(|| panic!("{error} {browser}: no proxy step"));
            if browser == "chrome" {
                let url = "chrome://settings/system".to_string();
                assert_eq!(
                    step.action,
                    Some(Action::OpenUrl { url: url.clone() }),
                    "{error}"
                );
                assert!(gateway_doctor::model::may_open(&url));
            } else {
                assert_eq!(step.action, None, "{error}: a button Firefox refuses");
                let key = if proxy_culprit {
                    "step_check_proxy_proxy_firefox"
                } else {
                    "step_check_proxy_firefox"
                };
                assert_eq!(step.key, key, "{error}");
            }
        }
    }
    assert!(!gateway_doctor::model::may_open(
        "about:preferences#general"
    ));
}
