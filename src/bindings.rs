//! The JavaScript edge: converts values in and out and turns every error into a JavaScript
//! `Error`. The only module (with its `decode` part) that knows about wasm-bindgen; logic
//! modules never import it.

pub(crate) mod arena;
mod decode;

use crate::model::InputError;
use decode::Path;

type R<T> = Result<T, JsValue>;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Bounds on list inputs; longer lists are cut (the rest is not read).
const MAX_KNOWN_HOSTS: usize = 1_000;
const MAX_EXTENSIONS: usize = 1_000;

/// A reader of an argument (src/bindings/decode.rs): `None` or an error in `Errs` when it is
/// wrong.
type Reader<T> = fn(&JsValue, &Path, &decode::Errs) -> Option<T>;

/// Reads an argument with `f`: its first error, if any, as a JavaScript `Error`.
#[inline(never)]
fn run<T>(what: &'static str, v: &JsValue, f: Reader<T>) -> R<T> {
    let at = Path::Root(what);
    let e = decode::Errs::default();
    let r = f(v, &at, &e);
    match (e.take(), r) {
        (None, Some(x)) => Ok(x),
        (Some(err), _) => Err(input(err)),
        (None, None) => Err(input(at.error("cannot be read"))),
    }
}

/// Decodes a required argument: `undefined` or `null` is "<what>: missing".
fn required<T>(what: &'static str, v: &JsValue, f: Reader<T>) -> R<T> {
    if v.is_undefined() || v.is_null() {
        return Err(input(Path::Root(what).error("missing")));
    }
    run(what, v, f)
}

/// Decodes an optional argument: `undefined` or `null` is the default.
fn optional<T: Default>(what: &'static str, v: &JsValue, f: Reader<T>) -> R<T> {
    if v.is_undefined() || v.is_null() {
        return Ok(T::default());
    }
    run(what, v, f)
}

/// A string argument, cut at `max` UTF-16 code units in JavaScript before it is copied (a
/// lone surrogate the cut leaves is U+FFFD).
fn js_string(what: &'static str, v: &JsValue, max: u32) -> R<String> {
    let at = Path::Root(what);
    if v.is_undefined() || v.is_null() {
        return Err(input(at.error("missing")));
    }
    let s = v
        .dyn_ref::<js_sys::JsString>()
        .ok_or_else(|| input(at.error("expected a string")))?;
    Ok(if s.length() > max {
        String::from(s.slice(0, max))
    } else {
        String::from(s.clone())
    })
}

/// The environment, its lists bounded.
fn environment_of(v: &JsValue, at: &Path, e: &decode::Errs) -> Option<crate::model::Environment> {
    let max = decode::Bounds {
        hosts: MAX_KNOWN_HOSTS,
        extensions: MAX_EXTENSIONS,
    };
    decode::environment(v, at, e, &max)
}

/// An output as a JavaScript value: written as JSON text (src/json.rs) and read by one
/// `JSON.parse`, which is faster than building the value property by property from here.
/// Every export's output goes through this one function.
fn to_js<T: Serialize>(v: &T) -> R<JsValue> {
    from_json(crate::json::write(v, js_float))
}

/// A number the JSON writer leaves to JavaScript (a fraction with 16 digits or more, a very
/// small or large magnitude): `Number.prototype.toString`, which `JSON.parse` reads back
/// exactly.
#[inline(never)]
fn js_float(x: f64, out: &mut String) {
    let s = js_sys::Number::from(x)
        .to_string_with_radix(10)
        .map_or_else(|_| String::from("null"), String::from);
    out.push_str(&s);
}

#[inline(never)]
fn from_json(j: Result<crate::json::Json, crate::json::Error>) -> R<JsValue> {
    let j =
        j.map_err(|_| JsValue::from(js_sys::Error::new("output: cannot be written as JSON")))?;
    let v = js_sys::JSON::parse(&j.out)?;
    if j.nan {
        let mark: JsValue = js_sys::JsString::from_char_code1(0xD800).into();
        if v == mark {
            return Ok(JsValue::from_f64(f64::NAN));
        }
        put_nan(&v, &mark);
    }
    Ok(v)
}

