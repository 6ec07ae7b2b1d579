//! Reads the contract's inputs out of JavaScript values, without serde: every property is
//! read by a small JavaScript helper that catches what a getter or Proxy trap throws (`field`
//! below: an error here instead of unwinding through the module, and nothing left in
//! wasm-bindgen's table), nothing formats a float, and every error names the field:
//! `failure.responseHeaders[3].name: expected a string`.
//!
//! The readers record the first error in [`Errs`] and go on with defaults instead of returning
//! at each field: each `?` inside a struct literal cost the code that drops the fields read
//! before it, which was most of the readers' size in the wasm.
//!
//! The rules are the ones serde-wasm-bindgen applied to the model's derives before:
//!
//! - an object is anything of `typeof` "object" but null (arrays too); unknown fields are
//!   ignored;
//! - `Option` fields: missing, `undefined` and `null` are `None`;
//! - list fields that may be null: missing, `undefined` and `null` are empty;
//! - fields with a default: missing is the default, any value that is there (even
//!   `undefined` or `null`) must have the type;
//! - required fields (of `Diagnosis`, `Gateway`): missing is an error;
//! - a string is a JavaScript string, a bool a boolean, a number a number (no BigInt); a
//!   whole number must be a safe integer within the Rust type's range;
//! - a list is any iterable object: an array by index, anything else (a Set, ...) with the
//!   iteration protocol;
//! - an enum is its name as a string.
//!
//! Two differences, both for inputs no caller sends: a list with a bound stops being read
//! at the bound (serde-wasm-bindgen read it all, then it was cut), and an enum given as a
//! one-key object (`{"dns": null}`, serde's externally tagged form) is no longer accepted.

use crate::model::{
    Cause, ClockSample, Culprit, Diagnosis, Environment, ExtensionInfo, Failure, Gateway,
    GeneratedBy, Header, History, InputError, ProxyInfo, ProxySettings, RecentFailure, Reference,
    Role,
};
use crate::view::{RetryState, Unknown};
use js_sys::JsString;
use std::cell::{Cell, UnsafeCell};
use wasm_bindgen::prelude::*;

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

