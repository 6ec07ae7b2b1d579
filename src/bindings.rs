//! The JavaScript edge: converts values in and out and turns every error into a JavaScript
//! `Error`. The only module (with its `decode` part) that knows about wasm-bindgen; logic
//! modules never import it.

mod decode;

use crate::model::InputError;
use decode::{Path, R};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Bounds on list inputs; longer lists are cut (the rest is not read).
const MAX_KNOWN_HOSTS: usize = 1_000;
const MAX_EXTENSIONS: usize = 1_000;

/// Decodes a required argument: `undefined` or `null` is "<what>: missing".
fn required<T>(what: &'static str, v: &JsValue, f: fn(&JsValue, &Path) -> R<T>) -> R<T> {
    let at = Path::Root(what);
    if v.is_undefined() || v.is_null() {
        return Err(at.error("missing"));
    }
    f(v, &at)
}

/// Decodes an optional argument: `undefined` or `null` is the default.
fn optional<T: Default>(what: &'static str, v: &JsValue, f: fn(&JsValue, &Path) -> R<T>) -> R<T> {
    if v.is_undefined() || v.is_null() {
        return Ok(T::default());
    }
    f(v, &Path::Root(what))
}

fn to_js<T: Serialize>(v: &T) -> R<JsValue> {
    // serde-wasm-bindgen's errors are JavaScript `Error`s already.
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

fn input(e: InputError) -> JsValue {
    js_sys::Error::new(&e.0).into()
}

#[wasm_bindgen]
pub fn diagnose(failure: JsValue) -> Result<JsValue, JsValue> {
    let f = required("failure", &failure, decode::failure)?;
    to_js(&crate::diagnose(&f).map_err(input)?)
}

#[wasm_bindgen]
pub fn advise(diagnosis: JsValue, environment: JsValue) -> Result<JsValue, JsValue> {
    let d = required("diagnosis", &diagnosis, decode::diagnosis)?;
    let env = optional("environment", &environment, |v, at| {
        decode::environment(v, at, MAX_KNOWN_HOSTS, MAX_EXTENSIONS)
    })?;
    to_js(&crate::advise(&d, &env))
}

#[wasm_bindgen(js_name = retryPlan)]
pub fn retry_plan(diagnosis: JsValue, history: JsValue) -> Result<JsValue, JsValue> {
    let d = required("diagnosis", &diagnosis, decode::diagnosis)?;
    let h = optional("history", &history, decode::history)?;
    to_js(&crate::retry_plan(&d, &h))
}

#[wasm_bindgen(js_name = suggestHost)]
pub fn suggest_host(host: JsValue, known_hosts: JsValue) -> Result<JsValue, JsValue> {
    let host = required("host", &host, decode::string)?;
    let known = optional("knownHosts", &known_hosts, |v, at| {
        decode::list(v, at, MAX_KNOWN_HOSTS, decode::string)
    })?;
    // The contract says null, not undefined, when there is nothing to suggest.
    Ok(crate::suggest_host(crate::text::clip(&host, 1024), &known)
        .map_or(JsValue::NULL, |s| JsValue::from_str(&s)))
}

#[wasm_bindgen(js_name = rankExtensions)]
pub fn rank_extensions(extensions: JsValue) -> Result<JsValue, JsValue> {
    let exts = optional("extensions", &extensions, |v, at| {
        decode::list(v, at, MAX_EXTENSIONS, decode::extension)
    })?;
    to_js(&crate::rank_extensions(&exts))
}

/// The core's version, for the extension's "about" line.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
