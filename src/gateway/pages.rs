//! The error pages of the 27 gateways of the contract: what each one's page looks like in
//! every version met, and how its words map to causes, as steps over the page read by
//! [`super::read`]. The gateways of the catalogue (src/catalogue.rs) need no code here: their
//! phrases are data. Split from gateway.rs, which keeps the matching engine.

use super::*;

const MAP_UERR_TIMEOUT: StatusMap = &[(502, UERR), (504, TIMEOUT)];

/// The status maps of the [`Step`]s.
pub(super) const MAPS: [StatusMap; 8] = [
    &[
        (520, INVALID),
        (521, UNREACH),
        (522, TIMEOUT),
        (523, UNREACH),
        (524, TIMEOUT),
        (525, TLS),
        (526, TLS),
        (527, UERR),
        (530, UERR),
        (502, UERR),
        (504, TIMEOUT),
    ],
    &[(503, OVER)],
    &[(502, UERR), (503, OVER), (500, UERR)],
    &[(503, UERR)],
    &[(502, UERR), (503, UERR)],
    &[(502, UERR), (504, TIMEOUT), (500, ORIGIN)],
    MAP_UERR_TIMEOUT,
    &[(500, ORIGIN), (502, UERR), (503, UNREACH), (504, TIMEOUT)],
];
const M_CLOUDFLARE: u8 = 0;
const M_503_OVER: u8 = 1;
const M_CLOUDFRONT: u8 = 2;
const M_503_UERR: u8 = 3;
const M_AKAMAI: u8 = 4;
const M_IIS: u8 = 5;
const M_UERR_TIMEOUT: u8 = 6;
const M_APACHE: u8 = 7;
const MAP_UNREACH_503: StatusMap = &[(502, UERR), (504, TIMEOUT), (503, UNREACH), (500, UERR)];
const MAP_OVER_503: StatusMap = &[(502, UERR), (504, TIMEOUT), (503, OVER)];

/// Cloudflare's 52x and 1xxx errors (developers.cloudflare.com/support/troubleshooting/...).
const CLOUDFLARE_STEPS: &[Step] = &[
    // 1xxx errors (530 and others) name the failure
    is(
        "error 1016|error code: 1016|origin dns error|error 1001|dns resolution error|error code: 1001",
        DNS,
    ),
    is("error 1033|error code: 1033|tunnel error", UNREACH),
    is(
        "error 1101|error code: 1101|worker threw exception|error 1102|exceeded resource limits",
        ORIGIN,
    ),
    is("error 1027|error 1015|being rate limited", OVER),
    map(M_CLOUDFLARE),
];

const CLOUDFRONT_CONNECT: &str = "connect to the origin|can't connect to the server";

const CLOUDFRONT_STEPS: &[Step] = &[
    is("resolve the origin|dns", DNS),
    at(502, "ssl|tls|certificate", TLS),
    is("lambda function|lambda@edge|cloudfront function", ORIGIN),
    at(504, "", TIMEOUT),
    is("timed out", TIMEOUT),
    at(502, CLOUDFRONT_CONNECT, UNREACH),
    Step(CLOUDFRONT_CONNECT, ALWAYS, Then::ByStatus(M_503_OVER)),
    map(M_CLOUDFRONT),
];

/// Fastly ("Guru Mediation", sic).
const FASTLY_STEPS: &[Step] = &[
    is(
        "first byte timeout|between bytes timeout|timed out",
        TIMEOUT,
    ),
    is(
        "backend is unhealthy|no healthy|connection refused|backend unavailable",
        UNREACH,
    ),
    is("ssl handshake|certificate|tls", TLS),
    is("max_conn|maximum threads|too many", OVER),
    is(
        "backend read error|backend write error|invalid response",
        INVALID,
    ),
    is("dns", DNS),
    map(M_503_UERR),
];

const AKAMAI_STEPS: &[Step] = &[
    is("zero size object", INVALID),
    is("dns", DNS),
    at(504, "", TIMEOUT),
    is("timeout", TIMEOUT),
    map(M_AKAMAI),
];

