//! `advise`: the troubleshooting guide's steps, most useful first, for one diagnosis.
//!
//! # Message keys
//!
//! **Summary** (`Advice.summary.key`), chosen in this order:
//!
//! 1. `summary_none`: the diagnosis is no failure (and there are no steps).
//! 2. `summary_via_proxy` / `summary_via_proxy_nogw`: a response cause (5xx) whose culprit is
//!    the person's proxy (a forward proxy wrote the page, or it came through one).
//! 3. Culprit variants of no-response causes: `summary_tls_browser`, `summary_tls_network`,
//!    `summary_invalid_response_browser` (each also with `_nogw`).
//! 4. `summary_<cause>` with the cause's `-` as `_` (`summary_upstream_unreachable`).
//!
//! Every summary key comes in two forms: the plain one when a gateway is known (the message
//! names `{gateway}`), and `<key>_nogw` when none is (for no-response causes, which never have
//! a gateway, the `_nogw` form is the one used). Summary params: `status`, `statusText`,
//! `gateway`, `host`, `error` (when known).
//!
//! **Steps**: `step_` + id with `-` as `_` (`step_verify_url`). When a step has
//! `params.variant`, the more specific message `step_<id>_<variant>` exists and the renderer
//! should prefer it, falling back to `step_<id>` (which reads well in every case). Variants:
//! `flush-dns`: `win`, `mac`, `linux`, `cros`, `browser` (no OS command known);
//! `change-dns`: `win`, `mac`, `linux`, `cros`, `android`; `verify-url`: `suggestion`;
//! `check-down`: `network` (several other sites failed too); `check-connection`: `network`,
//! `offline`, `portal`; `status-page`: `guess`; `clear-site-data`: `cookies`; `incognito`:
//! `notallowed`; `disable-extensions`: `none` (the list is known and nothing looks suspect);
//! `check-proxy`: `extension` (an extension controls it), `proxy` (the proxy is the culprit);
//! `wait`: `retry_after`.
//!
//! # Choices
//!
//! - "contact-site": the site's own `/contact` page is down with the site, so the step names
//!   `params.email` = `webmaster@<registrable domain>` (the RFC 2142 mailbox for web
//!   problems; it may not exist) and `params.origin`, and its action copies a short problem
//!   report (URL, status or error, gateway, when) to paste into a mail or support form.
//! - "check-down" opens downforeveryoneorjustme.com for the host; `params.checkers` lists all
//!   three checker hosts and `params.checker` the one the button opens.
//! - Outside checkers, status pages and archived copies are left out for hosts that are not
//!   public names (IP addresses, localhost, `.local`, `.internal`, ...); "contact-site" for
//!   IP addresses and loopback names.
//! - "Is it just me?": `env.recentFailures` within [`RECENT_WINDOW_MS`] before `env.now` (all
//!   of them when `now` is missing), on other registrable domains, and not themselves a
//!   site's 5xx, are counted; [`NETWORK_WIDE_MIN`] or more put "check-connection" (then
//!   "check-proxy") first for no-response failures, right after "retry" for 5xx, and set
//!   `params.otherHostsFailing` on "check-down" and "check-connection".
//! - A configured proxy (`fixed_servers`, `pac_script`, `system`, or one an extension
//!   controls) puts "check-proxy" first for no-response failures, except that a DNS failure
//!   with a "did you mean" suggestion keeps "verify-url" first; a proxy culprit always puts
//!   it first.
//! - Gateway-written and origin-written 5xx put "retry" first and DNS steps last.

use crate::diagnose::is_idempotent;
use crate::domain;
use crate::extensions::rank_extensions;
use crate::model::{
    Action, Advice, Cause, Culprit, Diagnosis, Environment, Message, Param, Params,
    RankedExtension, Step,
};
use crate::status_pages;
use crate::suggest::suggest_host;
use crate::text::clip;

