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
//!    `summary_tls_unknown` (a certificate not trusted, by whom unknown), `summary_tls_handshake`
//!    (the site's server and the browser agree on no protocol or cipher),
//!    `summary_invalid_response_browser` (each also with `_nogw`); `summary_network_changed`
//!    for "offline" from `ERR_NETWORK_CHANGED` or `ERR_NETWORK_IO_SUSPENDED`;
//!    `summary_form_answer` for a form's answer the browser kept no copy of ([`form_answer`]);
//!    `summary_blocked_client` (an extension: `ERR_BLOCKED_BY_CLIENT`, and then
//!    "disable-extensions" lists only the extensions that can block a page) and
//!    `summary_blocked_admin` (`ERR_BLOCKED_BY_ADMINISTRATOR`, `NS_ERROR_BLOCKED_BY_POLICY`),
//!    `summary_blocked_network` (a block page a filter in the person's network sent).
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
//! `change-dns`: `win`, `mac`, `linux`, `cros`, `android`, `filter` (a DNS filter blocked it); `verify-url`: `suggestion`;
//! `check-down`: `network` (several other sites failed too); `check-connection`: `network`,
//! `offline`, `portal`; `status-page`: `guess`; `clear-site-data`: `cookies`; `incognito`:
//! `notallowed`; `disable-extensions`: `none` (the list is known and nothing looks suspect);
//! `check-proxy`: `extension` (an extension controls it), `proxy` (the proxy is the culprit),
//! `firefox`, `proxy_firefox` (Firefox, which lets no extension open its settings: where they are);
//! `wait`: `retry_after_<unit>`, `rate_limited` (a 429 that says no wait: not an outage); `retry`: `resubmit` (a request that is not resent: the form is sent again); `set-clock`: `win`, `mac`, `linux`, `cros`, `android` (how to set
//! the clock on this OS); `secure-dns`: `firefox`, `chrome` (where its setting is). `summary_clock` / `summary_clock_ahead` have `params.hours`. "sign-in" (a 511 that links its sign-in page) has `params.url` and
//! opens it; `summary_portal` is the 511's headline.
//!
//! A network's sign-in (a captive portal: a 511, or a locked portal the browser reports) gets
//! only its own steps, from the response alone on: "sign-in" when its page is known, else
//! "open-portal" (params `url`, `portalHost`: the browser's own captive-portal check, a plain
//! http:// address the portal answers with its sign-in page), "reconnect" (join the Wi-Fi
//! again), "ask-staff" (the place's staff), then "retry" and "other-browser"; never an
//! outage's wait, watch, checkers or the person's setup.
//!
//! `summary_unavailable`: a 503 that says nothing more (its cause only the status's guess).
//! `summary_rate_limited` (a 429) and `summary_overloaded` say the wait a Retry-After asks
//! for: `_seconds`, `_minute`, `_minutes`, `_hours` (params `seconds`, `minutes`, `hours`).
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
//! - A configured proxy (`fixed_servers`, `pac_script`, or one an extension controls; not
//!   `system`, the browsers' default) puts "check-proxy" first for no-response failures, except that a DNS failure
//!   with a "did you mean" suggestion keeps "verify-url" first; a proxy culprit always puts
//!   it first.
//! - Gateway-written and origin-written 5xx put "retry" first and DNS steps last.
//! - No "incognito" (neither the step nor the button) where a private window shares what
//!   failed: the proxy, the DNS, the connection, the clock, the network that inspects secure
//!   connections, the administrator's policy ([`private_window_helps`]), nor where the answer
//!   is about the site's server (its gateway's upstream timed out, is unreachable, has no name
//!   or certificate; maintenance, overload, a rate limit), which also puts "clear-site-data"
//!   and "other-browser" last. No "clear-site-data" either where what failed stands before the
//!   site ([`fails_before_the_site`]: the proxy, the DNS, ...): no request carried its cookies.

