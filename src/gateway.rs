//! Which gateway, CDN or proxy wrote a response: identified from its headers and its
//! error-page template, and what its own words say went wrong.
//!
//! Signatures of the self-hostable gateways were learnt from their real output (see
//! `tests/fixtures/capture/`); those of hosted services follow their documentation (named in
//! `tests/hosted_signatures.rs`). Everything here is plain substring scanning over the bounded
//! [`Evidence`], driven by records: one [`Record`] per gateway of the contract (its header
//! signatures, its page reader with its `Step`s, its references and status page, in
//! `gateway/hosted.rs` and `gateway/servers.rs`), and the catalogue's phrase-only records
//! (`src/catalogue.rs`). This file is the engine that reads them.

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

/// One gateway of the contract, everything the core knows of it in one place: its id, name,
/// vendor and role, the headers that name it, how to read its own error pages (with their
/// words for causes), its reference-id headers and page fields, and its provider's status
/// page. The records are in `gateway/hosted.rs` (CDNs, platforms, cloud load balancers) and
/// `gateway/servers.rs` (software anyone runs); the gateways that need no code to read their
/// pages are the catalogue's records (src/catalogue.rs). This module is the engine that
/// reads them. Adding a gateway is adding one record (docs/gateways.md).
#[derive(Clone, Copy)]
pub struct Record {
    /// Lowercase id: "nginx".
    pub id: &'static str,
    pub name: &'static str,
    /// Who makes or runs it (docs and tests; not carried in the wasm, which never shows it).
    #[cfg(not(target_family = "wasm"))]
    pub vendor: &'static str,
    pub role: Role,
    /// The headers that name it: the first of them that is there does.
    headers: &'static [Src],
    /// The version after `marker/` in the Via headers, when no Server marker gives it
    /// (`""`: none).
    via_version: &'static str,
    /// Its own error pages: when they are tried (lower first: a CDN's page before the
    /// servers' templates it may quote) and the reader, which may name a gateway of the same
    /// family (the nginx reader names OpenResty and Tengine). `None`: it writes no page of
    /// its own.
    page: Option<(u8, Reader)>,
    /// Headers that carry a reference id its support asks for: (lowercase name, label).
    pub references: &'static [(&'static str, &'static str)],
    /// Page fields that carry one: (lowercase marker, label); the value follows the marker.
    pub page_references: &'static [(&'static str, &'static str)],
    /// Its provider's status page (`""` for software anyone runs).
    pub status_page: &'static str,
}

type Reader = fn(&Ctx) -> Option<Page>;

/// A record, one argument per field (the vendor is left out of the wasm).
#[allow(clippy::too_many_arguments)]
const fn rec(
    id: &'static str,
    name: &'static str,
    vendor: &'static str,
    role: Role,
    headers: &'static [Src],
    via_version: &'static str,
    page: Option<(u8, Reader)>,
    references: &'static [(&'static str, &'static str)],
    page_references: &'static [(&'static str, &'static str)],
    status_page: &'static str,
) -> Record {
    #[cfg(target_family = "wasm")]
    let _ = vendor;
    Record {
        id,
        name,
        #[cfg(not(target_family = "wasm"))]
        vendor,
        role,
        headers,
        via_version,
        page,
        references,
        page_references,
        status_page,
    }
}

mod hosted;
mod origin;
mod servers;
use origin::{branded, maintenance_words, origin_marker, overload_words, PROXY_SAID, TUNNEL_SAID};

/// A client's words that a proxy in the person's path refused its tunnel (`TUNNEL_SAID`).
pub fn tunnel_refused(ev: &Evidence) -> bool {
    any(&ev.body_lower, TUNNEL_SAID)
}

const N_HOSTED: usize = hosted::RECORDS.len();
const N: usize = N_HOSTED + servers::RECORDS.len();

/// The contract's gateways, outermost first where one may front another (the order of the
/// header candidates): [`hosted::RECORDS`] then [`servers::RECORDS`].
pub const RECORDS: [Record; N] = {
    let mut out = [hosted::RECORDS[0]; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < N_HOSTED {
            hosted::RECORDS[i]
        } else {
            servers::RECORDS[i - N_HOSTED]
        };
        i += 1;
    }
    out
};

/// The records with a page reader, in the order their pages are tried.
const PAGE_ORDER: ([u8; N], usize) = {
    let mut out = [0u8; N];
    let mut n = 0;
    let mut rank = 0;
    while rank < 64 {
        let mut i = 0;
        while i < N {
            if let Some((r, _)) = RECORDS[i].page {
                if r == rank {
                    out[n] = i as u8;
                    n += 1;
                }
            }
            i += 1;
        }
        rank += 1;
    }
    (out, n)
};

/// A gateway, as its index in [`RECORDS`], or of the catalogue after them.
type Id = u8;

