//! When the fault is on the person's side: what the failure alone cannot tell, worked out
//! from the environment the shell gathered (issue 16). `in_context` takes the diagnosis that
//! `diagnose` made from the failure and the environment `advise` gets, and returns the
//! diagnosis the person is shown; it changes nothing when the environment says nothing new,
//! and applying it twice is the same as once.
//!
//! - The browser reports no network (`online: false`) and no response arrived: "offline",
//!   whatever error name the navigation got.
//! - Several unrelated sites failed with network errors within [`BURST_WINDOW_MS`] (at least
//!   [`BURST_MIN_OTHERS`] other registrable domains, as "is it just me?" counts them) while
//!   the browser says it is online: "network-down", culprit "network": no site is blamed.
//! - A certificate's date error (expired, not yet valid) while the servers' `Date` of recent
//!   responses says the computer's clock is off by more than [`CLOCK_SKEW_MS`]: "clock",
//!   culprit "browser" (this computer), with `clockOffsetMs`.
//! - A name that does not resolve, but does without the browser's secure DNS (Firefox can
//!   ask): "secure-dns", culprit "browser".
//! - A failure to connect to a host with only IPv6 addresses while IPv4 works for other
//!   sites (`ipv4Works`): "ipv6", culprit "network".
//! - The browser says a captive portal holds the connection (Firefox's `captivePortal`
//!   state "locked_portal") and no response arrived: "auth", culprit "network", as a 511
//!   ([`is_portal`]), with the page that leads to the portal's sign-in (`portalUrl`).
//! - The host resolves to `0.0.0.0` or `::` (the failure's `ip`, or the environment's
//!   `addresses` where the shell could resolve it): "dns-filter", culprit "network".
//!
//! And one rule for what a response's page alone says of the person's side (a hostile site
//! controls its status, headers and text, and could imitate a proxy's or a filter's page to
//! have the panel tell the person to turn off their proxy or VPN, their extensions, ...):
//! [`page_says_person_side`]. A response whose culprit is the person's proxy or network
//! filter only because of what the page looks like keeps that culprit only when the
//! environment shows a proxy this browser sends its requests through
//! ([`crate::advise::proxy_configured`]) or the browser reported the request going through
//! one; else its culprit becomes "unknown" and the
//! diagnosis is [`unconfirmed`]: the headline says what the page claims, who must act is not
//! known, and no step that changes the person's setup comes before "more". A 511 (a
//! network's sign-in) on an `https:` address without such a proxy is the same: a captive
//! portal cannot answer inside the site's secure connection.

use crate::model::{Cause, Culprit, Diagnosis, Environment};
use crate::text::push_u64;

/// Other sites' network errors within this long (ms) make a burst.
pub const BURST_WINDOW_MS: f64 = 2.0 * 60.0 * 1000.0;
/// This many other registrable domains failing within the window make a burst.
pub const BURST_MIN_OTHERS: usize = 2;

/// The causes a connection that is down gives a navigation (a DNS failure counts only for a
/// host that loaded before: a name that never existed says nothing about the network).
fn network_error(cause: Cause, known_host: bool) -> bool {
    match cause {
        Cause::ConnectionRefused | Cause::ConnectionReset | Cause::Timeout | Cause::Unreachable => {
            true
        }
        Cause::Dns => known_host,
        _ => false,
    }
}

/// A DNS filter answered for the host: no retry helps until it is allowed there.
pub(crate) fn d_filter(d: &mut Diagnosis) {
    assign(
        d,
        (Cause::DnsFilter, Culprit::Network, false, 0.9),
        "the name resolved to 0.0.0.0 or :: (a DNS filter's answer)".into(),
    );
}

/// `d` becomes (cause, culprit, transient, confidence), with one more line of evidence.
fn assign(
    d: &mut Diagnosis,
    (cause, culprit, transient, confidence): (Cause, Culprit, bool, f64),
    evidence: String,
) {
    d.cause = cause;
    d.culprit = culprit;
    d.transient = transient;
    d.safe_to_retry = crate::diagnose::is_idempotent(&d.method);
    d.confidence = confidence;
    d.evidence.push(evidence);
}

/// The person's connection is what failed (offline, network-down): it will come back.
fn set(d: &mut Diagnosis, cause: Cause, evidence: String) {
    let confidence = d.confidence.max(0.8);
    assign(d, (cause, Culprit::Network, true, confidence), evidence);
}