use crate::diagnose::is_idempotent;
use crate::domain;
use crate::extensions::rank_extensions;
use crate::model::{
    Action, Advice, Cause, Culprit, Diagnosis, Environment, Message, Param, Params,
    RankedExtension, Step,
};
use crate::status_pages;
use crate::suggest::suggest_host;
use crate::text::{clip, concat, push_u64};

/// At most this many steps.
pub const MAX_STEPS: usize = 20;
/// At most this many extension ids in "disable-extensions".
pub const MAX_LISTED_EXTENSIONS: usize = 10;
pub use crate::policy::RECENT_WINDOW_MS;
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

// ---------------------------------------------------------------- step ids

/// The steps of the guide, as small values while they are ordered.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Id {
    Retry,
    ResubmitWarning,
    VerifyUrl,
    CheckDown,
    StatusPage,
    ArchivedCopy,
    ContactSite,
    Incognito,
    OtherBrowser,
    ClearSiteData,
    FlushDns,
    ChangeDns,
    DisableExtensions,
    CheckProxy,
    CheckConnection,
    Wait,
    NotifyWhenBack,
    StartServer,
    SignIn,
    SetClock,
    SecureDns,
    OpenPortal,
    Reconnect,
    AskStaff,
    AskNetworkAdmin,
    ResendForm,
}

impl Id {
    fn name(self) -> &'static str {
        match self {
            Id::Retry => "retry",
            Id::ResubmitWarning => "resubmit-warning",
            Id::VerifyUrl => "verify-url",
            Id::CheckDown => "check-down",
            Id::StatusPage => "status-page",
            Id::ArchivedCopy => "archived-copy",
            Id::ContactSite => "contact-site",
            Id::Incognito => "incognito",
            Id::OtherBrowser => "other-browser",
            Id::ClearSiteData => "clear-site-data",
            Id::FlushDns => "flush-dns",
            Id::ChangeDns => "change-dns",
            Id::DisableExtensions => "disable-extensions",
            Id::CheckProxy => "check-proxy",
            Id::CheckConnection => "check-connection",
            Id::Wait => "wait",
            Id::NotifyWhenBack => "notify-when-back",
            Id::StartServer => "start-server",
            Id::SignIn => "sign-in",
            Id::SetClock => "set-clock",
            Id::SecureDns => "secure-dns",
            Id::OpenPortal => "open-portal",
            Id::Reconnect => "reconnect",
            Id::AskStaff => "ask-staff",
            Id::AskNetworkAdmin => "ask-network-admin",
            Id::ResendForm => "resend-form",
        }
    }
}

/// Whether the person's browser sends its requests through a proxy (`fixed_servers`,
/// `pac_script`, or one an extension controls). Not `system`: both browsers report it when
/// nobody set a proxy (it defers to the operating system, which usually has none).
pub fn proxy_configured(env: &Environment) -> bool {
    env.proxy.as_ref().is_some_and(|p| {
        matches!(p.mode.as_deref(), Some("fixed_servers" | "pac_script"))
            || p.controller(&env.extensions).is_some()
    })
}

/// What `advise` works from, worked out once.
struct Ctx<'a> {
    d: &'a Diagnosis,
    env: &'a Environment,
    host: String,
    url: &'a str,
    idempotent: bool,
    browser: String,
    platform: String,
    public: bool,
    loopback: bool,
    /// On this computer or the local network: no DNS, VPN, typo or outside advice.
    local: Option<domain::Local>,
    /// host[:port]: what the messages name.
    authority: String,
    http: bool,
    proxy_configured: bool,
    others_failing: usize,
    suggestion: Option<String>,
    ranked: Vec<RankedExtension>,
    cookies_strong: bool,
    cookies_weak: bool,
}

fn cause_from_str(s: &str) -> Option<Cause> {
    Cause::ALL.into_iter().find(|c| c.as_str() == s)
}

