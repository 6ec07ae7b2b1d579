//! Which gateway, CDN or proxy wrote a response: identified from its headers and its
//! error-page template, and what its own words say went wrong.
//!
//! Signatures of the self-hostable gateways were learnt from their real output (see
//! `tests/fixtures/capture/`); those of hosted services follow their documentation (named in
//! `tests/hosted_signatures.rs`). Everything here is plain substring scanning over the bounded
//! [`Evidence`].

use crate::model::{Cause, Gateway, GeneratedBy, Role};
use crate::text::{clip, Evidence};

/// At most this many evidence strings per gateway / finding.
pub const MAX_NOTES: usize = 8;
/// Each evidence string is cut to this many bytes.
pub const MAX_NOTE_LEN: usize = 160;

struct Info {
    id: &'static str,
    name: &'static str,
    role: Role,
}

const fn g(id: &'static str, name: &'static str, role: Role) -> Info {
    Info { id, name, role }
}

/// Every gateway known, roughly outermost (CDNs, platforms) first.
const INFO: &[Info] = &[
    g("cloudflare", "Cloudflare", Role::Cdn),
    g("cloudfront", "Amazon CloudFront", Role::Cdn),
    g("fastly", "Fastly", Role::Cdn),
    g("akamai", "Akamai", Role::Cdn),
    g("azure-front-door", "Azure Front Door", Role::Cdn),
    g("google", "Google Front End", Role::LoadBalancer),
    g("vercel", "Vercel", Role::Platform),
    g("netlify", "Netlify", Role::Platform),
    g("heroku", "Heroku", Role::Platform),
    g("github-pages", "GitHub Pages", Role::Platform),
    g("aws-elb", "AWS Elastic Load Balancing", Role::LoadBalancer),
    g(
        "azure-app-gateway",
        "Azure Application Gateway",
        Role::LoadBalancer,
    ),
    g("envoy", "Envoy", Role::ReverseProxy),
    g("traefik", "Traefik", Role::ReverseProxy),
    g("iis", "Microsoft IIS", Role::ReverseProxy),
    g("ats", "Apache Traffic Server", Role::ReverseProxy),
    g("varnish", "Varnish", Role::ReverseProxy),
    g("squid", "Squid", Role::ForwardProxy),
    g("tinyproxy", "Tinyproxy", Role::ForwardProxy),
    g("nghttpx", "nghttpx", Role::ReverseProxy),
    g("h2o", "H2O", Role::ReverseProxy),
    g("caddy", "Caddy", Role::ReverseProxy),
    g("lighttpd", "lighttpd", Role::ReverseProxy),
    g("openresty", "OpenResty", Role::ReverseProxy),
    g("nginx", "nginx", Role::ReverseProxy),
    g("apache", "Apache httpd", Role::ReverseProxy),
    g("haproxy", "HAProxy", Role::LoadBalancer),
];

fn info(id: &str) -> &'static Info {
    INFO.iter()
        .find(|i| i.id == id)
        .unwrap_or(&INFO[INFO.len() - 1])
}

/// Every gateway id this module can name.
pub fn known_ids() -> impl Iterator<Item = &'static str> {
    INFO.iter().map(|i| i.id)
}

/// What the response says about the gateway in front of the site.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The gateway that wrote the page, else the outermost one that carried it.
    pub gateway: Option<Gateway>,
    /// Who wrote the page.
    pub generated_by: GeneratedBy,
    /// What the writer's own words say went wrong, if they say it.
    pub cause: Option<Cause>,
    /// How sure the cause is, 0 to 1.
    pub confidence: f64,
    /// What led to it, in short words.
    pub notes: Vec<String>,
}

/// Identifies the gateway that handled (or wrote) a response.
pub fn identify(ev: &Evidence) -> Option<Gateway> {
    analyze(ev, 502).gateway
}

// ---------------------------------------------------------------- helpers

fn has(hay: &str, needle: &str) -> bool {
    hay.contains(needle)
}

fn any(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| hay.contains(n))
}

fn note(s: &str) -> String {
    clip(s, MAX_NOTE_LEN).to_string()
}

/// The version after `name/` in a header value or page ("nginx/1.22.1" -> "1.22.1").
fn version_after(hay: &str, name: &str) -> Option<String> {
    version_at(hay, &format!("{name}/"))
}

/// The version right after `marker` (matched without regard to ASCII case).
fn version_at(hay: &str, marker: &str) -> Option<String> {
    let lower = hay.to_ascii_lowercase();
    let at = lower.find(marker)? + marker.len();
    let v: String = hay[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .take(32)
        .collect();
    let v = v.trim_end_matches('.').to_string();
    (!v.is_empty() && v.as_bytes()[0].is_ascii_digit()).then_some(v)
}

struct Ctx<'a> {
    ev: &'a Evidence,
    status: u16,
    /// Lowercase body.
    b: &'a str,
    /// Lowercase Via headers, joined.
    via: String,
    /// The body is empty or blank.
    blank: bool,
    /// The body is only the reason phrase of the status ("Bad Gateway").
    bare: bool,
}

impl Ctx<'_> {
    fn header_lower(&self, name: &str) -> String {
        self.ev
            .header(name)
            .map(|v| clip(v, 256).to_ascii_lowercase())
            .unwrap_or_default()
    }
    fn server_is(&self, prefix: &str) -> bool {
        self.ev
            .headers_named("server")
            .any(|v| v.to_ascii_lowercase().trim_start().starts_with(prefix))
    }
    fn server_value(&self, prefix: &str) -> Option<&str> {
        self.ev
            .headers_named("server")
            .find(|v| v.to_ascii_lowercase().trim_start().starts_with(prefix))
    }
    fn has_header_prefix(&self, prefix: &str) -> bool {
        self.ev.headers.iter().any(|(n, _)| n.starts_with(prefix))
    }
}

