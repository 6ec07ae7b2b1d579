//! Which gateway, CDN or proxy wrote a response: identified from its headers and its
//! error-page template, and what its own words say went wrong.
//!
//! Signatures of the self-hostable gateways were learnt from their real output (see
//! `tests/fixtures/capture/`); those of hosted services follow their documentation (named in
//! `tests/hosted_signatures.rs`). Everything here is plain substring scanning over the bounded
//! [`Evidence`], driven by tables: `RULES` for the headers, a list of `Step`s for what
//! each error page says.

use crate::catalogue;
use crate::model::{Cause, Gateway, GeneratedBy, Role};
use crate::text::{clip, Evidence, Has, Hay};

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

/// A gateway, as its index in [`INFO`].
type Id = u8;

const CLOUDFLARE: Id = 0;
const CLOUDFRONT: Id = 1;
const FASTLY: Id = 2;
const AKAMAI: Id = 3;
const AZURE_FRONT_DOOR: Id = 4;
const GOOGLE: Id = 5;
const VERCEL: Id = 6;
const NETLIFY: Id = 7;
const HEROKU: Id = 8;
const GITHUB_PAGES: Id = 9;
const AWS_ELB: Id = 10;
const AZURE_APP_GATEWAY: Id = 11;
const ENVOY: Id = 12;
const TRAEFIK: Id = 13;
const IIS: Id = 14;
const ATS: Id = 15;
const VARNISH: Id = 16;
const SQUID: Id = 17;
const TINYPROXY: Id = 18;
const NGHTTPX: Id = 19;
const H2O: Id = 20;
const CADDY: Id = 21;
const LIGHTTPD: Id = 22;
const OPENRESTY: Id = 23;
const NGINX: Id = 24;
const APACHE: Id = 25;
const HAPROXY: Id = 26;

/// Every gateway known, roughly outermost (CDNs, platforms) first; in the order of the
/// [`Id`]s above.
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

/// A gateway's id, name and role: one of [`INFO`], or of the catalogue after them.
fn info(id: Id) -> Info {
    let i = usize::from(id);
    match INFO.get(i) {
        Some(x) => g(x.id, x.name, x.role),
        None => {
            let r = &catalogue::RECORDS[i - INFO.len()];
            g(r.id, r.name, r.role)
        }
    }
}

/// The [`Id`] of the catalogue's record at `index`.
fn catalogued(index: usize) -> Id {
    (INFO.len() + index) as Id
}

/// Every gateway id this module can name.
pub fn known_ids() -> impl Iterator<Item = &'static str> {
    INFO.iter()
        .map(|i| i.id)
        .chain(catalogue::RECORDS.iter().map(|r| r.id))
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

/// Whether `hay` has any of the `|`-separated words (`""` is in every text).
fn any<H: Has + ?Sized>(hay: &H, words: &str) -> bool {
    words.split('|').any(|w| hay.has(w))
}

/// Whether `s` starts with `prefix` (lowercase), without regard to ASCII case.
fn starts_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The parts, joined and cut to [`MAX_NOTE_LEN`].
fn note(parts: &[&str]) -> String {
    let s = parts.concat();
    clip(&s, MAX_NOTE_LEN).to_string()
}

/// The version after `name/` in a header value or page ("nginx/1.22.1" -> "1.22.1").
fn version_after(hay: &str, name: &str) -> Option<String> {
    version_at(hay, name, true)
}

/// The version right after `marker`, and a `/` when `slash` (matched without regard to
/// ASCII case; `marker` in lowercase).
fn version_at(hay: &str, marker: &str, slash: bool) -> Option<String> {
    // no lowercase copy of the page: compare in place, and only where the first byte fits
    let (l, m) = (hay.as_bytes(), marker.as_bytes());
    let first = *m.first()?;
    let end = m.len() + usize::from(slash);
    let at = (0..l.len().checked_sub(m.len())? + 1).find(|&i| {
        l[i].to_ascii_lowercase() == first
            && l[i..i + m.len()].eq_ignore_ascii_case(m)
            && (!slash || l.get(i + m.len()) == Some(&b'/'))
    })? + end;
    let v: String = hay[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .take(32)
        .collect();
    let v = v.trim_end_matches('.');
    (!v.is_empty() && v.as_bytes()[0].is_ascii_digit()).then(|| v.to_string())
}

struct Ctx<'a> {
    ev: &'a Evidence,
    status: u16,
    /// Lowercase body.
    b: &'a Hay,
    /// Lowercase Via headers, joined.
    via: String,
    /// The body is empty or blank.
    blank: bool,
    /// The body is only the reason phrase of the status ("Bad Gateway").
    bare: bool,
}

