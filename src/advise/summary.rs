//! The headline of the advice: what the summary says for a cause, a gateway and who blocked.

use super::*;

/// Who blocked a page on this computer, as the browser's error name says.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum By {
    /// An extension (Chromium's `ERR_BLOCKED_BY_CLIENT`).
    Client,
    /// The administrator's policy (`ERR_BLOCKED_BY_ADMINISTRATOR`, Firefox's
    /// `NS_ERROR_BLOCKED_BY_POLICY`).
    Admin,
    /// A filter in the person's network (a company's firewall or web proxy) answered with its
    /// block page: an HTTP answer written by a gateway on the person's side.
    Network,
    /// A response's page says such a filter blocked it, and nothing in the environment
    /// confirms it ([`crate::diagnose::unconfirmed`]): the site may have written it.
    PageSays,
}

pub(super) fn blocked_by(d: &Diagnosis) -> Option<By> {
    if d.cause != Cause::Blocked {
        return None;
    }
    if d.status_code.is_some()
        && d.generated_by == crate::model::GeneratedBy::Gateway
        && matches!(d.culprit, Culprit::Proxy | Culprit::Network)
    {
        return Some(By::Network);
    }
    if crate::diagnose::unconfirmed(d) {
        return Some(By::PageSays);
    }
    let e = clip(d.error.as_deref()?, 256).to_ascii_uppercase();
    if e.contains("BLOCKED_BY_CLIENT") {
        Some(By::Client)
    } else if e.contains("BY_ADMINISTRATOR") || e.contains("BLOCKED_BY_POLICY") {
        Some(By::Admin)
    } else {
        None
    }
}

/// Whether a TLS error is about the certificate (Chromium's `ERR_CERT_*`, NSS's `SEC_ERROR_*`,
/// `MOZILLA_PKIX_*`, `SSL_ERROR_BAD_CERT_*`, or Firefox's message naming the certificate or its
/// issuer), not the handshake (`ERR_SSL_PROTOCOL_ERROR`, `ERR_SSL_VERSION_OR_CIPHER_MISMATCH`).
fn certificate_error(d: &Diagnosis) -> bool {
    let Some(e) = d.error.as_deref() else {
        return true;
    };
    let e = clip(e, 256).to_ascii_uppercase();
    ["CERT", "SEC_ERROR", "PKIX", "ISSUER"]
        .iter()
        .any(|w| e.contains(w))
}

/// The administrator's policy blocked the page (`ERR_BLOCKED_BY_ADMINISTRATOR`, Firefox's
/// `NS_ERROR_BLOCKED_BY_POLICY`).
pub(crate) fn blocked_by_admin(d: &Diagnosis) -> bool {
    blocked_by(d) == Some(By::Admin)
}

/// A filter in the person's network answered with its block page.
pub(crate) fn blocked_by_network(d: &Diagnosis) -> bool {
    blocked_by(d) == Some(By::Network)
}

/// Back or Forward to a page that was a form's answer, which the browser keeps no copy of
/// (Chromium's `ERR_CACHE_MISS`, "Confirm Form Resubmission"; Firefox's
/// `NS_ERROR_DOCUMENT_NOT_CACHED`, "Document Expired"): only sending the form again shows it,
/// and only the person may decide that. Nothing in the cookies, DNS, proxy or connection
/// failed.
pub fn form_answer(d: &Diagnosis) -> bool {
    d.cause == Cause::Cache
        && d.error.as_deref().is_some_and(|e| {
            let e = clip(e, 256).to_ascii_uppercase();
            // Firefox's error page's code too (about:neterror?e=notCached)
            e.contains("CACHE_MISS") || e.contains("DOCUMENT_NOT_CACHED") || e == "NOTCACHED"
        })
}

/// The connection changed or was suspended (the computer slept) under the navigation: the
/// network is likely there again, unlike "offline".
fn network_changed(d: &Diagnosis) -> bool {
    d.error.as_deref().is_some_and(|e| {
        let e = clip(e, 256).to_ascii_uppercase();
        e.contains("NETWORK_CHANGED") || e.contains("NETWORK_IO_SUSPENDED")
    })
}