// ---------------------------------------------------------------- header signatures

/// Gateways the headers name, outermost first, each with the header that names it.
fn header_candidates(c: &Ctx) -> Vec<(&'static str, String, Option<String>)> {
    let ev = c.ev;
    let mut out: Vec<(&'static str, String, Option<String>)> = Vec::new();
    let mut push = |id: &'static str, what: String, version: Option<String>| {
        if !out.iter().any(|(i, _, _)| *i == id) && out.len() < MAX_NOTES {
            out.push((id, note(&what), version));
        }
    };
    let server_note = |prefix: &str| {
        c.server_value(prefix)
            .map(|v| format!("Server: {}", clip(v, 100)))
    };
    let hdr =
        |name: &str, shown: &str| ev.header(name).map(|v| format!("{shown}: {}", clip(v, 80)));

    if let Some(n) = hdr("cf-ray", "CF-Ray").or_else(|| server_note("cloudflare")) {
        push("cloudflare", n, None);
    }
    if let Some(n) = hdr("x-amz-cf-id", "X-Amz-Cf-Id")
        .or_else(|| hdr("x-amz-cf-pop", "X-Amz-Cf-Pop"))
        .or_else(|| server_note("cloudfront"))
        .or_else(|| (has(&c.via, "cloudfront")).then(|| format!("Via: {}", clip(&c.via, 100))))
    {
        push("cloudfront", n, None);
    }
    let served_by = c.header_lower("x-served-by");
    if let Some(n) = hdr("x-fastly-request-id", "X-Fastly-Request-ID")
        .or_else(|| {
            served_by
                .starts_with("cache-")
                .then(|| format!("X-Served-By: {}", clip(&served_by, 80)))
        })
        .or_else(|| {
            c.has_header_prefix("fastly-")
                .then(|| "Fastly-* headers".to_string())
        })
    {
        push("fastly", n, None);
    }
    if let Some(n) = server_note("akamai")
        .or_else(|| {
            c.has_header_prefix("x-akamai-")
                .then(|| "X-Akamai-* headers".to_string())
        })
        .or_else(|| hdr("akamai-grn", "Akamai-GRN"))
    {
        push("akamai", n, None);
    }
    if let Some(n) = hdr("x-azure-ref", "X-Azure-Ref") {
        push("azure-front-door", n, None);
    }
    if let Some(n) = server_note("google frontend")
        .or_else(|| server_note("gfe"))
        .or_else(|| server_note("gws"))
        .or_else(|| server_note("esf"))
        .or_else(|| has(&c.via, "google").then(|| format!("Via: {}", clip(&c.via, 100))))
    {
        push("google", n, None);
    }
    if let Some(n) = hdr("x-vercel-error", "X-Vercel-Error")
        .or_else(|| hdr("x-vercel-id", "X-Vercel-Id"))
        .or_else(|| server_note("vercel"))
    {
        push("vercel", n, None);
    }
    if let Some(n) = hdr("x-nf-request-id", "X-Nf-Request-Id").or_else(|| server_note("netlify")) {
        push("netlify", n, None);
    }
    if let Some(n) = any(&c.via, &["vegur", "heroku"])
        .then(|| format!("Via: {}", clip(&c.via, 100)))
        .or_else(|| server_note("heroku"))
    {
        push("heroku", n, None);
    }
    if let Some(n) =
        hdr("x-github-request-id", "X-GitHub-Request-Id").or_else(|| server_note("github.com"))
    {
        push("github-pages", n, None);
    }
    if let Some(v) = c.server_value("awselb") {
        push(
            "aws-elb",
            format!("Server: {}", clip(v, 100)),
            version_after(v, "awselb"),
        );
    }
    if let Some(v) = c.server_value("microsoft-azure-application-gateway") {
        push(
            "azure-app-gateway",
            format!("Server: {}", clip(v, 100)),
            version_after(v, "microsoft-azure-application-gateway"),
        );
    }
    if let Some(n) = server_note("envoy").or_else(|| {
        c.has_header_prefix("x-envoy-")
            .then(|| "X-Envoy-* headers".to_string())
    }) {
        push("envoy", n, None);
    }
    if let Some(v) = c
        .server_value("microsoft-iis")
        .or_else(|| c.server_value("microsoft-httpapi"))
    {
        let version = version_after(v, "microsoft-iis");
        push("iis", format!("Server: {}", clip(v, 100)), version);
    }
    if let Some(v) = c
        .server_value("ats/")
        .or_else(|| c.server_value("apachetrafficserver"))
    {
        let version = version_after(v, "ats").or_else(|| version_after(v, "apachetrafficserver"));
        push("ats", format!("Server: {}", clip(v, 100)), version);
    } else if has(&c.via, "apachetrafficserver") {
        push("ats", format!("Via: {}", clip(&c.via, 100)), None);
    }
    if let Some(n) = hdr("x-varnish", "X-Varnish")
        .or_else(|| server_note("varnish"))
        .or_else(|| has(&c.via, "varnish").then(|| format!("Via: {}", clip(&c.via, 100))))
    {
        push("varnish", n, version_after(&c.via, "varnish"));
    }
    if let Some(v) = c.server_value("squid") {
        push(
            "squid",
            format!("Server: {}", clip(v, 100)),
            version_after(v, "squid"),
        );
    } else if let Some(n) = hdr("x-squid-error", "X-Squid-Error")
        .or_else(|| has(&c.via, "(squid").then(|| format!("Via: {}", clip(&c.via, 100))))
    {
        push("squid", n, version_after(&c.via, "squid"));
    }
    if let Some(v) = c.server_value("tinyproxy") {
        push(
            "tinyproxy",
            format!("Server: {}", clip(v, 100)),
            version_after(v, "tinyproxy"),
        );
    } else if has(&c.via, "tinyproxy") {
        push(
            "tinyproxy",
            format!("Via: {}", clip(&c.via, 100)),
            version_after(&c.via, "tinyproxy"),
        );
    }
    for (id, prefix) in [
        ("nghttpx", "nghttpx"),
        ("h2o", "h2o"),
        ("caddy", "caddy"),
        ("lighttpd", "lighttpd"),
        ("openresty", "openresty"),
        ("nginx", "nginx"),
        ("haproxy", "haproxy"),
    ] {
        if let Some(v) = c.server_value(prefix) {
            push(
                id,
                format!("Server: {}", clip(v, 100)),
                version_after(v, prefix),
            );
        }
    }
    if has(&c.via, "nghttpx") {
        push("nghttpx", format!("Via: {}", clip(&c.via, 100)), None);
    }
    // "Apache-Coyote" is Tomcat, an application server: not a gateway.
    if let Some(v) = c.ev.headers_named("server").find(|v| {
        let l = v.to_ascii_lowercase();
        l.starts_with("apache")
            && !l.starts_with("apache-coyote")
            && !l.starts_with("apachetrafficserver")
    }) {
        push(
            "apache",
            format!("Server: {}", clip(v, 100)),
            version_after(v, "apache"),
        );
    }
    out
}

