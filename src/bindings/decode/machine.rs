//! The machine's inputs (src/machine.rs): its stored state, the event and the context. Every
//! list is cut at [`MAX_ENTRIES`]; a field of the wrong type is an error naming it.

use super::{boolean, number, string, u16_, u32_, Obj, Path, MAX_ITEMS, R};
use crate::machine::{
    Auto, Ctx, Event, Fired, Net, NetTab, Notice, Seen, SiteBucket, State, Then, Watch, WatchTab,
    MAX_ENTRIES,
};
use wasm_bindgen::JsValue;

fn num(o: &Obj, k: &'static str) -> R<f64> {
    Ok(o.opt(k, number)?.unwrap_or(f64::NAN))
}
fn text(o: &Obj, k: &'static str) -> R<String> {
    Ok(o.opt(k, string)?.unwrap_or_default())
}
fn flag(o: &Obj, k: &'static str) -> R<bool> {
    Ok(o.opt(k, boolean)?.unwrap_or(false))
}
fn count(o: &Obj, k: &'static str) -> R<u32> {
    Ok(o.opt(k, u32_)?.unwrap_or(0))
}

pub fn state(v: &JsValue, at: &Path) -> R<State> {
    let o = Obj::new(v, at)?;
    Ok(State {
        tabs: o.list("tabs", MAX_ENTRIES, auto)?,
        watches: o.list("watches", MAX_ENTRIES, watch)?,
        net: o.opt("net", net)?,
        buckets: o.list("buckets", MAX_ENTRIES, |v, at| {
            let o = Obj::new(v, at)?;
            Ok(SiteBucket {
                origin: text(&o, "origin")?,
                tokens: num(&o, "tokens")?,
                at: num(&o, "at")?,
            })
        })?,
        fired: o.list("fired", MAX_ENTRIES, |v, at| {
            let o = Obj::new(v, at)?;
            Ok(Fired {
                tab: num(&o, "tab")?,
                url: text(&o, "url")?,
                at: num(&o, "at")?,
            })
        })?,
        notices: o.list("notices", MAX_ENTRIES, notice)?,
        involved: Vec::new(),
    })
}

fn auto(v: &JsValue, at: &Path) -> R<Auto> {
    let o = Obj::new(v, at)?;
    Ok(Auto {
        tab: num(&o, "tab")?,
        url: text(&o, "url")?,
        state: text(&o, "state")?,
        reason: text(&o, "reason")?,
        due: o.opt("due", number)?,
        failure_at: num(&o, "failureAt")?,
        first_failure_at: num(&o, "firstFailureAt")?,
        seed: num(&o, "seed")?,
        attempts: count(&o, "attempts")?,
        max: count(&o, "max")?,
        get: flag(&o, "get")?,
        loading_defers: count(&o, "loadingDefers")?,
    })
}

fn watch(v: &JsValue, at: &Path) -> R<Watch> {
    let o = Obj::new(v, at)?;
    Ok(Watch {
        origin: text(&o, "origin")?,
        url: text(&o, "url")?,
        started_at: num(&o, "startedAt")?,
        checks: count(&o, "checks")?,
        seed: num(&o, "seed")?,
        next_at: o.opt("nextAt", number)?,
        use_get: flag(&o, "useGet")?,
        retry_after: o.opt("retryAfter", number)?,
        tabs: o.list("tabs", MAX_ENTRIES, |v, at| {
            let o = Obj::new(v, at)?;
            Ok(WatchTab {
                tab: num(&o, "tab")?,
                url: text(&o, "url")?,
                notify: flag(&o, "notify")?,
                since: num(&o, "since")?,
                get: flag(&o, "get")?,
                failure_at: num(&o, "failureAt")?,
            })
        })?,
    })
}

fn net(v: &JsValue, at: &Path) -> R<Net> {
    let o = Obj::new(v, at)?;
    Ok(Net {
        started_at: num(&o, "startedAt")?,
        checks: count(&o, "checks")?,
        next_at: o.opt("nextAt", number)?,
        tabs: o.list("tabs", MAX_ENTRIES, |v, at| {
            let o = Obj::new(v, at)?;
            Ok(NetTab {
                tab: num(&o, "tab")?,
                url: text(&o, "url")?,
                failure_at: num(&o, "failureAt")?,
                method: text(&o, "method")?,
            })
        })?,
    })
}

fn notice(v: &JsValue, at: &Path) -> R<Notice> {
    let o = Obj::new(v, at)?;
    Ok(Notice {
        id: text(&o, "id")?,
        tabs: o.list("tabs", MAX_ITEMS, number)?,
        url: text(&o, "url")?,
        origin: text(&o, "origin")?,
        get: flag(&o, "get")?,
    })
}