/// Puts NaN back where the JSON writer wrote its placeholder, the string "\u{D800}" (no
/// Rust string is one), into the arrays and objects of `v`.
fn put_nan(v: &JsValue, mark: &JsValue) {
    if !v.is_object() {
        return;
    }
    let o: &js_sys::Object = v.unchecked_ref();
    let keys = js_sys::Object::keys(o);
    for k in keys.iter() {
        let Ok(x) = js_sys::Reflect::get(v, &k) else {
            continue;
        };
        if x == *mark {
            let _ = js_sys::Reflect::set(v, &k, &JsValue::from_f64(f64::NAN));
        } else {
            put_nan(&x, mark);
        }
    }
}

fn input(e: InputError) -> JsValue {
    js_sys::Error::new(&e.0).into()
}

/// The first thing every export does: the allocator's arena keeps what earlier calls left
/// live (src/bindings/arena.rs). Checked by the test at the end of this file.
fn begin() {
    #[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
    crate::ALLOCATOR.0.begin();
}

#[wasm_bindgen]
pub fn diagnose(failure: JsValue) -> Result<JsValue, JsValue> {
    begin();
    let f = required("failure", &failure, decode::failure)?;
    to_js(&crate::diagnose(&f).map_err(input)?)
}

/// The diagnosis in the person's environment (src/diagnose/person.rs): offline, the network
/// down, ... where the environment tells what the failure alone cannot.
#[wasm_bindgen(js_name = inContext)]
pub fn in_context(diagnosis: JsValue, environment: JsValue) -> Result<JsValue, JsValue> {
    begin();
    let d = required("diagnosis", &diagnosis, decode::diagnosis)?;
    let env = optional("environment", &environment, environment_of)?;
    to_js(&crate::diagnose::in_context(&d, &env))
}

#[wasm_bindgen]
pub fn advise(diagnosis: JsValue, environment: JsValue) -> Result<JsValue, JsValue> {
    begin();
    let d = required("diagnosis", &diagnosis, decode::diagnosis)?;
    let env = optional("environment", &environment, environment_of)?;
    to_js(&crate::advise(&d, &env))
}

#[wasm_bindgen(js_name = retryPlan)]
pub fn retry_plan(diagnosis: JsValue, history: JsValue) -> Result<JsValue, JsValue> {
    begin();
    let d = required("diagnosis", &diagnosis, decode::diagnosis)?;
    let h = optional("history", &history, decode::history)?;
    to_js(&crate::retry_plan(&d, &h))
}

#[wasm_bindgen(js_name = suggestHost)]
pub fn suggest_host(host: JsValue, known_hosts: JsValue) -> Result<JsValue, JsValue> {
    begin();
    let host = js_string("host", &host, 1024)?;
    let known = optional("knownHosts", &known_hosts, decode::known_hosts)?;
    // The contract says null, not undefined, when there is nothing to suggest.
    Ok(crate::suggest_host(&host, &known).map_or(JsValue::NULL, |s| JsValue::from_str(&s)))
}

#[wasm_bindgen(js_name = rankExtensions)]
pub fn rank_extensions(extensions: JsValue) -> Result<JsValue, JsValue> {
    begin();
    let exts = optional("extensions", &extensions, decode::extensions)?;
    to_js(&crate::rank_extensions(&exts))
}