/// How many unrelated sites (by registrable domain) failed on the person's side within
/// `window_ms` before `env.now` (all recent failures when `now` is missing).
pub(crate) fn others_failing(
    d: &Diagnosis,
    env: &Environment,
    host: &str,
    window_ms: f64,
) -> usize {
    // An HTTP response proves this connection worked: other sites' failures say nothing here.
    if d.status_code.is_some() || d.cause.is_response_cause() {
        return 0;
    }
    let own = domain::registrable_domain(host);
    let now = env.now.filter(|n| n.is_finite());
    let mut seen: Vec<String> = Vec::new();
    for f in env.recent_failures.iter().take(1000) {
        if let Some(now) = now {
            if !f.at.is_finite() || f.at > now + 60_000.0 || now - f.at > window_ms {
                continue;
            }
        }
        let h = clip(f.host.trim(), 253)
            .trim_end_matches('.')
            .to_ascii_lowercase();
        if h.is_empty() || h == d.host {
            continue;
        }
        // only network errors of real hosts (policy::counts_as_network): not another
        // site's own 5xx, nor a name that never loaded
        let known = env.known_hosts.iter().any(|k| k.eq_ignore_ascii_case(&h));
        match f.cause.as_deref().and_then(cause_from_str) {
            Some(c) if crate::policy::counts_as_network(c, false, known) => {}
            _ => continue,
        }
        let reg = domain::registrable_domain(&h);
        if reg == own || seen.iter().any(|s| s == reg) {
            continue;
        }
        seen.push(reg.to_string());
        if seen.len() >= 50 {
            break;
        }
    }
    seen.len()
}

/// For a page an extension blocked: only the extensions that can block a page (rules of
/// declarativeNetRequest, blocking webRequest), the known ad and privacy blockers among them
/// first, then in their ranked order.
fn blockers(ranked: Vec<RankedExtension>) -> Vec<RankedExtension> {
    let has = |e: &RankedExtension, r: &str| e.reasons.iter().any(|x| x == r);
    let (mut known, mut rest) = (Vec::new(), Vec::new());
    for e in ranked {
        if !has(&e, "blocking-webrequest") && !has(&e, "declarative-net-request") {
            continue;
        }
        if has(&e, "ad-blocker") || has(&e, "privacy-tool") {
            known.push(e);
        } else {
            rest.push(e);
        }
    }
    known.extend(rest);
    known
}