// ---------------------------------------------------------------- page templates

/// A page the gateway wrote itself.
struct Page {
    id: &'static str,
    what: &'static str,
    cause: Option<Cause>,
    version: Option<String>,
    /// The page names no specific failure (a bare "503 Service Unavailable").
    generic: bool,
}

fn page(id: &'static str, what: &'static str, cause: Option<Cause>) -> Page {
    Page {
        id,
        what,
        cause,
        version: None,
        generic: false,
    }
}

fn generic(id: &'static str, what: &'static str, cause: Option<Cause>) -> Page {
    Page {
        id,
        what,
        cause,
        version: None,
        generic: true,
    }
}

fn by_status(status: u16, map: &[(u16, Cause)]) -> Option<Cause> {
    map.iter().find(|(s, _)| *s == status).map(|(_, c)| *c)
}

use Cause::{
    Maintenance as MAINT, OriginError as ORIGIN, Overloaded as OVER, UpstreamDns as DNS,
    UpstreamError as UERR, UpstreamInvalidResponse as INVALID, UpstreamTimeout as TIMEOUT,
    UpstreamTls as TLS, UpstreamUnreachable as UNREACH,
};

/// Cloudflare's 52x and 1xxx errors (developers.cloudflare.com/support/troubleshooting/...).
fn cloudflare_cause(c: &Ctx) -> Option<Cause> {
    let b = c.b;
    // 1xxx errors (530 and others) name the failure
    if any(
        b,
        &[
            "error 1016",
            "error code: 1016",
            "origin dns error",
            "error 1001",
            "dns resolution error",
            "error code: 1001",
        ],
    ) {
        return Some(DNS);
    }
    if any(b, &["error 1033", "error code: 1033", "tunnel error"]) {
        return Some(UNREACH);
    }
    if any(
        b,
        &[
            "error 1101",
            "error code: 1101",
            "worker threw exception",
            "error 1102",
            "exceeded resource limits",
        ],
    ) {
        return Some(ORIGIN);
    }
    if any(b, &["error 1027", "error 1015", "being rate limited"]) {
        return Some(OVER);
    }
    by_status(
        c.status,
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
    )
}

/// Envoy's plain-text local replies (also behind Google Cloud Load Balancing and Istio).
fn envoy_cause(b: &str) -> Option<Cause> {
    if has(b, "no healthy upstream") {
        return Some(UNREACH);
    }
    if has(b, "upstream request timeout") || has(b, "reset reason: connection timeout") {
        return Some(TIMEOUT);
    }
    if any(
        b,
        &[
            "tls_error",
            "tls error",
            "certificate_verify_failed",
            "ssl routines",
            "certificate verify failed",
        ],
    ) {
        return Some(TLS);
    }
    if has(b, "reset reason: overflow") {
        return Some(OVER);
    }
    if any(
        b,
        &[
            "reset reason: connection failure",
            "connection refused",
            "delayed connect error",
        ],
    ) {
        return Some(UNREACH);
    }
    if any(
        b,
        &[
            "reset reason: connection termination",
            "reset reason: remote reset",
            "protocol error",
            "reset reason: remote connection failure",
        ],
    ) {
        return Some(INVALID);
    }
    if has(
        b,
        "upstream connect error or disconnect/reset before headers",
    ) {
        return Some(UERR);
    }
    None
}