/// At most this many steps.
pub const MAX_STEPS: usize = 20;
/// At most this many extension ids in "disable-extensions".
pub const MAX_LISTED_EXTENSIONS: usize = 10;
/// Failures of other hosts within this long before `now` count (ms).
pub const RECENT_WINDOW_MS: f64 = 10.0 * 60.0 * 1000.0;
/// This many other, unrelated sites failing point to the person's own network.
pub const NETWORK_WIDE_MIN: usize = 2;
/// Outside "is it down?" checkers: (host, URL prefix, URL suffix).
pub const CHECKERS: [(&str, &str, &str); 3] = [
    (
        "downforeveryoneorjustme.com",
        "https://downforeveryoneorjustme.com/",
        "",
    ),
    (
        "isitdownrightnow.com",
        "https://www.isitdownrightnow.com/",
        ".html",
    ),
    (
        "downdetector.com",
        "https://downdetector.com/search/?q=",
        "",
    ),
];
/// Public DNS servers named in "change-dns".
pub const PUBLIC_DNS: &str = "8.8.8.8, 8.8.4.4 / 1.1.1.1";

const MAX_PARAM: usize = 300;

/// The command that empties the operating system's DNS cache.
pub fn flush_dns_command(platform: &str) -> Option<&'static str> {
    Some(match platform {
        "win" => "ipconfig /flushdns",
        "mac" => "sudo dscacheutil -flushcache; sudo killall -HUP mDNSResponder",
        "linux" | "openbsd" | "fuchsia" => "resolvectl flush-caches",
        "cros" => "chrome://net-internals/#dns",
        _ => return None,
    })
}

/// The browser's own DNS cache page.
pub fn dns_browser_page(browser: &str) -> &'static str {
    if browser == "firefox" {
        "about:networking#dns"
    } else {
        "chrome://net-internals/#dns"
    }
}

fn text(s: &str) -> Param {
    Param::Text(clip(s, MAX_PARAM).to_string())
}

/// What `advise` works from, worked out once.
struct Ctx<'a> {
    d: &'a Diagnosis,
    env: &'a Environment,
    host: String,
    url: String,
    idempotent: bool,
    browser: String,
    platform: String,
    public: bool,
    loopback: bool,
    http: bool,
    proxy_configured: bool,
    others_failing: usize,
    suggestion: Option<String>,
    ranked: Vec<RankedExtension>,
    cookies_strong: bool,
    cookies_weak: bool,
}

fn cause_from_str(s: &str) -> Option<Cause> {
    Cause::ALL.iter().copied().find(|c| c.as_str() == s)
}

/// How many unrelated sites (by registrable domain) failed on the person's side lately.
fn others_failing(d: &Diagnosis, env: &Environment, host: &str) -> usize {
    let own = domain::registrable_domain(host).to_string();
    let mut seen: Vec<String> = Vec::new();
    for f in env.recent_failures.iter().take(1000) {
        if let Some(now) = env.now.filter(|n| n.is_finite()) {
            if !f.at.is_finite() || f.at > now + 60_000.0 || now - f.at > RECENT_WINDOW_MS {
                continue;
            }
        }
        let h = clip(f.host.trim(), 253)
            .trim_end_matches('.')
            .to_ascii_lowercase();
        if h.is_empty() || h == d.host {
            continue;
        }
        // another site's own 5xx says nothing about this network
        if let Some(c) = f.cause.as_deref().and_then(cause_from_str) {
            if c.is_response_cause() || matches!(c, Cause::Aborted | Cause::None) {
                continue;
            }
        }
        let reg = domain::registrable_domain(&h).to_string();
        if reg == own || seen.contains(&reg) {
            continue;
        }
        seen.push(reg);
        if seen.len() >= 50 {
            break;
        }
    }
    seen.len()
}

