//! Reads the contract's inputs out of JavaScript values, without serde: every property is
//! read with `Reflect` (so a throwing getter or Proxy trap becomes an error here instead of
//! unwinding through the module), nothing formats a float, and every error names the field:
//! `failure.responseHeaders[3].name: expected a string`.
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
    GeneratedBy, Header, History, ProxyInfo, ProxySettings, RecentFailure, Reference, Role,
};
use crate::view::{RetryState, Unknown};
use js_sys::{Function, JsString, Reflect};
use std::cell::UnsafeCell;
use wasm_bindgen::prelude::*;

pub type R<T> = Result<T, JsValue>;

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
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }

    /// A JavaScript `Error`: "<path>: <what>".
    #[cold]
    #[inline(never)]
    pub fn error(&self, what: &str) -> JsValue {
        let mut s = String::new();
        self.write(&mut s);
        s.push_str(": ");
        s.push_str(what);
        js_sys::Error::new(&s).into()
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

/// Reads `v[key]`; `Ok(None)` when `v` has no such property (not merely `undefined`).
fn get(v: &JsValue, at: &Path, name: &'static str) -> R<Option<JsValue>> {
    let unreadable = || Path::Key(at, name).error("cannot be read");
    let k = key(name);
    let x = Reflect::get(v, k).map_err(|_| unreadable())?;
    if x.is_undefined() && !Reflect::has(v, k).map_err(|_| unreadable())? {
        return Ok(None);
    }
    Ok(Some(x))
}

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy: caught here.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(v: &JsValue) -> R<bool>;
}

/// The longest string read (UTF-16 code units): no field is read further than the longest
/// text the core looks at, the page's body. A longer string is cut in JavaScript first, so
/// a string of megabytes costs no more than one of this length.
const MAX_STRING: u32 = crate::text::MAX_BODY as u32;
/// The most items read of a list inside an item (a header list, an extension's permissions,
/// the evidence of a diagnosis); the contract's top-level lists have their own bounds.
const MAX_ITEMS: usize = 200;

pub fn string(v: &JsValue, at: &Path) -> R<String> {
    let s = v
        .dyn_ref::<JsString>()
        .ok_or_else(|| at.error("expected a string"))?;
    if s.length() <= MAX_STRING {
        return s.as_string().ok_or_else(|| at.error("expected a string"));
    }
    // Not in the middle of a surrogate pair (a high surrogate is 0xD800 to 0xDBFF).
    let end = if (55296.0..56320.0).contains(&s.char_code_at(MAX_STRING - 1)) {
        MAX_STRING - 1
    } else {
        MAX_STRING
    };
    s.slice(0, end)
        .as_string()
        .ok_or_else(|| at.error("expected a string"))
}

fn number(v: &JsValue, at: &Path) -> R<f64> {
    v.as_f64().ok_or_else(|| at.error("expected a number"))
}

fn boolean(v: &JsValue, at: &Path) -> R<bool> {
    v.as_bool()
        .ok_or_else(|| at.error("expected true or false"))
}

/// A whole number from 0 to `max`.
fn whole(v: &JsValue, at: &Path, max: u32, what: &str) -> R<u32> {
    match v.as_f64() {
        Some(x) if x >= 0.0 && x <= f64::from(max) && x == x.trunc() => Ok(x as u32),
        _ => Err(at.error(what)),
    }
}

fn u16_(v: &JsValue, at: &Path) -> R<u16> {
    whole(
        v,
        at,
        u16::MAX.into(),
        "expected a whole number from 0 to 65535",
    )
    .map(|x| x as u16)
}

fn u32_(v: &JsValue, at: &Path) -> R<u32> {
    whole(
        v,
        at,
        u32::MAX,
        "expected a whole number from 0 to 4294967295",
    )
}