impl<'a> Ctx<'a> {
    #[inline(never)]
    fn new(d: &'a Diagnosis, env: &'a Environment) -> Ctx<'a> {
        let url_s = if d.url.is_empty() {
            env.url.as_deref().unwrap_or("")
        } else {
            &d.url
        };
        let url = clip(url_s, 8 * 1024);
        let parsed = crate::url::parse(url).ok();
        let host = if d.host.is_empty() {
            parsed.as_ref().map_or("", |u| u.host.as_str())
        } else {
            &d.host
        };
        let host = clip(host, 253).to_string();
        let http = parsed.as_ref().is_none_or(|u| u.is_http());
        let method = if d.method.is_empty() {
            env.method.as_deref().unwrap_or("GET")
        } else {
            &d.method
        };
        let idempotent = is_idempotent(&clip(method.trim(), 32).to_ascii_uppercase());
        let browser = env
            .browser
            .as_deref()
            .unwrap_or("chrome")
            .to_ascii_lowercase();
        let platform = env.platform.as_deref().unwrap_or("").to_ascii_lowercase();
        let proxy_configured = proxy_configured(env);
        let suggestion = if matches!(d.cause, Cause::Dns | Cause::InvalidUrl) && !host.is_empty() {
            suggest_host(&host, &env.known_hosts)
        } else {
            None
        };
        let mut header_words = false;
        for e in d.evidence.iter().take(32) {
            let e = clip(e, 200).to_ascii_lowercase();
            header_words |= e.contains("header")
                && (e.contains("too big") || e.contains("too large") || e.contains("too long"));
        }
        let cookies_strong = matches!(d.status_code, Some(400 | 431 | 494))
            || d.error
                .as_deref()
                .is_some_and(|e| e.to_ascii_uppercase().contains("HEADERS_TOO_BIG"))
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
            local: domain::local(&host),
            authority: crate::view::authority(d),
            public: domain::is_public_host(&host),
            others_failing: others_failing(d, env, &host, RECENT_WINDOW_MS),
            ranked: if blocked_by(d) == Some(By::Client) {
                blockers(rank_extensions(&env.extensions))
            } else {
                rank_extensions(&env.extensions)
            },
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

mod summary;
pub use summary::form_answer;
use summary::{blocked_by, summary, By};
pub(crate) use summary::{blocked_by_admin, blocked_by_network};

// ---------------------------------------------------------------- order

use Id::*;

mod lists;
use lists::*;

fn push_missing(v: &mut Vec<Id>, ids: &[Id]) {
    for &id in ids {
        if !v.contains(&id) {
            v.push(id);
        }
    }
}

/// The steps for one cause, most likely to help first, before the adjustments.
fn base_order(c: &Ctx) -> Vec<Id> {
    let d = c.d;
    let mut v = Vec::with_capacity(MAX_STEPS);
    if crate::diagnose::is_portal(d) {
        v.extend_from_slice(PORTAL_STEPS);
        return v;
    }
    if page_says_stop(d) {
        return if d.cause == Cause::Blocked {
            PAGE_SAYS_BLOCKED_STEPS
        } else {
            PAGE_SAYS_SIGN_IN_STEPS
        }
        .to_vec();
    }
    if d.cause.is_response_cause() {
        v.extend_from_slice(match d.cause {
            Cause::Maintenance => MAINTENANCE_STEPS,
            Cause::Overloaded if d.status_code == Some(429) => RATE_LIMIT_STEPS,
            Cause::Overloaded => OVERLOADED_STEPS,
            Cause::OriginError | Cause::UpstreamTls | Cause::UpstreamDns => SITE_STEPS,
            _ => GATEWAY_STEPS,
        });
        push_missing(
            &mut v,
            if c.cookies_weak {
                &[ClearSiteData, Incognito]
            } else {
                &[Incognito, ClearSiteData]
            },
        );
        push_missing(&mut v, RESPONSE_TAIL);
        return v;
    }
    v.extend_from_slice(match d.cause {
        Cause::Dns => DNS_STEPS,
        Cause::Offline | Cause::NetworkDown => OFFLINE_STEPS,
        Cause::Proxy => PROXY_STEPS,
        Cause::Auth => AUTH_STEPS,
        Cause::Tls if d.culprit == Culprit::Site => TLS_SITE_STEPS,
        Cause::Tls if d.culprit == Culprit::Network => TLS_NETWORK_STEPS,
        Cause::Tls => TLS_STEPS,
        Cause::RedirectLoop | Cause::Cache => SITE_DATA_STEPS,
        Cause::InvalidResponse if c.cookies_strong => COOKIE_STEPS,
        Cause::Blocked if blocked_by(d) == Some(By::Admin) => ADMIN_STEPS,
        Cause::Blocked if blocked_by(d) == Some(By::Client) => BLOCKED_CLIENT_STEPS,
        Cause::Blocked if blocked_by(d) == Some(By::Network) => {
            return NETWORK_BLOCK_STEPS.to_vec()
        }
        Cause::InvalidResponse | Cause::Http2Quic | Cause::ConnectionReset
            if d.culprit == Culprit::Site =>
        {
            SITE_CONNECTION_STEPS
        }
        Cause::Blocked => BLOCKED_STEPS,
        Cause::DnsFilter => DNS_FILTER_STEPS,
        Cause::Clock => return CLOCK_STEPS.to_vec(),
        Cause::SecureDns => SECURE_DNS_STEPS,
        Cause::Ipv6 => IPV6_STEPS,
        Cause::InvalidUrl => URL_STEPS,
        Cause::File => return URL_STEPS.to_vec(),
        Cause::Timeout | Cause::Unreachable => TIMEOUT_STEPS,
        Cause::ConnectionRefused if d.culprit == Culprit::Site => REFUSED_STEPS,
        _ => CONNECTION_STEPS,
    });
    push_missing(&mut v, NO_RESPONSE_TAIL);
    v
}

/// Steps that ask the person to change their own browser, computer or network: never one of
/// the panel's first steps when the site must act (the view keeps them under "more").
pub const OWN_SETUP: &[&str] = &[
    "flush-dns",
    "change-dns",
    "disable-extensions",
    "check-proxy",
    "check-connection",
];

/// A page that says a filter in the person's network blocked it, or that the network wants a
/// sign-in, and nothing confirms it ([`crate::diagnose::unconfirmed`]): its own steps only
/// (another browser or network tells which), and no watch for an outage (none is claimed).
pub fn page_says_stop(d: &Diagnosis) -> bool {
    crate::diagnose::unconfirmed(d) && !d.cause.is_response_cause()
}

/// Whether the steps of [`OWN_SETUP`] wait under "more" (the advice's order and the view
/// both keep them out of the first steps): the site must act, or only the page says the
/// person's side failed ([`crate::diagnose::unconfirmed`]).
pub fn setup_waits(d: &Diagnosis) -> bool {
    d.culprit == Culprit::Site || crate::diagnose::unconfirmed(d)
}

fn changes_own_setup(id: Id) -> bool {
    OWN_SETUP.contains(&id.name())
}

fn pos_of(v: &[Id], id: Id) -> Option<usize> {
    v.iter().position(|x| *x == id)
}

/// Moves `id` to `pos` (or puts it there when it is missing).
fn move_to(v: &mut Vec<Id>, id: Id, pos: usize) {
    if let Some(i) = pos_of(v, id) {
        v.remove(i);
    }
    v.insert(pos.min(v.len()), id);
}

/// The position right after `id`, or `none` when it is missing.
fn after(v: &[Id], id: Id, none: usize) -> usize {
    pos_of(v, id).map_or(none, |p| p + 1)
}

/// Whether a private window can load what this one could not: it leaves this site's cookies,
/// cache and most extensions behind, but shares what [`fails_before_the_site`] names.
pub fn private_window_helps(d: &Diagnosis) -> bool {
    !fails_before_the_site(d) && !about_the_server(d)
}

/// Whether what failed is shared by every window of this browser and stands before the site:
/// the proxy, the DNS, the connection, the clock, the network (and whatever inspects its secure
/// connections) and the administrator's policy. Neither a private window nor clearing this
/// site's cookies and cache changes it: no request of the site got as far as to carry them.
pub fn fails_before_the_site(d: &Diagnosis) -> bool {
    d.cause == Cause::Proxy
        || d.culprit == Culprit::Proxy
        || matches!(
            d.cause,
            Cause::Dns
                | Cause::DnsFilter
                | Cause::SecureDns
                | Cause::Offline
                | Cause::NetworkDown
                | Cause::Ipv6
                | Cause::Clock
        )
        || (d.cause == Cause::Tls && d.culprit == Culprit::Network)
        || matches!(blocked_by(d), Some(By::Admin | By::Network | By::PageSays))
}

/// Steps that cannot help with `d` but are kept under "more" (the view never shows them
/// first, even where fewer than three others fit): clearing the site's data or another browser
/// when the answer is about the site's server.
pub fn only_under_more(d: &Diagnosis, id: &str) -> bool {
    about_the_server(d) && matches!(id, "clear-site-data" | "other-browser")
}

/// A response that tells about the site's server itself: it timed out, cannot be reached, has
/// no name or no valid certificate behind its gateway, is under maintenance, overloaded or
/// limits requests. Nothing in this browser's cookies, cache or window changes that.
fn about_the_server(d: &Diagnosis) -> bool {
    matches!(
        d.cause,
        Cause::UpstreamTimeout
            | Cause::UpstreamUnreachable
            | Cause::UpstreamDns
            | Cause::UpstreamTls
            | Cause::Maintenance
            | Cause::Overloaded
    )
}

#[inline(never)]
fn order(c: &Ctx) -> Vec<Id> {
    let d = c.d;
    let mut v = base_order(c);
    if d.cause == Cause::File {
        return v;
    }
    // a form's answer: sending the form again, the person's choice, is all that shows it (no
    // warning that a retry resends it: the retry loads the address without the form)
    if form_answer(d) {
        return vec![ResendForm];
    }
    // resending a form: say so before the retry
    let resubmit_warning = |v: &mut Vec<Id>| {
        if !c.idempotent {
            let p = pos_of(v, Retry).unwrap_or(0);
            v.insert(p, ResubmitWarning);
        }
    };
    // a network's sign-in (a captive portal's), this computer's clock, or a network filter's
    // block page: their own steps only, whatever else is known (no private window, wait,
    // proxy or site step helps, nor does any contradict them)
    if crate::diagnose::is_portal(d)
        || d.cause == Cause::Clock
        || blocked_by(d) == Some(By::Network)
        || page_says_stop(d)
    {
        resubmit_warning(&mut v);
        return v;
    }
    let network_side = c.network_side();

    // a "did you mean" for a name that does not resolve: that first, and whether the
    // misspelt name is down for everyone (an outside checker would say it is) last
    if d.cause == Cause::Dns && c.suggestion.is_some() {
        move_to(&mut v, VerifyUrl, 0);
        if let Some(i) = pos_of(&v, CheckDown) {
            v.remove(i);
            v.push(CheckDown);
        }
    }
    // several unrelated sites failing: the person's own connection (not for a page an
    // extension blocked: no proxy or connection makes that error)
    let by_extension = blocked_by(d) == Some(By::Client);
    if c.others_failing >= NETWORK_WIDE_MIN && !by_extension {
        if network_side {
            move_to(&mut v, CheckConnection, 0);
            let next = after(&v, CheckConnection, 1);
            move_to(&mut v, CheckProxy, next);
            if let Some(p) = pos_of(&v, CheckDown) {
                let retry = pos_of(&v, Retry).unwrap_or(0);
                if p < retry {
                    move_to(&mut v, CheckDown, retry);
                }
            }
        } else {
            let next = after(&v, Retry, 0);
            move_to(&mut v, CheckConnection, next);
            move_to(&mut v, CheckProxy, next + 1);
        }
    }
    // a proxy is in the way
    let keep_suggestion =
        d.cause == Cause::Dns && c.suggestion.is_some() && d.culprit != Culprit::Proxy;
    if d.culprit == Culprit::Proxy || (c.proxy_configured && network_side && !by_extension) {
        move_to(&mut v, CheckProxy, usize::from(keep_suggestion));
    }
    // oversized cookies: clearing the site's data right after a retry
    if c.cookies_strong
        && !matches!(
            d.cause,
            Cause::RedirectLoop | Cause::Cache | Cause::InvalidResponse
        )
    {
        let next = after(&v, Retry, 0);
        move_to(&mut v, ClearSiteData, next);
    }
    resubmit_warning(&mut v);
    let responded = d.status_code.is_some() || d.cause.is_response_cause();
    // a server on this computer or the local network: no DNS, VPN, typo or outside advice,
    // and for a port where nothing listens, start the program that should
    // (unless a proxy is what failed: then it carried even this request)
    let proxy_failed = d.culprit == Culprit::Proxy || d.cause == Cause::Proxy;
    let local = c.local.is_some();
    let start_server = local && d.cause == Cause::ConnectionRefused;
    v.retain(|&id| {
        // what outside services cannot see, contacting oneself, what only the web has, and
        // no DNS step once an HTTP response proved that the name resolved
        let web = match id {
            CheckDown | StatusPage | ArchivedCopy => c.public && c.http,
            ContactSite => !c.loopback,
            FlushDns | ChangeDns => c.http && !responded,
            ClearSiteData | CheckProxy => c.http,
            _ => true,
        };
        let here = !local
            || (id == CheckProxy && proxy_failed)
            || !matches!(
                id,
                VerifyUrl
                    | FlushDns
                    | ChangeDns
                    | CheckProxy
                    | CheckConnection
                    | CheckDown
                    | StatusPage
                    | ArchivedCopy
                    | ContactSite
            );
        let server =
            !start_server || !matches!(id, Incognito | ClearSiteData | OtherBrowser | Wait);
        web && here && server
    });
    if start_server {
        v.insert(0, StartServer);
        let next = after(&v, Retry, 1);
        move_to(&mut v, NotifyWhenBack, next);
    }
    // a private window goes through the same proxy, DNS, connection, clock and network (and
    // the administrator's policy) as this one: where one of those failed it cannot help, and
    // neither its step nor its button is offered
    if !private_window_helps(d) {
        v.retain(|id| *id != Incognito);
    }
    // nor clearing the site's cookies and cache, where what failed stands before the site
    if fails_before_the_site(d) {
        v.retain(|id| *id != ClearSiteData);
    }
    // a tab that waits for the connection loads again by itself when it is back (the retry
    // line says so): watching the site for it would promise a second way, and no outage of
    // the site is waited for, checked, read from an archive or reported to it; another
    // browser shares the connection. Offline, with no connection at all, no DNS setting,
    // cookie or typo explains it either.
    if crate::policy::waits_for_network(d) {
        let offline = d.cause == Cause::Offline;
        v.retain(|id| match id {
            NotifyWhenBack | Wait | CheckDown | StatusPage | ArchivedCopy | ContactSite
            | OtherBrowser => false,
            FlushDns | ChangeDns | ClearSiteData | VerifyUrl => !offline,
            _ => true,
        });
    }
    // nor does clearing the site's cookies and cache, or another browser, when the answer is
    // about the server: those last
    if about_the_server(d) {
        for id in [ClearSiteData, OtherBrowser] {
            if let Some(i) = pos_of(&v, id) {
                v.remove(i);
                v.push(id);
            }
        }
    }
    // a guessed status page (status.<domain> may not exist) only under "more": last
    let provider = d
        .gateway
        .as_ref()
        .and_then(|g| status_pages::platform_status_page(&g.id));
    let guessed = status_pages::status_page(&c.host).is_some_and(|(_, guess)| guess);
    if guessed && provider.is_none() {
        if let Some(i) = pos_of(&v, StatusPage) {
            v.remove(i);
            v.push(StatusPage);
        }
    }
    // the site must act, or only the page says the person's side did: nothing in the first
    // steps asks the person to change their setup
    if setup_waits(d) {
        let (own, rest): (Vec<Id>, Vec<Id>) = v.iter().partition(|id| changes_own_setup(**id));
        v = rest;
        // the panel shows the first steps but "retry", which is its own button (view.rs)
        let shown_retry = usize::from(
            c.idempotent && v[..v.len().min(crate::view::FIRST_STEPS + 1)].contains(&Retry),
        );
        let at = v.len().min(crate::view::FIRST_STEPS + shown_retry);
        let mut out = v[..at].to_vec();
        out.extend_from_slice(&own);
        out.extend_from_slice(&v[at..]);
        v = out;
    }
    // every step once: the lists above have no repeats and moving keeps it so
    debug_assert!(v.iter().enumerate().all(|(i, id)| !v[..i].contains(id)));
    v.truncate(MAX_STEPS);
    v
}

// ---------------------------------------------------------------- steps

mod steps;
use steps::build;

pub fn advise(d: &Diagnosis, env: &Environment) -> Advice {
    let summary = summary(d);
    if !d.failed {
        return Advice {
            summary,
            steps: Vec::new(),
        };
    }
    let c = Ctx::new(d, env);
    let mut steps = Vec::new();
    for id in order(&c) {
        if let Some(step) = build(id, &c) {
            steps.push(step);
        }
    }
    Advice { summary, steps }
}