/// A captive portal's sign-in page in its 511 page (RFC 6585 section 6: the page links to
/// it): the URL of a `<meta http-equiv="refresh">`, else the first absolute http(s) link.
/// Only a URL that parses, at most 2 KiB.
pub fn sign_in_url(body: &str) -> Option<String> {
    // ASCII lowercase keeps every byte offset
    let lower = body.to_ascii_lowercase();
    let lower = lower.as_str();
    let pick = |at: usize| -> Option<String> {
        let rest = body.get(at..)?;
        let rest = rest.trim_start_matches(['\'', '"', ' ']);
        let end = rest
            .find(['\'', '"', ' ', '>', '<'])
            .unwrap_or(rest.len())
            .min(2048);
        let url = rest.get(..end)?;
        let u = crate::url::parse(url).ok()?;
        // a host in other letters than ASCII may look like another (the browser shows it as xn--)
        (u.is_http() && u.host.is_ascii()).then(|| url.to_string())
    };
    if let Some(m) = lower
        .find("http-equiv=\"refresh\"")
        .or_else(|| lower.find("http-equiv=refresh"))
    {
        let tag_end = lower[m..].find('>').map_or(lower.len(), |e| m + e);
        if let Some(u) = lower[m..tag_end].find("url=") {
            if let Some(url) = pick(m + u + 4) {
                return Some(url);
            }
        }
    }
    let mut from = 0;
    while let Some(h) = lower.get(from..)?.find("href=") {
        let at = from + h + 5;
        if let Some(url) = pick(at) {
            return Some(url);
        }
        from = at;
    }
    None
}

/// Whether an address is the unspecified one a DNS filter answers with (0.0.0.0, `::`).
pub fn is_filter_address(a: &str) -> bool {
    let a = a.trim().trim_start_matches('[').trim_end_matches(']');
    a == "0.0.0.0" || crate::url::ipv6(a) == Some([0; 8])
}

/// Whether `d` is a network's sign-in standing between (a captive portal): a 511, or a
/// navigation without a response while the browser said the portal is locked.
pub fn is_portal(d: &Diagnosis) -> bool {
    d.failed && d.cause == Cause::Auth && d.culprit == Culprit::Network
}

/// The browser says a captive portal holds the connection until the person signs in.
fn portal_locked(env: &Environment) -> bool {
    env.captive_portal.as_deref() == Some("locked_portal")
}

/// A clock off by more than this (ms) explains a certificate's date error.
pub const CLOCK_SKEW_MS: f64 = 3_600_000.0;

/// A certificate that has expired or is not valid yet, by the browser's error name or
/// Firefox's message for it.
fn certificate_date_error(d: &Diagnosis) -> bool {
    let Some(e) = d.error.as_deref() else {
        return false;
    };
    let e = crate::text::clip(e, 256).to_ascii_uppercase();
    [
        "CERT_DATE_INVALID",
        "EXPIRED_CERTIFICATE",
        "EXPIRED_ISSUER_CERTIFICATE",
        "NOT_YET_VALID",
        "CERTIFICATE HAS EXPIRED",
        "NOT YET VALID",
    ]
    .iter()
    .any(|p| e.contains(p))
}

/// Whether a response's culprit on the person's side (their proxy, their network's filter or
/// sign-in) comes from the page alone, which the site controls, with nothing in the
/// environment to confirm it: no proxy this browser sends its requests through, or, for a
/// network's sign-in (a 511), an `https:` address (only the site, or a proxy it was sent
/// through, can answer inside its secure connection). The one rule of what page-supplied
/// evidence may blame on the person (docs/architecture.md, "What a hostile page can do").
pub fn page_says_person_side(d: &Diagnosis, env: &Environment) -> bool {
    if !d.failed || d.status_code.is_none() || crate::advise::proxy_configured(env) {
        return false;
    }
    match d.culprit {
        // the page's writer is a forward proxy by its own page or words, and the browser did
        // not report the request going through a proxy (Firefox's `proxyInfo`, whatever the
        // proxy settings say: one the operating system sets is "system")
        Culprit::Proxy => {
            let lines = || d.evidence.iter().take(32);
            lines().any(|e| e == crate::diagnose::BY_FORWARD_PROXY)
                && !lines().any(|e| e.starts_with(crate::diagnose::THROUGH_PROXY))
        }
        Culprit::Network => {
            d.status_code == Some(511)
                && crate::url::parse(&d.url).is_ok_and(|u| u.scheme == "https")
        }
        _ => false,
    }
}