/// Envoy's plain-text local replies (also behind Google Cloud Load Balancing and Istio).
const ENVOY_STEPS: &[Step] = &[
    is("no healthy upstream", UNREACH),
    is(
        "upstream request timeout|reset reason: connection timeout",
        TIMEOUT,
    ),
    is(
        "tls_error|tls error|certificate_verify_failed|ssl routines|certificate verify failed",
        TLS,
    ),
    is("reset reason: overflow", OVER),
    is(
        "reset reason: connection failure|connection refused|delayed connect error",
        UNREACH,
    ),
    is(
        "reset reason: connection termination|reset reason: remote reset|protocol error|reset reason: remote connection failure",
        INVALID,
    ),
    is(
        "upstream connect error or disconnect/reset before headers",
        UERR,
    ),
];

/// IIS, ARR, HTTP.sys and the ASP.NET Core Module.
const IIS_STEPS: &[Step] = &[
    is("0x80072ee2|operation timed out", TIMEOUT),
    is("0x80072ee7|could not be resolved", DNS),
    is("0x80072efd|could not be established", UNREACH),
    is(
        "0x80072f8f|0x80072f7d|0x80072f8d|security error|certificate",
        TLS,
    ),
    is(
        "0x80072eff|terminated abnormally|0x80072f78|invalid or unrecognized response",
        INVALID,
    ),
    is(
        "502.5|500.30|500.31|500.32|500.33|500.34|500.35|500.36|500.37|process failure|failed to start",
        ORIGIN,
    ),
    at(503, "", UNREACH),
    map(M_IIS),
];

/// Apache Traffic Server's body factory pages.
const ATS_STEPS: &[Step] = &[
    is("unknown host|dns entry|cannot find server", DNS),
    is("could not connect", UNREACH),
    is("timed out|too long to respond", TIMEOUT),
    // a garbled or cut answer: "The host requested did not return the document correctly."
    is(
        "bad response|invalid response|malformed|did not return the document correctly",
        INVALID,
    ),
    is("ssl|tls|certificate", TLS),
    map(M_UERR_TIMEOUT),
];

const TINYPROXY_STEPS: &[Step] = &[
    is("unable to connect", UNREACH),
    is("timed out|timeout", TIMEOUT),
    // also "could not retrieve all of the headers"
    is("invalid response|headers", INVALID),
    Step("", ALWAYS, Then::Nothing),
];

/// h2o's short text/plain reasons; a blank reply says what its status says.
const H2O_STEPS: &[Step] = &[
    is("connection failed|connection refused", UNREACH),
    is("timeout", TIMEOUT),
    is("certificate|ssl|tls|handshake", TLS),
    is(
        "name or service not known|name resolution|resolve|no address associated",
        DNS,
    ),
    is(
        "failed to parse the response|i/o error|invalid response",
        INVALID,
    ),
    Step("", BLANK, Then::ByStatus(M_UERR_TIMEOUT)),
];

/// Apache httpd: mod_proxy's "Proxy Error" pages and the stock error documents.
const APACHE_STEPS: &[Step] = &[
    is("dns lookup failure", DNS),
    is("ssl handshake|ssl proxy|certificate", TLS),
    is(
        "the timeout specified has expired|did not receive a timely response",
        TIMEOUT,
    ),
    // both an upstream that hangs and one that answers garbage end up at the first
    is("error reading from remote server|the proxy server", UERR),
    // mod_proxy answers this when it cannot connect to the backend
    Step(
        "temporarily unable to service your",
        ALWAYS,
        Then::Generic(UNREACH),
    ),
    map(M_APACHE),
];

/// HAProxy's stock pages ("<html><body><h1>503 Service Unavailable</h1>\nNo server is
/// available ...").
const HAPROXY_STEPS: &[Step] = &[
    // all servers down, unreachable or full: in the captures, a refused connection
    is("no server is available to handle this request", UNREACH),
    is(
        "the server returned an invalid or incomplete response",
        INVALID,
    ),
    is("the server didn't respond in time", TIMEOUT),
];

/// Vercel's error codes (vercel.com/docs/errors), in lowercase.
const VERCEL_STEPS: &[Step] = &[
    is("timeout", TIMEOUT),
    is("dns", DNS),
    is("throttled|rate_limited|too_many", OVER),
    is("no_response|response_too_large|invalid_response", INVALID),
    is("connection_error|not_ready|deployment_paused", UNREACH),
    is(
        "infinite_loop|invocation_failed|middleware|function",
        ORIGIN,
    ),
];

fn vercel_cause(code: &str, c: &Ctx) -> Option<Cause> {
    let code = code.to_ascii_lowercase();
    match read(VERCEL_STEPS, code.as_str(), c) {
        Some((cause, _)) => cause,
        None if code.starts_with("internal_") || code.starts_with("router_") => Some(UERR),
        None => by_status(
            c.status,
            &[
                (500, ORIGIN),
                (502, UERR),
                (503, OVER),
                (504, TIMEOUT),
                (508, ORIGIN),
            ],
        ),
    }
}

