//! Reads the contract's inputs out of the JSON text of the arguments (src/json.rs reads the
//! text into a [`Val`] tree; the bindings make the text with one `JSON.stringify` per
//! argument). Pure: no wasm-bindgen here, so these readers are tested natively. Nothing
//! formats a float, and every error names the field:
//! `failure.responseHeaders[3].name: expected a string`.
//!
//! The rules:
//!
//! - an object is a JSON object; unknown fields are ignored;
//! - `Option` fields: missing and `null` are `None`;
//! - list fields that may be null: missing and `null` are empty;
//! - fields with a default: missing is the default, any value that is there (even `null`)
//!   must have the type;
//! - required fields (of `Diagnosis`, `Gateway`): missing is an error;
//! - a string is a string, cut at [`MAX_STRING`] bytes (of UTF-8, at a character's edge); a
//!   bool a boolean, a number a number; a whole number must be a safe integer within the
//!   Rust type's range;
//! - a list is an array, read up to its bound (the rest is not read);
//! - an enum is its name as a string.
//!
//! What `JSON.stringify` does before them is part of the contract (docs/core-api.md): a
//! field whose value is `undefined`, a function or a symbol is missing, NaN and ±Infinity
//! are `null`, a Set or a Map is `{}` (no list), a `Date` its ISO string (`toJSON`).

use crate::json::Val;
use crate::model::{
    Cause, ClockSample, Culprit, Diagnosis, Environment, ExtensionInfo, Failure, Gateway,
    GeneratedBy, Header, History, InputError, ProxyInfo, ProxySettings, RecentFailure, Reference,
    Role,
};
use crate::view::{RetryState, Unknown};
use std::cell::Cell;

mod machine;
pub use machine::{ctx as machine_ctx, event as machine_event, state as machine_state};

/// Where a value sits in the input, for error messages.
pub enum Path<'a> {
    Root(&'static str),
    Key(&'a Path<'a>, &'static str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn write(&self, out: &mut String) {
        match *self {
            Path::Root(s) => out.push_str(s),
            Path::Key(p, k) => {
                p.write(out);
                out.push('.');
                out.push_str(k);
            }
            Path::Index(p, i) => {
                p.write(out);
                out.push('[');
                crate::text::push_u64(out, i as u64);
                out.push(']');
            }
        }
    }

    /// "<path>: <what>".
    #[cold]
    #[inline(never)]
    pub fn error(&self, what: &str) -> InputError {
        let mut s = String::new();
        self.write(&mut s);
        s.push_str(": ");
        s.push_str(what);
        InputError(s)
    }
}

/// The longest string read (bytes of UTF-8): no field is read further than the longest text
/// the core looks at, the page's body.
pub const MAX_STRING: usize = crate::text::MAX_BODY;
/// The most items read of a list inside an item (a header list, an extension's permissions,
/// the evidence of a diagnosis); the contract's top-level lists have their own bounds.
const MAX_ITEMS: usize = 200;

/// The first error met while reading an argument. The readers go on after an error (with
/// defaults) instead of returning early: each `?` inside a struct literal costs the code that
/// drops the fields read before it, which made the readers most of their size in the wasm.
/// What the caller gets is still the first error, in reading order.
#[derive(Default)]
pub struct Errs(Cell<Option<InputError>>);

impl Errs {
    #[cold]
    #[inline(never)]
    fn put(&self, at: &Path, what: &str) {
        let first = self.0.take();
        self.0.set(Some(first.unwrap_or_else(|| at.error(what))));
    }

    /// The first error, if any.
    pub fn take(&self) -> Option<InputError> {
        self.0.take()
    }
}

/// How a field may be missing: [`Opt`] (missing or `null` is `None`), [`Dflt`] (missing is
/// `None`, for the default; `null` must have the type), [`Req`] (missing is an error).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Opt,
    Dflt,
    Req,
}
pub use Need::{Dflt, Opt, Req};

const STRING: &str = "expected a string";
const U16: &str = "expected a whole number from 0 to 65535";
const U32: &str = "expected a whole number from 0 to 4294967295";

/// A string, cut at [`MAX_STRING`].
#[inline(never)]
fn string_of(v: &Val, at: &Path, e: &Errs) -> Option<String> {
    match v {
        Val::Str(s) => Some(crate::text::clip(s, MAX_STRING).to_string()),
        _ => {
            e.put(at, STRING);
            None
        }
    }
}