impl<'a> Ctx<'a> {
    fn new(d: &'a Diagnosis, env: &'a Environment) -> Ctx<'a> {
        let url_s = if d.url.is_empty() {
            env.url.clone().unwrap_or_default()
        } else {
            d.url.clone()
        };
        let url = clip(&url_s, 8 * 1024).to_string();
        let parsed = crate::url::parse(&url).ok();
        let host = if d.host.is_empty() {
            parsed.as_ref().map(|u| u.host.clone()).unwrap_or_default()
        } else {
            d.host.clone()
        };
        let host = clip(&host, 253).to_string();
        let http = parsed.as_ref().is_none_or(|u| u.is_http());
        let method = if d.method.is_empty() {
            env.method.clone().unwrap_or_else(|| "GET".into())
        } else {
            d.method.clone()
        };
        let idempotent = is_idempotent(&clip(method.trim(), 32).to_ascii_uppercase());
        let browser = env
            .browser
            .as_deref()
            .unwrap_or("chrome")
            .to_ascii_lowercase();
        let platform = env.platform.as_deref().unwrap_or("").to_ascii_lowercase();
        let proxy_configured = env.proxy.as_ref().is_some_and(|p| {
            matches!(
                p.mode.as_deref(),
                Some("fixed_servers" | "pac_script" | "system")
            ) || p
                .controlled_by
                .as_deref()
                .is_some_and(|c| !c.trim().is_empty())
        });
        let suggestion = if matches!(d.cause, Cause::Dns | Cause::InvalidUrl) && !host.is_empty() {
            suggest_host(&host, &env.known_hosts)
        } else {
            None
        };
        let error = d.error.as_deref().unwrap_or("").to_ascii_uppercase();
        let evidence = d
            .evidence
            .iter()
            .take(32)
            .map(|e| clip(e, 200).to_ascii_lowercase())
            .collect::<Vec<_>>();
        let header_words = evidence.iter().any(|e| {
            e.contains("header")
                && (e.contains("too big") || e.contains("too large") || e.contains("too long"))
        });
        let cookies_strong = matches!(d.status_code, Some(400 | 431 | 494))
            || error.contains("HEADERS_TOO_BIG")
            || header_words
            || (d.cause == Cause::InvalidResponse && d.culprit == Culprit::Browser)
            || matches!(d.cause, Cause::RedirectLoop | Cause::Cache);
        let cookies_weak =
            matches!(d.status_code, Some(502 | 520)) || d.cause == Cause::OriginError;
        let loopback = host == "localhost"
            || host.ends_with(".localhost")
            || host.starts_with("127.")
            || host == "::1"
            || host == "0.0.0.0";
        Ctx {
            d,
            env,
            public: domain::is_public_host(&host),
            others_failing: others_failing(d, env, &host),
            ranked: rank_extensions(&env.extensions),
            host,
            url,
            idempotent,
            browser,
            platform,
            loopback,
            http,
            proxy_configured,
            suggestion,
            cookies_strong,
            cookies_weak,
        }
    }

    /// A failure on the person's side of the connection (no response arrived, or the
    /// person's proxy wrote it).
    fn network_side(&self) -> bool {
        !self.d.cause.is_response_cause() || self.d.culprit == Culprit::Proxy
    }
}

// ---------------------------------------------------------------- summary

fn summary(d: &Diagnosis) -> Message {
    let mut params = Params::new();
    if let Some(s) = d.status_code {
        params.insert("status".into(), Param::Text(s.to_string()));
    }
    if let Some(t) = &d.status_text {
        params.insert("statusText".into(), text(t));
    }
    if let Some(g) = &d.gateway {
        params.insert("gateway".into(), text(&g.name));
    }
    params.insert("host".into(), text(&d.host));
    if let Some(e) = &d.error {
        params.insert("error".into(), text(e));
    }
    if !d.failed {
        return Message {
            key: "summary_none".into(),
            params,
        };
    }
    let base = match (d.cause, d.culprit) {
        (c, Culprit::Proxy) if c.is_response_cause() => "via_proxy".to_string(),
        (Cause::Tls, Culprit::Browser) => "tls_browser".into(),
        (Cause::Tls, Culprit::Network) => "tls_network".into(),
        (Cause::InvalidResponse, Culprit::Browser) => "invalid_response_browser".into(),
        (c, _) => c.as_str().replace('-', "_"),
    };
    let suffix = if d.gateway.is_some() { "" } else { "_nogw" };
    Message {
        key: format!("summary_{base}{suffix}"),
        params,
    }
}