fn pages(c: &Ctx) -> Option<Page> {
    let b = c.b;
    let st = c.status;
    let ev = c.ev;

    // ---- Cloudflare: its own error pages, plain "error code: 52x", or any 52x with its headers
    let cf_headers = ev.has_header("cf-ray") || c.server_is("cloudflare");
    if (has(b, "cloudflare")
        && any(
            b,
            &[
                "cf-error-details",
                "cf-wrapper",
                "ray id",
                "cf-error-code",
                "cf-footer",
            ],
        ))
        || has(b, "<hr><center>cloudflare</center>")
        || (cf_headers && b.trim_start().starts_with("error code: "))
    {
        return Some(page(
            "cloudflare",
            "Cloudflare error page",
            cloudflare_cause(c),
        ));
    }
    if cf_headers && matches!(st, 520..=527 | 530) {
        return Some(page(
            "cloudflare",
            "Cloudflare status code",
            cloudflare_cause(c),
        ));
    }

    // ---- CloudFront: "The request could not be satisfied." ... "Generated by cloudfront (CloudFront)"
    if has(b, "generated by cloudfront")
        || (has(b, "the request could not be satisfied") && has(b, "cloudfront"))
    {
        let cause = if any(b, &["resolve the origin", "dns"]) {
            Some(DNS)
        } else if any(b, &["ssl", "tls", "certificate"]) && st == 502 {
            Some(TLS)
        } else if any(
            b,
            &["lambda function", "lambda@edge", "cloudfront function"],
        ) {
            Some(ORIGIN)
        } else if st == 504 || has(b, "timed out") {
            Some(TIMEOUT)
        } else if has(b, "connect to the origin") || has(b, "can't connect to the server") {
            if st == 502 {
                Some(UNREACH)
            } else {
                by_status(st, &[(503, OVER)])
            }
        } else {
            by_status(st, &[(502, UERR), (503, OVER), (500, UERR)])
        };
        return Some(page("cloudfront", "CloudFront error page", cause));
    }

    // ---- Fastly ("Guru Mediation", sic) before Varnish ("Guru Meditation")
    let fastly_headers = ev.has_header("x-fastly-request-id")
        || c.header_lower("x-served-by").starts_with("cache-")
        || c.has_header_prefix("fastly-");
    if has(b, "guru mediation") || (fastly_headers && has(b, "varnish cache server")) {
        let cause = if any(
            b,
            &[
                "first byte timeout",
                "between bytes timeout",
                "connection timed out",
                "timed out",
            ],
        ) {
            Some(TIMEOUT)
        } else if any(
            b,
            &[
                "backend is unhealthy",
                "no healthy",
                "connection refused",
                "backend unavailable",
            ],
        ) {
            Some(UNREACH)
        } else if any(b, &["ssl handshake", "certificate", "tls"]) {
            Some(TLS)
        } else if any(b, &["max_conn", "maximum threads", "too many"]) {
            Some(OVER)
        } else if any(
            b,
            &[
                "backend read error",
                "backend write error",
                "invalid response",
            ],
        ) {
            Some(INVALID)
        } else if has(b, "dns") {
            Some(DNS)
        } else {
            by_status(st, &[(503, UERR)])
        };
        return Some(page("fastly", "Fastly error page", cause));
    }

    // ---- Akamai: "Reference #18.xxxx" pages, errors.edgesuite.net
    if (has(b, "reference&#32;&#35;") || has(b, "errors.edgesuite.net") || has(b, "reference #"))
        && (c.server_is("akamai") || has(b, "edgesuite") || has(b, "akamai"))
    {
        let cause = if has(b, "zero size object") {
            Some(INVALID)
        } else if has(b, "dns") {
            Some(DNS)
        } else if st == 504 || has(b, "timeout") {
            Some(TIMEOUT)
        } else {
            by_status(st, &[(502, UERR), (503, UERR)])
        };
        return Some(page("akamai", "Akamai error page (Reference #)", cause));
    }

    // ---- Azure Front Door: "Our services aren't available right now"
    if any(
        b,
        &[
            "our services aren't available right now",
            "our services aren&#39;t available right now",
            "our services aren’t available right now",
        ],
    ) {
        return Some(page(
            "azure-front-door",
            "Azure Front Door error page",
            by_status(st, &[(503, UERR), (504, TIMEOUT), (502, UERR)]),
        ));
    }

    // ---- Azure Application Gateway: nginx-style page that names it
    if has(b, "microsoft-azure-application-gateway") {
        let mut p = page(
            "azure-app-gateway",
            "Application Gateway error page",
            by_status(
                st,
                &[(502, UERR), (504, TIMEOUT), (503, UNREACH), (500, UERR)],
            ),
        );
        p.version = version_after(b, "microsoft-azure-application-gateway");
        return Some(p);
    }

    // ---- Google Front End: "Error 502 (Server Error)!!1 ... That’s an error."
    if (any(
        b,
        &[
            "that’s an error",
            "that's an error",
            "that&#8217;s an error",
        ],
    ) && has(b, "google"))
        || has(b, "(server error)!!1")
    {
        return Some(page(
            "google",
            "Google error page",
            by_status(st, &[(502, UERR), (503, OVER), (504, TIMEOUT), (500, UERR)]),
        ));
    }

    // ---- Heroku router pages
    if has(b, "herokucdn.com/error-pages") || (has(b, "application error") && has(b, "heroku")) {
        let cause = if any(b, &["maintenance", "offline for maintenance"]) {
            Some(MAINT)
        } else {
            Some(UERR)
        };
        return Some(page("heroku", "Heroku error page", cause));
    }

    // ---- Vercel: X-Vercel-Error names the failure
    if let Some(code) = ev.header("x-vercel-error") {
        return Some(page("vercel", "X-Vercel-Error", vercel_cause(code, st)));
    }
    if ev.has_header("x-vercel-id") || c.server_is("vercel") {
        // "504: GATEWAY_TIMEOUT Code: FUNCTION_INVOCATION_TIMEOUT ID: ..."
        if let Some(at) = b.find("code: ") {
            let code: String = b[at + 6..]
                .chars()
                .take_while(|ch| ch.is_ascii_alphanumeric() || *ch == '_')
                .take(64)
                .collect();
            if code.contains('_') {
                return Some(page("vercel", "Vercel error page", vercel_cause(&code, st)));
            }
        }
    }
    if has(b, "an error occurred with this application")
        && (ev.has_header("x-vercel-id") || c.server_is("vercel"))
    {
        return Some(page(
            "vercel",
            "Vercel error page",
            by_status(
                st,
                &[(500, ORIGIN), (502, UERR), (504, TIMEOUT), (503, OVER)],
            ),
        ));
    }

    // ---- Netlify
    if ev.has_header("x-nf-request-id") || c.server_is("netlify") {
        if any(
            b,
            &[
                "function has crashed",
                "edge function has crashed",
                "function invocation failed",
                "runtime.exit",
                "handler is not defined",
            ],
        ) {
            return Some(page("netlify", "Netlify function error", Some(ORIGIN)));
        }
        if any(b, &["task timed out", "function timed out", "timeout"]) && b.len() < 2048 {
            return Some(page("netlify", "Netlify function timeout", Some(TIMEOUT)));
        }
    }

    // ---- Envoy local replies ("upstream connect error or disconnect/reset before headers")
    if let Some(cause) = (b.len() < 1024).then(|| envoy_cause(b)).flatten() {
        let id = if c.server_is("google") || has(&c.via, "google") {
            "google"
        } else {
            "envoy"
        };
        return Some(page(id, "Envoy local reply", Some(cause)));
    }

    // ---- IIS / ARR / HTTP.sys / ASP.NET Core Module
    if any(
        b,
        &[
            "http error 502.3",
            "502.3 - bad gateway",
            "acting as a gateway or proxy server",
            "http error 502.5",
            "http error 500.3",
            "http error 503. the service is unavailable",
        ],
    ) || (c.server_is("microsoft-")
        && any(
            b,
            &[
                "iis",
                "<h2>the service is unavailable.</h2>",
                "service unavailable",
            ],
        ))
    {
        let cause = if any(b, &["0x80072ee2", "operation timed out"]) {
            Some(TIMEOUT)
        } else if any(b, &["0x80072ee7", "could not be resolved"]) {
            Some(DNS)
        } else if any(b, &["0x80072efd", "could not be established"]) {
            Some(UNREACH)
        } else if any(
            b,
            &[
                "0x80072f8f",
                "0x80072f7d",
                "0x80072f8d",
                "security error",
                "certificate",
            ],
        ) {
            Some(TLS)
        } else if any(
            b,
            &[
                "0x80072eff",
                "terminated abnormally",
                "0x80072f78",
                "invalid or unrecognized response",
            ],
        ) {
            Some(INVALID)
        } else if any(
            b,
            &[
                "502.5",
                "500.30",
                "500.31",
                "500.32",
                "500.33",
                "500.34",
                "500.35",
                "500.36",
                "500.37",
                "process failure",
                "failed to start",
            ],
        ) {
            Some(ORIGIN)
        } else if st == 503 {
            Some(UNREACH)
        } else {
            by_status(st, &[(502, UERR), (504, TIMEOUT), (500, ORIGIN)])
        };
        let mut p = page("iis", "IIS error page", cause);
        p.version = c
            .server_value("microsoft-iis")
            .and_then(|v| version_after(v, "microsoft-iis"));
        return Some(p);
    }

    // ---- AWS ELB / ALB: nginx-like page without the server line
    if c.server_is("awselb") && (c.blank || has(b, "<center><h1>5")) {
        return Some(generic(
            "aws-elb",
            "ELB error page",
            by_status(
                st,
                &[(502, UERR), (503, UNREACH), (504, TIMEOUT), (500, UERR)],
            ),
        ));
    }

    // ---- Apache Traffic Server body factory pages
    if any(
        b,
        &[
            "<title>could not connect</title>",
            "<title>unknown host</title>",
            "<title>connection timed out</title>",
            "<title>bad response</title>",
        ],
    ) || (c.server_is("ats") && has(b, "<b>description:</b>"))
    {
        let cause = if any(b, &["unknown host", "dns entry", "cannot find server"]) {
            Some(DNS)
        } else if any(b, &["could not connect"]) {
            Some(UNREACH)
        } else if any(b, &["timed out", "too long to respond"]) {
            Some(TIMEOUT)
        } else if any(b, &["bad response", "invalid response", "malformed"]) {
            Some(INVALID)
        } else if any(b, &["ssl", "tls", "certificate"]) {
            Some(TLS)
        } else {
            by_status(st, &[(502, UERR), (504, TIMEOUT)])
        };
        let mut p = page("ats", "Traffic Server error page", cause);
        p.version = c.server_value("ats").and_then(|v| version_after(v, "ats"));
        return Some(p);
    }

    // ---- Varnish
    if has(b, "guru meditation") || has(b, "varnish cache server") {
        let mut p = if has(b, "backend fetch failed") {
            page(
                "varnish",
                "Varnish error page: Backend fetch failed",
                Some(UERR),
            )
        } else {
            generic("varnish", "Varnish error page", None)
        };
        p.version = version_after(&c.via, "varnish");
        return Some(p);
    }

    // ---- Squid: X-Squid-Error names the failure
    if let Some(code) = ev.header("x-squid-error") {
        let mut p = page("squid", "X-Squid-Error", squid_cause(code, st));
        p.version = c
            .server_value("squid")
            .and_then(|v| version_after(v, "squid"));
        return Some(p);
    }
    if has(b, "the requested url could not be retrieved") && has(b, "squid") {
        let mut p = generic("squid", "Squid error page", None);
        p.version = version_after(b, "squid");
        return Some(p);
    }

    // ---- Tinyproxy
    if has(b, "generated by tinyproxy") || (c.server_is("tinyproxy") && has(b, "tinyproxy")) {
        let cause = if has(b, "unable to connect") {
            Some(UNREACH)
        } else if any(b, &["timed out", "timeout"]) {
            Some(TIMEOUT)
        } else if any(
            b,
            &[
                "could not retrieve all of the headers",
                "invalid response",
                "headers",
            ],
        ) {
            Some(INVALID)
        } else {
            None
        };
        let mut p = page("tinyproxy", "Tinyproxy error page", cause);
        p.version = version_at(b, "tinyproxy version ").or_else(|| {
            c.server_value("tinyproxy")
                .and_then(|v| version_after(v, "tinyproxy"))
        });
        return Some(p);
    }

    // ---- nghttpx: "<footer>nghttpx</footer>"
    if has(b, "<footer>nghttpx</footer>") {
        return Some(generic(
            "nghttpx",
            "nghttpx error page",
            by_status(st, &[(502, UERR), (504, TIMEOUT), (503, OVER)]),
        ));
    }

    // ---- h2o: short text/plain reasons with "Gateway Error"
    if c.server_is("h2o") && b.len() < 256 && !b.trim_start().starts_with('{') && !has(b, "<") {
        let cause = if any(b, &["connection failed", "connection refused"]) {
            Some(UNREACH)
        } else if has(b, "timeout") {
            Some(TIMEOUT)
        } else if any(b, &["certificate", "ssl", "tls", "handshake"]) {
            Some(TLS)
        } else if any(
            b,
            &[
                "name or service not known",
                "name resolution",
                "resolve",
                "no address associated",
            ],
        ) {
            Some(DNS)
        } else if any(
            b,
            &[
                "failed to parse the response",
                "i/o error",
                "invalid response",
            ],
        ) {
            Some(INVALID)
        } else if c.blank {
            by_status(st, &[(502, UERR), (504, TIMEOUT)])
        } else {
            None
        };
        if cause.is_some() || c.blank {
            return Some(page("h2o", "h2o error reply", cause));
        }
    }

    // ---- OpenResty / nginx / derivatives: "<hr><center>nginx/1.22.1</center>"
    for (id, marker) in [
        ("openresty", "<hr><center>openresty"),
        ("nginx", "<hr><center>nginx"),
        ("nginx", "<center>nginx</center>"),
        ("nginx", "<center>tengine"),
    ] {
        if has(b, marker) {
            let mut p = generic(
                id,
                if id == "nginx" {
                    "nginx error page template"
                } else {
                    "OpenResty error page template"
                },
                by_status(
                    st,
                    &[(500, ORIGIN), (502, UERR), (503, OVER), (504, TIMEOUT)],
                ),
            );
            p.version = version_after(b, id);
            return Some(p);
        }
    }

    // ---- Apache httpd: mod_proxy's "Proxy Error" pages and the stock error documents
    let apache_doc =
        has(b, "-//w3c//dtd html 4.01//en") && has(b, "</head><body>") && has(b, "<h1>");
    if has(b, "the proxy server could not handle the request")
        || has(b, "the proxy server received an invalid")
        || has(b, "the gateway did not receive a timely response")
        || (has(b, "<address>apache") && has(b, "<h1>"))
        || (apache_doc && c.server_is("apache"))
    {
        let cause = if has(b, "dns lookup failure") {
            Some(DNS)
        } else if any(b, &["ssl handshake", "ssl proxy", "certificate"]) {
            Some(TLS)
        } else if any(
            b,
            &[
                "the timeout specified has expired",
                "did not receive a timely response",
            ],
        ) {
            Some(TIMEOUT)
        } else if has(b, "error reading from remote server") {
            // both an upstream that hangs and one that answers garbage end up here
            Some(UERR)
        } else if has(b, "the proxy server") {
            Some(UERR)
        } else if has(b, "temporarily unable to service your") {
            // mod_proxy answers this when it cannot connect to the backend
            let mut p = generic("apache", "Apache error page", Some(UNREACH));
            p.version = apache_version(c);
            return Some(p);
        } else {
            by_status(
                st,
                &[(500, ORIGIN), (502, UERR), (503, UNREACH), (504, TIMEOUT)],
            )
        };
        let mut p = page("apache", "Apache error page", cause);
        p.version = apache_version(c);
        return Some(p);
    }

    // ---- HAProxy: "<html><body><h1>503 Service Unavailable</h1>\nNo server is available ..."
    if has(b, "no server is available to handle this request") {
        // all servers down, unreachable or full: in the captures, a refused connection
        return Some(page("haproxy", "HAProxy error page", Some(UNREACH)));
    }
    if has(b, "the server returned an invalid or incomplete response") {
        return Some(page("haproxy", "HAProxy error page", Some(INVALID)));
    }
    if has(b, "the server didn't respond in time") {
        return Some(page("haproxy", "HAProxy error page", Some(TIMEOUT)));
    }
    if b.starts_with("<html><body><h1>5")
        && has(b, "an internal server error occurred")
        && b.len() < 200
    {
        return Some(page("haproxy", "HAProxy error page", Some(UERR)));
    }

    // ---- lighttpd: stock XHTML page
    if c.server_is("lighttpd") && has(b, "xhtml1-transitional") && has(b, "<h1>") {
        let mut p = generic(
            "lighttpd",
            "lighttpd error page",
            by_status(
                st,
                &[(500, UERR), (502, INVALID), (503, UNREACH), (504, TIMEOUT)],
            ),
        );
        p.version = c
            .server_value("lighttpd")
            .and_then(|v| version_after(v, "lighttpd"));
        return Some(p);
    }

    // ---- Caddy: empty body (its default) or a bare status text
    if c.server_is("caddy") && (c.blank || c.bare) {
        return Some(generic(
            "caddy",
            "Caddy reply (empty body)",
            by_status(st, &[(502, UERR), (504, TIMEOUT), (503, OVER)]),
        ));
    }

    // ---- Traefik: Go's http.Error text, "Bad Gateway"
    if c.bare && c.header_lower("content-type").starts_with("text/plain") {
        return Some(generic(
            "traefik",
            "plain-text status reply (Traefik style)",
            by_status(
                st,
                &[(502, UERR), (504, TIMEOUT), (503, UNREACH), (500, UERR)],
            ),
        ));
    }

    // ---- Platforms that write empty 5xx replies
    if c.blank && c.server_is("awselb") {
        return Some(generic("aws-elb", "ELB reply (empty body)", None));
    }
    None
}