/// Squid's ERR_* pages (squid-cache.org, errors/templates).
const SQUID_ERRORS: &[(&str, Cause)] = &[
    ("ERR_DNS_FAIL", DNS),
    ("ERR_CONNECT_FAIL", UNREACH),
    ("ERR_CANNOT_FORWARD", UNREACH),
    ("ERR_FORWARDING_DENIED", UNREACH),
    ("ERR_READ_TIMEOUT", TIMEOUT),
    ("ERR_LIFETIME_EXP", TIMEOUT),
    ("ERR_CONNECT_TIMEOUT", TIMEOUT),
    ("ERR_ZERO_SIZE_OBJECT", INVALID),
    ("ERR_INVALID_RESP", INVALID),
    ("ERR_READ_ERROR", INVALID),
    ("ERR_WRITE_ERROR", INVALID),
    ("ERR_TOO_BIG", INVALID),
    ("ERR_SECURE_CONNECT_FAIL", TLS),
    ("ERR_SSL_HANDSHAKE", TLS),
    ("ERR_SHUTTING_DOWN", MAINT),
    ("ERR_GATEWAY_FAILURE", UERR),
    ("ERR_ICAP_FAILURE", UERR),
    ("ERR_ESI", UERR),
];

fn squid_cause(code: &str, status: u16) -> Option<Cause> {
    let code = code.split_whitespace().next().unwrap_or("");
    match SQUID_ERRORS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(code))
    {
        Some((_, cause)) => Some(*cause),
        None => by_status(status, &[(502, UERR), (503, UNREACH), (504, TIMEOUT)]),
    }
}