/// The JavaScript string for a field name, made once: JavaScript finds a property much
/// faster by a string it has seen before than by a new one each time. The strings live as
/// long as the module (a few dozen names), in a static table rather than on the heap, so that
/// the allocator's arena is not kept from reusing a call's memory each time a name is first
/// seen (src/bindings/arena.rs).
#[inline(never)]
fn key(k: &'static str) -> &'static JsValue {
    let slots = KEYS.0.get() as *mut KeySlot;
    for i in 0..KEY_SLOTS {
        // SAFETY: one thread (wasm32 without atomics). A slot is written once, while it is
        // empty (so no reference into it exists), and never moved or dropped after, so the
        // references handed out stay valid for the module's life.
        let slot = unsafe { &*slots.add(i) };
        match slot {
            Some((p, n, v)) if *p == k.as_ptr() && *n == k.len() => return v,
            Some(_) => {}
            None => {
                unsafe { *slots.add(i) = Some((k.as_ptr(), k.len(), JsValue::from_str(k))) };
                if let Some((_, _, v)) = unsafe { &*slots.add(i) } {
                    return v;
                }
            }
        }
    }
    // more names than slots: kept on the heap
    Box::leak(Box::new(JsValue::from_str(k)))
}

const KEY_SLOTS: usize = 160;

/// A name (where its text is, its length) and its JavaScript string.
type KeySlot = Option<(*const u8, usize, JsValue)>;

struct Keys(UnsafeCell<[KeySlot; KEY_SLOTS]>);

// One thread: the wasm is built without atomics; natively `key` is never called.
unsafe impl Sync for Keys {}

static KEYS: Keys = Keys(UnsafeCell::new([const { None }; KEY_SLOTS]));

// Property reads that never throw into the wasm: wasm-bindgen 0.2.130 leaves a slot of its
// table of JavaScript values taken for each exception a `catch` import returns (the unused
// result's), so a throwing getter read by `Reflect.get` grew that table for good, and its
// Rust-side list of slots grew inside a call, which raised the arena's floor over that call's
// memory (src/bindings/arena.rs, tests/node/memory.test.mjs). These return a value, or one of
// two symbols: NO (no such property; the end of an iterator) and BAD (it threw).
#[wasm_bindgen(inline_js = "const NO = Symbol(), BAD = Symbol();
export function field(o, k) { try { const v = o[k]; return v === undefined && !(k in o) ? NO : v; } catch { return BAD; } }
export function listOf(o) { try { return Array.isArray(o) ? o.length : o[Symbol.iterator](); } catch { return BAD; } }
export function step(it) { try { const r = it.next(); return r.done ? NO : r.value; } catch { return BAD; } }
export function kind(x) { return x === NO ? 1 : x === BAD ? 2 : 0; }")]
extern "C" {
    /// `o[k]`, NO when `o` has no such property, BAD when reading it threw.
    fn field(o: &JsValue, k: &JsValue) -> JsValue;
    /// An array's length, another iterable's iterator, or BAD.
    #[wasm_bindgen(js_name = listOf)]
    fn list_of(o: &JsValue) -> JsValue;
    /// The iterator's next value, NO at its end, or BAD.
    fn step(it: &JsValue) -> JsValue;
    /// 1 for NO, 2 for BAD, else 0.
    fn kind(x: &JsValue) -> u32;
}

/// What a read gave.
enum Got {
    Value(JsValue),
    /// No such property, or the end of an iterator.
    No,
    /// Reading it threw.
    Bad,
}

fn got(x: JsValue) -> Got {
    // only a symbol can be one of the two (a property that is a symbol is a type error later)
    if x.is_symbol() {
        match kind(&x) {
            1 => return Got::No,
            2 => return Got::Bad,
            _ => {}
        }
    }
    Got::Value(x)
}

/// The longest string read (UTF-16 code units): no field is read further than the longest
/// text the core looks at, the page's body. A longer string is cut in JavaScript first, so
/// a string of megabytes costs no more than one of this length.
const MAX_STRING: u32 = crate::text::MAX_BODY as u32;
/// The most items read of a list inside an item (a header list, an extension's permissions,
/// the evidence of a diagnosis); the contract's top-level lists have their own bounds.
const MAX_ITEMS: usize = 200;

/// A string, cut at [`MAX_STRING`] UTF-16 code units in JavaScript before it is copied.
#[inline(never)]
fn string_of(v: &JsValue, at: &Path, e: &Errs) -> Option<String> {
    let Some(s) = v.dyn_ref::<JsString>() else {
        e.put(at, STRING);
        return None;
    };
    if s.length() <= MAX_STRING {
        return s.as_string();
    }
    // Not in the middle of a surrogate pair (a high surrogate is 0xD800 to 0xDBFF).
    let end = if (55296.0..56320.0).contains(&s.char_code_at(MAX_STRING - 1)) {
        MAX_STRING - 1
    } else {
        MAX_STRING
    };
    s.slice(0, end).as_string()
}

/// The first error met while reading an argument. The readers go on after an error (with
/// defaults) instead of returning early: each `?` inside a struct literal costs the code that
/// drops the fields read before it, which made the readers most of their size in the wasm.
/// After an error nothing more is read from JavaScript (a hostile object's every getter is not
/// called), so what the caller gets is the first error, in reading order.
#[derive(Default)]
pub struct Errs {
    first: Cell<Option<InputError>>,
    any: Cell<bool>,
}

impl Errs {
    #[cold]
    #[inline(never)]
    fn put(&self, at: &Path, what: &str) {
        if !self.any.replace(true) {
            self.first.set(Some(at.error(what)));
        }
    }

    /// Whether an error was met.
    fn failed(&self) -> bool {
        self.any.get()
    }

    /// The first error, if any.
    pub fn take(&self) -> Option<InputError> {
        self.any.set(false);
        self.first.take()
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

/// A list item that is a string.
pub fn string(v: &JsValue, at: &Path, e: &Errs) -> Option<String> {
    string_of(v, at, e)
}

fn number(v: &JsValue, at: &Path, e: &Errs) -> Option<f64> {
    let x = v.as_f64();
    if x.is_none() {
        e.put(at, "expected a number");
    }
    x
}

/// The items of an iterable object (an array, a Set, ...), one at a time. Not generic, so
/// that this code is in the wasm once, not once per item type.
struct Items<'a> {
    v: &'a JsValue,
    /// An array's length, or `None` for another iterable (then `it` is its iterator).
    len: Option<usize>,
    it: JsValue,
    i: usize,
}

impl<'a> Items<'a> {
    /// `None` (and an error) when `v` is not a list.
    #[inline(never)]
    fn new(v: &'a JsValue, at: &Path, e: &Errs) -> Option<Self> {
        let items = Self::of(v);
        if items.is_none() {
            e.put(at, "expected a list");
        }
        items
    }

    fn of(v: &'a JsValue) -> Option<Self> {
        if !v.is_object() {
            return None;
        }
        let mut items = Items {
            v,
            len: None,
            it: JsValue::UNDEFINED,
            i: 0,
        };
        let l = list_of(v);
        if let Some(n) = l.as_f64() {
            // Arrays by index, as their iterator would give them, but with one call per item.
            items.len = Some(if n >= u32::MAX as f64 {
                u32::MAX as usize
            } else {
                n as usize
            });
        } else {
            match got(l) {
                Got::Value(it) if it.is_object() => items.it = it,
                _ => return None,
            }
        }
        Some(items)
    }

    /// The next item, or `None` at the end or when it cannot be read (then an error at
    /// `at`, the item's path).
    #[inline(never)]
    fn next(&mut self, at: &Path, e: &Errs) -> Option<JsValue> {
        if e.failed() {
            return None;
        }
        let i = self.i;
        self.i += 1;
        let r = match self.len {
            Some(n) if i >= n => return None,
            Some(_) => match got(field(self.v, &JsValue::from_f64(i as f64))) {
                // a hole in an array
                Got::No => Got::Value(JsValue::UNDEFINED),
                r => r,
            },
            None => got(step(&self.it)),
        };
        match r {
            Got::Value(x) => Some(x),
            Got::No => None,
            Got::Bad => {
                e.put(at, "cannot be read");
                None
            }
        }
    }
}

/// The first `max` items of an iterable object; the rest is not read. An item that is wrong
/// is left out (its error is the call's).
pub fn list<T>(
    v: &JsValue,
    at: &Path,
    e: &Errs,
    max: usize,
    item: fn(&JsValue, &Path, &Errs) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    let Some(mut items) = Items::new(v, at, e) else {
        return out;
    };
    let mut i = 0;
    while i < max {
        let at = Path::Index(at, i);
        i += 1;
        match items.next(&at, e) {
            Some(x) => {
                if let Some(t) = item(&x, &at, e) {
                    out.push(t);
                }
            }
            None => break,
        }
    }
    out
}
/// An object's fields.
pub struct Obj<'a> {
    v: &'a JsValue,
    at: &'a Path<'a>,
    e: &'a Errs,
}

impl<'a> Obj<'a> {
    /// `v` as an object; `None` (and an error) for another value.
    #[inline(never)]
    pub fn new(v: &'a JsValue, at: &'a Path<'a>, e: &'a Errs) -> Option<Self> {
        if v.is_object() {
            Some(Obj { v, at, e })
        } else {
            e.put(at, "expected an object");
            None
        }
    }

    /// `v[key]` as `need` allows it: `None` when it is missing (an error if required), when
    /// it is `undefined` or `null` and optional, or when it cannot be read (an error).
    #[inline(never)]
    fn get(&self, key: &'static str, need: Need) -> Option<JsValue> {
        if self.e.failed() {
            return None;
        }
        match got(field(self.v, self::key(key))) {
            Got::Bad => {
                self.bad(key, "cannot be read");
                None
            }
            Got::No => {
                if need == Req {
                    self.bad(key, "missing");
                }
                None
            }
            Got::Value(x) if need == Opt && (x.is_undefined() || x.is_null()) => None,
            Got::Value(x) => Some(x),
        }
    }

    #[inline(never)]
    fn bad(&self, key: &'static str, what: &str) {
        self.e.put(&Path::Key(self.at, key), what);
    }

    #[inline(never)]
    pub fn text(&self, key: &'static str, need: Need) -> Option<String> {
        string_of(&self.get(key, need)?, &Path::Key(self.at, key), self.e)
    }

    /// A string with a default: missing is "".
    pub fn text_or(&self, key: &'static str) -> String {
        self.text(key, Dflt).unwrap_or_default()
    }

    #[inline(never)]
    pub fn num(&self, key: &'static str, need: Need) -> Option<f64> {
        let x = self.get(key, need)?.as_f64();
        if x.is_none() {
            self.bad(key, "expected a number");
        }
        x
    }

    #[inline(never)]
    pub fn flag(&self, key: &'static str, need: Need) -> Option<bool> {
        let x = self.get(key, need)?.as_bool();
        if x.is_none() {
            self.bad(key, "expected true or false");
        }
        x
    }

    /// A whole number from 0 to `max` (`what` says so when it is not one).
    #[inline(never)]
    fn whole(&self, key: &'static str, need: Need, max: u32, what: &str) -> Option<u32> {
        match self.get(key, need)?.as_f64() {
            Some(x) if x >= 0.0 && x <= f64::from(max) && x == x.trunc() => Some(x as u32),
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
        let s = self.text(key, Req)?;
        let found = all.iter().copied().find(|x| name(*x) == s);
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
        f: fn(&JsValue, &Path, &Errs) -> Option<T>,
    ) -> Option<T> {
        f(&self.get(key, need)?, &Path::Key(self.at, key), self.e)
    }

    /// A list that may be missing, undefined or null (then empty), cut after `max` items.
    pub fn list<T>(
        &self,
        key: &'static str,
        need: Need,
        max: usize,
        item: fn(&JsValue, &Path, &Errs) -> Option<T>,
    ) -> Vec<T> {
        match self.get(key, need) {
            Some(v) => list(&v, &Path::Key(self.at, key), self.e, max, item),
            None => Vec::new(),
        }
    }

    /// A list of strings (at most [`MAX_ITEMS`]).
    pub fn texts(&self, key: &'static str, need: Need) -> Vec<String> {
        self.list(key, need, MAX_ITEMS, string)
    }
}

// ---------------------------------------------------------------- the inputs

pub fn failure(v: &JsValue, at: &Path, e: &Errs) -> Option<Failure> {
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

fn header(v: &JsValue, at: &Path, e: &Errs) -> Option<Header> {
    let o = Obj::new(v, at, e)?;
    Some(Header {
        name: o.text_or("name"),
        value: o.text("value", Opt),
    })
}

fn proxy_info(v: &JsValue, at: &Path, e: &Errs) -> Option<ProxyInfo> {
    let o = Obj::new(v, at, e)?;
    Some(ProxyInfo {
        kind: o.text("type", Opt),
        host: o.text("host", Opt),
        port: o.u32("port", Opt),
    })
}

pub fn diagnosis(v: &JsValue, at: &Path, e: &Errs) -> Option<Diagnosis> {
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

fn reference(v: &JsValue, at: &Path, e: &Errs) -> Option<Reference> {
    let o = Obj::new(v, at, e)?;
    Some(Reference {
        label: o.text_or("label"),
        value: o.text_or("value"),
    })
}

fn gateway(v: &JsValue, at: &Path, e: &Errs) -> Option<Gateway> {
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

pub fn environment(v: &JsValue, at: &Path, e: &Errs, max: &Bounds) -> Option<Environment> {
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

fn clock_sample(v: &JsValue, at: &Path, e: &Errs) -> Option<ClockSample> {
    let o = Obj::new(v, at, e)?;
    Some(ClockSample {
        date: o.text_or("date"),
        at: o.num("at", Dflt).unwrap_or_default(),
    })
}

fn proxy_settings(v: &JsValue, at: &Path, e: &Errs) -> Option<ProxySettings> {
    let o = Obj::new(v, at, e)?;
    Some(ProxySettings {
        mode: o.text("mode", Opt),
        controlled_by: o.text("controlledBy", Opt),
        by_extension: o.flag("byExtension", Dflt).unwrap_or_default(),
    })
}

fn recent_failure(v: &JsValue, at: &Path, e: &Errs) -> Option<RecentFailure> {
    let o = Obj::new(v, at, e)?;
    Some(RecentFailure {
        host: o.text_or("host"),
        at: o.num("at", Dflt).unwrap_or_default(),
        cause: o.text("cause", Opt),
    })
}

pub fn extension(v: &JsValue, at: &Path, e: &Errs) -> Option<ExtensionInfo> {
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
pub fn recent_failures(v: &JsValue, at: &Path, e: &Errs) -> Option<Vec<RecentFailure>> {
    Some(list(v, at, e, super::MAX_KNOWN_HOSTS, recent_failure))
}

/// A list of known hosts.
pub fn known_hosts(v: &JsValue, at: &Path, e: &Errs) -> Option<Vec<String>> {
    Some(list(v, at, e, super::MAX_KNOWN_HOSTS, string))
}

/// A list of extensions.
pub fn extensions(v: &JsValue, at: &Path, e: &Errs) -> Option<Vec<ExtensionInfo>> {
    Some(list(v, at, e, super::MAX_EXTENSIONS, extension))
}

/// What the environment could not read: `environment.unknown`, a list of "extensions",
/// "proxy".
pub fn unknown(v: &JsValue, at: &Path, e: &Errs) -> Option<Unknown> {
    let o = Obj::new(v, at, e)?;
    let names = o.list("unknown", Opt, 8, string);
    Some(Unknown {
        extensions: names.iter().any(|n| n == "extensions"),
        proxy: names.iter().any(|n| n == "proxy"),
    })
}

/// A tab's automatic-retry state as the shell stored it.
pub fn retry_state(v: &JsValue, at: &Path, e: &Errs) -> Option<RetryState> {
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

pub fn history(v: &JsValue, at: &Path, e: &Errs) -> Option<History> {
    let o = Obj::new(v, at, e)?;
    Some(History {
        attempts: o.u32("attempts", Dflt).unwrap_or_default(),
        first_failure_at: o.num("firstFailureAt", Opt),
        now: o.num("now", Opt),
        seed: o.num("seed", Opt),
    })
}

/// An action the panel sent or the advice offered: {type, url?, id?}.
pub fn action_ref(v: &JsValue, at: &Path, e: &Errs) -> Option<crate::trust::ActionRef> {
    let o = Obj::new(v, at, e)?;
    Some(crate::trust::ActionRef {
        kind: o.text("type", Req).unwrap_or_default(),
        url: o.text("url", Opt),
        id: o.text("id", Opt),
    })
}

/// The steps of a tab's advice, as far as trust needs them: {steps: [{id, action?}]}.
pub fn advice_steps(v: &JsValue, at: &Path, e: &Errs) -> Option<Vec<crate::trust::StepRef>> {
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
pub fn extension_ids(v: &JsValue, at: &Path, e: &Errs) -> Option<Vec<String>> {
    Some(list(v, at, e, MAX_ITEMS, |v, at, e| {
        Obj::new(v, at, e)?.text("id", Req)
    }))
}
