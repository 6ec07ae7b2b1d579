//! The JavaScript edge: converts values in and out and turns every error into a JavaScript
//! `Error`. The only module that knows about wasm-bindgen; logic modules never import it.

use crate::model::{Diagnosis, Environment, ExtensionInfo, Failure, History, InputError};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;

/// Bounds on list inputs; longer lists are cut.
const MAX_KNOWN_HOSTS: usize = 10_000;
const MAX_EXTENSIONS: usize = 1_000;

fn error(msg: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&msg.to_string()).into()
}

fn from_js<T: DeserializeOwned>(what: &str, v: JsValue) -> Result<T, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Err(error(format!("{what}: missing")));
    }
    serde_wasm_bindgen::from_value(v).map_err(|e| error(format!("{what}: {e}")))
}

fn from_js_or_default<T: DeserializeOwned + Default>(what: &str, v: JsValue) -> Result<T, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(T::default());
    }
    from_js(what, v)
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(format!("output: {e}")))
}

fn input(e: InputError) -> JsValue {
    error(e)
}

#[wasm_bindgen]
pub fn diagnose(failure: JsValue) -> Result<JsValue, JsValue> {
    let f: Failure = from_js("failure", failure)?;
    to_js(&crate::diagnose(&f).map_err(input)?)
}

#[wasm_bindgen]
pub fn advise(diagnosis: JsValue, environment: JsValue) -> Result<JsValue, JsValue> {
    let d: Diagnosis = from_js("diagnosis", diagnosis)?;
    let mut env: Environment = from_js_or_default("environment", environment)?;
    env.known_hosts.truncate(MAX_KNOWN_HOSTS);
    env.extensions.truncate(MAX_EXTENSIONS);
    env.recent_failures.truncate(MAX_KNOWN_HOSTS);
    to_js(&crate::advise(&d, &env))
}

#[wasm_bindgen(js_name = retryPlan)]
pub fn retry_plan(diagnosis: JsValue, history: JsValue) -> Result<JsValue, JsValue> {
    let d: Diagnosis = from_js("diagnosis", diagnosis)?;
    let h: History = from_js_or_default("history", history)?;
    to_js(&crate::retry_plan(&d, &h))
}

#[wasm_bindgen(js_name = suggestHost)]
pub fn suggest_host(host: JsValue, known_hosts: JsValue) -> Result<Option<String>, JsValue> {
    let host: String = from_js("host", host)?;
    let mut known: Vec<String> = from_js_or_default("knownHosts", known_hosts)?;
    known.truncate(MAX_KNOWN_HOSTS);
    Ok(crate::suggest_host(crate::text::clip(&host, 1024), &known))
}

#[wasm_bindgen(js_name = rankExtensions)]
pub fn rank_extensions(extensions: JsValue) -> Result<JsValue, JsValue> {
    let mut exts: Vec<ExtensionInfo> = from_js_or_default("extensions", extensions)?;
    exts.truncate(MAX_EXTENSIONS);
    to_js(&crate::rank_extensions(&exts))
}

/// The core's version, for the extension's "about" line.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