/// The items of an iterable object (an array, a Set, ...), one at a time. Not generic, so
/// that this code is in the wasm once, not once per item type.
struct Items<'a> {
    v: &'a JsValue,
    /// An array's length, or `None` for another iterable (then `it` and `next` are its
    /// iterator and the iterator's `next` method).
    len: Option<usize>,
    it: JsValue,
    next: JsValue,
    i: usize,
}

impl<'a> Items<'a> {
    #[inline(never)]
    fn new(v: &'a JsValue, at: &Path) -> R<Self> {
        let not_list = || at.error("expected a list");
        if !v.is_object() {
            return Err(not_list());
        }
        let mut items = Items {
            v,
            len: None,
            it: JsValue::UNDEFINED,
            next: JsValue::UNDEFINED,
            i: 0,
        };
        if is_array(v).map_err(|_| not_list())? {
            // Arrays by index, as their iterator would give them, but with one call per item.
            let n = Reflect::get(v, key("length"))
                .ok()
                .and_then(|n| n.as_f64())
                .ok_or_else(not_list)?;
            items.len = Some(if n >= u32::MAX as f64 {
                u32::MAX as usize
            } else {
                n as usize
            });
        } else {
            let iter = Reflect::get(v, &js_sys::Symbol::iterator()).map_err(|_| not_list())?;
            items.it = call(&iter, v).map_err(|_| not_list())?;
            items.next = Reflect::get(&items.it, key("next")).map_err(|_| not_list())?;
        }
        Ok(items)
    }

    /// The next item, or `None` at the end; `at` is the item's path.
    #[inline(never)]
    fn next(&mut self, at: &Path) -> R<Option<JsValue>> {
        let unreadable = |_| at.error("cannot be read");
        let i = self.i;
        self.i += 1;
        match self.len {
            Some(n) if i >= n => Ok(None),
            Some(_) => Reflect::get_u32(self.v, i as u32)
                .map(Some)
                .map_err(unreadable),
            None => {
                let r = call(&self.next, &self.it).map_err(unreadable)?;
                if Reflect::get(&r, key("done"))
                    .map_err(unreadable)?
                    .is_truthy()
                {
                    return Ok(None);
                }
                Reflect::get(&r, key("value")).map(Some).map_err(unreadable)
            }
        }
    }
}

/// Calls `f` as a method of `this`, without arguments.
fn call(f: &JsValue, this: &JsValue) -> R<JsValue> {
    match f.dyn_ref::<Function>() {
        Some(f) => f.call0(this),
        None => Err(JsValue::UNDEFINED),
    }
}

/// The first `max` items of an iterable object; the rest is not read.
pub fn list<T>(
    v: &JsValue,
    at: &Path,
    max: usize,
    item: impl Fn(&JsValue, &Path) -> R<T>,
) -> R<Vec<T>> {
    let mut items = Items::new(v, at)?;
    let mut out = Vec::new();
    while out.len() < max {
        let at = Path::Index(at, out.len());
        match items.next(&at)? {
            Some(x) => out.push(item(&x, &at)?),
            None => break,
        }
    }
    Ok(out)
}

fn strings(v: &JsValue, at: &Path) -> R<Vec<String>> {
    list(v, at, MAX_ITEMS, string)
}

/// An enum given by its name (`as_str` of one of `all`).
fn named<T: Copy>(v: &JsValue, at: &Path, all: &[T], name: fn(T) -> &'static str) -> R<T> {
    let s = string(v, at)?;
    all.iter()
        .copied()
        .find(|x| name(*x) == s)
        .ok_or_else(|| at.error("not one of the known values"))
}

/// An object's fields.
pub struct Obj<'a> {
    v: &'a JsValue,
    at: &'a Path<'a>,
}

impl<'a> Obj<'a> {
    pub fn new(v: &'a JsValue, at: &'a Path<'a>) -> R<Self> {
        if v.is_object() {
            Ok(Obj { v, at })
        } else {
            Err(at.error("expected an object"))
        }
    }

