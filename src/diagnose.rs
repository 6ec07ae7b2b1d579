//! `diagnose`: what happened to a failed navigation, who wrote the error, whose fault it is.

use crate::gateway;
use crate::model::{Cause, Culprit, Diagnosis, Failure, GeneratedBy, InputError};
use crate::neterror;
use crate::text::{clip, Evidence};
use crate::url;

/// Methods that may be resent without changing anything on the server (RFC 9110 9.2.2).
pub fn is_idempotent(method: &str) -> bool {
    matches!(method, "GET" | "HEAD" | "OPTIONS" | "TRACE" | "PUT" | "DELETE")
}

/// The standard reason phrase of a 5xx status.
pub fn standard_reason(status: u16) -> Option<&'static str> {
    Some(match status {
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        511 => "Network Authentication Required",
        _ => return None,
    })
}

pub fn diagnose(f: &Failure) -> Result<Diagnosis, InputError> {
    let u = url::parse(&f.url)?;
    let method = f
        .method
        .as_deref()
        .map(|m| clip(m.trim(), 32).to_ascii_uppercase())
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
        url: clip(&f.url, 8 * 1024).to_string(),
        host: u.host.clone(),
        origin: u.origin(),
        method,
        status_code: f.status_code,
        status_text: None,
        error: None,
        evidence: Vec::new(),
    };

    match (f.status_code, f.error.as_deref()) {
        (Some(status), _) => {
            let ev = Evidence::from_failure(f);
            d.status_text = ev
                .reason
                .clone()
                .or_else(|| standard_reason(status).map(str::to_string));
            if status < 500 {
                return Ok(d);
            }
            d.failed = true;
            d.gateway = gateway::identify(&ev);
            d.generated_by = if d.gateway.is_some() { GeneratedBy::Gateway } else { GeneratedBy::Unknown };
            d.culprit = Culprit::Site;
            d.confidence = 0.6;
            d.cause = match status {
                502 => Cause::UpstreamInvalidResponse,
                503 => Cause::Overloaded,
                504 => Cause::UpstreamTimeout,
                _ => Cause::OriginError,
            };
            d.transient = matches!(status, 502..=504);
            d.evidence.push(format!("HTTP {status}"));
        }
        (None, Some(error)) => {
            let error = clip(error.trim(), 256);
            let ne = neterror::classify(error);
            d.error = Some(error.to_string());
            d.failed = ne.cause != Cause::Aborted;
            d.cause = ne.cause;
            d.culprit = ne.culprit;
            d.transient = ne.transient;
            d.generated_by = GeneratedBy::Browser;
            d.confidence = 0.8;
            d.evidence.push(error.to_string());
        }
        (None, None) => return Err(InputError("failure: neither statusCode nor error".into())),
    }
    d.safe_to_retry = d.failed && idempotent && d.cause != Cause::InvalidUrl;
    Ok(d)
}