/// A 503 that says nothing more (no Retry-After, no gateway's words for its cause): that it
/// is overloaded is only the status's guess, which the page, read a moment later, often
/// corrects ("the site is down"); the headline says no more than the status does.
fn guessed_503(d: &Diagnosis) -> bool {
    d.status_code == Some(503)
        && d.confidence <= 0.45
        && d.retry_after_seconds.is_none_or(|s| s.is_nan() || s <= 0.0)
}

pub(super) fn summary(d: &Diagnosis) -> Message {
    let mut params = Params::new();
    if let Some(s) = d.status_code {
        let mut status = String::new();
        push_u64(&mut status, u64::from(s));
        params.set("status", Param::Text(status));
    }
    if let Some(t) = &d.status_text {
        params.set("statusText", text(t));
    }
    if let Some(g) = &d.gateway {
        params.set("gateway", text(&g.name));
    }
    params.set("host", text(&crate::view::authority(d)));
    if let Some(e) = &d.error {
        params.set("error", text(e));
    }
    let place = domain::local(&d.host);
    if let Some(off) = d.clock_offset_ms.filter(|o| o.is_finite()) {
        // "26 hours behind": whole hours, at least one
        let hours = (off.abs() / 3_600_000.0).round().clamp(1.0, 1e6);
        params.set("hours", Param::Number(hours));
    }
    let mut key = String::from("summary_");
    if !d.failed {
        key.push_str("none");
    } else {
        let port = crate::url::parse(&d.url)
            .ok()
            .and_then(|u| u.port.or_else(|| u.default_port()));
        if let Some(p) = port.filter(|_| place.is_some() && d.cause == Cause::ConnectionRefused) {
            params.set("port", Param::Number(f64::from(p)));
        }
        let base = match (d.cause, d.culprit) {
            (_, _) if d.status_code == Some(429) => "rate_limited",
            (Cause::ConnectionRefused, _) if params.contains_key("port") => match place {
                Some(domain::Local::ThisComputer) => "connection_refused_local",
                _ => "connection_refused_lan",
            },
            (c, Culprit::Proxy) if c.is_response_cause() => "via_proxy",
            // what the page says of the person's side, unconfirmed: said as its claim
            (c, _) if crate::diagnose::unconfirmed(d) && c.is_response_cause() => "page_says_proxy",
            (Cause::Auth, _) if crate::diagnose::unconfirmed(d) => "page_says_portal",
            (Cause::Overloaded, _) if guessed_503(d) => "unavailable",
            (Cause::Tls, Culprit::Browser) => "tls_browser",
            (Cause::Tls, Culprit::Network) => "tls_network",
            // not trusted, by whom unknown (the site's own certificate, or a proxy or
            // antivirus that inspects secure connections): the headline blames no one
            (Cause::Tls, Culprit::Unknown) => "tls_unknown",
            // the site's server and the browser agree on no protocol or cipher: no certificate
            // was even looked at
            (Cause::Tls, Culprit::Site) if !certificate_error(d) => "tls_handshake",
            (Cause::InvalidResponse, Culprit::Browser) => "invalid_response_browser",
            (Cause::Offline, _) if network_changed(d) => "network_changed",
            (Cause::Cache, _) if form_answer(d) => "form_answer",
            _ if crate::diagnose::is_portal(d) => "portal",
            (Cause::Clock, _) if d.clock_offset_ms.is_some_and(|o| o > 0.0) => "clock_ahead",
            (Cause::Blocked, _) if blocked_by(d) == Some(By::Client) => "blocked_client",
            (Cause::Blocked, _) if blocked_by(d) == Some(By::Admin) => "blocked_admin",
            (Cause::Blocked, _) if blocked_by(d) == Some(By::Network) => "blocked_network",
            (Cause::Blocked, _) if blocked_by(d) == Some(By::PageSays) => "page_says_filter",
            (c, _) => c.as_str(),
        };
        key = crate::view::key_of(&key, base);
        // a 429, or a site at capacity, that says how long to wait: that wait in words
        let mut unit = "";
        if matches!(base, "rate_limited" | "overloaded") {
            if let Some(ra) = d.retry_after_seconds.filter(|s| s.is_finite() && *s > 0.0) {
                unit = crate::view::put_about(&mut params, ra);
            }
        }
        if !unit.is_empty() {
            key.push('_');
            key.push_str(unit);
        }
        if d.gateway.is_none() {
            key.push_str("_nogw");
        }
    }
    Message { key, params }
}