    /// The value of `key`, unless it is missing, `undefined` or `null` (not generic: the
    /// typed readers below are a call and a conversion each).
    #[inline(never)]
    fn present(&self, key: &'static str) -> R<Option<JsValue>> {
        Ok(get(self.v, self.at, key)?.filter(|x| !x.is_null() && !x.is_undefined()))
    }

    /// Missing, `undefined` or `null` is `None`.
    fn opt<T>(&self, key: &'static str, f: impl Fn(&JsValue, &Path) -> R<T>) -> R<Option<T>> {
        match self.present(key)? {
            Some(x) => Ok(Some(f(&x, &Path::Key(self.at, key))?)),
            None => Ok(None),
        }
    }

    /// Missing is the default; a value that is there must have the type.
    fn or_default<T: Default>(
        &self,
        key: &'static str,
        f: impl Fn(&JsValue, &Path) -> R<T>,
    ) -> R<T> {
        match get(self.v, self.at, key)? {
            Some(x) => f(&x, &Path::Key(self.at, key)),
            None => Ok(T::default()),
        }
    }

    /// Missing is an error.
    fn req<T>(&self, key: &'static str, f: impl Fn(&JsValue, &Path) -> R<T>) -> R<T> {
        match get(self.v, self.at, key)? {
            Some(x) => f(&x, &Path::Key(self.at, key)),
            None => Err(Path::Key(self.at, key).error("missing")),
        }
    }

    /// A list that may be missing or null (then empty), cut after `max` items.
    fn list<T>(
        &self,
        key: &'static str,
        max: usize,
        item: impl Fn(&JsValue, &Path) -> R<T>,
    ) -> R<Vec<T>> {
        Ok(self
            .opt(key, |v, at| list(v, at, max, &item))?
            .unwrap_or_default())
    }
}

// ---------------------------------------------------------------- the inputs

pub fn failure(v: &JsValue, at: &Path) -> R<Failure> {
    let o = Obj::new(v, at)?;
    Ok(Failure {
        url: o.or_default("url", string)?,
        method: o.opt("method", string)?,
        status_code: o.opt("statusCode", u16_)?,
        status_line: o.opt("statusLine", string)?,
        response_headers: o.list("responseHeaders", MAX_ITEMS, header)?,
        error: o.opt("error", string)?,
        body_text: o.opt("bodyText", string)?,
        page_text: o.opt("pageText", string)?,
        proxy: o.opt("proxy", proxy_info)?,
        ip: o.opt("ip", string)?,
        time_stamp: o.opt("timeStamp", number)?,
        ignored_sites: o.list("ignoredSites", crate::domain::MAX_IGNORED_SITES, string)?,
    })
}

fn header(v: &JsValue, at: &Path) -> R<Header> {
    let o = Obj::new(v, at)?;
    Ok(Header {
        name: o.or_default("name", string)?,
        value: o.opt("value", string)?,
    })
}

fn proxy_info(v: &JsValue, at: &Path) -> R<ProxyInfo> {
    let o = Obj::new(v, at)?;
    Ok(ProxyInfo {
        kind: o.opt("type", string)?,
        host: o.opt("host", string)?,
        port: o.opt("port", u32_)?,
    })
}

pub fn diagnosis(v: &JsValue, at: &Path) -> R<Diagnosis> {
    let o = Obj::new(v, at)?;
    Ok(Diagnosis {
        failed: o.req("failed", boolean)?,
        cause: o.req("cause", cause)?,
        culprit: o.req("culprit", culprit)?,
        generated_by: o.req("generatedBy", generated_by)?,
        gateway: o.opt("gateway", gateway)?,
        transient: o.req("transient", boolean)?,
        retry_after_seconds: o.opt("retryAfterSeconds", number)?,
        safe_to_retry: o.req("safeToRetry", boolean)?,
        confidence: o.req("confidence", number)?,
        url: o.req("url", string)?,
        host: o.req("host", string)?,
        origin: o.req("origin", string)?,
        method: o.req("method", string)?,
        status_code: o.opt("statusCode", u16_)?,
        status_text: o.opt("statusText", string)?,
        error: o.opt("error", string)?,
        evidence: o.req("evidence", strings)?,
        references: o.list("references", crate::references::MAX_REFERENCES, reference)?,
        sign_in_url: o.opt("signInUrl", string)?,
        clock_offset_ms: o.opt("clockOffsetMs", number)?,
        badge: o.or_default("badge", string)?,
        ignored: o.or_default("ignored", boolean)?,
    })
}

