//! The contract's gateways that are software anyone runs: reverse proxies, load balancers,
//! caches and forward proxies, one record each (with its page reader and step tables beside
//! it). `RECORDS` at the end gives their order, outermost first.

use super::*;
use Role::{ForwardProxy, LoadBalancer, ReverseProxy};

// ---------------------------------------------------------------- Envoy

/// Envoy's plain-text local replies (also behind Google Cloud Load Balancing and Istio).
const ENVOY_STEPS: &[Step] = &[
    // its local rate limit filter's whole 429 reply
    is("local_rate_limited", OVER),
    is("no healthy upstream", UNREACH),
    is(
        "upstream request timeout|reset reason: connection timeout",
        TIMEOUT,
    ),
    // its stream idle timeout's whole reply (also in "upstream timeout", so only alone)
    is("stream timeout", TIMEOUT),
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

/// The phrases every Envoy local reply carries one of.
const ENVOY_MARKS: &str =
    "upstream connect error|no healthy upstream|upstream request timeout|reset reason:|local_rate_limited";

/// "upstream connect error or disconnect/reset before headers": Google's when Google's
/// headers carried it.
fn envoy(c: &Ctx) -> Option<Page> {
    // a short page that only says "connection refused" (Go's and others' proxies) is not
    // Envoy's: its local replies carry one of its own phrases
    if c.b.len() >= 1024 || !(c.any(ENVOY_MARKS) || c.b.trim() == "stream timeout") {
        return None;
    }
    let (cause, _) = read(ENVOY_STEPS, c.b, c)?;
    let id = if c.server_is("google") || has(&c.via, "google") {
        "google"
    } else {
        "envoy"
    };
    page(id, "Envoy local reply", cause)
}

const ENVOY: Record = rec(
    "envoy",
    "Envoy",
    "CNCF (Envoy Proxy)",
    ReverseProxy,
    &[s("envoy"), P("x-envoy-", "X-Envoy-* headers")],
    "",
    Some((10, envoy)),
    &[("x-envoy-request-id", "Envoy Request ID")],
    &[],
    "",
);

// ---------------------------------------------------------------- Traefik

/// Go's http.Error text, "Bad Gateway" (it sends no header of its own). Pasted without
/// headers, the text alone is its body only without a status code before it: "502 Bad
/// Gateway" is how people quote any server's page.
fn traefik(c: &Ctx) -> Option<Page> {
    let text_only =
        c.ev.headers.is_empty() && !c.b.trim_start().starts_with(|ch: char| ch.is_ascii_digit());
    if c.bare && (text_only || c.header_starts("content-type", "text/plain")) {
        return generic(
            "traefik",
            "plain-text status reply (Traefik style)",
            by_status(c.status, MAP_UNREACH_503),
        );
    }
    None
}

const TRAEFIK: Record = rec(
    "traefik",
    "Traefik",
    "Traefik Labs",
    ReverseProxy,
    &[],
    "",
    Some((24, traefik)),
    &[],
    &[],
    "",
);

// ---------------------------------------------------------------- IIS

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

/// IIS's detailed errors head with the status, its sub-status and the reason: "HTTP Error
/// 503.0 - Server has been shutdown", "HTTP Error 502.3 - Bad Gateway".
pub(super) fn iis_substatus(b: &str) -> bool {
    b.match_indices("http error 5").take(8).any(|(at, _)| {
        let r = &b.as_bytes()[at + 11..];
        r.len() > 8
            && r[..3].iter().all(u8::is_ascii_digit)
            && r[3] == b'.'
            && r[4].is_ascii_digit()
            && (r[5..].starts_with(b" - ") || (r[5].is_ascii_digit() && r[6..].starts_with(b" - ")))
    })
}

fn iis(c: &Ctx) -> Option<Page> {
    if iis_substatus(c.b) || c.any("http error 502.3|502.3 - bad gateway|acting as a gateway or proxy server|the specified cgi application encountered an error|http error 502.5|http error 500.3|http error 503. the service is unavailable") || (c.server_is("microsoft-")
        && c.any("iis|<h2>the service is unavailable.</h2>|service unavailable"))
    {
        return with_version(
            page("iis", "IIS error page", cause(IIS_STEPS, c)),
            c.server_version("microsoft-iis"),
        );
    }
    None
}

const IIS: Record = rec(
    "iis",
    "Microsoft IIS",
    "Microsoft",
    ReverseProxy,
    &[
        sn("microsoft-iis"),
        sv("microsoft-httpapi", "microsoft-iis"),
    ],
    "",
    Some((11, iis)),
    &[],
    &[],
    "",
);

// ---------------------------------------------------------------- Apache Traffic Server

/// Its body factory pages.
const ATS_STEPS: &[Step] = &[
    is("unknown host|dns entry|cannot find server", DNS),
    is("could not connect", UNREACH),
    // the early body factory: "Too much time has passed without sending any data"
    is("timed out|too long to respond|too much time has passed", TIMEOUT),
    // a garbled or cut answer: "The host requested did not return the document correctly.",
    // and the early connect#hangup: 'The server "…" closed the connection before …'
    is(
        "bad response|invalid response|malformed|did not return the document correctly|closed the connection",
        INVALID,
    ),
    is("ssl|tls|certificate", TLS),
    map(M_UERR_TIMEOUT),
];

/// (9.2 writes "<B>\nDescription:", older versions "<B>Description:</B>"; every version's
/// body factory sets it in `<FONT FACE="Helvetica,Arial"><B>`)
fn ats(c: &Ctx) -> Option<Page> {
    if c.any("<title>could not connect</title>|<title>unknown host</title>|<title>connection timed out</title>|<title>bad response</title>|did not return the document correctly")
        || ((c.server_is("ats") || c.has("<font face=\"helvetica,arial\"><b>"))
            && c.has("description:"))
    {
        return with_version(
            page("ats", "Traffic Server error page", cause(ATS_STEPS, c)),
            c.server_version("ats"),
        );
    }
    None
}

const ATS: Record = rec(
    "ats",
    "Apache Traffic Server",
    "Apache Software Foundation",
    ReverseProxy,
    &[
        sv("ats/", "ats|apachetrafficserver"),
        sv("apachetrafficserver", "ats|apachetrafficserver"),
        V("apachetrafficserver"),
    ],
    "",
    Some((13, ats)),
    &[],
    &[],
    "",
);

// ---------------------------------------------------------------- Varnish

fn varnish(c: &Ctx) -> Option<Page> {
    if !c.any("guru meditation|varnish cache server") {
        return None;
    }
    let p = if c.has("backend fetch failed") {
        page(
            "varnish",
            "Varnish error page: Backend fetch failed",
            Some(UERR),
        )
    } else {
        generic(
            "varnish",
            "Varnish error page",
            // a synth 503 with Retry-After is the VCL's own choice (the lab's own503);
            // without, the stock page of a failed backend fetch
            (!c.ev.has_header("retry-after"))
                .then(|| catalogue::generic_cause(c.b).unwrap_or(UERR)),
        )
    };
    with_version(p, version_after(&c.via, "varnish"))
}

const VARNISH: Record = rec(
    "varnish",
    "Varnish",
    "Varnish Software",
    ReverseProxy,
    &[H("X-Varnish"), s("varnish"), V("varnish")],
    "varnish",
    Some((14, varnish)),
    &[("x-varnish", "Varnish XID")],
    &[("xid:", "Varnish XID")],
    "",
);

// ---------------------------------------------------------------- Squid

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

/// X-Squid-Error names the failure; else its ERR_* pages.
fn squid(c: &Ctx) -> Option<Page> {
    if let Some(code) = c.header("x-squid-error") {
        return with_version(
            page("squid", "X-Squid-Error", squid_cause(code, c.status)),
            c.server_version("squid"),
        );
    }
    // its templates keep their element ids in every language ("ERREUR", "ОШИБКА", ...)
    if (c.has("the requested url could not be retrieved") && c.has("squid"))
        || c.any("the following error was encountered while trying to retrieve the url|unable to determine ip address from host name|your cache administrator is")
        || (c.has("<div id=\"titles\">") && c.has("<blockquote id=\"error\">"))
    {
        // the words, else the ERR_* code a rendered page carries (`<!-- ERR_DNS_FAIL -->`),
        // else the status as Squid uses it
        let code = SQUID_ERRORS
            .iter()
            .find(|(name, _)| c.has(&name.to_ascii_lowercase()))
            .map(|(name, _)| *name);
        let cause = catalogue::generic_cause(c.b).or_else(|| squid_cause(code.unwrap_or(""), c.status));
        return with_version(
            generic("squid", "Squid error page", cause),
            version_after(c.b, "squid"),
        );
    }
    None
}

const SQUID: Record = rec(
    "squid",
    "Squid",
    "Squid project",
    ForwardProxy,
    &[sn("squid"), H("X-Squid-Error"), V("(squid")],
    "squid",
    Some((15, squid)),
    &[],
    &[],
    "",
);

// ---------------------------------------------------------------- Tinyproxy

const TINYPROXY_STEPS: &[Step] = &[
    is("unable to connect", UNREACH),
    is("timed out|timeout", TIMEOUT),
    // also "could not retrieve all of the headers"
    is("invalid response|headers", INVALID),
    Step("", ALWAYS, Then::Nothing),
];

fn tinyproxy(c: &Ctx) -> Option<Page> {
    if c.has("generated by tinyproxy") || (c.server_is("tinyproxy") && c.has("tinyproxy")) {
        return with_version(
            page(
                "tinyproxy",
                "Tinyproxy error page",
                cause(TINYPROXY_STEPS, c),
            ),
            version_at(c.b, "tinyproxy version ", false).or_else(|| c.server_version("tinyproxy")),
        );
    }
    None
}

const TINYPROXY: Record = rec(
    "tinyproxy",
    "Tinyproxy",
    "Tinyproxy project",
    ForwardProxy,
    &[sn("tinyproxy"), V("tinyproxy")],
    "tinyproxy",
    Some((16, tinyproxy)),
    &[],
    &[],
    "",
);

// ---------------------------------------------------------------- nghttpx

/// "<footer>nghttpx</footer>"
fn nghttpx(c: &Ctx) -> Option<Page> {
    if c.has("<footer>nghttpx</footer>") {
        return generic(
            "nghttpx",
            "nghttpx error page",
            by_status(c.status, MAP_OVER_503),
        );
    }
    None
}

const NGHTTPX: Record = rec(
    "nghttpx",
    "nghttpx",
    "nghttp2 project",
    ReverseProxy,
    &[sn("nghttpx"), V("nghttpx")],
    "",
    Some((17, nghttpx)),
    &[],
    &[],
    "",
);

// ---------------------------------------------------------------- h2o

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

/// Short text/plain reasons with "Gateway Error".
fn h2o(c: &Ctx) -> Option<Page> {
    let b = c.b;
    if c.server_is("h2o") && b.len() < 256 && !b.trim_start().starts_with('{') && !c.has("<") {
        if let Some((cause, _)) = read(H2O_STEPS, b, c) {
            return page("h2o", "h2o error reply", cause);
        }
    }
    None
}

const H2O: Record = rec(
    "h2o",
    "H2O",
    "H2O project",
    ReverseProxy,
    &[sn("h2o")],
    "",
    Some((18, h2o)),
    &[],
    &[],
    "",
);

// ---------------------------------------------------------------- Caddy

/// An empty body (its default) or a bare status text.
fn caddy(c: &Ctx) -> Option<Page> {
    if c.server_is("caddy") && (c.blank || c.bare) {
        return generic(
            "caddy",
            "Caddy reply (empty body)",
            by_status(c.status, MAP_OVER_503),
        );
    }
    None
}

const CADDY: Record = rec(
    "caddy",
    "Caddy",
    "Caddy project",
    ReverseProxy,
    &[sn("caddy")],
    "",
    Some((23, caddy)),
    &[],
    &[],
    "",
);

// ---------------------------------------------------------------- lighttpd

/// Its stock XHTML page: with its Server header, or without one (pasted, or behind a
/// front that drops it) by the template itself, whose iso-8859-1 XML prolog every version
/// writes first (older 1.4 releases title it "503 - Service Not Available", the 1.4.69 of
/// the lab captures "503 Service Unavailable"), on a page that is only the status.
fn lighttpd(c: &Ctx) -> Option<Page> {
    let stock = c.has("xhtml1-transitional") && c.has("<h1>");
    let template = stock
        && c.b.len() < 1024
        && c.b
            .trim_start()
            .starts_with("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>");
    if stock && (c.server_is("lighttpd") || template) {
        return with_version(
            generic(
                "lighttpd",
                "lighttpd error page",
                by_status(
                    c.status,
                    &[(500, UERR), (502, INVALID), (503, UNREACH), (504, TIMEOUT)],
                ),
            ),
            c.server_version("lighttpd"),
        );
    }
    None
}

const LIGHTTPD: Record = rec(
    "lighttpd",
    "lighttpd",
    "lighttpd project",
    ReverseProxy,
    &[sn("lighttpd")],
    "",
    Some((22, lighttpd)),
    &[],
    &[],
    "",
);

// ---------------------------------------------------------------- OpenResty, nginx

/// OpenResty writes nginx's pages with its own name: nginx's reader names it.
const OPENRESTY: Record = rec(
    "openresty",
    "OpenResty",
    "OpenResty Inc.",
    ReverseProxy,
    &[sn("openresty")],
    "",
    None,
    &[],
    &[],
    "",
);

/// "<hr><center>nginx/1.22.1</center>" and the same as visible text ("502 Bad Gateway
/// nginx/1.18.0 (Ubuntu)"), for nginx and the derivatives that keep its template
/// (OpenResty, and Tengine, a catalogue record).
fn nginx(c: &Ctx) -> Option<Page> {
    let (b, st) = (c.b, c.status);
    for (id, marker) in [
        ("openresty", "<hr><center>openresty"),
        ("nginx", "<hr><center>nginx"),
        ("nginx", "<center>nginx</center>"),
        ("tengine", "<center>tengine"),
    ] {
        if c.has(marker) {
            let (what, name) = if id == "nginx" {
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
    if b.len() < 2048 {
        // the server line last, as people retell it: "502 Bad Gateway (openresty)"
        let tail = b
            .trim_end()
            .trim_end_matches([')', ']', '.', '"', '\'', '`']);
        for name in ["openresty", "tengine", "nginx"] {
            if let Some(version) = version_after(b, name) {
                return with_version(
                    generic(name, "nginx error page (text)", by_status(st, NGINX_MAP)),
                    Some(version),
                );
            }
            if tail.ends_with(name) {
                return generic(name, "nginx error page (text)", by_status(st, NGINX_MAP));
            }
        }
    }
    // Tengine's stock 502 borrows Apache's sentence
    if c.any(
        "powered by tengine|please report this message and include the following information to us",
    ) {
        return generic("tengine", "Tengine error page", by_status(st, NGINX_MAP));
    }
    None
}

const NGINX: Record = rec(
    "nginx",
    "nginx",
    "F5 (nginx)",
    ReverseProxy,
    &[sn("nginx")],
    "",
    Some((19, nginx)),
    &[],
    &[],
    "",
);

// ---------------------------------------------------------------- HAProxy

/// Its stock pages ("<html><body><h1>503 Service Unavailable</h1>\nNo server is
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

fn haproxy(c: &Ctx) -> Option<Page> {
    if let Some((cause, _)) = read(HAPROXY_STEPS, c.b, c) {
        return page("haproxy", "HAProxy error page", cause);
    }
    if c.b.starts_with("<html><body><h1>5")
        && c.has("an internal server error occurred")
        && c.b.len() < 200
    {
        return page("haproxy", "HAProxy error page", Some(UERR));
    }
    None
}

const HAPROXY: Record = rec(
    "haproxy",
    "HAProxy",
    "HAProxy Technologies",
    LoadBalancer,
    &[sn("haproxy")],
    "",
    Some((21, haproxy)),
    &[],
    &[],
    "",
);

// ---------------------------------------------------------------- Apache httpd

/// mod_proxy's "Proxy Error" pages and the stock error documents.
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

fn apache(c: &Ctx) -> Option<Page> {
    let apache_doc = c.has("-//w3c//dtd html 4.01//en") && c.has("</head><body>") && c.has("<h1>");
    if c.any("the proxy server could not handle the request|the proxy server received an invalid|the gateway did not receive a timely response|unable to service your request due to maintenance downtime or capacity problems") || (c.has("<address>apache") && c.has("<h1>"))
        || (c.has("apache/") && c.has(" server at ") && c.has(" port "))
        || (apache_doc && c.server_is("apache"))
    {
        let (cause, generic) = read(APACHE_STEPS, c.b, c).unwrap_or((None, false));
        let version = c
            .server_version("apache")
            .or_else(|| version_after(c.b, "<address>apache"));
        return Some(Page {
            id: "apache",
            what: "Apache error page",
            cause,
            version,
            generic,
        });
    }
    None
}

// "Apache-Coyote" is Tomcat, an application server: not a gateway.
const APACHE: Record = rec(
    "apache",
    "Apache httpd",
    "Apache Software Foundation",
    ReverseProxy,
    &[Src::ServerExcept(
        "apache",
        "apache-coyote|apachetrafficserver",
    )],
    "",
    Some((20, apache)),
    &[],
    &[],
    "",
);

/// Outermost first (after the hosted ones).
pub(super) const RECORDS: [Record; 15] = [
    ENVOY, TRAEFIK, IIS, ATS, VARNISH, SQUID, TINYPROXY, NGHTTPX, H2O, CADDY, LIGHTTPD, OPENRESTY,
    NGINX, HAPROXY, APACHE,
];