fn apache_version(c: &Ctx) -> Option<String> {
    c.server_value("apache")
        .and_then(|v| version_after(v, "apache"))
        .or_else(|| version_after(c.b, "<address>apache"))
}

/// Squid's ERR_* pages (squid-cache.org, errors/templates).
fn squid_cause(code: &str, status: u16) -> Option<Cause> {
    let code = code.to_ascii_uppercase();
    let code = code.split_whitespace().next().unwrap_or("");
    Some(match code {
        "ERR_DNS_FAIL" => DNS,
        "ERR_CONNECT_FAIL" | "ERR_CANNOT_FORWARD" | "ERR_FORWARDING_DENIED" => UNREACH,
        "ERR_READ_TIMEOUT" | "ERR_LIFETIME_EXP" | "ERR_CONNECT_TIMEOUT" => TIMEOUT,
        "ERR_ZERO_SIZE_OBJECT"
        | "ERR_INVALID_RESP"
        | "ERR_READ_ERROR"
        | "ERR_WRITE_ERROR"
        | "ERR_TOO_BIG" => INVALID,
        "ERR_SECURE_CONNECT_FAIL" | "ERR_SSL_HANDSHAKE" => TLS,
        "ERR_SHUTTING_DOWN" => MAINT,
        "ERR_GATEWAY_FAILURE" | "ERR_ICAP_FAILURE" | "ERR_ESI" => UERR,
        _ => return by_status(status, &[(502, UERR), (503, UNREACH), (504, TIMEOUT)]),
    })
}