pub(super) fn pages(c: &Ctx) -> Option<Page> {
    let b = c.b;
    let st = c.status;

    // ---- Cloudflare: its own error pages, plain "error code: 52x", or any 52x with its headers
    let cf_headers = c.header("cf-ray").is_some() || c.server_is("cloudflare");
    if (c.has("cloudflare") && c.any("cf-error-details|cf-wrapper|ray id|cf-error-code|cf-footer"))
        || (c.has("ray id") && c.any("error 1|error 5|error code 1|error code 5"))
        || c.any("<div id=\"cf-error-details\"|<div id=\"cf-wrapper\"|/cdn-cgi/styles/cf.errors.css|/cdn-cgi/styles/main.css\" />")
        || c.has("<hr><center>cloudflare</center>")
        || (cf_headers && b.trim_start().starts_with("error code: "))
    {
        return page(
            CLOUDFLARE,
            "Cloudflare error page",
            cause(CLOUDFLARE_STEPS, c),
        );
    }
    // its numbered statuses are its own: "Error 522 Ray ID: ...", "Web server is down Error
    // code 521", or a bare 52x
    if matches!(st, 520..=527 | 530) && !c.any("<center>nginx|<center>openresty") {
        return page(
            CLOUDFLARE,
            "Cloudflare status code",
            cause(CLOUDFLARE_STEPS, c),
        );
    }

    // ---- CloudFront: "The request could not be satisfied." ... "Generated by cloudfront (CloudFront)"
    if c.any("generated by cloudfront|cloudfront attempted to establish a connection|cloudfront wasn't able to connect|cloudfront couldn't connect")
        || (c.has("the request could not be satisfied") && c.has("cloudfront"))
    {
        return page(
            CLOUDFRONT,
            "CloudFront error page",
            cause(CLOUDFRONT_STEPS, c),
        );
    }

    // ---- Fastly ("Guru Mediation", sic) before Varnish ("Guru Meditation")
    let fastly_headers = c.header("x-fastly-request-id").is_some()
        || c.header_starts("x-served-by", "cache-")
        || c.has_header_prefix("fastly-");
    // Fastly's cache nodes are "cache-<pop><n>-<POP>" in its pages' Details line
    if c.any("guru mediation|details: cache-") || (fastly_headers && c.has("varnish cache server"))
    {
        return page(FASTLY, "Fastly error page", cause(FASTLY_STEPS, c));
    }

    // ---- Akamai: "Reference #18.xxxx" pages, errors.edgesuite.net
    if (c.any("reference&#32;&#35;|errors.edgesuite.net|reference #")
        && (c.server_is("akamai") || c.any("edgesuite|akamai")))
        || (c.has("reference #") && akamai_reference(b))
    {
        return page(
            AKAMAI,
            "Akamai error page (Reference #)",
            cause(AKAMAI_STEPS, c),
        );
    }

    // ---- Azure Front Door: "Our services aren't available right now"
    if c.any("our services aren't available right now|our services aren&#39;t available right now|our services aren’t available right now") {
        return page(
            AZURE_FRONT_DOOR,
            "Azure Front Door error page",
            by_status(st, &[(503, UERR), (504, TIMEOUT), (502, UERR)]),
        );
    }

    // ---- Azure Application Gateway: nginx-style page that names it
    if c.has("microsoft-azure-application-gateway") {
        return with_version(
            page(
                AZURE_APP_GATEWAY,
                "Application Gateway error page",
                by_status(st, MAP_UNREACH_503),
            ),
            version_after(b, "microsoft-azure-application-gateway"),
        );
    }

    // ---- Google Front End: "Error 502 (Server Error)!!1 ... That’s an error."
    if (c.any("that’s an error|that's an error|that&#8217;s an error") && c.has("google"))
        || c.any("(server error)!!1|the server encountered a temporary error and could not complete your request")
    {
        return page(
            GOOGLE,
            "Google error page",
            by_status(st, &[(502, UERR), (503, OVER), (504, TIMEOUT), (500, UERR)]),
        );
    }

    // ---- Heroku router pages
    if c.any("herokucdn.com/error-pages|heroku logs --tail|an error occurred in the application and your page could not be served")
        || (c.has("application error") && c.has("heroku"))
    {
        let cause = if c.has("maintenance") { MAINT } else { UERR };
        return page(HEROKU, "Heroku error page", Some(cause));
    }

    // ---- Vercel: X-Vercel-Error names the failure
    if let Some(code) = c.header("x-vercel-error") {
        return page(VERCEL, "X-Vercel-Error", vercel_cause(code, c));
    }
    let vercel = c.header("x-vercel-id").is_some()
        || c.server_is("vercel")
        || c.any("vercel is working correctly|an error occurred with your deployment|vercel.com/docs/error|this serverless function has crashed")
        // "500: INTERNAL_SERVER_ERROR Code: FUNCTION_INVOCATION_FAILED": its documented codes
        || (c.has("code: ") && vercel_code(b).is_some());
    if vercel {
        // "504: GATEWAY_TIMEOUT Code: FUNCTION_INVOCATION_TIMEOUT ID: ..."
        if let Some(at) = b.find("code: ") {
            let rest = &b[at + 6..];
            let n = rest
                .bytes()
                .take(64)
                .take_while(|ch| ch.is_ascii_alphanumeric() || *ch == b'_')
                .count();
            let code = &rest[..n];
            if code.contains('_') {
                return page(VERCEL, "Vercel error page", vercel_cause(code, c));
            }
        }
        if let Some(code) = vercel_code(b) {
            return page(VERCEL, "Vercel error page", vercel_cause(code, c));
        }
        // the headline alone ("This Serverless Function has crashed."): the site's code
        if c.any("an error occurred with this application|this serverless function has crashed") {
            return page(
                VERCEL,
                "Vercel error page",
                by_status(
                    st,
                    &[(500, ORIGIN), (502, UERR), (504, TIMEOUT), (503, OVER)],
                ),
            );
        }
    }

    // ---- Netlify: its function-crash pages name it even without its headers
    if c.any("netlify internal id|an unhandled error in the function code triggered the following message") {
        let cause = if c.any("timed out|timeout") { TIMEOUT } else { ORIGIN };
        return page(NETLIFY, "Netlify function error page", Some(cause));
    }
    if c.header("x-nf-request-id").is_some() || c.server_is("netlify") {
        // also "edge function has crashed"
        if c.any(
            "function has crashed|function invocation failed|runtime.exit|handler is not defined",
        ) {
            return page(NETLIFY, "Netlify function error", Some(ORIGIN));
        }
        if c.any("task timed out|function timed out|timeout") && b.len() < 2048 {
            return page(NETLIFY, "Netlify function timeout", Some(TIMEOUT));
        }
    }

    // ---- Envoy local replies ("upstream connect error or disconnect/reset before headers")
    if b.len() < 1024 {
        if let Some((cause, _)) = read(ENVOY_STEPS, b, c) {
            let id = if c.server_is("google") || has(&c.via, "google") {
                GOOGLE
            } else {
                ENVOY
            };
            return page(id, "Envoy local reply", cause);
        }
    }

    // ---- IIS / ARR / HTTP.sys / ASP.NET Core Module
    if c.any("http error 502.3|502.3 - bad gateway|acting as a gateway or proxy server|the specified cgi application encountered an error|http error 502.5|http error 500.3|http error 503. the service is unavailable") || (c.server_is("microsoft-")
        && c.any("iis|<h2>the service is unavailable.</h2>|service unavailable"))
    {
        return with_version(
            page(IIS, "IIS error page", cause(IIS_STEPS, c)),
            c.server_version("microsoft-iis"),
        );
    }

    // ---- AWS ELB / ALB: nginx-like page without the server line (or an empty body)
    if c.server_is("awselb") && (c.blank || c.has("<center><h1>5")) {
        return generic(AWS_ELB, "ELB error page", by_status(st, MAP_UNREACH_503));
    }

    // ---- Apache Traffic Server body factory pages
    // (9.2 writes "<B>\nDescription:", older versions "<B>Description:</B>")
    if c.any("<title>could not connect</title>|<title>unknown host</title>|<title>connection timed out</title>|<title>bad response</title>|did not return the document correctly")
        || (c.server_is("ats") && c.has("description:"))
    {
        return with_version(
            page(ATS, "Traffic Server error page", cause(ATS_STEPS, c)),
            c.server_version("ats"),
        );
    }

    // ---- Varnish
    if c.any("guru meditation|varnish cache server") {
        let p = if c.has("backend fetch failed") {
            page(
                VARNISH,
                "Varnish error page: Backend fetch failed",
                Some(UERR),
            )
        } else {
            generic(
                VARNISH,
                "Varnish error page",
                // a synth 503 with Retry-After is the VCL's own choice (the lab's
                // own503); without, the stock page of a failed backend fetch
                (!c.ev.has_header("retry-after"))
                    .then(|| catalogue::generic_cause(b).unwrap_or(UERR)),
            )
        };
        return with_version(p, version_after(&c.via, "varnish"));
    }

    // ---- Squid: X-Squid-Error names the failure
    if let Some(code) = c.header("x-squid-error") {
        return with_version(
            page(SQUID, "X-Squid-Error", squid_cause(code, st)),
            c.server_version("squid"),
        );
    }
    if (c.has("the requested url could not be retrieved") && c.has("squid"))
        || c.any("the following error was encountered while trying to retrieve the url|unable to determine ip address from host name|your cache administrator is")
    {
        return with_version(
            generic(SQUID, "Squid error page", catalogue::generic_cause(b)),
            version_after(b, "squid"),
        );
    }

    // ---- Tinyproxy
    if c.has("generated by tinyproxy") || (c.server_is("tinyproxy") && c.has("tinyproxy")) {
        return with_version(
            page(TINYPROXY, "Tinyproxy error page", cause(TINYPROXY_STEPS, c)),
            version_at(b, "tinyproxy version ", false).or_else(|| c.server_version("tinyproxy")),
        );
    }

    // ---- nghttpx: "<footer>nghttpx</footer>"
    if c.has("<footer>nghttpx</footer>") {
        return generic(NGHTTPX, "nghttpx error page", by_status(st, MAP_OVER_503));
    }

    // ---- h2o: short text/plain reasons with "Gateway Error"
    if c.server_is("h2o") && b.len() < 256 && !b.trim_start().starts_with('{') && !c.has("<") {
        if let Some((cause, _)) = read(H2O_STEPS, b, c) {
            return page(H2O, "h2o error reply", cause);
        }
    }

    // ---- OpenResty / nginx / derivatives: "<hr><center>nginx/1.22.1</center>"
    for (id, marker) in [
        (OPENRESTY, "<hr><center>openresty"),
        (NGINX, "<hr><center>nginx"),
        (NGINX, "<center>nginx</center>"),
        (tengine(), "<center>tengine"),
    ] {
        if c.has(marker) {
            let (what, name) = if id == NGINX {
                ("nginx error page template", "nginx")
            } else {
                ("OpenResty error page template", "openresty")
            };
            return with_version(
                generic(id, what, by_status(st, NGINX_MAP)),
                version_after(b, name),
            );
        }
    }

    // ---- the same as visible text: "502 Bad Gateway nginx/1.18.0 (Ubuntu)"
    if b.len() < 2048 {
        for (id, name) in [
            (OPENRESTY, "openresty"),
            (tengine(), "tengine"),
            (NGINX, "nginx"),
        ] {
            if let Some(version) = version_after(b, name) {
                return with_version(
                    generic(id, "nginx error page (text)", by_status(st, NGINX_MAP)),
                    Some(version),
                );
            }
            if b.trim_end().ends_with(name) {
                return generic(id, "nginx error page (text)", by_status(st, NGINX_MAP));
            }
        }
    }

    // ---- Apache httpd: mod_proxy's "Proxy Error" pages and the stock error documents
    // Tengine's stock 502 borrows Apache's sentence
    if c.any(
        "powered by tengine|please report this message and include the following information to us",
    ) {
        return generic(tengine(), "Tengine error page", by_status(st, NGINX_MAP));
    }
    let apache_doc = c.has("-//w3c//dtd html 4.01//en") && c.has("</head><body>") && c.has("<h1>");
    if c.any("the proxy server could not handle the request|the proxy server received an invalid|the gateway did not receive a timely response|unable to service your request due to maintenance downtime or capacity problems") || (c.has("<address>apache") && c.has("<h1>"))
        || (c.has("apache/") && c.has(" server at ") && c.has(" port "))
        || (apache_doc && c.server_is("apache"))
    {
        let (cause, generic) = read(APACHE_STEPS, b, c).unwrap_or((None, false));
        let version = c
            .server_version("apache")
            .or_else(|| version_after(b, "<address>apache"));
        return Some(Page {
            id: APACHE,
            what: "Apache error page",
            cause,
            version,
            generic,
        });
    }

    // ---- HAProxy
    if let Some((cause, _)) = read(HAPROXY_STEPS, b, c) {
        return page(HAPROXY, "HAProxy error page", cause);
    }
    if b.starts_with("<html><body><h1>5")
        && c.has("an internal server error occurred")
        && b.len() < 200
    {
        return page(HAPROXY, "HAProxy error page", Some(UERR));
    }

    // ---- lighttpd: stock XHTML page
    if c.server_is("lighttpd") && c.has("xhtml1-transitional") && c.has("<h1>") {
        return with_version(
            generic(
                LIGHTTPD,
                "lighttpd error page",
                by_status(
                    st,
                    &[(500, UERR), (502, INVALID), (503, UNREACH), (504, TIMEOUT)],
                ),
            ),
            c.server_version("lighttpd"),
        );
    }

    // ---- Caddy: empty body (its default) or a bare status text
    if c.server_is("caddy") && (c.blank || c.bare) {
        return generic(
            CADDY,
            "Caddy reply (empty body)",
            by_status(st, MAP_OVER_503),
        );
    }

    // ---- Traefik: Go's http.Error text, "Bad Gateway"
    if c.bare && c.header_starts("content-type", "text/plain") {
        return generic(
            TRAEFIK,
            "plain-text status reply (Traefik style)",
            by_status(st, MAP_UNREACH_503),
        );
    }
    catalogue_page(c)
}