// ---------------------------------------------------------------- order

/// The steps for one cause, most likely to help first, before the adjustments.
fn base_order(c: &Ctx) -> Vec<&'static str> {
    let d = c.d;
    if d.cause.is_response_cause() {
        let mut v: Vec<&'static str> = match d.cause {
            Cause::Maintenance => vec![
                "retry",
                "status-page",
                "wait",
                "notify-when-back",
                "check-down",
                "archived-copy",
            ],
            Cause::Overloaded => vec![
                "retry",
                "wait",
                "notify-when-back",
                "check-down",
                "status-page",
                "archived-copy",
            ],
            Cause::OriginError | Cause::UpstreamTls | Cause::UpstreamDns => {
                vec![
                    "retry",
                    "check-down",
                    "status-page",
                    "contact-site",
                    "wait",
                    "notify-when-back",
                    "archived-copy",
                ]
            }
            _ => vec![
                "retry",
                "check-down",
                "status-page",
                "wait",
                "notify-when-back",
                "archived-copy",
            ],
        };
        if c.cookies_weak {
            v.extend(["clear-site-data", "incognito"]);
        } else {
            v.extend(["incognito", "clear-site-data"]);
        }
        v.extend(["other-browser", "disable-extensions", "check-proxy"]);
        if !v.contains(&"contact-site") {
            v.push("contact-site");
        }
        // gateway errors are server-side: the person's DNS already found the server
        v.extend(["verify-url", "flush-dns", "change-dns"]);
        return v;
    }
    let tail = [
        "incognito",
        "other-browser",
        "wait",
        "notify-when-back",
        "status-page",
        "archived-copy",
        "contact-site",
    ];
    let mut v: Vec<&'static str> = match d.cause {
        Cause::Dns => vec![
            "retry",
            "verify-url",
            "check-down",
            "check-connection",
            "flush-dns",
            "change-dns",
            "check-proxy",
            "disable-extensions",
        ],
        Cause::Offline => vec![
            "check-connection",
            "retry",
            "check-proxy",
            "notify-when-back",
            "flush-dns",
            "change-dns",
        ],
        Cause::Proxy => vec![
            "check-proxy",
            "retry",
            "disable-extensions",
            "check-connection",
            "check-down",
        ],
        Cause::Auth => vec![
            "check-connection",
            "check-proxy",
            "retry",
            "incognito",
            "other-browser",
        ],
        Cause::Tls => vec![
            "retry",
            "check-down",
            "check-proxy",
            "disable-extensions",
            "incognito",
            "other-browser",
            "contact-site",
            "status-page",
            "clear-site-data",
        ],
        Cause::RedirectLoop | Cause::Cache => {
            vec![
                "clear-site-data",
                "retry",
                "incognito",
                "disable-extensions",
                "other-browser",
                "check-down",
            ]
        }
        Cause::InvalidResponse if c.cookies_strong => {
            vec![
                "clear-site-data",
                "retry",
                "incognito",
                "disable-extensions",
                "check-proxy",
                "check-down",
            ]
        }
        Cause::Blocked => vec![
            "disable-extensions",
            "retry",
            "check-proxy",
            "incognito",
            "other-browser",
            "check-connection",
        ],
        Cause::InvalidUrl => vec!["verify-url", "retry", "other-browser"],
        Cause::File => return vec!["verify-url", "retry", "other-browser"],
        Cause::Timeout | Cause::Unreachable => vec![
            "retry",
            "check-down",
            "check-connection",
            "check-proxy",
            "disable-extensions",
            "flush-dns",
            "change-dns",
            "verify-url",
        ],
        // connection-refused, connection-reset, invalid-response, http2-quic, other
        _ => vec![
            "retry",
            "check-down",
            "check-proxy",
            "disable-extensions",
            "check-connection",
            "verify-url",
            "flush-dns",
            "change-dns",
        ],
    };
    for t in tail {
        if !v.contains(&t) {
            v.push(t);
        }
    }
    for t in [
        "clear-site-data",
        "verify-url",
        "flush-dns",
        "change-dns",
        "check-connection",
        "check-proxy",
        "disable-extensions",
    ] {
        if !v.contains(&t) {
            v.push(t);
        }
    }
    v
}