/// Vercel's error codes (vercel.com/docs/errors).
fn vercel_cause(code: &str, status: u16) -> Option<Cause> {
    let code = code.trim().to_ascii_uppercase();
    let c = code.as_str();
    Some(if has(c, "TIMEOUT") {
        TIMEOUT
    } else if has(c, "DNS") {
        DNS
    } else if has(c, "THROTTLED") || has(c, "RATE_LIMITED") || has(c, "TOO_MANY") {
        OVER
    } else if has(c, "NO_RESPONSE") || has(c, "RESPONSE_TOO_LARGE") || has(c, "INVALID_RESPONSE") {
        INVALID
    } else if has(c, "CONNECTION_ERROR") || has(c, "NOT_READY") || has(c, "DEPLOYMENT_PAUSED") {
        UNREACH
    } else if has(c, "INFINITE_LOOP")
        || has(c, "INVOCATION_FAILED")
        || has(c, "MIDDLEWARE")
        || has(c, "FUNCTION")
    {
        ORIGIN
    } else if c.starts_with("INTERNAL_") || c.starts_with("ROUTER_") {
        UERR
    } else {
        return by_status(
            status,
            &[
                (500, ORIGIN),
                (502, UERR),
                (503, OVER),
                (504, TIMEOUT),
                (508, ORIGIN),
            ],
        );
    })
}