/// Tengine (Alibaba's nginx), a catalogue record that the nginx rules also meet.
fn tengine() -> Id {
    catalogued(catalogue::by_id("tengine").unwrap_or(0))
}

pub(super) const NGINX_MAP: StatusMap = &[(500, ORIGIN), (502, UERR), (503, OVER), (504, TIMEOUT)];

/// Akamai's "Reference #18.2f580317.1772098100.2b6a23ca": a digit and a dot after the mark.
fn akamai_reference(b: &str) -> bool {
    b.match_indices("reference #").any(|(at, m)| {
        let rest = &b.as_bytes()[at + m.len()..];
        rest.first().is_some_and(u8::is_ascii_digit) && rest.iter().take(4).any(|ch| *ch == b'.')
    })
}

/// A Vercel error code in the page ("FUNCTION_INVOCATION_TIMEOUT"), lowercase.
fn vercel_code(b: &str) -> Option<&str> {
    b.split(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
        .take(2048)
        .find(|w| {
            w.len() > 8
                && w.contains('_')
                && w.bytes().all(|ch| ch.is_ascii_lowercase() || ch == b'_')
                && [
                    "function_",
                    "deployment_",
                    "router_",
                    "dns_",
                    "edge_",
                    "middleware_",
                    "no_response",
                    "invalid_",
                    "internal_",
                    "resource_",
                    "sandbox_",
                ]
                .iter()
                .any(|p| w.starts_with(p))
        })
}