/// The panel's view (src/view.rs): the advice for `environment` laid out, with the retry line
/// for `retry` (the tab's stored autoRetry decision).
#[wasm_bindgen]
pub fn view(diagnosis: JsValue, environment: JsValue, retry: JsValue) -> Result<JsValue, JsValue> {
    begin();
    let d = required("diagnosis", &diagnosis, decode::diagnosis)?;
    let env = optional("environment", &environment, environment_of)?;
    let unknown = optional("environment", &environment, decode::unknown)?;
    let r = optional("retry", &retry, decode::retry_state)?;
    let advice = crate::advise(&d, &env);
    to_js(&crate::view::view(&d, &advice, &env, unknown, &r))
}

// ---------------------------------------------------------------- policy (src/policy.rs)

#[wasm_bindgen(js_name = noteFailure)]
pub fn note_failure(
    list: JsValue,
    diagnosis: JsValue,
    known_hosts: JsValue,
    now: JsValue,
) -> Result<JsValue, JsValue> {
    begin();
    let l = optional("list", &list, decode::recent_failures)?;
    let d = required("diagnosis", &diagnosis, decode::diagnosis)?;
    let known = optional("knownHosts", &known_hosts, decode::known_hosts)?;
    to_js(&crate::policy::note_failure(
        &l,
        &d,
        &known,
        now.as_f64().unwrap_or(f64::NAN),
    ))
}

/// The policy's numbers that the shell needs for what it does itself.
#[wasm_bindgen]
pub fn limits() -> Result<JsValue, JsValue> {
    begin();
    to_js(&crate::policy::limits())
}

/// One step of the retry and watch machine (src/machine.rs): the stored `state` (null when
/// none), an `event`, the `ctx`; returns {state, effects, answer}.
#[wasm_bindgen]
pub fn step(state: JsValue, event: JsValue, ctx: JsValue) -> Result<JsValue, JsValue> {
    begin();
    let s = optional("state", &state, decode::machine_state)?;
    let e = required("event", &event, decode::machine_event)?;
    let c = required("ctx", &ctx, decode::machine_ctx)?;
    to_js(&crate::machine::step(s, e, &c))
}

/// What the background does with an action the in-page panel sent (src/trust.rs): "run",
/// "confirm" (on the extension's own page) or "refuse". Anything malformed is refused.
#[wasm_bindgen(js_name = contentAction)]
pub fn content_action(action: JsValue, advice: JsValue, disabled_by_us: JsValue) -> String {
    begin();
    let decided = (|| -> R<&'static str> {
        let a = required("action", &action, decode::action_ref)?;
        let steps = optional("advice", &advice, decode::advice_steps)?;
        let off = optional("disabledByUs", &disabled_by_us, decode::extension_ids)?;
        Ok(crate::trust::content_action(&a, &steps, &off))
    })();
    decided.unwrap_or("refuse").to_string()
}

/// The core's version, for the extension's "about" line.
#[wasm_bindgen]
pub fn version() -> String {
    begin();
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests {
    /// Every export calls `begin` first (src/bindings/arena.rs), and takes no argument that
    /// the glue would copy into the wasm's memory before the call (`String`, `&str`, `Vec`).
    #[test]
    fn every_export_begins() {
        let src = include_str!("bindings.rs");
        let mut exports = 0;
        for part in src.split("#[wasm_bindgen").skip(1) {
            let (sig, body) = part.split_once(" {\n").expect("a function");
            if !sig.contains("pub fn") {
                continue;
            }
            exports += 1;
            assert!(
                body.trim_start().starts_with("begin();") || body.trim_start().starts_with("// "),
                "{sig}"
            );
            assert!(body.contains("begin();"), "{sig}");
            for bad in ["String", "&str", "Vec<"] {
                let args = sig.split_once('(').map_or("", |x| x.1);
                let args = args.rsplit_once(')').map_or(args, |x| x.0);
                // a `JsString` is a JavaScript value, not Rust memory
                let args = args.replace("JsString", "");
                assert!(!args.contains(bad), "{sig}: a {bad} argument");
            }
        }
        assert_eq!(exports, 12, "the exports, docs/core-api.md");
    }
}
