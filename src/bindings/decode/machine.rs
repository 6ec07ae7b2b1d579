//! The machine's inputs (src/machine.rs): its stored state, the event and the context. Every
//! list is cut at [`MAX_ENTRIES`]; a field of the wrong type is an error naming it.

use super::{number, string, Errs, Obj, Opt, Path, Req, MAX_ITEMS};
use crate::machine::{
    Auto, Ctx, Event, Fired, Net, NetTab, Notice, Seen, SiteBucket, State, Then, Watch, WatchTab,
    MAX_ENTRIES,
};
use wasm_bindgen::JsValue;

impl Obj<'_> {
    /// A number; missing or null is NaN (the machine makes it safe).
    fn nan(&self, k: &'static str) -> f64 {
        self.num(k, Opt).unwrap_or(f64::NAN)
    }
    fn yes(&self, k: &'static str) -> bool {
        self.flag(k, Opt).unwrap_or(false)
    }
    fn count(&self, k: &'static str) -> u32 {
        self.u32(k, Opt).unwrap_or(0)
    }
    fn str_(&self, k: &'static str) -> String {
        self.text(k, Opt).unwrap_or_default()
    }
}

pub fn state(v: &JsValue, at: &Path, e: &Errs) -> Option<State> {
    let o = Obj::new(v, at, e)?;
    Some(State {
        tabs: o.list("tabs", Opt, MAX_ENTRIES, auto),
        watches: o.list("watches", Opt, MAX_ENTRIES, watch),
        net: o.obj("net", Opt, net),
        buckets: o.list("buckets", Opt, MAX_ENTRIES, |v, at, e| {
            let o = Obj::new(v, at, e)?;
            Some(SiteBucket {
                origin: o.str_("origin"),
                tokens: o.nan("tokens"),
                at: o.nan("at"),
            })
        }),
        fired: o.list("fired", Opt, MAX_ENTRIES, |v, at, e| {
            let o = Obj::new(v, at, e)?;
            Some(Fired {
                tab: o.nan("tab"),
                url: o.str_("url"),
                at: o.nan("at"),
            })
        }),
        notices: o.list("notices", Opt, MAX_ENTRIES, notice),
        involved: Vec::new(),
    })
}

fn auto(v: &JsValue, at: &Path, e: &Errs) -> Option<Auto> {
    let o = Obj::new(v, at, e)?;
    Some(Auto {
        tab: o.nan("tab"),
        url: o.str_("url"),
        state: o.str_("state"),
        reason: o.str_("reason"),
        due: o.num("due", Opt),
        failure_at: o.nan("failureAt"),
        first_failure_at: o.nan("firstFailureAt"),
        seed: o.nan("seed"),
        attempts: o.count("attempts"),
        max: o.count("max"),
        get: o.yes("get"),
        loading_defers: o.count("loadingDefers"),
    })
}

fn watch(v: &JsValue, at: &Path, e: &Errs) -> Option<Watch> {
    let o = Obj::new(v, at, e)?;
    Some(Watch {
        origin: o.str_("origin"),
        url: o.str_("url"),
        started_at: o.nan("startedAt"),
        checks: o.count("checks"),
        seed: o.nan("seed"),
        next_at: o.num("nextAt", Opt),
        use_get: o.yes("useGet"),
        retry_after: o.num("retryAfter", Opt),
        tabs: o.list("tabs", Opt, MAX_ENTRIES, |v, at, e| {
            let o = Obj::new(v, at, e)?;
            Some(WatchTab {
                tab: o.nan("tab"),
                url: o.str_("url"),
                notify: o.yes("notify"),
                since: o.nan("since"),
                get: o.yes("get"),
                failure_at: o.nan("failureAt"),
            })
        }),
    })
}

fn net(v: &JsValue, at: &Path, e: &Errs) -> Option<Net> {
    let o = Obj::new(v, at, e)?;
    Some(Net {
        started_at: o.nan("startedAt"),
        checks: o.count("checks"),
        next_at: o.num("nextAt", Opt),
        tabs: o.list("tabs", Opt, MAX_ENTRIES, |v, at, e| {
            let o = Obj::new(v, at, e)?;
            Some(NetTab {
                tab: o.nan("tab"),
                url: o.str_("url"),
                failure_at: o.nan("failureAt"),
                method: o.str_("method"),
            })
        }),
    })
}

fn notice(v: &JsValue, at: &Path, e: &Errs) -> Option<Notice> {
    let o = Obj::new(v, at, e)?;
    Some(Notice {
        id: o.str_("id"),
        tabs: o.list("tabs", Opt, MAX_ITEMS, number),
        url: o.str_("url"),
        origin: o.str_("origin"),
        get: o.yes("get"),
    })
}

