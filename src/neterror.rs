//! The browser's own errors, when no response arrived: Chromium's `net::ERR_*` names and
//! Firefox's `NS_ERROR_*` names, NSS security errors (as names, nsresult numbers or their
//! English messages) and nsresult codes, each mapped to a cause, a culprit and whether it is
//! likely to clear up by itself.
//!
//! Forms understood (case and surrounding white space do not matter; only the first
//! [`MAX_INPUT`] bytes are looked at; nothing here panics, whatever the input):
//!
//! - Chromium, webRequest and webNavigation: `net::ERR_NAME_NOT_RESOLVED`, also without
//!   `net::` and without `ERR_`, and the bare number `-105`.
//! - Firefox, webRequest: `NS_ERROR_CONNECTION_REFUSED`; for a TLS failure the English
//!   message of the NSS error (`Peer’s Certificate issuer is not recognized.`, with ’ or ');
//!   `NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SSL_ERROR_BAD_CERT_DOMAIN)` (or a
//!   number in place of the name); a bare NSS name such as `SEC_ERROR_UNKNOWN_ISSUER`.
//! - Firefox, webNavigation: `Error code 2152398861` (the nsresult in decimal), also
//!   `0x804B000D`.
//!
//! Unknown names fall back on what their prefix says (`ERR_PROXY_…` is a proxy problem,
//! `ERR_CERT_…` a TLS one, …), since new browser versions add names; unknown messages that
//! speak of certificates, SSL/TLS or security are TLS problems; anything else is "other".
//!
//! Culprit choices worth knowing (the tables below carry the rest):
//! - A name that does not resolve (`ERR_NAME_NOT_RESOLVED`, `NS_ERROR_UNKNOWN_HOST`) is
//!   culprit "network": the browser cannot tell a name that does not exist (a typo, a lapsed
//!   domain) from a resolver that fails, and both leave the person something to try on their
//!   side (check the address, flush or change DNS). Not transient: a wrong name stays wrong.
//! - An untrusted issuer (`ERR_CERT_AUTHORITY_INVALID`, `SEC_ERROR_UNKNOWN_ISSUER`) is culprit
//!   "unknown": the same error comes from a site with a self-signed certificate or a missing
//!   intermediate and from TLS interception on the person's side (antivirus, corporate proxy,
//!   captive portal); the name alone cannot tell them apart. Other certificate problems
//!   (expired, wrong name, revoked, weak) are the site's; a certificate that is not yet valid
//!   (Firefox tells that apart) points at the person's clock, so "browser".
//! - Client certificates, local crypto and certificate-store failures are "browser".
//! - Known interception and pinning failures (`ERR_CERT_KNOWN_INTERCEPTION_BLOCKED`,
//!   `ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN`, `MOZILLA_PKIX_ERROR_MITM_DETECTED`) and a TLS 1.3
//!   downgrade are "network": something between the person and the site rewrites TLS.
//! - `ERR_RESPONSE_HEADERS_TOO_BIG` is "browser": it is nearly always the cookies this browser
//!   has piled up for the site (echoed back or re-set), and clearing the site's data is what
//!   fixes it for the person. `ERR_TOO_MANY_REDIRECTS` stays "site" (cookies can cause it
//!   too, but the loop is the site's).
//! - `ERR_PROXY_UNABLE_TO_CONNECT_TO_DESTINATION` is "unreachable"/"site": the proxy worked
//!   and says the destination could not be reached (refused, or its name did not resolve).
//! - A 407 without a configured proxy (`ERR_UNEXPECTED_PROXY_AUTH`) is "proxy"/"network": an
//!   intercepting proxy on the network answered.
//! - `ERR_ADDRESS_INVALID` is "unreachable"/"network": besides a URL with address 0, it is what
//!   a DNS filter that answers 0.0.0.0 leads to.
//! - Errors that are no failure to report (a navigation the person stopped or that was
//!   replaced, a WebSocket upgrade, a download taking over) are "aborted".

use crate::model::{Cause, Cause as C, Culprit, Culprit as W};

/// What a browser error name means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetError {
    pub cause: Cause,
    pub culprit: Culprit,
    pub transient: bool,
}