fn move_to(v: &mut Vec<&'static str>, id: &'static str, pos: usize) {
    if let Some(i) = v.iter().position(|x| *x == id) {
        v.remove(i);
    }
    let pos = pos.min(v.len());
    v.insert(pos, id);
}

fn pos_of(v: &[&'static str], id: &str) -> Option<usize> {
    v.iter().position(|x| *x == id)
}

fn order(c: &Ctx) -> Vec<&'static str> {
    let d = c.d;
    let mut v = base_order(c);
    if d.cause == Cause::File {
        return v;
    }
    let network_side = c.network_side();

    // a "did you mean" for a name that does not resolve: that first
    if d.cause == Cause::Dns && c.suggestion.is_some() {
        move_to(&mut v, "verify-url", 0);
    }
    // several unrelated sites failing: the person's own connection
    if c.others_failing >= NETWORK_WIDE_MIN {
        if network_side {
            move_to(&mut v, "check-connection", 0);
            let after = pos_of(&v, "check-connection").map_or(1, |p| p + 1);
            move_to(&mut v, "check-proxy", after);
            if let Some(p) = pos_of(&v, "check-down") {
                let retry = pos_of(&v, "retry").unwrap_or(0);
                if p < retry {
                    move_to(&mut v, "check-down", retry);
                }
            }
        } else {
            let after = pos_of(&v, "retry").map_or(0, |p| p + 1);
            move_to(&mut v, "check-connection", after);
            move_to(&mut v, "check-proxy", after + 1);
        }
    }
    // a proxy is in the way
    let keep_suggestion =
        d.cause == Cause::Dns && c.suggestion.is_some() && d.culprit != Culprit::Proxy;
    if d.culprit == Culprit::Proxy || (c.proxy_configured && network_side) {
        move_to(&mut v, "check-proxy", usize::from(keep_suggestion));
    }
    // oversized cookies: clearing the site's data right after a retry
    if c.cookies_strong
        && !matches!(
            d.cause,
            Cause::RedirectLoop | Cause::Cache | Cause::InvalidResponse
        )
    {
        let after = pos_of(&v, "retry").map_or(0, |p| p + 1);
        move_to(&mut v, "clear-site-data", after);
    }
    // resending a form: say so before the retry
    if !c.idempotent {
        let p = pos_of(&v, "retry").unwrap_or(0);
        v.insert(p, "resubmit-warning");
    }
    // what outside services cannot see
    if !c.public || !c.http {
        v.retain(|id| !matches!(*id, "check-down" | "status-page" | "archived-copy"));
    }
    if c.loopback {
        v.retain(|id| *id != "contact-site");
    }
    if !c.http {
        v.retain(|id| {
            !matches!(
                *id,
                "clear-site-data" | "flush-dns" | "change-dns" | "check-proxy"
            )
        });
    }
    let mut seen: Vec<&'static str> = Vec::new();
    v.retain(|id| {
        if seen.contains(id) {
            false
        } else {
            seen.push(id);
            true
        }
    });
    v.truncate(MAX_STEPS);
    v
}