/// A list item that is a string.
pub fn string(v: &Val, at: &Path, e: &Errs) -> Option<String> {
    string_of(v, at, e)
}

fn number(v: &Val, at: &Path, e: &Errs) -> Option<f64> {
    match v {
        Val::Num(x) => Some(*x),
        _ => {
            e.put(at, "expected a number");
            None
        }
    }
}

/// The items of an array, at most `max` of them: `None` (and an error) for another value.
#[inline(never)]
fn items<'a>(v: &'a Val, at: &Path, e: &Errs, max: usize) -> &'a [Val] {
    match v {
        Val::Arr(xs) => &xs[..xs.len().min(max)],
        _ => {
            e.put(at, "expected a list");
            &[]
        }
    }
}

/// The first `max` items of a list; the rest is not read. An item that is wrong is left out
/// (its error is the call's).
pub fn list<T>(
    v: &Val,
    at: &Path,
    e: &Errs,
    max: usize,
    item: fn(&Val, &Path, &Errs) -> Option<T>,
) -> Vec<T> {
    let xs = items(v, at, e, max);
    let mut out = Vec::with_capacity(xs.len());
    for (i, x) in xs.iter().enumerate() {
        if let Some(t) = item(x, &Path::Index(at, i), e) {
            out.push(t);
        }
    }
    out
}

/// An object's fields.
pub struct Obj<'a> {
    fields: &'a [(String, Val)],
    at: &'a Path<'a>,
    e: &'a Errs,
}

impl<'a> Obj<'a> {
    /// `v` as an object; `None` (and an error) for another value.
    #[inline(never)]
    pub fn new(v: &'a Val, at: &'a Path<'a>, e: &'a Errs) -> Option<Self> {
        match v {
            Val::Obj(fields) => Some(Obj { fields, at, e }),
            _ => {
                e.put(at, "expected an object");
                None
            }
        }
    }

    /// The value of `key` (its last one, as `JSON.parse` keeps) as `need` allows it.
    #[inline(never)]
    fn get(&self, key: &'static str, need: Need) -> Option<&'a Val> {
        let v = self
            .fields
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v);
        match v {
            None if need == Req => {
                self.e.put(&Path::Key(self.at, key), "missing");
                None
            }
            Some(Val::Null) if need == Opt => None,
            _ => v,
        }
    }

    #[inline(never)]
    fn bad(&self, key: &'static str, what: &str) {
        self.e.put(&Path::Key(self.at, key), what);
    }

    #[inline(never)]
    pub fn text(&self, key: &'static str, need: Need) -> Option<String> {
        string_of(self.get(key, need)?, &Path::Key(self.at, key), self.e)
    }

    /// A string with a default: missing is "".
    pub fn text_or(&self, key: &'static str) -> String {
        self.text(key, Dflt).unwrap_or_default()
    }

    #[inline(never)]
    pub fn num(&self, key: &'static str, need: Need) -> Option<f64> {
        match self.get(key, need)? {
            Val::Num(x) => Some(*x),
            _ => {
                self.bad(key, "expected a number");
                None
            }
        }
    }

    #[inline(never)]
    pub fn flag(&self, key: &'static str, need: Need) -> Option<bool> {
        match self.get(key, need)? {
            Val::Bool(x) => Some(*x),
            _ => {
                self.bad(key, "expected true or false");
                None
            }
        }
    }

    /// A whole number from 0 to `max` (`what` says so when it is not one).
    #[inline(never)]
    fn whole(&self, key: &'static str, need: Need, max: u32, what: &str) -> Option<u32> {
        match self.get(key, need)? {
            Val::Num(x) if *x >= 0.0 && *x <= f64::from(max) && *x == x.trunc() => Some(*x as u32),
            _ => {
                self.bad(key, what);
                None
            }
        }
    }

    pub fn u16(&self, key: &'static str) -> Option<u16> {
        self.whole(key, Opt, u16::MAX.into(), U16).map(|x| x as u16)
    }

    pub fn u32(&self, key: &'static str, need: Need) -> Option<u32> {
        self.whole(key, need, u32::MAX, U32)
    }

    /// An enum given by its name (`as_str` of one of `all`).
    fn named<T: Copy>(
        &self,
        key: &'static str,
        all: &[T],
        name: fn(T) -> &'static str,
    ) -> Option<T> {
        let found = match self.get(key, Req)? {
            Val::Str(s) => all.iter().copied().find(|x| name(*x) == s),
            _ => {
                self.bad(key, STRING);
                return None;
            }
        };
        if found.is_none() {
            self.bad(key, "not one of the known values");
        }
        found
    }