mod tables;
pub use tables::*;
use tables::{ne, MODULES, OTHER, RESET_RETRY, SECURITY, TIMEOUT, TLS_BROWSER, TLS_SITE};

/// Only this many bytes of the error string are looked at.
pub const MAX_INPUT: usize = 512;

/// A table as the code keeps it, one array per field, its rows sorted by their code: the
/// [`text_hash`] of each name, its code as the difference from the row before ([`row_of`]),
/// and its meaning (an index in [`MEANINGS`]). No names: a lookup compares hashes (tests check
/// that no two names of a table share one).
struct Keys<const N: usize, const B: usize> {
    names: [u32; N],
    /// Code minus the code of the row before (the first: minus 0); [`BIG_STEP`] when that
    /// difference is the next of `big`.
    steps: [u8; N],
    big: [u32; B],
    errors: [u8; N],
}
/// A row's step that stands for the next large difference.
const BIG_STEP: u8 = 255;

/// (code, name hash, meaning index, message hash) of a table's row, in the source order.
type Row = (u32, u32, u8, u32);

/// The rows, sorted by code, as kept; and the message hashes in that order. `B`: how many
/// differences are too large for a byte (compilation fails when it is not that).
const fn pack<const N: usize, const B: usize>(rows: [Row; N]) -> (Keys<N, B>, [u32; N]) {
    let mut rows = rows;
    let mut i = 0;
    while i < N {
        let mut least = i;
        let mut j = i + 1;
        while j < N {
            if rows[j].0 < rows[least].0 {
                least = j;
            }
            j += 1;
        }
        let row = rows[least];
        rows[least] = rows[i];
        rows[i] = row;
        i += 1;
    }
    let mut k = Keys {
        names: [0; N],
        steps: [0; N],
        big: [0; B],
        errors: [0; N],
    };
    let mut messages = [0; N];
    let (mut before, mut big, mut i) = (0, 0, 0);
    while i < N {
        let (code, name, error, message) = rows[i];
        let step = code - before;
        if step < BIG_STEP as u32 {
            k.steps[i] = step as u8;
        } else {
            k.steps[i] = BIG_STEP;
            k.big[big] = step;
            big += 1;
        }
        k.names[i] = name;
        k.errors[i] = error;
        messages[i] = message;
        before = code;
        i += 1;
    }
    assert!(big == B);
    (k, messages)
}

/// The first row whose code is `code`.
fn row_of(steps: &[u8], big: &[u32], code: u32) -> Option<usize> {
    let (mut at, mut next_big) = (0u32, 0);
    for (i, step) in steps.iter().enumerate() {
        if *step == BIG_STEP {
            at = at.wrapping_add(big[next_big]);
            next_big += 1;
        } else {
            at = at.wrapping_add(u32::from(*step));
        }
        if at >= code {
            return (at == code).then_some(i);
        }
    }
    None
}

const fn same(a: NetError, b: NetError) -> bool {
    a.cause as u8 == b.cause as u8
        && a.culprit as u8 == b.culprit as u8
        && a.transient == b.transient
}

/// Room for the distinct meanings of the three tables.
const ROOM: usize = 128;

/// The distinct meanings of the three tables, in order of first use, and how many.
const DISTINCT: ([NetError; ROOM], usize) = {
    let mut all = [OTHER; ROOM];
    let mut n = 0;
    let mut t = 0;
    while t < CHROMIUM_ERRORS.len() + FIREFOX_ERRORS.len() + NSS_ERRORS.len() {
        let e = if t < CHROMIUM_ERRORS.len() {
            let (_, _, cause, culprit, transient) = CHROMIUM_ERRORS[t];
            ne(cause, culprit, transient)
        } else if t < CHROMIUM_ERRORS.len() + FIREFOX_ERRORS.len() {
            let (_, _, cause, culprit, transient) = FIREFOX_ERRORS[t - CHROMIUM_ERRORS.len()];
            ne(cause, culprit, transient)
        } else {
            NSS_ERRORS[t - CHROMIUM_ERRORS.len() - FIREFOX_ERRORS.len()].2
        };
        let mut j = 0;
        while j < n && !same(all[j], e) {
            j += 1;
        }
        if j == n {
            all[n] = e;
            n += 1;
        }
        t += 1;
    }
    (all, n)
};