impl Ctx<'_> {
    fn has(&self, needle: &str) -> bool {
        self.b.contains(needle)
    }
    fn any(&self, words: &str) -> bool {
        any(self.b, words)
    }
    /// The first value of a header, named in any case ("CF-Ray").
    fn header(&self, name: &str) -> Option<&str> {
        self.ev
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    /// The first value of a header, cut to 256 bytes, in lowercase ("" when missing).
    fn header_lower(&self, name: &str) -> String {
        self.header(name)
            .map(|v| clip(v, 256).to_ascii_lowercase())
            .unwrap_or_default()
    }
    /// Whether the first value of a header starts with `prefix` (lowercase), in any case.
    fn header_starts(&self, name: &str, prefix: &str) -> bool {
        self.header(name).is_some_and(|v| starts_ci(v, prefix))
    }
    /// The first Server value that starts with `prefix` (lowercase), in any case, and with
    /// none of the `|`-separated `except`.
    fn server(&self, prefix: &str, except: &str) -> Option<&str> {
        self.ev.headers_named("server").find(|v| {
            starts_ci(v, prefix) && !except.split('|').any(|e| !e.is_empty() && starts_ci(v, e))
        })
    }
    fn server_is(&self, prefix: &str) -> bool {
        self.server(prefix, "").is_some()
    }
    /// The version after `name/` in the first Server value that starts with `name`.
    fn server_version(&self, name: &str) -> Option<String> {
        self.server(name, "").and_then(|v| version_after(v, name))
    }
    fn has_header_prefix(&self, prefix: &str) -> bool {
        self.ev.headers.iter().any(|(n, _)| n.starts_with(prefix))
    }
    fn via_note(&self) -> String {
        note(&["Via: ", clip(&self.via, 100)])
    }
}

// ---------------------------------------------------------------- header signatures