fn then(v: &JsValue, at: &Path) -> R<Then> {
    let o = Obj::new(v, at)?;
    Ok(match o.req("type", string)?.as_str() {
        "auto" => Then::Auto {
            tab: num(&o, "tab")?,
        },
        "watch" => Then::Watch {
            origin: text(&o, "origin")?,
        },
        "net-check" => Then::NetCheck,
        "net-back" => Then::NetBack,
        "notice" => Then::Notice {
            notice: o.req("notice", notice)?,
        },
        "notice-tabs" => Then::NoticeTabs {
            notice: o.req("notice", notice)?,
            up: flag(&o, "up")?,
        },
        _ => return Err(Path::Key(at, "type").error("not one of the known values")),
    })
}

fn seen(v: &JsValue, at: &Path) -> R<Seen> {
    let o = Obj::new(v, at)?;
    Ok(Seen {
        tab: num(&o, "tab")?,
        exists: flag(&o, "exists")?,
        shows: flag(&o, "shows")?,
        on_our_page: flag(&o, "onOurPage")?,
        loading: flag(&o, "loading")?,
        active: flag(&o, "active")?,
        visible: flag(&o, "visible")?,
        record_url: o.opt("recordUrl", string)?,
        record_at: o.opt("recordAt", number)?,
        record_method: o.opt("recordMethod", string)?,
    })
}

pub fn event(v: &JsValue, at: &Path) -> R<Event> {
    let o = Obj::new(v, at)?;
    let tab = || num(&o, "tab");
    let url = || text(&o, "url");
    Ok(match o.req("type", string)?.as_str() {
        "failure" => Event::Failure {
            tab: tab()?,
            url: url()?,
            at: num(&o, "at")?,
            attempts: count(&o, "attempts")?,
            diagnosis: Box::new(o.req("diagnosis", super::diagnosis)?),
        },
        "navigated" => Event::Navigated {
            tab: tab()?,
            url: url()?,
        },
        "healthy" => Event::Healthy { tab: tab()? },
        "removed" => Event::Removed { tab: tab()? },
        "due" => Event::Due {
            name: text(&o, "name")?,
        },
        "seen" => Event::Seen {
            then: o.req("then", then)?,
            tabs: o.list("tabs", MAX_ENTRIES, seen)?,
            online: flag(&o, "online")?,
            portal: o.opt("portal", string)?,
        },
        "checked" => Event::Checked {
            then: o.req("then", then)?,
            method: text(&o, "method")?,
            status: o.opt("status", u16_)?,
            redirected: flag(&o, "redirected")?,
            retry_after: o.opt("retryAfter", string)?,
            date: o.opt("date", string)?,
        },
        "online" => Event::Online,
        "action" => Event::Action {
            tab: tab()?,
            action: text(&o, "action")?,
            url: url()?,
            at: num(&o, "at")?,
            method: text(&o, "method")?,
        },
        "list-watches" => Event::ListWatches,
        "cancel-site" => Event::CancelSite {
            origin: text(&o, "origin")?,
        },
        "notice-clicked" => Event::NoticeClicked {
            id: text(&o, "id")?,
        },
        "notice-closed" => Event::NoticeClosed {
            id: text(&o, "id")?,
        },
        "retry-of" => Event::RetryOf {
            tab: tab()?,
            url: url()?,
        },
        "went-back" => Event::WentBack {
            tab: tab()?,
            url: url()?,
            on_our_page: flag(&o, "onOurPage")?,
            prev_url: text(&o, "prevUrl")?,
            retrying: flag(&o, "retrying")?,
            left_at: o.opt("leftAt", number)?,
        },
        _ => return Err(Path::Key(at, "type").error("not one of the known values")),
    })
}

/// The context: the clock, the time-scale, a random seed and the person's settings.
pub fn ctx(v: &JsValue, at: &Path) -> R<Ctx> {
    let o = Obj::new(v, at)?;
    Ok(Ctx {
        now: num(&o, "now")?,
        scale: o.opt("scale", number)?.unwrap_or(1.0),
        seed: num(&o, "seed")?,
        auto_retry: o.opt("autoRetry", boolean)?.unwrap_or(true),
        max_attempts: o.opt("maxAttempts", u32_)?,
        notifications: o.opt("notifications", boolean)?.unwrap_or(true),
        ignored_sites: o.list("ignoredSites", MAX_ITEMS, string)?,
    })
}