/// Every meaning a table row has; rows keep an index in it.
static MEANINGS: [NetError; DISTINCT.1] = {
    let mut m = [OTHER; DISTINCT.1];
    let mut i = 0;
    while i < m.len() {
        m[i] = DISTINCT.0[i];
        i += 1;
    }
    m
};

/// The index of `e` in [`MEANINGS`].
const fn meaning_index(e: NetError) -> u8 {
    let mut j = 0;
    while !same(DISTINCT.0[j], e) {
        j += 1;
    }
    j as u8
}

fn meaning(i: u8) -> NetError {
    MEANINGS[usize::from(i)]
}

/// The hash of `name` without its first `skip` bytes.
const fn hash_from(name: &str, skip: usize) -> u32 {
    text_hash(name.as_bytes().split_at(skip).1)
}

/// Chromium's rows; codes as positive numbers. The names are hashed without `ERR_`, since
/// they are also looked up without it.
static CHROMIUM: Keys<{ CHROMIUM_ERRORS.len() }, 0> = {
    let mut rows = [(0, 0, 0, 0); CHROMIUM_ERRORS.len()];
    let mut i = 0;
    while i < rows.len() {
        let (name, code, cause, culprit, transient) = CHROMIUM_ERRORS[i];
        let error = meaning_index(ne(cause, culprit, transient));
        rows[i] = ((-code) as u32, hash_from(name, 4), error, 0);
        i += 1;
    }
    pack(rows).0
};

/// Firefox's rows, by nsresult.
static FIREFOX: Keys<{ FIREFOX_ERRORS.len() }, 18> = {
    let mut rows = [(0, 0, 0, 0); FIREFOX_ERRORS.len()];
    let mut i = 0;
    while i < rows.len() {
        let (name, code, cause, culprit, transient) = FIREFOX_ERRORS[i];
        let error = meaning_index(ne(cause, culprit, transient));
        rows[i] = (code, hash_from(name, 0), error, 0);
        i += 1;
    }
    pack(rows).0
};

/// NSS's rows (codes as positive numbers), and the hash of each message in their order (0
/// for an error without one).
static NSS: (Keys<{ NSS_ERRORS.len() }, 4>, [u32; NSS_ERRORS.len()]) = {
    let mut rows = [(0, 0, 0, 0); NSS_ERRORS.len()];
    let mut i = 0;
    while i < rows.len() {
        let (name, code, error, message) = NSS_ERRORS[i];
        let message = if message.is_empty() {
            0
        } else {
            text_hash(message.as_bytes())
        };
        rows[i] = (
            (-code) as u32,
            hash_from(name, 0),
            meaning_index(error),
            message,
        );
        i += 1;
    }
    pack(rows)
};

/// Where `h` is in `hashes`; 0 is never found.
fn find(hashes: &[u32], h: u32) -> Option<usize> {
    if h == 0 {
        return None;
    }
    hashes.iter().position(|x| *x == h)
}

const fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// FNV-1a of a text as it is compared: ASCII letters in lowercase, each run of white space
/// as one space, the typographic apostrophes ‘ and ’ as ', and without white space or full
/// stops at either end.
pub const fn text_hash(b: &[u8]) -> u32 {
    let mut start = 0;
    while start < b.len() && is_space(b[start]) {
        start += 1;
    }
    let mut end = b.len();
    while end > start && (is_space(b[end - 1]) || b[end - 1] == b'.') {
        end -= 1;
    }
    let mut h: u32 = 0x811c_9dc5;
    let mut i = start;
    let mut space = false;
    while i < end {
        let mut c = b[i];
        if is_space(c) {
            space = true;
            i += 1;
            continue;
        }
        if space {
            h = (h ^ b' ' as u32).wrapping_mul(0x0100_0193);
            space = false;
        }
        if c == 0xE2 && i + 2 < end && b[i + 1] == 0x80 && (b[i + 2] == 0x98 || b[i + 2] == 0x99) {
            c = b'\'';
            i += 2;
        } else {
            c = c.to_ascii_lowercase();
        }
        h = (h ^ c as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

// ------------------------------------------------------------------------------- lookups

/// The NSS and NSPR error names of [`NSS_ERRORS`].
pub fn known_nss_names() -> impl Iterator<Item = &'static str> {
    NSS_ERRORS.iter().map(|e| e.0)
}

#[cfg(test)]
fn from_chromium(e: &ChromiumEntry) -> NetError {
    ne(e.2, e.3, e.4)
}

#[cfg(test)]
fn from_firefox(e: &FirefoxEntry) -> NetError {
    ne(e.2, e.3, e.4)
}

/// A Chromium name, uppercase, without `ERR_`.
fn chromium_by_name(bare: &str) -> Option<NetError> {
    find(&CHROMIUM.names, text_hash(bare.as_bytes())).map(|i| meaning(CHROMIUM.errors[i]))
}

fn chromium_by_code(code: i32) -> NetError {
    let row = code
        .checked_neg()
        .and_then(|c| row_of(&CHROMIUM.steps, &CHROMIUM.big, u32::try_from(c).ok()?));
    if let Some(i) = row {
        return meaning(CHROMIUM.errors[i]);
    }
    // A code this table does not know yet: the ranges net_error_list.h documents.
    match code.checked_neg().unwrap_or(0) {
        200..=299 => TLS_SITE,
        300..=399 => ne(C::Other, W::Site, false),
        400..=499 => ne(C::Cache, W::Browser, false),
        700..=799 => TLS_BROWSER,
        800..=899 => ne(C::Dns, W::Network, true),
        _ => OTHER,
    }
}

/// A Firefox name, uppercase.
fn firefox_by_name(name: &str) -> Option<NetError> {
    find(&FIREFOX.names, text_hash(name.as_bytes())).map(|i| meaning(FIREFOX.errors[i]))
}

fn nss_by_name(name: &str) -> Option<NetError> {
    let k = &NSS.0;
    find(&k.names, text_hash(name.as_bytes())).map(|i| meaning(k.errors[i]))
}

/// An NSS error by its (negative) code; 0 is no code.
fn nss_by_code(code: i32) -> Option<NetError> {
    let k = &NSS.0;
    let code = u32::try_from(code.checked_neg()?)
        .ok()
        .filter(|c| *c != 0)?;
    row_of(&k.steps, &k.big, code).map(|i| meaning(k.errors[i]))
}

fn nss_by_message(text: &str) -> Option<NetError> {
    find(&NSS.1, text_hash(text.as_bytes())).map(|i| meaning(NSS.0.errors[i]))
}

/// An nsresult, as Firefox's webNavigation reports it in decimal.
fn by_nsresult(rv: u32) -> NetError {
    if let Some(i) = row_of(&FIREFOX.steps, &FIREFOX.big, rv) {
        return meaning(FIREFOX.errors[i]);
    }
    let failed = rv & 0x8000_0000 != 0;
    let module = ((rv >> 16) & 0x1FFF).wrapping_sub(0x45);
    if failed && module == SECURITY {
        // NSS errors are synthesised in the security module from -PRErrorCode.
        return nss_by_code(-((rv & 0xFFFF) as i32)).unwrap_or(TLS_SITE);
    }
    OTHER
}

/// What the parts of an unknown name (without `ERR_`, `NS_ERROR_` or `NS_`) say: the first
/// row with one of its `|`-separated parts; `^PART` is at the start, `PART$` at the end,
/// else anywhere.
const PARTS: [(&str, NetError); 11] = [
    ("^SEC_|^SSL_|^MOZILLA_PKIX_|^XP_SEC_", TLS_SITE),
    (
        "PROXY|^SOCKS_|^TUNNEL_|^PAC_",
        ne(C::Proxy, W::Proxy, false),
    ),
    ("CERT|SSL|TLS|^ECH_|^CT_", TLS_SITE),
    (
        "QUIC|HTTP2|HTTP3|SPDY|^H2_",
        ne(C::Http2Quic, W::Site, true),
    ),
    ("CACHE", ne(C::Cache, W::Browser, false)),
    ("^FILE_|^BLOB_", ne(C::File, W::Browser, false)),
    ("DNS|RESOLV|UNKNOWN_HOST", ne(C::Dns, W::Network, true)),
    ("^BLOCKED|_BLOCKED|_URI$", ne(C::Blocked, W::Unknown, false)),
    ("AUTH", ne(C::Auth, W::Unknown, false)),
    ("TIMED_OUT|TIMEOUT", TIMEOUT),
    ("CONNECTION|RESET", RESET_RETRY),
];

/// What an unknown name's parts say, since new browser versions add names.
fn by_prefix(name: &str) -> NetError {
    let body = name
        .strip_prefix("ERR_")
        .or_else(|| name.strip_prefix("NS_ERROR_"))
        .or_else(|| name.strip_prefix("NS_"))
        .unwrap_or(name);
    let has = |part: &str| match (part.strip_prefix('^'), part.strip_suffix('$')) {
        (Some(start), _) => body.starts_with(start),
        (_, Some(end)) => body.ends_with(end),
        _ => body.contains(part),
    };
    PARTS
        .iter()
        .find(|(parts, _)| parts.split('|').any(has))
        .map_or(OTHER, |(_, e)| *e)
}

// -------------------------------------------------------------------------------- parsing

use crate::text::clip;

/// `s` without `prefix`, compared without regard to ASCII case.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn is_identifier(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphabetic()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// A name (`ERR_…`, `NS_…`, an NSS name, a Chromium name without `ERR_`), uppercase.
/// `fallback`: whether an unknown name is classified by its prefix (else `None`).
/// Firefox's error page's codes (`about:neterror?e=dnsNotFound`, uppercased) and the
/// network error each stands for.
const ABOUT_NETERROR: &[(&str, &str)] = &[
    ("BLOCKEDBYPOLICY", "NS_ERROR_BLOCKED_BY_POLICY"),
    ("CONNECTIONFAILURE", "NS_ERROR_CONNECTION_REFUSED"),
    ("CORRUPTEDCONTENTERRORV2", "NS_ERROR_CORRUPTED_CONTENT"),
    ("DNSNOTFOUND", "NS_ERROR_UNKNOWN_HOST"),
    ("MALFORMEDURI", "NS_ERROR_MALFORMED_URI"),
    ("NETINTERRUPT", "NS_ERROR_NET_INTERRUPT"),
    ("NETOFFLINE", "NS_ERROR_OFFLINE"),
    ("NETRESET", "NS_ERROR_NET_RESET"),
    ("NETTIMEOUT", "NS_ERROR_NET_TIMEOUT"),
    ("NOTCACHED", "NS_ERROR_DOCUMENT_NOT_CACHED"),
    ("PROXYCONNECTFAILURE", "NS_ERROR_PROXY_CONNECTION_REFUSED"),
    ("PROXYRESOLVEFAILURE", "NS_ERROR_UNKNOWN_PROXY_HOST"),
    ("REDIRECTLOOP", "NS_ERROR_REDIRECT_LOOP"),
];

fn by_name(up: &str, fallback: bool) -> Option<NetError> {
    let found = if let Some(bare) = up.strip_prefix("ERR_") {
        chromium_by_name(bare)
    } else if up.starts_with("NS_") {
        firefox_by_name(up)
    } else {
        nss_by_name(up)
            .or_else(|| chromium_by_name(up))
            .or_else(|| {
                let (_, name) = ABOUT_NETERROR.iter().find(|(code, _)| *code == up)?;
                firefox_by_name(name)
            })
    };
    found.or_else(|| fallback.then(|| by_prefix(up)))
}

/// A number: `-105` (Chromium), `Error code 2152398861`, `2152398861` or `0x804B000D`
/// (Firefox's nsresult).
fn by_number(s: &str) -> Option<NetError> {
    let (text, nsresult) = match strip_prefix_ci(s, "error code") {
        Some(rest) => (rest.trim_start_matches([' ', ':', '\t']).trim(), true),
        None => (s, false),
    };
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || digits.len() > 20 {
        return None;
    }
    let (hex, value) = match strip_prefix_ci(digits, "0x") {
        Some(h) => (true, crate::text::parse_u64(h, 16)?),
        None => (false, crate::text::parse_u64(digits, 10)?),
    };
    if negative {
        let v = i32::try_from(-i64::try_from(value).ok()?).ok()?;
        return Some(if nsresult {
            by_nsresult(v as u32)
        } else {
            chromium_by_code(v)
        });
    }
    let v = u32::try_from(value).ok()?;
    if nsresult || hex || v >= 0x8000_0000 {
        Some(by_nsresult(v))
    } else {
        Some(OTHER)
    }
}

/// `NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SSL_ERROR_BAD_CERT_DOMAIN)`, or with
/// numbers, as Firefox names an nsresult that has no name of its own.
fn by_generated(s: &str) -> Option<NetError> {
    let (inner, failed) = if let Some(rest) = strip_prefix_ci(s, "NS_ERROR_GENERATE_FAILURE") {
        (rest, true)
    } else {
        (strip_prefix_ci(s, "NS_ERROR_GENERATE_SUCCESS")?, false)
    };
    if !failed {
        return Some(OTHER);
    }
    let inner = inner.trim().strip_prefix('(')?;
    let inner = inner.trim_end().strip_suffix(')').unwrap_or(inner);
    let (module, code) = inner.split_once(',')?;
    let (module, code) = (
        module.trim().to_ascii_uppercase(),
        code.trim().to_ascii_uppercase(),
    );
    let module = match module.strip_prefix("NS_ERROR_MODULE_") {
        Some(name) => match MODULES.iter().find(|(n, _)| *n == name) {
            Some((_, m)) => *m,
            None => return Some(OTHER),
        },
        None => u32::try_from(crate::text::parse_u64(&module, 10)?)
            .ok()
            .filter(|m| *m < 0x1000)?,
    };
    if is_identifier(&code) {
        if module == SECURITY {
            let other = || {
                if code.starts_with("PR_") {
                    by_prefix(&code)
                } else {
                    TLS_SITE
                }
            };
            return Some(nss_by_name(&code).unwrap_or_else(other));
        }
        return Some(by_name(&code, true).unwrap_or(OTHER));
    }
    // (u64 as in by_number: one parser for both)
    let n = u32::try_from(crate::text::parse_u64(code.trim_start_matches('-'), 10)?).ok()?;
    Some(by_nsresult(failure(module, n & 0xFFFF)))
}

/// Words that mark a message as a TLS or certificate problem.
const TLS_WORDS: &str =
    "certificate|ssl|tls|security|secure|cipher|handshake|ocsp|revocation|pkcs|issuer";

/// An English message: Firefox's text for an NSS error.
fn by_message(s: &str) -> NetError {
    if let Some(e) = nss_by_message(s) {
        return e;
    }
    let lower = s.to_ascii_lowercase();
    if TLS_WORDS.split('|').any(|w| lower.contains(w)) {
        return TLS_SITE;
    }
    OTHER
}

/// Classifies the error string that webRequest or webNavigation reported.
pub fn classify(error: &str) -> NetError {
    let s = clip(error, MAX_INPUT).trim();
    let s = strip_prefix_ci(s, "net::").map(str::trim).unwrap_or(s);
    if s.is_empty() {
        return OTHER;
    }
    if is_identifier(s) {
        return by_name(&s.to_ascii_uppercase(), true).unwrap_or(OTHER);
    }
    if let Some(e) = by_number(s) {
        return e;
    }
    if let Some(e) = by_generated(s) {
        return e;
    }
    // A name followed by more ("NS_ERROR_NET_RESET (0x804b0014)"): the name, when known.
    let head = s
        .split(|c: char| c.is_whitespace() || c == '(' || c == ':')
        .next()
        .unwrap_or("");
    if head.len() >= 4 && head.contains('_') && is_identifier(head) {
        if let Some(e) = by_name(&head.to_ascii_uppercase(), false) {
            return e;
        }
    }
    by_message(s)
}

#[cfg(test)]
mod tests;
