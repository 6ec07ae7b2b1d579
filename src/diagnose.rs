//! `diagnose`: what happened to a failed navigation, who wrote the error, whose fault it is.

use crate::gateway;
use crate::model::{Cause, Culprit, Diagnosis, Failure, GeneratedBy, InputError, Role};
use crate::neterror;
use crate::retry_after;
use crate::status;
use crate::text::{clip, concat, push_u64, shown, Evidence};
use crate::url;

mod person;
pub use person::{
    in_context, is_filter_address, is_portal, page_says_person_side, unconfirmed, BURST_MIN_OTHERS,
    BURST_WINDOW_MS,
};

/// Methods that may be resent without changing anything on the server (RFC 9110 9.2.2).
pub fn is_idempotent(method: &str) -> bool {
    matches!(
        method,
        "GET" | "HEAD" | "OPTIONS" | "TRACE" | "PUT" | "DELETE"
    )
}

pub fn diagnose(f: &Failure) -> Result<Diagnosis, InputError> {
    let u = url::parse(&f.url)?;
    let method = f
        .method
        .as_deref()
        .map(|m| shown(clip(m.trim(), 32)).to_ascii_uppercase())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "GET".to_string());
    let idempotent = is_idempotent(&method);
    let mut d = Diagnosis {
        failed: false,
        cause: Cause::None,
        culprit: Culprit::Unknown,
        generated_by: GeneratedBy::Unknown,
        gateway: None,
        transient: false,
        retry_after_seconds: None,
        safe_to_retry: false,
        confidence: 1.0,
        url: shown(clip(&f.url, 8 * 1024)).into_owned(),
        host: u.host.clone(),
        origin: u.origin(),
        method,
        status_code: f.status_code,
        status_text: None,
        error: None,
        evidence: Vec::new(),
        references: Vec::new(),
        sign_in_url: None,
        clock_offset_ms: None,
        badge: match f.status_code {
            Some(c) => {
                let mut b = String::new();
                push_u64(&mut b, u64::from(c));
                b
            }
            None => "ERR".into(),
        },
        ignored: crate::domain::ignored(&u.host, &f.ignored_sites),
    };
    if d.ignored {
        return Ok(d);
    }

    match (f.status_code, f.error.as_deref()) {
        (Some(status), _) => {
            let ev = Evidence::from_failure(f);
            d.references = crate::references::find(&ev);
            d.status_text = ev
                .reason
                .clone()
                .or_else(|| status::standard_reason(status).map(str::to_string));
            if !status::is_failure(status) {
                return Ok(d);
            }
            response(&mut d, f, &ev, status);
            d.safe_to_retry = idempotent && d.transient;
        }
        (None, Some(error)) => {
            let error = shown(clip(error.trim(), 256));
            let error = error.as_ref();
            let ne = neterror::classify(error);
            d.error = Some(error.to_string());
            d.failed = ne.cause != Cause::Aborted;
            d.cause = ne.cause;
            d.culprit = ne.culprit;
            d.transient = ne.transient;
            d.generated_by = GeneratedBy::Browser;
            d.confidence = 0.8;
            d.evidence.push(error.to_string());
            d.safe_to_retry = d.failed && idempotent && d.cause != Cause::InvalidUrl;
            // The browser tried 0.0.0.0 or `::`: what a DNS filter answers for a blocked name.
            if d.failed && f.ip.as_deref().is_some_and(person::is_filter_address) {
                person::d_filter(&mut d);
            }
        }
        (None, None) => return Err(InputError("failure: neither statusCode nor error".into())),
    }
    Ok(d)
}

/// Whether a retry can fix a response failure of this cause.
fn transient_cause(cause: Cause) -> bool {
    matches!(
        cause,
        Cause::UpstreamUnreachable
            | Cause::UpstreamTimeout
            | Cause::UpstreamInvalidResponse
            | Cause::UpstreamError
            | Cause::Overloaded
            | Cause::Maintenance
    )
}

/// The evidence line of a response whose page (or a client's words in it) says a forward
/// proxy wrote it: the page's claim, which `in_context` weighs ([`person::page_says_person_side`]).
pub(crate) const BY_FORWARD_PROXY: &str = "written by a forward proxy";
/// The start of the evidence line of a request the browser reported going through its proxy
/// (Firefox's `proxyInfo`): the browser's word, not the page's.
pub(crate) const THROUGH_PROXY: &str = "through proxy ";