    /// An object field read by `f`.
    pub fn obj<T>(
        &self,
        key: &'static str,
        need: Need,
        f: fn(&Val, &Path, &Errs) -> Option<T>,
    ) -> Option<T> {
        f(self.get(key, need)?, &Path::Key(self.at, key), self.e)
    }

    /// A list that may be missing or null (then empty), cut after `max` items.
    pub fn list<T>(
        &self,
        key: &'static str,
        need: Need,
        max: usize,
        item: fn(&Val, &Path, &Errs) -> Option<T>,
    ) -> Vec<T> {
        match self.get(key, need) {
            Some(v) => list(v, &Path::Key(self.at, key), self.e, max, item),
            None => Vec::new(),
        }
    }

    /// A list of strings (at most [`MAX_ITEMS`]).
    pub fn texts(&self, key: &'static str, need: Need) -> Vec<String> {
        self.list(key, need, MAX_ITEMS, string)
    }
}

// ---------------------------------------------------------------- the inputs

pub fn failure(v: &Val, at: &Path, e: &Errs) -> Option<Failure> {
    let o = Obj::new(v, at, e)?;
    Some(Failure {
        url: o.text_or("url"),
        method: o.text("method", Opt),
        status_code: o.u16("statusCode"),
        status_line: o.text("statusLine", Opt),
        response_headers: o.list("responseHeaders", Opt, MAX_ITEMS, header),
        error: o.text("error", Opt),
        body_text: o.text("bodyText", Opt),
        page_text: o.text("pageText", Opt),
        proxy: o.obj("proxy", Opt, proxy_info),
        ip: o.text("ip", Opt),
        time_stamp: o.num("timeStamp", Opt),
        ignored_sites: o.list(
            "ignoredSites",
            Opt,
            crate::domain::MAX_IGNORED_SITES,
            string,
        ),
    })
}

fn header(v: &Val, at: &Path, e: &Errs) -> Option<Header> {
    let o = Obj::new(v, at, e)?;
    Some(Header {
        name: o.text_or("name"),
        value: o.text("value", Opt),
    })
}

fn proxy_info(v: &Val, at: &Path, e: &Errs) -> Option<ProxyInfo> {
    let o = Obj::new(v, at, e)?;
    Some(ProxyInfo {
        kind: o.text("type", Opt),
        host: o.text("host", Opt),
        port: o.u32("port", Opt),
    })
}

pub fn diagnosis(v: &Val, at: &Path, e: &Errs) -> Option<Diagnosis> {
    let o = Obj::new(v, at, e)?;
    let req = |k| o.flag(k, Req).unwrap_or_default();
    let text = |k| o.text(k, Req).unwrap_or_default();
    Some(Diagnosis {
        failed: req("failed"),
        cause: o
            .named("cause", &Cause::ALL, Cause::as_str)
            .unwrap_or(Cause::ALL[0]),
        culprit: o
            .named("culprit", &Culprit::ALL, Culprit::as_str)
            .unwrap_or(Culprit::ALL[0]),
        generated_by: o
            .named("generatedBy", &GeneratedBy::ALL, GeneratedBy::as_str)
            .unwrap_or(GeneratedBy::ALL[0]),
        gateway: o.obj("gateway", Opt, gateway),
        transient: req("transient"),
        retry_after_seconds: o.num("retryAfterSeconds", Opt),
        safe_to_retry: req("safeToRetry"),
        confidence: o.num("confidence", Req).unwrap_or_default(),
        url: text("url"),
        host: text("host"),
        origin: text("origin"),
        method: text("method"),
        status_code: o.u16("statusCode"),
        status_text: o.text("statusText", Opt),
        error: o.text("error", Opt),
        evidence: o.texts("evidence", Req),
        references: o.list(
            "references",
            Opt,
            crate::references::MAX_REFERENCES,
            reference,
        ),
        sign_in_url: o.text("signInUrl", Opt),
        clock_offset_ms: o.num("clockOffsetMs", Opt),
        badge: o.text_or("badge"),
        ignored: o.flag("ignored", Dflt).unwrap_or_default(),
    })
}

fn reference(v: &Val, at: &Path, e: &Errs) -> Option<Reference> {
    let o = Obj::new(v, at, e)?;
    Some(Reference {
        label: o.text_or("label"),
        value: o.text_or("value"),
    })
}

