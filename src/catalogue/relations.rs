//! What the catalogue says across its records: the words any gateway may use for a cause,
//! the gateways built on another's server, the headers a gateway sets only on its own answers.

use super::{DNS, INVALID, MAINT, OVER, TIMEOUT, TLS, UERR, UNREACH};
use crate::model::Cause;
use crate::text::Has;

/// Words any gateway may use for what went wrong, when its record says nothing more:
/// (lowercase phrases separated by `|`, cause).
pub const GENERIC_CAUSES: &[(&str, Cause)] = &[
    ("name resolution|could not resolve|resolve the hostname|resolve the host name|unable to determine ip address|dns failure|dns lookup|unknown host|name or service not known|nxdomain|enotfound|eai_again", DNS),
    ("certificate|ssl handshake|tls handshake|ssl error|tls error", TLS),
    ("no healthy upstream|no healthy|unhealthy|no server is available|no server is currently available|no available server|connection refused|could not connect|unable to connect|can't connect|cannot connect|failed to connect|connect() failed|host unreachable|network is unreachable|no route to host|is down|not responding|econnrefused|ehostunreach|enetunreach", UNREACH),
    ("timed out|timeout|time-out|took too long|did not respond in time|didn't respond in time|etimedout", TIMEOUT),
    ("connection reset|reset by peer|invalid response|malformed|incomplete response|premature|empty reply|zero sized reply|closed the connection|connection closed|prematurely|econnreset|socket hang up", INVALID),
    ("rate limit|too many requests|overloaded|over capacity|capacity problems|too busy|resource limit|bandwidth limit", OVER),
    ("maintenance", MAINT),
];

/// The cause the generic words name, if any.
pub fn generic_cause<H: Has + ?Sized>(text: &H) -> Option<Cause> {
    GENERIC_CAUSES
        .iter()
        .find(|(words, _)| text.has_any(words))
        .map(|(_, c)| *c)
}

/// Gateways built on a server whose stock error pages they send unchanged: (the server's
/// id, the gateway's id). Such a page, with headers naming the gateway, is the gateway's.
pub const BUILT_ON: &[(&str, &str)] = &[
    // Kong runs on OpenResty; its nginx-level errors (and all of Kong 0.x's) are OpenResty's
    ("openresty", "kong"),
    ("nginx", "kong"),
    // Istio's sidecars and gateways are Envoy: its local replies are Envoy's, under Istio's
    // own Server header (istio-envoy)
    ("envoy", "istio"),
];

/// Headers a gateway sets only on an answer it wrote itself (its own error, never one it
/// carried from the site): (gateway id, signature as in [`Record::headers`]: a header
/// name, or "name:" and a lowercase prefix of its value, the cause it names or `None`).
/// With one of them, an answer whose page no reader knows (often none is seen: `curl -I`,
/// devtools' headers, a HEAD request) is that gateway's.
pub const OWN_ANSWER: &[(&str, &str, Option<Cause>)] = &[
    // Amazon API Gateway's gateway responses (its own errors) carry their error type; the
    // two it documents for an integration's failure and for throttling say the cause, as
    // the same answers' JSON "message" does (the record's phrases)
    (
        "aws-api-gateway",
        "x-amzn-errortype:internalservererrorexception",
        Some(INVALID),
    ),
    (
        "aws-api-gateway",
        "x-amzn-errortype:toomanyrequestsexception",
        Some(OVER),
    ),
    ("aws-api-gateway", "x-amzn-errortype", None),
    // CloudFront's documented errors of the distribution's own edge functions
    ("cloudfront", "x-cache:lambdaexecutionerror", Some(UERR)),
    ("cloudfront", "x-cache:lambdavalidationerror", Some(INVALID)),
    ("cloudfront", "x-cache:lambdalimitexceeded", Some(OVER)),
    ("cloudfront", "x-cache:functionexecutionerror", Some(UERR)),
    // Akamai's edge names itself in the Server header only on what it answers itself
    ("akamai", "server:akamaighost", None),
    // Gorouter's documented X-Cf-Routererror values
    (
        "cloud-foundry",
        "x-cf-routererror:no_endpoints",
        Some(UNREACH),
    ),
    ("cloud-foundry", "x-cf-routererror", None),
    // Linkerd's proxies, on the errors they answer themselves
    ("linkerd", "l5d-proxy-error", None),
    // Linkerd 1 says why in l5d-err, URL-encoded ('Unable+to+establish+connection+to+…')
    (
        "linkerd",
        "l5d-err:unable+to+establish+connection",
        Some(UNREACH),
    ),
    (
        "linkerd",
        "l5d-err:unable to establish connection",
        Some(UNREACH),
    ),
    ("linkerd", "l5d-err", None),
];