fn reference(v: &JsValue, at: &Path) -> R<Reference> {
    let o = Obj::new(v, at)?;
    Ok(Reference {
        label: o.or_default("label", string)?,
        value: o.or_default("value", string)?,
    })
}

fn cause(v: &JsValue, at: &Path) -> R<Cause> {
    named(v, at, &Cause::ALL, Cause::as_str)
}

fn culprit(v: &JsValue, at: &Path) -> R<Culprit> {
    named(v, at, &Culprit::ALL, Culprit::as_str)
}

fn generated_by(v: &JsValue, at: &Path) -> R<GeneratedBy> {
    named(v, at, &GeneratedBy::ALL, GeneratedBy::as_str)
}

fn role(v: &JsValue, at: &Path) -> R<Role> {
    named(v, at, &Role::ALL, Role::as_str)
}

fn gateway(v: &JsValue, at: &Path) -> R<Gateway> {
    let o = Obj::new(v, at)?;
    Ok(Gateway {
        id: o.req("id", string)?,
        name: o.req("name", string)?,
        version: o.opt("version", string)?,
        role: o.req("role", role)?,
        evidence: o.req("evidence", strings)?,
    })
}

/// `max_hosts` bounds `knownHosts` and `recentFailures`, `max_extensions` `extensions`.
pub fn environment(
    v: &JsValue,
    at: &Path,
    max_hosts: usize,
    max_extensions: usize,
) -> R<Environment> {
    let o = Obj::new(v, at)?;
    let now = o.opt("now", number)?;
    // `ipv4At` (when a page last loaded over IPv4): the core says whether that means it works
    let ipv4_at = o.opt("ipv4At", number)?;
    Ok(Environment {
        url: o.opt("url", string)?,
        method: o.opt("method", string)?,
        browser: o.opt("browser", string)?,
        platform: o.opt("platform", string)?,
        proxy: o.opt("proxy", proxy_settings)?,
        extensions: o.list("extensions", max_extensions, extension)?,
        recent_failures: o.list("recentFailures", max_hosts, recent_failure)?,
        known_hosts: o.list("knownHosts", max_hosts, string)?,
        incognito_allowed: o.opt("incognitoAllowed", boolean)?,
        online: o.opt("online", boolean)?,
        addresses: o.list("addresses", 32, string)?,
        resolves_without_secure_dns: o.opt("resolvesWithoutSecureDns", boolean)?,
        ipv4_works: o
            .opt("ipv4Works", boolean)?
            .or(crate::policy::ipv4_works(ipv4_at, now)),
        clock_samples: o.list(
            "clockSamples",
            crate::policy::MAX_CLOCK_SAMPLES,
            clock_sample,
        )?,
        captive_portal: o.opt("captivePortal", string)?,
        portal_url: o.opt("portalUrl", string)?,
        attempts: o.opt("attempts", u32_)?,
        now,
    })
}

fn clock_sample(v: &JsValue, at: &Path) -> R<ClockSample> {
    let o = Obj::new(v, at)?;
    Ok(ClockSample {
        date: o.or_default("date", string)?,
        at: o.or_default("at", number)?,
    })
}

fn proxy_settings(v: &JsValue, at: &Path) -> R<ProxySettings> {
    let o = Obj::new(v, at)?;
    Ok(ProxySettings {
        mode: o.opt("mode", string)?,
        controlled_by: o.opt("controlledBy", string)?,
        by_extension: o.or_default("byExtension", boolean)?,
    })
}