/// The `type` of an event or a `then`; an unknown one is an error naming it.
fn kind(o: &Obj) -> String {
    o.text("type", Req).unwrap_or_default()
}

fn unknown_type<T>(at: &Path, e: &Errs) -> Option<T> {
    e.put(&Path::Key(at, "type"), "not one of the known values");
    None
}

fn then(v: &JsValue, at: &Path, e: &Errs) -> Option<Then> {
    let o = Obj::new(v, at, e)?;
    Some(match kind(&o).as_str() {
        "auto" => Then::Auto { tab: o.nan("tab") },
        "watch" => Then::Watch {
            origin: o.str_("origin"),
        },
        "net-check" => Then::NetCheck,
        "net-back" => Then::NetBack,
        "notice" => Then::Notice {
            notice: o.obj("notice", Req, notice)?,
        },
        "notice-tabs" => Then::NoticeTabs {
            notice: o.obj("notice", Req, notice)?,
            up: o.yes("up"),
        },
        _ => return unknown_type(at, e),
    })
}

fn seen(v: &JsValue, at: &Path, e: &Errs) -> Option<Seen> {
    let o = Obj::new(v, at, e)?;
    Some(Seen {
        tab: o.nan("tab"),
        exists: o.yes("exists"),
        shows: o.yes("shows"),
        on_our_page: o.yes("onOurPage"),
        loading: o.yes("loading"),
        active: o.yes("active"),
        visible: o.yes("visible"),
        record_url: o.text("recordUrl", Opt),
        record_at: o.num("recordAt", Opt),
        record_method: o.text("recordMethod", Opt),
    })
}

pub fn event(v: &JsValue, at: &Path, e: &Errs) -> Option<Event> {
    let o = Obj::new(v, at, e)?;
    let tab = || o.nan("tab");
    let url = || o.str_("url");
    Some(match kind(&o).as_str() {
        "failure" => Event::Failure {
            tab: tab(),
            url: url(),
            at: o.nan("at"),
            attempts: o.count("attempts"),
            diagnosis: Box::new(o.obj("diagnosis", Req, super::diagnosis)?),
        },
        "refined" => Event::Refined {
            tab: tab(),
            url: url(),
            at: o.nan("at"),
            diagnosis: Box::new(o.obj("diagnosis", Req, super::diagnosis)?),
        },
        "navigated" => Event::Navigated {
            tab: tab(),
            url: url(),
        },
        "healthy" => Event::Healthy { tab: tab() },
        "removed" => Event::Removed { tab: tab() },
        "due" => Event::Due {
            name: o.str_("name"),
        },
        "seen" => Event::Seen {
            then: o.obj("then", Req, then)?,
            tabs: o.list("tabs", Opt, MAX_ENTRIES, seen),
            online: o.yes("online"),
            portal: o.text("portal", Opt),
        },
        "checked" => Event::Checked {
            then: o.obj("then", Req, then)?,
            method: o.str_("method"),
            status: o.u16("status"),
            redirected: o.yes("redirected"),
            retry_after: o.text("retryAfter", Opt),
            date: o.text("date", Opt),
        },
        "online" => Event::Online,
        "action" => Event::Action {
            tab: tab(),
            action: o.str_("action"),
            url: url(),
            at: o.nan("at"),
            method: o.str_("method"),
        },
        "list-watches" => Event::ListWatches,
        "cancel-site" => Event::CancelSite {
            origin: o.str_("origin"),
        },
        "notice-clicked" => Event::NoticeClicked { id: o.str_("id") },
        "notice-closed" => Event::NoticeClosed { id: o.str_("id") },
        "retry-of" => Event::RetryOf {
            tab: tab(),
            url: url(),
        },
        "went-back" => Event::WentBack {
            tab: tab(),
            url: url(),
            on_our_page: o.yes("onOurPage"),
            prev_url: o.str_("prevUrl"),
            retrying: o.yes("retrying"),
            left_at: o.num("leftAt", Opt),
        },
        _ => return unknown_type(at, e),
    })
}

/// The context: the clock, the time-scale, a random seed and the person's settings.
pub fn ctx(v: &JsValue, at: &Path, e: &Errs) -> Option<Ctx> {
    let o = Obj::new(v, at, e)?;
    Some(Ctx {
        now: o.nan("now"),
        scale: o.num("scale", Opt).unwrap_or(1.0),
        seed: o.nan("seed"),
        auto_retry: o.flag("autoRetry", Opt).unwrap_or(true),
        max_attempts: o.u32("maxAttempts", Opt),
        notifications: o.flag("notifications", Opt).unwrap_or(true),
        ignored_sites: o.list("ignoredSites", Opt, MAX_ITEMS, string),
    })
}