/// A response whose page claimed the person's side without the environment's confirmation
/// ([`page_says_person_side`]): in the diagnosis the person is shown, its culprit is
/// "unknown" (a response's culprit is otherwise the site, the proxy or the network).
pub fn unconfirmed(d: &Diagnosis) -> bool {
    d.failed && d.status_code.is_some() && d.culprit == Culprit::Unknown
}

/// The diagnosis of `d` in the person's environment `env` (see the module's text).
pub fn in_context(d: &Diagnosis, env: &Environment) -> Diagnosis {
    let mut out = d.clone();
    if page_says_person_side(d, env) {
        out.culprit = Culprit::Unknown;
        out.confidence = out.confidence.min(0.5);
        // a sign-in page the site itself named is not the network's
        out.sign_in_url = None;
        out.evidence
            .push("the page names the person's side, but no proxy is set in this browser".into());
        return out;
    }
    // An HTTP response proves the connection worked.
    if !d.failed || d.status_code.is_some() || d.cause.is_response_cause() {
        return out;
    }
    if matches!(
        d.cause,
        Cause::Aborted
            | Cause::InvalidUrl
            | Cause::File
            | Cause::None
            | Cause::Offline
            | Cause::DnsFilter
            | Cause::Clock
            | Cause::SecureDns
            | Cause::Ipv6
            | Cause::Auth
    ) {
        return out;
    }
    // A captive portal holds the connection: whatever failed, signing in is what helps
    // (its interception also breaks HTTPS and names). Not for a server on this computer or
    // the local network, which no portal stands in front of.
    if portal_locked(env)
        && env.online != Some(false)
        && crate::domain::local(&d.host).is_none()
        && (network_error(d.cause, true) || matches!(d.cause, Cause::Tls | Cause::Other))
    {
        assign(
            &mut out,
            (Cause::Auth, Culprit::Network, false, 0.9),
            "the browser reports a captive portal that wants a sign-in".into(),
        );
        out.sign_in_url = env
            .portal_url
            .as_deref()
            .filter(|u| u.len() <= 2048)
            .filter(|u| crate::url::parse(u).is_ok_and(|x| x.is_http()))
            .map(str::to_string);
        return out;
    }
    // The name resolves, but not through the browser's secure DNS: that resolver failed.
    if d.cause == Cause::Dns && env.resolves_without_secure_dns == Some(true) {
        assign(
            &mut out,
            (Cause::SecureDns, Culprit::Browser, false, 0.9),
            "the name resolves without the browser's secure DNS".into(),
        );
        return out;
    }
    // Where the host resolves is a fact about its name: for a failure to connect to it.
    if network_error(d.cause, true)
        && !env.addresses.is_empty()
        && env.addresses.iter().take(32).all(|a| is_filter_address(a))
    {
        d_filter(&mut out);
        return out;
    }
    // Only IPv6 addresses, and IPv4 works for other sites: this connection's IPv6.
    if network_error(d.cause, true)
        && env.ipv4_works == Some(true)
        && !env.addresses.is_empty()
        && env
            .addresses
            .iter()
            .take(32)
            .all(|a| crate::url::ipv6(a.trim_start_matches('[').trim_end_matches(']')).is_some())
    {
        assign(
            &mut out,
            (Cause::Ipv6, Culprit::Network, false, 0.7),
            "only IPv6 addresses, while IPv4 works for other sites".into(),
        );
        return out;
    }
    if d.cause == Cause::Tls && certificate_date_error(d) {
        if let Some(off) = crate::policy::clock_offset(&env.clock_samples) {
            if off.abs() > CLOCK_SKEW_MS {
                assign(
                    &mut out,
                    (Cause::Clock, Culprit::Browser, false, 0.9),
                    "the computer's clock is off from the servers' Date".into(),
                );
                out.clock_offset_ms = Some(off.round());
            }
        }
        return out;
    }
    if env.online == Some(false) && d.cause != Cause::Blocked {
        set(
            &mut out,
            Cause::Offline,
            "the browser reports no network connection".into(),
        );
        return out;
    }
    let known = env
        .known_hosts
        .iter()
        .take(1000)
        .any(|h| h.eq_ignore_ascii_case(&d.host));
    if network_error(d.cause, known) && env.now.is_some_and(f64::is_finite) {
        let n = crate::advise::others_failing(d, env, &d.host, BURST_WINDOW_MS);
        if n >= BURST_MIN_OTHERS {
            let mut e = String::new();
            push_u64(&mut e, n as u64);
            e.push_str(" other sites failed in the last 2 minutes");
            set(&mut out, Cause::NetworkDown, e);
        }
    }
    out
}
