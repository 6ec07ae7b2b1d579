//! Which gateway, CDN or proxy wrote a response: identified from its headers and its
//! error-page template, and what its own words say went wrong.
//!
//! Signatures of the self-hostable gateways were learnt from their real output (see
//! `tests/fixtures/capture/`); those of hosted services follow their documentation (named in
//! `tests/hosted_signatures.rs`). Everything here is plain substring scanning over the bounded
//! [`Evidence`], driven by tables: `RULES` for the headers, a list of `Step`s for what
//! each error page says (the 27 contract gateways' pages in `gateway/pages.rs`, the
//! catalogue's in `src/catalogue.rs`).

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
    hay.has_any(words)
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
    let last = l.len().checked_sub(m.len())?;
    let mut i = 0;
    let at = loop {
        // the next place the first byte fits, in either case, read eight bytes at a time
        i = crate::text::find_either(l, i, first, first.to_ascii_uppercase());
        if i > last {
            return None;
        }
        if l[i..i + m.len()].eq_ignore_ascii_case(m)
            && (!slash || l.get(i + m.len()) == Some(&b'/'))
        {
            break i + end;
        }
        i += 1;
    };
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
            .maybe_named(name)
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

// The contract gateways' page templates and step tables.
mod pages;
use pages::{pages, MAPS, NGINX_MAP};

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

#[cfg(test)]
mod version_tests {
    use super::version_at;

    /// What version_at answers, the slow way: every place, compared in lowercase.
    fn oracle(hay: &str, marker: &str, slash: bool) -> Option<String> {
        let lower = hay.to_ascii_lowercase();
        let at = (0..=lower.len().checked_sub(marker.len())?).find(|&i| {
            lower.as_bytes()[i..].starts_with(marker.as_bytes())
                && (!slash || lower.as_bytes().get(i + marker.len()) == Some(&b'/'))
        })? + marker.len()
            + usize::from(slash);
        let v: String = hay[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
            .take(32)
            .collect();
        let v = v.trim_end_matches('.');
        (!v.is_empty() && v.as_bytes()[0].is_ascii_digit()).then(|| v.to_string())
    }

    #[test]
    fn versions_are_found_in_any_case() {
        let hays = [
            "nginx/1.22.1",
            "Server: NGINX/1.25.3 (Ubuntu)",
            "<hr><center>nginx</center> then nginx/1.18.0.",
            "squid squid/ Squid/6.6 squid/7",
            "Tinyproxy version 1.11.1",
            "é nginx/ü nginx/2.0",
            "nginx/",
            "",
        ];
        for hay in hays {
            for (marker, slash) in [
                ("nginx", true),
                ("squid", true),
                ("tinyproxy version ", false),
            ] {
                assert_eq!(
                    version_at(hay, marker, slash),
                    oracle(hay, marker, slash),
                    "{hay:?} {marker:?}"
                );
            }
        }
        assert_eq!(
            version_at("NGINX/1.25.3 (Ubuntu)", "nginx", true).as_deref(),
            Some("1.25.3")
        );
    }
}