// ---------------------------------------------------------------- steps

fn step(id: &str) -> Step {
    Step {
        id: id.into(),
        params: Params::new(),
        action: None,
    }
}

fn set(s: &mut Step, name: &str, v: Param) {
    s.params.insert(name.into(), v);
}

/// The failed URL with its host replaced, if it parses.
fn with_host(url: &str, new_host: &str) -> Option<String> {
    let u = crate::url::parse(url).ok()?;
    if !u.is_http() {
        return None;
    }
    let port = match u.port {
        Some(p) if Some(p) != u.default_port() => format!(":{p}"),
        _ => String::new(),
    };
    let rest = if u.rest.is_empty() { "/" } else { u.rest };
    Some(format!(
        "{}://{}{}{}",
        u.scheme,
        new_host,
        port,
        clip(rest, 2048)
    ))
}

/// Minutes worth waiting for this cause before trying again.
fn wait_minutes(d: &Diagnosis) -> f64 {
    if let Some(s) = d.retry_after_seconds.filter(|s| s.is_finite() && *s > 0.0) {
        return (s / 60.0).ceil().clamp(1.0, 24.0 * 60.0);
    }
    match d.cause {
        Cause::Overloaded | Cause::UpstreamTimeout | Cause::Offline | Cause::Timeout => 5.0,
        Cause::UpstreamUnreachable
        | Cause::UpstreamInvalidResponse
        | Cause::UpstreamError
        | Cause::ConnectionRefused
        | Cause::ConnectionReset
        | Cause::Unreachable => 10.0,
        Cause::OriginError | Cause::UpstreamDns | Cause::Dns => 15.0,
        Cause::Maintenance | Cause::UpstreamTls | Cause::Tls => 30.0,
        _ => 15.0,
    }
}

fn report(c: &Ctx) -> String {
    let d = c.d;
    let what = match (d.status_code, &d.error) {
        (Some(s), _) => format!("HTTP {s} {}", d.status_text.as_deref().unwrap_or(""))
            .trim()
            .to_string(),
        (None, Some(e)) => e.clone(),
        _ => d.cause.as_str().to_string(),
    };
    let mut r = format!("{} failed: {}", clip(&c.url, 300), clip(&what, 100));
    if let Some(g) = &d.gateway {
        r.push_str(&format!(" (from {})", clip(&g.name, 60)));
    }
    if let Some(now) = c.env.now.filter(|n| n.is_finite() && *n > 0.0) {
        r.push_str(&format!(", at {} ms since 1970 UTC", now as u64));
    }
    r
}