fn recent_failure(v: &JsValue, at: &Path) -> R<RecentFailure> {
    let o = Obj::new(v, at)?;
    Ok(RecentFailure {
        host: o.or_default("host", string)?,
        at: o.or_default("at", number)?,
        cause: o.opt("cause", string)?,
    })
}

pub fn extension(v: &JsValue, at: &Path) -> R<ExtensionInfo> {
    let o = Obj::new(v, at)?;
    Ok(ExtensionInfo {
        id: o.or_default("id", string)?,
        name: o.or_default("name", string)?,
        description: o.opt("description", string)?,
        enabled: o.opt("enabled", boolean)?,
        kind: o.opt("type", string)?,
        permissions: o.list("permissions", MAX_ITEMS, string)?,
        host_permissions: o.list("hostPermissions", MAX_ITEMS, string)?,
        install_type: o.opt("installType", string)?,
        may_disable: o.opt("mayDisable", boolean)?,
    })
}

/// A number or, when it is not one (missing, null, a string), NaN: the policy makes it safe.
pub fn loose_number(v: &JsValue) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

/// A list of recent failures as the shell stored it, cut at `max`.
pub fn recent_failures(v: &JsValue, at: &Path, max: usize) -> R<Vec<RecentFailure>> {
    list(v, at, max, recent_failure)
}

/// What the environment could not read: `environment.unknown`, a list of "extensions",
/// "proxy".
pub fn unknown(v: &JsValue, at: &Path) -> R<Unknown> {
    let o = Obj::new(v, at)?;
    let names = o.list("unknown", 8, string)?;
    Ok(Unknown {
        extensions: names.iter().any(|n| n == "extensions"),
        proxy: names.iter().any(|n| n == "proxy"),
    })
}

/// A tab's automatic-retry state as the shell stored it.
pub fn retry_state(v: &JsValue, at: &Path) -> R<RetryState> {
    let o = Obj::new(v, at)?;
    Ok(RetryState {
        state: o.opt("state", string)?,
        reason: o.opt("reason", string)?,
        due: o.opt("due", number)?,
        attempts: o.opt("attempts", u32_)?.unwrap_or(0),
        max: o.opt("max", u32_)?,
        now: o.opt("now", number)?,
        watching: o.opt("watching", boolean)?,
        notifications: o.opt("notifications", boolean)?,
    })
}

pub fn history(v: &JsValue, at: &Path) -> R<History> {
    let o = Obj::new(v, at)?;
    Ok(History {
        attempts: o.or_default("attempts", u32_)?,
        first_failure_at: o.opt("firstFailureAt", number)?,
        now: o.opt("now", number)?,
        seed: o.opt("seed", number)?,
    })
}

/// An action the panel sent or the advice offered: {type, url?, id?}.
pub fn action_ref(v: &JsValue, at: &Path) -> R<crate::trust::ActionRef> {
    let o = Obj::new(v, at)?;
    Ok(crate::trust::ActionRef {
        kind: o.req("type", string)?,
        url: o.opt("url", string)?,
        id: o.opt("id", string)?,
    })
}

/// The steps of a tab's advice, as far as trust needs them: {steps: [{id, action?}]}.
pub fn advice_steps(v: &JsValue, at: &Path) -> R<Vec<crate::trust::StepRef>> {
    Obj::new(v, at)?.list("steps", MAX_ITEMS, |v, at| {
        let o = Obj::new(v, at)?;
        Ok(crate::trust::StepRef {
            id: o.or_default("id", string)?,
            action: o.opt("action", action_ref)?,
        })
    })
}

/// The ids of a list of extensions ([{id}]).
pub fn extension_ids(v: &JsValue, at: &Path) -> R<Vec<String>> {
    list(v, at, MAX_ITEMS, |v, at| Obj::new(v, at)?.req("id", string))
}