fn gateway(v: &Val, at: &Path, e: &Errs) -> Option<Gateway> {
    let o = Obj::new(v, at, e)?;
    Some(Gateway {
        id: o.text("id", Req).unwrap_or_default(),
        name: o.text("name", Req).unwrap_or_default(),
        version: o.text("version", Opt),
        role: o
            .named("role", &Role::ALL, Role::as_str)
            .unwrap_or(Role::ALL[0]),
        evidence: o.texts("evidence", Req),
    })
}

/// The bounds of `knownHosts` and `recentFailures` (the hosts) and of `extensions`.
pub struct Bounds {
    pub hosts: usize,
    pub extensions: usize,
}

pub fn environment(v: &Val, at: &Path, e: &Errs, max: &Bounds) -> Option<Environment> {
    let o = Obj::new(v, at, e)?;
    let now = o.num("now", Opt);
    // `ipv4At` (when a page last loaded over IPv4): the core says whether that means it works
    let ipv4_at = o.num("ipv4At", Opt);
    Some(Environment {
        url: o.text("url", Opt),
        method: o.text("method", Opt),
        browser: o.text("browser", Opt),
        platform: o.text("platform", Opt),
        proxy: o.obj("proxy", Opt, proxy_settings),
        extensions: o.list("extensions", Opt, max.extensions, extension),
        recent_failures: o.list("recentFailures", Opt, max.hosts, recent_failure),
        known_hosts: o.list("knownHosts", Opt, max.hosts, string),
        incognito_allowed: o.flag("incognitoAllowed", Opt),
        online: o.flag("online", Opt),
        addresses: o.list("addresses", Opt, 32, string),
        resolves_without_secure_dns: o.flag("resolvesWithoutSecureDns", Opt),
        ipv4_works: o
            .flag("ipv4Works", Opt)
            .or(crate::policy::ipv4_works(ipv4_at, now)),
        clock_samples: o.list(
            "clockSamples",
            Opt,
            crate::policy::MAX_CLOCK_SAMPLES,
            clock_sample,
        ),
        captive_portal: o.text("captivePortal", Opt),
        portal_url: o.text("portalUrl", Opt),
        attempts: o.u32("attempts", Opt),
        now,
    })
}

fn clock_sample(v: &Val, at: &Path, e: &Errs) -> Option<ClockSample> {
    let o = Obj::new(v, at, e)?;
    Some(ClockSample {
        date: o.text_or("date"),
        at: o.num("at", Dflt).unwrap_or_default(),
    })
}

fn proxy_settings(v: &Val, at: &Path, e: &Errs) -> Option<ProxySettings> {
    let o = Obj::new(v, at, e)?;
    Some(ProxySettings {
        mode: o.text("mode", Opt),
        controlled_by: o.text("controlledBy", Opt),
        by_extension: o.flag("byExtension", Dflt).unwrap_or_default(),
    })
}

fn recent_failure(v: &Val, at: &Path, e: &Errs) -> Option<RecentFailure> {
    let o = Obj::new(v, at, e)?;
    Some(RecentFailure {
        host: o.text_or("host"),
        at: o.num("at", Dflt).unwrap_or_default(),
        cause: o.text("cause", Opt),
    })
}

pub fn extension(v: &Val, at: &Path, e: &Errs) -> Option<ExtensionInfo> {
    let o = Obj::new(v, at, e)?;
    Some(ExtensionInfo {
        id: o.text_or("id"),
        name: o.text_or("name"),
        description: o.text("description", Opt),
        enabled: o.flag("enabled", Opt),
        kind: o.text("type", Opt),
        permissions: o.texts("permissions", Opt),
        host_permissions: o.texts("hostPermissions", Opt),
        install_type: o.text("installType", Opt),
        may_disable: o.flag("mayDisable", Opt),
    })
}

/// A list of recent failures as the shell stored it (at most as many as known hosts).
pub fn recent_failures(v: &Val, at: &Path, e: &Errs) -> Option<Vec<RecentFailure>> {
    Some(list(v, at, e, super::MAX_KNOWN_HOSTS, recent_failure))
}

/// A list of known hosts.
pub fn known_hosts(v: &Val, at: &Path, e: &Errs) -> Option<Vec<String>> {
    Some(list(v, at, e, super::MAX_KNOWN_HOSTS, string))
}

