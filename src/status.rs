//! What an HTTP status means, in one place: which statuses are a failure to report, their
//! standard reason phrases, the cause a status alone suggests, and what a watch's check reads
//! from one. `diagnose`, `gateway` and `policy` all ask here, so neither of the first two
//! needs the other for it.

use crate::model::Cause;

/// Whether a response with `status` is a failure to report: any 5xx (and beyond), and 429
/// (rate limiting, with its Retry-After: RFC 6585). Everything under 500 else is the page.
/// The shell's fast path (extension/fastpath.js) is checked against this by the node tests.
pub fn is_failure(status: u16) -> bool {
    status >= 500 || status == 429
}

/// A status beyond the 5xx range: no standard says what it means.
pub fn is_beyond_range(status: u16) -> bool {
    status > 599
}

/// 511 Network Authentication Required (RFC 6585): the network (a captive portal) wants a
/// sign-in before it lets anything through.
pub fn is_network_sign_in(status: u16) -> bool {
    status == 511
}

/// The server cannot do what was asked (501 Not Implemented, 505 HTTP Version Not
/// Supported): resending will not change that.
pub fn is_permanent(status: u16) -> bool {
    matches!(status, 501 | 505)
}

/// The standard reason phrases of the 5xx statuses (and of the CDNs' own).
const REASONS: &[(u16, &str)] = &[
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (505, "HTTP Version Not Supported"),
    (507, "Insufficient Storage"),
    (508, "Loop Detected"),
    (506, "Variant Also Negotiates"),
    (509, "Bandwidth Limit Exceeded"),
    (510, "Not Extended"),
    (511, "Network Authentication Required"),
    (520, "Web Server Returned an Unknown Error"),
    (521, "Web Server Is Down"),
    (522, "Connection Timed Out"),
    (523, "Origin Is Unreachable"),
    (524, "A Timeout Occurred"),
    (525, "SSL Handshake Failed"),
    (526, "Invalid SSL Certificate"),
    (527, "Railgun Error"),
    (529, "Site Is Overloaded"),
    (530, "Origin Error"),
    (598, "Network Read Timeout Error"),
    (599, "Network Connect Timeout Error"),
];

/// The standard reason phrase of a 5xx status.
pub fn standard_reason(status: u16) -> Option<&'static str> {
    REASONS
        .iter()
        .find(|(s, _)| *s == status)
        .map(|(_, reason)| *reason)
}

/// The cause a status suggests when nothing else (the gateway's words, its headers) says more.
pub fn cause_of(status: u16) -> Cause {
    match status {
        502 => Cause::UpstreamError,
        429 | 503 | 509 | 529 => Cause::Overloaded,
        504 | 522 | 524 | 598 | 599 => Cause::UpstreamTimeout,
        520 => Cause::UpstreamInvalidResponse,
        521 | 523 => Cause::UpstreamUnreachable,
        525 | 526 => Cause::UpstreamTls,
        500..=519 => Cause::OriginError,
        _ => Cause::UpstreamError,
    }
}

/// Whether a watch's check found the site back: a redirect, or an answer that is no failure
/// (`is_failure`: a 429 says the site is there but refuses for now, so the watch waits on).
pub fn is_back(status: u16, redirected: bool) -> bool {
    redirected || (status > 0 && !is_failure(status))
}

/// Whether a HEAD answer means "ask again with GET" (405 Method Not Allowed, 501).
pub fn head_refused(status: u16) -> bool {
    status == 405 || status == 501
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_5xx_and_429() {
        for s in 100..1000u16 {
            assert_eq!(is_failure(s), s >= 500 || s == 429, "{s}");
        }
    }

    #[test]
    fn back_means_no_failure_or_a_redirect() {
        assert!(is_back(200, false));
        assert!(is_back(404, false));
        assert!(is_back(0, true));
        assert!(!is_back(0, false));
        assert!(!is_back(502, false));
        assert!(!is_back(429, false), "rate limited: the watch waits on");
    }

    #[test]
    fn every_reason_is_of_a_failure_and_named_once() {
        for (i, (s, r)) in REASONS.iter().enumerate() {
            assert!(is_failure(*s) && !r.is_empty());
            assert!(REASONS[i + 1..].iter().all(|(t, _)| t != s), "{s} twice");
        }
        assert_eq!(standard_reason(502), Some("Bad Gateway"));
        assert_eq!(standard_reason(550), None);
    }

    #[test]
    fn causes_of_statuses() {
        assert_eq!(cause_of(502), Cause::UpstreamError);
        assert_eq!(cause_of(503), Cause::Overloaded);
        assert_eq!(cause_of(504), Cause::UpstreamTimeout);
        assert_eq!(cause_of(500), Cause::OriginError);
        assert_eq!(cause_of(521), Cause::UpstreamUnreachable);
    }
}