/// A gateway's id, name and role: one of [`RECORDS`], or of the catalogue after them.
fn info(id: Id) -> Info {
    let i = usize::from(id);
    match RECORDS.get(i) {
        Some(x) => Info {
            id: x.id,
            name: x.name,
            role: x.role,
        },
        None => {
            let r = &catalogue::RECORDS[i - N];
            Info {
                id: r.id,
                name: r.name,
                role: r.role,
            }
        }
    }
}

/// The [`Id`] of a gateway id ("nginx"): a record's, else a catalogued one's.
fn id_of(id: &str) -> Id {
    match RECORDS.iter().position(|r| r.id == id) {
        Some(i) => i as Id,
        None => catalogued(catalogue::by_id(id).unwrap_or(0)),
    }
}

/// The [`Id`] of the catalogue's record at `index`.
fn catalogued(index: usize) -> Id {
    (N + index) as Id
}

/// Every gateway id this module can name.
pub fn known_ids() -> impl Iterator<Item = &'static str> {
    RECORDS
        .iter()
        .map(|r| r.id)
        .chain(catalogue::RECORDS.iter().map(|r| r.id))
}

/// The status page of the provider behind a gateway id ("" or unknown: `None`).
pub fn status_page(id: &str) -> Option<&'static str> {
    RECORDS
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.status_page)
        .filter(|p| !p.is_empty())
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
    let s = crate::text::concat(parts);
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
    version_from(&hay[at..])
}