/// A list of extensions.
pub fn extensions(v: &Val, at: &Path, e: &Errs) -> Option<Vec<ExtensionInfo>> {
    Some(list(v, at, e, super::MAX_EXTENSIONS, extension))
}

/// What the environment could not read: `environment.unknown`, a list of "extensions",
/// "proxy".
pub fn unknown(v: &Val, at: &Path, e: &Errs) -> Option<Unknown> {
    let o = Obj::new(v, at, e)?;
    let names = o.list("unknown", Opt, 8, string);
    Some(Unknown {
        extensions: names.iter().any(|n| n == "extensions"),
        proxy: names.iter().any(|n| n == "proxy"),
    })
}

/// A tab's automatic-retry state as the shell stored it.
pub fn retry_state(v: &Val, at: &Path, e: &Errs) -> Option<RetryState> {
    let o = Obj::new(v, at, e)?;
    Some(RetryState {
        state: o.text("state", Opt),
        reason: o.text("reason", Opt),
        due: o.num("due", Opt),
        attempts: o.u32("attempts", Opt).unwrap_or(0),
        max: o.u32("max", Opt),
        now: o.num("now", Opt),
        watching: o.flag("watching", Opt),
        notifications: o.flag("notifications", Opt),
    })
}

pub fn history(v: &Val, at: &Path, e: &Errs) -> Option<History> {
    let o = Obj::new(v, at, e)?;
    Some(History {
        attempts: o.u32("attempts", Dflt).unwrap_or_default(),
        first_failure_at: o.num("firstFailureAt", Opt),
        now: o.num("now", Opt),
        seed: o.num("seed", Opt),
    })
}

/// An action the panel sent or the advice offered: {type, url?, id?}.
pub fn action_ref(v: &Val, at: &Path, e: &Errs) -> Option<crate::trust::ActionRef> {
    let o = Obj::new(v, at, e)?;
    Some(crate::trust::ActionRef {
        kind: o.text("type", Req).unwrap_or_default(),
        url: o.text("url", Opt),
        id: o.text("id", Opt),
    })
}

/// The steps of a tab's advice, as far as trust needs them: {steps: [{id, action?}]}.
pub fn advice_steps(v: &Val, at: &Path, e: &Errs) -> Option<Vec<crate::trust::StepRef>> {
    Some(
        Obj::new(v, at, e)?.list("steps", Opt, MAX_ITEMS, |v, at, e| {
            let o = Obj::new(v, at, e)?;
            Some(crate::trust::StepRef {
                id: o.text_or("id"),
                action: o.obj("action", Opt, action_ref),
            })
        }),
    )
}

