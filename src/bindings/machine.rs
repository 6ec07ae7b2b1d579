//! The machine's answer (src/machine.rs) as plain objects, built field by field like the
//! policy's answers (`obj`): smaller in the wasm than a serde derive per type.

use super::{num, obj, opt};
use crate::machine::{Answer, Auto, Effect, Notice, State, Step, Then, Watch};
use wasm_bindgen::JsValue;

fn s(x: &str) -> JsValue {
    JsValue::from_str(x)
}
fn b(x: bool) -> JsValue {
    JsValue::from_bool(x)
}
fn n(x: u32) -> JsValue {
    num(f64::from(x))
}
fn arr<T>(xs: &[T], f: impl Fn(&T) -> JsValue) -> JsValue {
    xs.iter().map(f).collect::<js_sys::Array>().into()
}

pub fn step(o: &Step) -> JsValue {
    obj(&[
        ("state", state(&o.state)),
        ("effects", arr(&o.effects, effect)),
        ("answer", answer(&o.answer)),
    ])
}

fn state(st: &State) -> JsValue {
    obj(&[
        ("tabs", arr(&st.tabs, auto)),
        ("watches", arr(&st.watches, watch)),
        (
            "net",
            st.net.as_ref().map_or(JsValue::UNDEFINED, |w| {
                obj(&[
                    ("startedAt", num(w.started_at)),
                    ("checks", n(w.checks)),
                    ("nextAt", opt(w.next_at)),
                    (
                        "tabs",
                        arr(&w.tabs, |t| {
                            obj(&[
                                ("tab", num(t.tab)),
                                ("url", s(&t.url)),
                                ("failureAt", num(t.failure_at)),
                                ("method", s(&t.method)),
                            ])
                        }),
                    ),
                ])
            }),
        ),
        (
            "buckets",
            arr(&st.buckets, |x| {
                obj(&[
                    ("origin", s(&x.origin)),
                    ("tokens", num(x.tokens)),
                    ("at", num(x.at)),
                ])
            }),
        ),
        (
            "fired",
            arr(&st.fired, |x| {
                obj(&[("tab", num(x.tab)), ("url", s(&x.url)), ("at", num(x.at))])
            }),
        ),
        ("notices", arr(&st.notices, notice)),
        ("involved", arr(&st.involved, |t| num(*t))),
    ])
}

fn auto(a: &Auto) -> JsValue {
    obj(&[
        ("tab", num(a.tab)),
        ("url", s(&a.url)),
        ("state", s(&a.state)),
        ("reason", s(&a.reason)),
        ("due", opt(a.due)),
        ("failureAt", num(a.failure_at)),
        ("firstFailureAt", num(a.first_failure_at)),
        ("seed", num(a.seed)),
        ("attempts", n(a.attempts)),
        ("max", n(a.max)),
        ("get", b(a.get)),
        ("loadingDefers", n(a.loading_defers)),
    ])
}

fn watch(w: &Watch) -> JsValue {
    obj(&[
        ("origin", s(&w.origin)),
        ("url", s(&w.url)),
        ("startedAt", num(w.started_at)),
        ("checks", n(w.checks)),
        ("seed", num(w.seed)),
        ("nextAt", opt(w.next_at)),
        ("useGet", b(w.use_get)),
        ("retryAfter", opt(w.retry_after)),
        (
            "tabs",
            arr(&w.tabs, |t| {
                obj(&[
                    ("tab", num(t.tab)),
                    ("url", s(&t.url)),
                    ("notify", b(t.notify)),
                    ("since", num(t.since)),
                    ("get", b(t.get)),
                    ("failureAt", num(t.failure_at)),
                ])
            }),
        ),
    ])
}

fn notice(x: &Notice) -> JsValue {
    obj(&[
        ("id", s(&x.id)),
        ("tabs", arr(&x.tabs, |t| num(*t))),
        ("url", s(&x.url)),
        ("origin", s(&x.origin)),
        ("get", b(x.get)),
    ])
}

fn then(t: &Then) -> JsValue {
    match t {
        Then::Auto { tab } => obj(&[("type", s("auto")), ("tab", num(*tab))]),
        Then::Watch { origin } => obj(&[("type", s("watch")), ("origin", s(origin))]),
        Then::NetCheck => obj(&[("type", s("net-check"))]),
        Then::NetBack => obj(&[("type", s("net-back"))]),
        Then::Notice { notice: x } => obj(&[("type", s("notice")), ("notice", notice(x))]),
        Then::NoticeTabs { notice: x, up } => obj(&[
            ("type", s("notice-tabs")),
            ("notice", notice(x)),
            ("up", b(*up)),
        ]),
    }
}

fn effect(e: &Effect) -> JsValue {
    match e {
        Effect::Alarm { name, at } => {
            obj(&[("type", s("alarm")), ("name", s(name)), ("at", opt(*at))])
        }
        Effect::Look { tabs, then: t } => obj(&[
            ("type", s("look")),
            (
                "tabs",
                arr(tabs, |a| obj(&[("tab", num(a.tab)), ("url", s(&a.url))])),
            ),
            ("then", then(t)),
        ]),
        Effect::Reload {
            tab,
            url,
            get,
            on_our_page,
        } => obj(&[
            ("type", s("reload")),
            ("tab", num(*tab)),
            ("url", s(url)),
            ("get", b(*get)),
            ("onOurPage", b(*on_our_page)),
        ]),
        Effect::Check {
            url,
            method,
            then: t,
        } => obj(&[
            ("type", s("check")),
            ("url", s(url)),
            ("method", s(method)),
            ("then", then(t)),
        ]),
        Effect::Notify { id, host } => {
            obj(&[("type", s("notify")), ("id", s(id)), ("host", s(host))])
        }
        Effect::Unnotify { id } => obj(&[("type", s("unnotify")), ("id", s(id))]),
        Effect::Focus { tab } => obj(&[("type", s("focus")), ("tab", num(*tab))]),
    }
}

fn answer(a: &Answer) -> JsValue {
    match a {
        Answer::None | Answer::Retry(None) => JsValue::NULL,
        Answer::Done(d) => obj(&[
            ("ok", b(d.ok)),
            ("messageKey", d.message_key.map_or(JsValue::UNDEFINED, s)),
            ("redraw", b(d.redraw)),
            ("started", b(d.started)),
        ]),
        Answer::Retry(Some(r)) => obj(&[
            ("state", r.state.as_deref().map_or(JsValue::UNDEFINED, s)),
            ("reason", r.reason.as_deref().map_or(JsValue::UNDEFINED, s)),
            ("due", opt(r.due)),
            ("attempts", n(r.attempts)),
            ("max", r.max.map_or(JsValue::UNDEFINED, n)),
            ("now", num(r.now)),
            ("watching", r.watching.map_or(JsValue::UNDEFINED, b)),
            ("notifications", b(r.notifications)),
        ]),
        Answer::Yes(x) => b(*x),
        Answer::List(l) => arr(l, |w| {
            obj(&[
                ("origin", s(&w.origin)),
                ("host", s(&w.host)),
                ("tabs", num(w.tabs as f64)),
            ])
        }),
    }
}