/// Where a header signature looks.
#[derive(Clone, Copy)]
enum Src {
    /// A header, by its display name: "CF-Ray: value".
    Header(&'static str),
    /// The first Server value that starts with the prefix (in lowercase): "Server: value";
    /// the version after the first of the `|`-separated markers and `/` that has one (`""`:
    /// the rule's version from Via).
    Server(&'static str, &'static str),
    /// The same, for a prefix that is also the marker, and no value that starts with any of
    /// the `|`-separated exceptions.
    ServerExcept(&'static str, &'static str),
    /// Via mentions it: "Via: value".
    Via(&'static str),
    /// A header whose name starts with the prefix; the note is the second.
    Prefix(&'static str, &'static str),
    /// X-Served-By: cache-… (Fastly's cache nodes).
    ServedBy,
}

/// A gateway the headers can name: the first of its sources that is there names it.
struct Rule {
    id: Id,
    srcs: &'static [Src],
    /// The version after `marker/` in the Via headers, when no Server marker gives it
    /// (`""`: none).
    via_version: &'static str,
}

const fn rule(id: Id, srcs: &'static [Src]) -> Rule {
    Rule {
        id,
        srcs,
        via_version: "",
    }
}

use Src::{Header as H, Prefix as P, ServedBy, Via as V};

/// A Server prefix with no version.
const fn s(prefix: &'static str) -> Src {
    Src::Server(prefix, "")
}

/// A Server prefix with the version after one of the `|`-separated `markers`.
const fn sv(prefix: &'static str, markers: &'static str) -> Src {
    Src::Server(prefix, markers)
}

/// A Server prefix that is also the version's marker ("nginx/1.25.3").
const fn sn(name: &'static str) -> Src {
    Src::Server(name, name)
}

/// Outermost first: the order of the candidates.
const RULES: &[Rule] = &[
    rule(CLOUDFLARE, &[H("CF-Ray"), s("cloudflare")]),
    rule(
        CLOUDFRONT,
        &[
            H("X-Amz-Cf-Id"),
            H("X-Amz-Cf-Pop"),
            s("cloudfront"),
            V("cloudfront"),
        ],
    ),
    rule(
        FASTLY,
        &[
            H("X-Fastly-Request-ID"),
            ServedBy,
            P("fastly-", "Fastly-* headers"),
        ],
    ),
    rule(
        AKAMAI,
        &[
            s("akamai"),
            P("x-akamai-", "X-Akamai-* headers"),
            H("Akamai-GRN"),
        ],
    ),
    rule(AZURE_FRONT_DOOR, &[H("X-Azure-Ref")]),
    rule(
        GOOGLE,
        &[
            s("google frontend"),
            s("gfe"),
            s("gws"),
            s("esf"),
            V("google"),
        ],
    ),
    rule(
        VERCEL,
        &[H("X-Vercel-Error"), H("X-Vercel-Id"), s("vercel")],
    ),
    rule(NETLIFY, &[H("X-Nf-Request-Id"), s("netlify")]),
    rule(HEROKU, &[V("vegur"), V("heroku"), s("heroku")]),
    rule(GITHUB_PAGES, &[H("X-GitHub-Request-Id"), s("github.com")]),
    rule(AWS_ELB, &[sn("awselb")]),
    rule(
        AZURE_APP_GATEWAY,
        &[sn("microsoft-azure-application-gateway")],
    ),
    rule(ENVOY, &[s("envoy"), P("x-envoy-", "X-Envoy-* headers")]),
    rule(
        IIS,
        &[
            sn("microsoft-iis"),
            sv("microsoft-httpapi", "microsoft-iis"),
        ],
    ),
    rule(
        ATS,
        &[
            sv("ats/", "ats|apachetrafficserver"),
            sv("apachetrafficserver", "ats|apachetrafficserver"),
            V("apachetrafficserver"),
        ],
    ),
    Rule {
        id: VARNISH,
        srcs: &[H("X-Varnish"), s("varnish"), V("varnish")],
        via_version: "varnish",
    },
    Rule {
        id: SQUID,
        srcs: &[sn("squid"), H("X-Squid-Error"), V("(squid")],
        via_version: "squid",
    },
    Rule {
        id: TINYPROXY,
        srcs: &[sn("tinyproxy"), V("tinyproxy")],
        via_version: "tinyproxy",
    },
    rule(NGHTTPX, &[sn("nghttpx")]),
    rule(H2O, &[sn("h2o")]),
    rule(CADDY, &[sn("caddy")]),
    rule(LIGHTTPD, &[sn("lighttpd")]),
    rule(OPENRESTY, &[sn("openresty")]),
    rule(NGINX, &[sn("nginx")]),
    rule(HAPROXY, &[sn("haproxy")]),
    rule(NGHTTPX, &[V("nghttpx")]),
    // "Apache-Coyote" is Tomcat, an application server: not a gateway.
    rule(
        APACHE,
        &[Src::ServerExcept(
            "apache",
            "apache-coyote|apachetrafficserver",
        )],
    ),
];

/// A gateway the headers name, with what names it.
struct Candidate {
    id: Id,
    note: String,
    version: Option<String>,
}

impl Src {
    /// The note and version, when this source is there.
    fn find(self, c: &Ctx, via_version: &str) -> Option<(String, Option<String>)> {
        let from_via = || {
            if via_version.is_empty() {
                None
            } else {
                version_after(&c.via, via_version)
            }
        };
        Some(match self {
            Src::Header(shown) => {
                let v = c.header(shown)?;
                (note(&[shown, ": ", clip(v, 80)]), from_via())
            }
            Src::Server(prefix, markers) => {
                let v = c.server(prefix, "")?;
                let version = if markers.is_empty() {
                    from_via()
                } else {
                    markers.split('|').find_map(|m| version_after(v, m))
                };
                (note(&["Server: ", clip(v, 100)]), version)
            }
            Src::ServerExcept(prefix, except) => {
                let v = c.server(prefix, except)?;
                (note(&["Server: ", clip(v, 100)]), version_after(v, prefix))
            }
            Src::Via(needle) => {
                if !has(&c.via, needle) {
                    return None;
                }
                (c.via_note(), from_via())
            }
            Src::Prefix(prefix, shown) => {
                if !c.has_header_prefix(prefix) {
                    return None;
                }
                (note(&[shown]), from_via())
            }
            Src::ServedBy => {
                if !c.header_starts("x-served-by", "cache-") {
                    return None;
                }
                let v = clip(c.header("x-served-by")?, 80).to_ascii_lowercase();
                (note(&["X-Served-By: ", &v]), from_via())
            }
        })
    }
}

/// Gateways the headers name, outermost first, each with the header that names it.
fn header_candidates(c: &Ctx) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for r in RULES {
        if out.len() >= MAX_NOTES {
            break;
        }
        if out.iter().any(|x| x.id == r.id) {
            continue;
        }
        if let Some((note, version)) = r.srcs.iter().find_map(|s| s.find(c, r.via_version)) {
            out.push(Candidate {
                id: r.id,
                note,
                version,
            });
        }
    }
    for (i, rec) in catalogue::RECORDS.iter().enumerate() {
        if out.len() >= MAX_NOTES {
            break;
        }
        if let Some(n) = rec.headers.iter().find_map(|h| catalogue_header(c, h)) {
            out.push(Candidate {
                id: catalogued(i),
                note: n,
                version: None,
            });
        }
    }
    out
}

/// A catalogue header signature that is there: "x-kong-request-id" (the header is
/// there) or "server:kong/" (a header whose value starts with the prefix).
fn catalogue_header(c: &Ctx, sig: &str) -> Option<String> {
    match sig.split_once(':') {
        Some((name, prefix)) => {
            let v = c.ev.headers_named(name).find(|v| starts_ci(v, prefix))?;
            Some(note(&[name, ": ", clip(v, 80)]))
        }
        None => c.ev.header(sig).map(|v| note(&[sig, ": ", clip(v, 80)])),
    }
}

// ---------------------------------------------------------------- page templates

/// A page the gateway wrote itself.
struct Page {
    id: Id,
    what: &'static str,
    cause: Option<Cause>,
    version: Option<String>,
    /// The page names no specific failure (a bare "503 Service Unavailable").
    generic: bool,
}

fn page(id: Id, what: &'static str, cause: Option<Cause>) -> Option<Page> {
    Some(Page {
        id,
        what,
        cause,
        version: None,
        generic: false,
    })
}

fn generic(id: Id, what: &'static str, cause: Option<Cause>) -> Option<Page> {
    Some(Page {
        id,
        what,
        cause,
        version: None,
        generic: true,
    })
}

/// The same page, with a version.
fn with_version(p: Option<Page>, version: Option<String>) -> Option<Page> {
    p.map(|p| Page { version, ..p })
}

type StatusMap = &'static [(u16, Cause)];

fn by_status(status: u16, map: StatusMap) -> Option<Cause> {
    map.iter().find(|(s, _)| *s == status).map(|(_, c)| *c)
}

use Cause::{
    Maintenance as MAINT, OriginError as ORIGIN, Overloaded as OVER, UpstreamDns as DNS,
    UpstreamError as UERR, UpstreamInvalidResponse as INVALID, UpstreamTimeout as TIMEOUT,
    UpstreamTls as TLS, UpstreamUnreachable as UNREACH,
};

/// What a [`Step`] concludes.
#[derive(Clone, Copy)]
enum Then {
    Is(Cause),
    /// The cause, and the page names no specific failure.
    Generic(Cause),
    /// What the status means, by the map at this index of [`MAPS`].
    ByStatus(u8),
    Nothing,
}

/// [`Step`]'s `when`: always.
const ALWAYS: u16 = 0;
/// [`Step`]'s `when`: the body is blank.
const BLANK: u16 = 1;

/// One step of reading a page: when any of the `|`-separated words is in it (`""`: always)
/// and `when` holds ([`ALWAYS`], [`BLANK`] or a status), what it concludes; else the next
/// step.
struct Step(&'static str, u16, Then);

const fn is(words: &'static str, cause: Cause) -> Step {
    Step(words, ALWAYS, Then::Is(cause))
}

const fn at(status: u16, words: &'static str, cause: Cause) -> Step {
    Step(words, status, Then::Is(cause))
}

const fn map(map: u8) -> Step {
    Step("", ALWAYS, Then::ByStatus(map))
}

/// The first step that applies: (cause, generic), or `None` when none does.
fn read<H: Has + ?Sized>(steps: &[Step], text: &H, c: &Ctx) -> Option<(Option<Cause>, bool)> {
    steps.iter().find_map(|Step(words, when, then)| {
        let holds = match *when {
            ALWAYS => true,
            BLANK => c.blank,
            s => c.status == s,
        };
        if !holds || !any(text, words) {
            return None;
        }
        Some(match *then {
            Then::Is(cause) => (Some(cause), false),
            Then::Generic(cause) => (Some(cause), true),
            Then::ByStatus(m) => (by_status(c.status, MAPS[usize::from(m)]), false),
            Then::Nothing => (None, false),
        })
    })
}

/// [`read`] of steps that end with one that always applies: the cause.
fn cause(steps: &[Step], c: &Ctx) -> Option<Cause> {
    read(steps, c.b, c).and_then(|(cause, _)| cause)
}

const MAP_UERR_TIMEOUT: StatusMap = &[(502, UERR), (504, TIMEOUT)];

/// The status maps of the [`Step`]s.
const MAPS: [StatusMap; 8] = [
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
    is("bad response|invalid response|malformed", INVALID),
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

fn pages(c: &Ctx) -> Option<Page> {
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
        || akamai_reference(b)
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
    if c.any("<title>could not connect</title>|<title>unknown host</title>|<title>connection timed out</title>|<title>bad response</title>") || (c.server_is("ats") && c.has("<b>description:</b>"))
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

const NGINX_MAP: StatusMap = &[(500, ORIGIN), (502, UERR), (503, OVER), (504, TIMEOUT)];

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

/// A gateway of the catalogue that names itself in the page: the first record with a
/// phrase in it; the cause from that phrase, else from the generic words, else the status.
fn catalogue_page(c: &Ctx) -> Option<Page> {
    let b = c.b;
    let json = b.trim_start().starts_with('{');
    for (i, rec) in catalogue::RECORDS.iter().enumerate() {
        let Some((_, said)) = rec.phrases.iter().find(|(p, _)| b.contains(p)) else {
            continue;
        };
        // a name alone counts on a short page only; an API gateway's JSON is short
        if (said.is_none() && b.len() > 8 * 1024) || (json && b.trim().len() > 200) {
            continue;
        }
        let cause = said
            .or_else(|| catalogue::generic_cause(b))
            .or_else(|| by_status(c.status, NGINX_MAP));
        return Some(Page {
            id: catalogued(i),
            what: "its own error page",
            cause,
            version: None,
            generic: said.is_none(),
        });
    }
    None
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

/// A page made for the site (its styles, images, scripts or navigation, at some length),
/// not a gateway's stock page.
fn branded(b: &Hay) -> bool {
    b.len() > 2048 && any(b, "<link|<img|<script|<nav|<footer|<svg")
}

fn maintenance_words(b: &Hay) -> bool {
    any(
        b,
        "maintenance|be right back|temporarily offline|scheduled downtime|upgrading our",
    )
}

fn overload_words(b: &Hay) -> bool {
    any(
        b,
        "too many requests|rate limit|overloaded|over capacity|at capacity|try again later|pool exhausted|too busy|high load|high traffic",
    )
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
    let std_reason = crate::status::standard_reason(status)
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

    // The gateway, with what the headers say of it, then `extra`.
    let make = |id: Id, version: Option<String>, extra: Option<&str>| -> Gateway {
        let i = info(id);
        let mut evidence: Vec<String> = Vec::new();
        let mut version = version;
        if let Some(found) = candidates.iter().find(|x| x.id == id) {
            evidence.push(found.note.clone());
            if version.is_none() {
                version = found.version.clone();
            }
        }
        if let Some(e) = extra {
            evidence.push(note(&[e]));
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
        let mut gw = make(p.id, p.version, Some(p.what));
        // a CDN in front of the gateway that wrote the page
        if let Some(front) = candidates.iter().find(|x| x.id != p.id) {
            let name = info(front.id);
            if matches!(name.role, Role::Cdn | Role::Platform | Role::LoadBalancer) {
                gw.evidence
                    .push(note(&["behind ", name.name, " (", &front.note, ")"]));
            }
        }
        let mut cause = p.cause;
        let mut confidence = if p.generic { 0.7 } else { 0.9 };
        if p.generic && status == 503 && ev.has_header("retry-after") && p.id != VARNISH {
            cause = Some(MAINT);
            confidence = 0.6;
            notes.push("gateway's own 503 with Retry-After".into());
        }
        if cause.is_none() {
            confidence = 0.5;
        }
        notes.push(note(&[&gw.name, " wrote the page (", p.what, ")"]));
        return Finding {
            gateway: Some(gw),
            generated_by: GeneratedBy::Gateway,
            cause,
            confidence,
            notes,
        };
    }

    let handler = candidates.first().map(|x| make(x.id, None, None));
    if let Some(h) = &handler {
        notes.push(note(&["through ", &h.name]));
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
    // A 502/503/504 whose page shows no sign of the site's own application: a gateway wrote
    // it, named or not, and its words may say why.
    let app = origin_marker(&c);
    if matches!(status, 502..=504) && app.is_none() && !branded(c.b) && !maintenance_words(c.b) {
        let said = catalogue::generic_cause(c.b);
        notes.push("no sign of the site's own application: a gateway's page".into());
        return Finding {
            gateway: handler,
            generated_by: GeneratedBy::Gateway,
            cause: Some(said.unwrap_or_else(|| crate::status::cause_of(status))),
            confidence: if said.is_some() { 0.6 } else { 0.45 },
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
    let confidence = match app {
        Some(what) => {
            notes.push(note(&[what]));
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