/// The ids of a list of extensions ([{id}]).
pub fn extension_ids(v: &Val, at: &Path, e: &Errs) -> Option<Vec<String>> {
    Some(list(v, at, e, MAX_ITEMS, |v, at, e| {
        Obj::new(v, at, e)?.text("id", Req)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Header;

    fn val(text: &str) -> Val {
        crate::json::read(text, 16, |s| s.parse().unwrap()).expect("JSON")
    }

    /// What `f` reads from `text` at `root`: the value, or the first error's message.
    fn run<T>(
        text: &str,
        root: &'static str,
        f: fn(&Val, &Path, &Errs) -> Option<T>,
    ) -> Result<T, String> {
        let e = Errs::default();
        let r = f(&val(text), &Path::Root(root), &e);
        match (e.take(), r) {
            (None, Some(x)) => Ok(x),
            (Some(err), _) => Err(err.0),
            (None, None) => Err("nothing".into()),
        }
    }

    #[test]
    fn a_failure_reads_as_serde_reads_it() {
        let f = Failure {
            url: "https://shop.example.com/a\"b".into(),
            method: Some("POST".into()),
            status_code: Some(502),
            status_line: Some("HTTP/1.1 502 Bad Gateway".into()),
            response_headers: vec![
                Header {
                    name: "Server".into(),
                    value: Some("nginx/1.22.1 é😀".into()),
                },
                Header {
                    name: "X-Empty".into(),
                    value: None,
                },
            ],
            body_text: Some("<h1>502</h1>\n\u{1}".into()),
            proxy: Some(ProxyInfo {
                kind: Some("http".into()),
                host: Some("127.0.0.1".into()),
                port: Some(3128),
            }),
            time_stamp: Some(1_795_000_000_000.5),
            ignored_sites: vec!["*.example.org".into()],
            ..Failure::default()
        };
        assert_eq!(
            run(&serde_json::to_string(&f).unwrap(), "failure", failure),
            Ok(f)
        );
    }

    #[test]
    fn errors_name_the_field() {
        let e = run(
            r#"{"url":"u","responseHeaders":[{"name":"a"},{"name":"b"},{"name":"c"},{"name":5}]}"#,
            "failure",
            failure,
        );
        assert_eq!(
            e.unwrap_err(),
            "failure.responseHeaders[3].name: expected a string"
        );
        // the first error in reading order, though reading goes on after it
        let e = run(
            r#"{"url":1,"statusCode":-1,"responseHeaders":[{"name":5}]}"#,
            "failure",
            failure,
        );
        assert_eq!(e.unwrap_err(), "failure.url: expected a string");
        for (text, want) in [
            (
                r#"{"statusCode":502.5}"#,
                "failure.statusCode: expected a whole number from 0 to 65535",
            ),
            (
                r#"{"statusCode":"502"}"#,
                "failure.statusCode: expected a whole number from 0 to 65535",
            ),
            (
                r#"{"statusCode":70000}"#,
                "failure.statusCode: expected a whole number from 0 to 65535",
            ),
            (r#"{"url":42}"#, "failure.url: expected a string"),
            (r#"{"url":null}"#, "failure.url: expected a string"),
            (
                r#"{"responseHeaders":{}}"#,
                "failure.responseHeaders: expected a list",
            ),
            (
                r#"{"proxy":{"port":-1}}"#,
                "failure.proxy.port: expected a whole number from 0 to 4294967295",
            ),
            (
                r#"{"timeStamp":true}"#,
                "failure.timeStamp: expected a number",
            ),
            (r#""https://example.com/""#, "failure: expected an object"),
        ] {
            assert_eq!(run(text, "failure", failure).unwrap_err(), want, "{text}");
        }
        let env = |v: &Val, at: &Path, e: &Errs| {
            environment(
                v,
                at,
                e,
                &Bounds {
                    hosts: 10,
                    extensions: 10,
                },
            )
        };
        let e = run(
            r#"{"extensions":[{"id":"x","permissions":["a",null]}]}"#,
            "environment",
            env,
        );
        assert_eq!(
            e.unwrap_err(),
            "environment.extensions[0].permissions[1]: expected a string"
        );
        let d = r#"{"failed":true,"cause":"nope","culprit":"site","generatedBy":"gateway","transient":true,"safeToRetry":true,"confidence":1,"url":"u","host":"h","origin":"o","method":"GET","evidence":[]}"#;
        assert_eq!(
            run(d, "diagnosis", diagnosis).unwrap_err(),
            "diagnosis.cause: not one of the known values"
        );
        let d = d.replace("\"nope\"", "\"upstream-timeout\"");
        assert!(run(&d, "diagnosis", diagnosis).is_ok());
        let no_url = d.replace("\"url\":\"u\",", "");
        assert_eq!(
            run(&no_url, "diagnosis", diagnosis).unwrap_err(),
            "diagnosis.url: missing"
        );
        let e = run(r#"{"type":"nope"}"#, "event", machine_event);
        assert_eq!(e.unwrap_err(), "event.type: not one of the known values");
        let e = run(
            r#"{"type":"seen","then":{"type":"notice"}}"#,
            "event",
            machine_event,
        );
        assert_eq!(e.unwrap_err(), "event.then.notice: missing");
    }

    #[test]
    fn lists_and_strings_are_cut() {
        let hosts: Vec<String> = (0..50).map(|i| format!("h{i}.example")).collect();
        let e = Errs::default();
        let v = val(&serde_json::to_string(&hosts).unwrap());
        assert_eq!(
            list(&v, &Path::Root("knownHosts"), &e, 20, string),
            hosts[..20]
        );
        // an item beyond the bound is not read: a wrong type there is no error
        let v = val(r#"["a","b",3]"#);
        assert_eq!(list(&v, &Path::Root("x"), &e, 2, string), ["a", "b"]);
        assert!(e.take().is_none());
        let long = "é".repeat(MAX_STRING);
        let s = string(&Val::Str(long), &Path::Root("s"), &e).unwrap();
        assert_eq!(s.len(), MAX_STRING);
        let odd = format!("a{}", "😀".repeat(MAX_STRING / 4));
        let s = string(&Val::Str(odd), &Path::Root("s"), &e).unwrap();
        assert!(s.len() <= MAX_STRING && s.len() > MAX_STRING - 4);
    }
}