/// The version at the start of `rest` ("1.22.1 (Ubuntu)" -> "1.22.1"): at most 32 of
/// `[A-Za-z0-9._-]`, starting with a digit, without a trailing dot.
fn version_from(rest: &str) -> Option<String> {
    let v: String = rest
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
    for (i, r) in RECORDS.iter().enumerate() {
        if out.len() >= MAX_NOTES {
            break;
        }
        if let Some((note, version)) = r.headers.iter().find_map(|s| s.find(c, r.via_version)) {
            out.push(Candidate {
                id: i as Id,
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

/// The headers announce a body (a Content-Length above 0, or chunks) that the report does
/// not hold.
fn body_unseen(ev: &Evidence) -> bool {
    ev.header("content-length")
        .is_some_and(|v| crate::text::parse_u64(v.trim(), 10).is_some_and(|n| n > 0))
        || ev
            .header("transfer-encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
}

/// The first of [`catalogue::OWN_ANSWER`]'s headers that is there: the gateway, the cause it
/// names and the header as found.
fn own_answer(c: &Ctx) -> Option<(Id, Option<Cause>, String)> {
    catalogue::OWN_ANSWER
        .iter()
        .find_map(|(id, sig, cause)| catalogue_header(c, sig).map(|n| (id_of(id), *cause, n)))
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
    /// The gateway's id ("nginx").
    id: &'static str,
    what: &'static str,
    cause: Option<Cause>,
    version: Option<String>,
    /// The page names no specific failure (a bare "503 Service Unavailable").
    generic: bool,
}

/// (Out of line, as `generic`: one call in each reader instead of the page built there.)
#[inline(never)]
fn page(id: &'static str, what: &'static str, cause: Option<Cause>) -> Option<Page> {
    Some(Page {
        id,
        what,
        cause,
        version: None,
        generic: false,
    })
}

#[inline(never)]
fn generic(id: &'static str, what: &'static str, cause: Option<Cause>) -> Option<Page> {
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
const MAP_UNREACH_503: StatusMap = &[(502, UERR), (504, TIMEOUT), (503, UNREACH), (500, UERR)];
const MAP_OVER_503: StatusMap = &[(502, UERR), (504, TIMEOUT), (503, OVER)];

/// The status maps the [`Step`]s name by index (a byte in each step, not a slice).
const MAPS: [StatusMap; 8] = [
    // Cloudflare's numbered statuses
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

/// The page as the first record's reader (in [`PAGE_ORDER`]) that knows it reads it, else
/// as the catalogue's phrases do.
fn pages(c: &Ctx) -> Option<Page> {
    let (order, n) = PAGE_ORDER;
    order[..n]
        .iter()
        .find_map(|&i| (RECORDS[usize::from(i)].page?.1)(c))
        .or_else(|| catalogue_page(c))
}

/// What the status says, where the page names no cause: nginx's reading, which most
/// gateways share.
const NGINX_MAP: StatusMap = &[(500, ORIGIN), (502, UERR), (503, OVER), (504, TIMEOUT)];

/// A gateway of the catalogue that names itself in the page: the first record with a
/// phrase in it; the cause from that phrase, else from the generic words, else the status.
fn catalogue_page(c: &Ctx) -> Option<Page> {
    let b = c.b;
    let json = b.trim_start().starts_with('{');
    for rec in catalogue::RECORDS {
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
            id: rec.id,
            what: "its own error page",
            cause,
            version: None,
            generic: said.is_none(),
        });
    }
    None
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
        // a server's stock page under the name of a gateway built on that server, which its
        // headers name (Kong's 502 as OpenResty's page, with Via: kong/…): that gateway's
        let id = catalogue::BUILT_ON
            .iter()
            .filter(|(on, _)| *on == p.id)
            .find_map(|(_, g)| candidates.iter().find(|x| info(x.id).id == *g))
            .map_or(id_of(p.id), |x| x.id);
        let mut gw = make(id, p.version, Some(p.what));
        // a CDN in front of the gateway that wrote the page
        if let Some(front) = candidates.iter().find(|x| x.id != id) {
            let name = info(front.id);
            if matches!(name.role, Role::Cdn | Role::Platform | Role::LoadBalancer) {
                gw.evidence
                    .push(note(&["behind ", name.name, " (", &front.note, ")"]));
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
        notes.push(note(&[&gw.name, " wrote the page (", p.what, ")"]));
        return Finding {
            gateway: Some(gw),
            generated_by: GeneratedBy::Gateway,
            cause,
            confidence,
            notes,
        };
    }

    // a header the gateway sets only on its own answers (catalogue::OWN_ANSWER)
    if let Some((id, cause, found)) = own_answer(&c) {
        // a 504 is the gateway's timeout whatever error type its header carries (API
        // Gateway sends InternalServerErrorException with its 502s and its 504s alike)
        let cause = if status == 504 { Some(TIMEOUT) } else { cause };
        let gw = make(id, None, Some(&found));
        notes.push(note(&[&gw.name, " wrote the answer (", &found, ")"]));
        return Finding {
            gateway: Some(gw),
            generated_by: GeneratedBy::Gateway,
            cause,
            confidence: if cause.is_some() { 0.7 } else { 0.5 },
            notes,
        };
    }

    let handler = candidates.first().map(|x| make(x.id, None, None));
    if let Some(h) = &handler {
        notes.push(note(&["through ", &h.name]));
    }
    if c.blank {
        // A 504 says a gateway timed out: no application answers that of itself; nor "bad
        // gateway", when the headers name the gateway it came through. A 503 through a named
        // gateway is its own when the headers announce a body that is not here (`curl -I`,
        // a HEAD, devtools' headers): gateways send one with their errors, while a truly
        // empty 503 is as often an application's (a health check, a maintenance switch).
        let named = handler.is_some();
        let gateway_said =
            status == 504 || (named && (status == 502 || (status == 503 && body_unseen(ev))));
        // A truly empty 500 (Content-Length: 0) is the application's, passed on: the
        // gateways that answer 500 themselves (Traffic Server, tinyproxy) send a page. So is
        // a 500 that sets the application's session cookie (`curl -I` shows no body).
        let app_said = status == 500
            && (ev.header("content-length").map(str::trim) == Some("0")
                || origin::app_session_cookie(&c));
        if gateway_said {
            notes.push("an empty 5xx through a gateway: the gateway's".into());
        }
        return Finding {
            gateway: handler,
            generated_by: match (gateway_said, app_said) {
                (true, _) => GeneratedBy::Gateway,
                (_, true) => GeneratedBy::Origin,
                _ => GeneratedBy::Unknown,
            },
            cause: match status {
                504 => Some(TIMEOUT),
                503 if gateway_said => Some(UNREACH),
                500 if app_said => Some(ORIGIN),
                _ => None,
            },
            confidence: 0.4,
            notes,
        };
    }
    // A 502/503/504 whose page shows no sign of the site's own application: a gateway wrote
    // it, named or not, and its words may say why. So did a 508: a proxy's loop detection or
    // a shared host's resource limits, not an application; and a 509, which only hosts'
    // bandwidth limiters send (cPanel's "Bandwidth Limit Exceeded"). So did any 5xx page that says,
    // in a proxy's own words, that it could not pass the request on.
    let app = origin_marker(&c);
    let tunnel = c.any(TUNNEL_SAID);
    let proxy_said = status >= 500 && (tunnel || c.any(PROXY_SAID));
    if (matches!(status, 502..=504 | 508 | 509) || proxy_said)
        && app.is_none()
        && !branded(c.b)
        && !maintenance_words(c.b)
    {
        let said = catalogue::generic_cause(c.b);
        notes.push("no sign of the site's own application: a gateway's page".into());
        return Finding {
            gateway: handler,
            generated_by: GeneratedBy::Gateway,
            // a refused tunnel never reached an application
            cause: Some(said.unwrap_or(match crate::status::cause_of(status) {
                ORIGIN if tunnel => UERR,
                by_status => by_status,
            })),
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
mod tests;