// ---------------------------------------------------------------- origin pages

/// Marks of an application's own error page.
const APP_MARKERS: &[(&str, &str)] = &[
    ("<h1>server error (500)</h1>", "Django error page"),
    ("we're sorry, but something went wrong", "Rails error page"),
    (
        "we&#39;re sorry, but something went wrong",
        "Rails error page",
    ),
    ("<pre>internal server error</pre>", "Express error page"),
    (
        "the server encountered an internal error and was unable to complete your request",
        "Flask/Werkzeug error page",
    ),
    ("whitelabel error page", "Spring Boot error page"),
    ("server error in '/' application", "ASP.NET error page"),
    ("http status 500 –", "Tomcat error page"),
    ("http status 503 –", "Tomcat error page"),
    (
        "there has been a critical error on this website",
        "WordPress error page",
    ),
    (
        "error establishing a database connection",
        "WordPress database error",
    ),
    ("<b>fatal error</b>:", "PHP fatal error"),
    ("traceback (most recent call last)", "Python traceback"),
    ("application error", "application error page"),
];

fn origin_marker(c: &Ctx) -> Option<&'static str> {
    let t = c.b.trim_start();
    if t.starts_with('{') || t.starts_with('[') {
        return Some("JSON body from the application");
    }
    let ct = c.header_lower("content-type");
    if ct.contains("json") || (ct.contains("xml") && !ct.contains("html")) {
        return Some("API response body");
    }
    APP_MARKERS
        .iter()
        .find(|(m, _)| c.b.contains(m))
        .map(|(_, what)| *what)
}