fn build(id: &'static str, c: &Ctx) -> Option<Step> {
    let d = c.d;
    let mut s = step(id);
    match id {
        "retry" => {
            s.action = Some(Action::Retry);
            if !c.idempotent {
                set(&mut s, "resubmits", Param::Flag(true));
                set(&mut s, "method", text(&d.method));
            }
            if let Some(a) = c.env.attempts.filter(|a| *a > 0) {
                set(&mut s, "attempts", Param::Number(f64::from(a)));
            }
        }
        "resubmit-warning" => {
            set(
                &mut s,
                "method",
                text(if d.method.is_empty() {
                    "POST"
                } else {
                    &d.method
                }),
            );
        }
        "verify-url" => {
            set(&mut s, "host", text(&c.host));
            if let Some(sug) = &c.suggestion {
                set(&mut s, "suggestion", text(sug));
                set(&mut s, "variant", text("suggestion"));
                if let Some(url) = with_host(&c.url, sug) {
                    s.action = Some(Action::OpenUrl { url });
                }
            }
        }
        "check-down" => {
            let (checker, prefix, suffix) = CHECKERS[0];
            set(&mut s, "host", text(&c.host));
            set(&mut s, "checker", text(checker));
            set(
                &mut s,
                "checkers",
                Param::List(CHECKERS.iter().map(|x| x.0.to_string()).collect()),
            );
            if c.others_failing > 0 {
                set(
                    &mut s,
                    "otherHostsFailing",
                    Param::Number(c.others_failing as f64),
                );
            }
            if c.others_failing >= NETWORK_WIDE_MIN {
                set(&mut s, "variant", text("network"));
            }
            s.action = Some(Action::OpenUrl {
                url: format!("{prefix}{}{suffix}", c.host),
            });
        }
        "status-page" => {
            let (url, guess) = status_pages::status_page(&c.host)?;
            let status_host = crate::url::parse(&url).map(|u| u.host).unwrap_or_default();
            set(&mut s, "url", text(&url));
            set(&mut s, "statusHost", text(&status_host));
            set(&mut s, "host", text(&c.host));
            set(&mut s, "guess", Param::Flag(guess));
            if guess {
                set(&mut s, "variant", text("guess"));
            }
            if let Some(p) = d
                .gateway
                .as_ref()
                .and_then(|g| status_pages::platform_status_page(&g.id))
            {
                if p != url {
                    set(&mut s, "platformStatus", text(p));
                    set(
                        &mut s,
                        "platform",
                        text(
                            &d.gateway
                                .as_ref()
                                .map(|g| g.name.clone())
                                .unwrap_or_default(),
                        ),
                    );
                }
            }
            s.action = Some(Action::OpenUrl { url });
        }
        "archived-copy" => {
            let page = c.url.split('#').next().unwrap_or("");
            let url = format!("https://web.archive.org/web/*/{}", clip(page, 2048));
            set(&mut s, "url", text(&url));
            s.action = Some(Action::OpenUrl { url });
        }
        "contact-site" => {
            let reg = domain::registrable_domain(&c.host);
            if reg.is_empty() || domain::is_ip(reg) {
                return None;
            }
            set(&mut s, "domain", text(reg));
            set(&mut s, "origin", text(&d.origin));
            set(&mut s, "email", text(&format!("webmaster@{reg}")));
            s.action = Some(Action::Copy { text: report(c) });
        }
        "incognito" => {
            s.action = Some(Action::OpenIncognito);
            if c.env.incognito_allowed == Some(false) {
                set(&mut s, "allowed", Param::Flag(false));
                set(&mut s, "variant", text("notallowed"));
            }
            set(&mut s, "browser", text(&c.browser));
        }
        "other-browser" => {}
        "clear-site-data" => {
            if d.origin.is_empty() {
                return None;
            }
            set(&mut s, "origin", text(&d.origin));
            if c.cookies_strong {
                set(&mut s, "variant", text("cookies"));
            }
            s.action = Some(Action::ClearSiteData {
                origin: d.origin.clone(),
            });
        }
        "flush-dns" => {
            let page = dns_browser_page(&c.browser);
            set(&mut s, "browserPage", text(page));
            match flush_dns_command(&c.platform) {
                Some(cmd) => {
                    set(&mut s, "command", text(cmd));
                    let variant =
                        if c.platform == "win" || c.platform == "mac" || c.platform == "cros" {
                            c.platform.as_str()
                        } else {
                            "linux"
                        };
                    set(&mut s, "variant", text(variant));
                    s.action = Some(Action::Copy {
                        text: cmd.to_string(),
                    });
                }
                None => {
                    set(&mut s, "variant", text("browser"));
                    s.action = Some(Action::OpenUrl {
                        url: page.to_string(),
                    });
                }
            }
        }
        "change-dns" => {
            set(&mut s, "servers", text(PUBLIC_DNS));
            if matches!(
                c.platform.as_str(),
                "win" | "mac" | "linux" | "cros" | "android"
            ) {
                set(&mut s, "variant", text(&c.platform));
            }
            if c.browser != "firefox" {
                set(&mut s, "browserPage", text("chrome://settings/security"));
                s.action = Some(Action::OpenUrl {
                    url: "chrome://settings/security".into(),
                });
            }
        }
        "disable-extensions" => {
            let list: Vec<&RankedExtension> = c.ranked.iter().take(MAX_LISTED_EXTENSIONS).collect();
            set(
                &mut s,
                "extensions",
                Param::List(list.iter().map(|e| e.id.clone()).collect()),
            );
            if !list.is_empty() {
                set(
                    &mut s,
                    "names",
                    Param::List(
                        list.iter()
                            .take(3)
                            .map(|e| clip(&e.name, 80).to_string())
                            .collect(),
                    ),
                );
            }
            let page = if c.browser == "firefox" {
                "about:addons"
            } else {
                "chrome://extensions"
            };
            if let Some(top) = list.first() {
                let may_disable = c
                    .env
                    .extensions
                    .iter()
                    .find(|e| e.id == top.id)
                    .is_none_or(|e| e.may_disable != Some(false));
                s.action = Some(if c.browser == "chrome" && may_disable {
                    Action::DisableExtension { id: top.id.clone() }
                } else {
                    Action::OpenUrl { url: page.into() }
                });
            } else if !c.env.extensions.is_empty() {
                set(&mut s, "variant", text("none"));
                s.action = Some(Action::OpenUrl { url: page.into() });
            }
        }
        "check-proxy" => {
            let proxy = c.env.proxy.as_ref();
            if let Some(mode) = proxy.and_then(|p| p.mode.as_deref()) {
                set(&mut s, "mode", text(mode));
            }
            let controlled = proxy
                .and_then(|p| p.controlled_by.as_deref())
                .map(str::trim)
                .filter(|x| !x.is_empty());
            if let Some(by) = controlled {
                set(&mut s, "controlledBy", text(by));
                set(&mut s, "variant", text("extension"));
                let ext = c
                    .env
                    .extensions
                    .iter()
                    .find(|e| e.name.trim() == by && e.enabled != Some(false));
                if let Some(e) =
                    ext.filter(|e| c.browser == "chrome" && e.may_disable != Some(false))
                {
                    s.action = Some(Action::DisableExtension { id: e.id.clone() });
                }
            } else if d.culprit == Culprit::Proxy || d.cause == Cause::Proxy {
                set(&mut s, "variant", text("proxy"));
            }
            if s.action.is_none() && c.browser == "firefox" {
                s.action = Some(Action::OpenUrl {
                    url: "about:preferences#general".into(),
                });
            }
        }
        "check-connection" => {
            if c.others_failing > 0 {
                set(
                    &mut s,
                    "otherHostsFailing",
                    Param::Number(c.others_failing as f64),
                );
            }
            let variant = if d.cause == Cause::Auth {
                Some("portal")
            } else if d.cause == Cause::Offline {
                Some("offline")
            } else if c.others_failing >= NETWORK_WIDE_MIN {
                Some("network")
            } else {
                None
            };
            if let Some(v) = variant {
                set(&mut s, "variant", text(v));
            }
        }
        "wait" => {
            set(&mut s, "minutes", Param::Number(wait_minutes(d)));
            if let Some(ra) = d.retry_after_seconds.filter(|s| s.is_finite() && *s > 0.0) {
                set(&mut s, "retryAfter", Param::Number(ra.ceil()));
                set(&mut s, "variant", text("retry_after"));
            }
        }
        "notify-when-back" => {
            set(&mut s, "host", text(&c.host));
            s.action = Some(Action::Watch);
        }
        _ => return None,
    }
    Some(s)
}

pub fn advise(d: &Diagnosis, env: &Environment) -> Advice {
    let summary = summary(d);
    if !d.failed {
        return Advice {
            summary,
            steps: Vec::new(),
        };
    }
    let c = Ctx::new(d, env);
    let steps = order(&c)
        .into_iter()
        .filter_map(|id| build(id, &c))
        .take(MAX_STEPS)
        .collect();
    Advice { summary, steps }
}