/// Whether the request went through a proxy that speaks HTTP (and so may write pages).
fn http_proxy(f: &Failure) -> Option<&str> {
    let p = f.proxy.as_ref()?;
    let kind = p.kind.as_deref().unwrap_or("http");
    (kind.eq_ignore_ascii_case("http") || kind.eq_ignore_ascii_case("https"))
        .then(|| p.host.as_deref().unwrap_or(""))
}

/// The response path: a 5xx (or a status beyond 599) arrived.
fn response(d: &mut Diagnosis, f: &Failure, ev: &Evidence, status: u16) {
    d.failed = true;
    let mut line = String::from("HTTP ");
    push_u64(&mut line, u64::from(status));
    if let Some(t) = &d.status_text {
        line.push(' ');
        line.push_str(clip(t, 80));
    }
    d.evidence.push(line);

    if let Some(value) = ev.header("retry-after") {
        d.retry_after_seconds = retry_after::parse(value, ev.header("date"), f.time_stamp);
        if d.retry_after_seconds.is_some() {
            d.evidence.push(concat(&["Retry-After: ", clip(value, 64)]));
        }
    }

    if status::is_network_sign_in(status) {
        d.cause = Cause::Auth;
        d.culprit = Culprit::Network;
        d.generated_by = GeneratedBy::Gateway;
        d.gateway = gateway::analyze(ev, status).gateway;
        d.transient = false;
        d.confidence = 0.9;
        d.evidence
            .push("511: network sign-in (captive portal)".into());
        d.sign_in_url = person::sign_in_url(&ev.body);
        return;
    }
    if status::is_beyond_range(status) {
        d.cause = Cause::UpstreamInvalidResponse;
        d.culprit = Culprit::Site;
        d.generated_by = GeneratedBy::Unknown;
        d.confidence = 0.3;
        d.evidence.push("status beyond 599".into());
        d.transient = true;
        return;
    }

    let found = gateway::analyze(ev, status);
    d.generated_by = found.generated_by;
    let (cause, confidence) = match found.cause {
        _ if status == 429 => (Cause::Overloaded, found.confidence.max(0.8)),
        Some(c) => (c, found.confidence),
        None => (status::cause_of(status), found.confidence.min(0.45)),
    };
    d.cause = cause;
    d.confidence = confidence.clamp(0.05, 0.99);
    for n in found.notes.into_iter().take(gateway::MAX_NOTES) {
        d.evidence.push(n);
    }
    d.gateway = found.gateway;

    // Who has to act: the site, unless a forward proxy wrote the page.
    d.culprit = Culprit::Site;
    let writer_role = d.gateway.as_ref().map(|g| g.role);
    let forward = writer_role == Some(Role::ForwardProxy)
        || (d.gateway.is_none() && gateway::tunnel_refused(ev));
    let proxy_host = http_proxy(f).map(|h| clip(h.trim(), 256).to_ascii_lowercase());
    if d.generated_by == GeneratedBy::Gateway && forward {
        d.culprit = Culprit::Proxy;
        d.evidence.push(BY_FORWARD_PROXY.into());
        if let Some(host) = &proxy_host {
            d.evidence.push(concat(&[THROUGH_PROXY, clip(host, 100)]));
        }
    } else if let Some(host) = &proxy_host {
        let mentioned = !host.is_empty()
            && (ev
                .headers_named("via")
                .any(|v| v.to_ascii_lowercase().contains(host.as_str()))
                || ev.body_lower.contains(host.as_str()));
        let edge = matches!(writer_role, Some(Role::Cdn) | Some(Role::Platform));
        if d.generated_by != GeneratedBy::Origin && !edge && (d.gateway.is_none() || mentioned) {
            d.culprit = Culprit::Proxy;
            d.evidence.push(concat(&[THROUGH_PROXY, clip(host, 100)]));
        }
    }

    d.transient = transient_cause(d.cause)
        || (d.cause == Cause::OriginError && (d.retry_after_seconds.is_some() || status == 503));
    if status::is_permanent(status) {
        d.transient = false;
    }
    d.evidence.truncate(2 * gateway::MAX_NOTES);
}