fn maintenance_words(b: &str) -> bool {
    any(
        b,
        &[
            "maintenance",
            "be right back",
            "temporarily offline",
            "scheduled downtime",
            "upgrading our",
        ],
    )
}

fn overload_words(b: &str) -> bool {
    any(
        b,
        &[
            "too many requests",
            "rate limit",
            "overloaded",
            "over capacity",
            "at capacity",
            "try again later",
            "pool exhausted",
            "too busy",
            "high load",
            "high traffic",
        ],
    )
}

/// The meaning of a 5xx status alone, when no page says more.
pub fn status_cause(status: u16) -> Cause {
    match status {
        502 => UERR,
        503 | 509 | 529 => OVER,
        504 | 522 | 524 | 598 | 599 => TIMEOUT,
        520 => INVALID,
        521 | 523 => UNREACH,
        525 | 526 => TLS,
        500..=519 => ORIGIN,
        _ => UERR,
    }
}

// ---------------------------------------------------------------- analysis

/// Who wrote the response, which gateway carried it, and what its words say.
pub fn analyze(ev: &Evidence, status: u16) -> Finding {
    let mut via = String::new();
    for v in ev.headers_named("via").take(8) {
        if !via.is_empty() {
            via.push_str(", ");
        }
        via.push_str(&clip(v, 256).to_ascii_lowercase());
    }
    let trimmed = ev.body_lower.trim();
    let reason_l = ev.reason.as_deref().unwrap_or("").to_ascii_lowercase();
    let std_reason = crate::diagnose::standard_reason(status)
        .unwrap_or("")
        .to_ascii_lowercase();
    let bare = !trimmed.is_empty()
        && trimmed.len() < 64
        && (trimmed == std_reason || (!reason_l.is_empty() && trimmed == reason_l) || {
            let t = trimmed
                .trim_start_matches(|ch: char| ch.is_ascii_digit())
                .trim();
            t.len() < trimmed.len() && (t == std_reason || t == reason_l)
        });
    let c = Ctx {
        ev,
        status,
        b: &ev.body_lower,
        via,
        blank: trimmed.is_empty(),
        bare,
    };

    let candidates = header_candidates(&c);
    let mut notes: Vec<String> = Vec::new();

    let make = |id: &str, version: Option<String>, extra: Option<String>| -> Gateway {
        let i = info(id);
        let mut evidence: Vec<String> = Vec::new();
        let mut version = version;
        for (cid, what, v) in &candidates {
            if *cid == i.id && evidence.len() < MAX_NOTES {
                evidence.push(what.clone());
                if version.is_none() {
                    version = v.clone();
                }
            }
        }
        if let Some(e) = extra {
            if evidence.len() < MAX_NOTES {
                evidence.push(note(&e));
            }
        }
        Gateway {
            id: i.id.to_string(),
            name: i.name.to_string(),
            version,
            role: i.role,
            evidence,
        }
    };

    if let Some(p) = pages(&c) {
        let mut gw = make(p.id, p.version.clone(), Some(p.what.to_string()));
        // a CDN in front of the gateway that wrote the page
        if let Some((front, what, _)) = candidates.iter().find(|(id, _, _)| *id != p.id) {
            let front = info(front);
            if matches!(front.role, Role::Cdn | Role::Platform | Role::LoadBalancer)
                && gw.evidence.len() < MAX_NOTES
            {
                gw.evidence
                    .push(note(&format!("behind {} ({what})", front.name)));
            }
        }
        let mut cause = p.cause;
        let mut confidence = if p.generic { 0.7 } else { 0.9 };
        if p.generic && status == 503 && ev.has_header("retry-after") && p.id != "varnish" {
            cause = Some(MAINT);
            confidence = 0.6;
            notes.push("gateway's own 503 with Retry-After".into());
        }
        if cause.is_none() {
            confidence = 0.5;
        }
        notes.push(note(&format!("{} wrote the page ({})", gw.name, p.what)));
        return Finding {
            gateway: Some(gw),
            generated_by: GeneratedBy::Gateway,
            cause,
            confidence,
            notes,
        };
    }

    let handler = candidates.first().map(|(id, _, _)| make(id, None, None));
    if let Some(h) = &handler {
        notes.push(note(&format!("through {}", h.name)));
    }
    if c.blank {
        return Finding {
            gateway: handler,
            generated_by: GeneratedBy::Unknown,
            cause: None,
            confidence: 0.4,
            notes,
        };
    }
    // A page that no gateway template matches: the site's application wrote it.
    let (cause, confidence) = if maintenance_words(c.b) {
        notes.push("page mentions maintenance".into());
        (MAINT, 0.75)
    } else if matches!(status, 503 | 509 | 529) || (overload_words(c.b) && status != 500) {
        (OVER, 0.65)
    } else {
        (ORIGIN, 0.7)
    };
    let confidence = match origin_marker(&c) {
        Some(what) => {
            notes.push(note(what));
            confidence + 0.15
        }
        None => confidence - 0.1,
    };
    Finding {
        gateway: handler,
        generated_by: GeneratedBy::Origin,
        cause: Some(cause),
        confidence,
        notes,
    }
}
