//! The retry and watch bookkeeping as one state machine: the shell passes an event and the
//! state it stored, [`step`] returns the next state and the effects to run (set or clear an
//! alarm, look at tabs, reload a tab, check a site, notify). Every rule is [`crate::policy`]'s;
//! this module decides when each applies. The shell stores the state, runs the effects and
//! turns what they find (a tab's display, a check's answer) into the next event.
//!
//! What it keeps: each tab's automatic retry ([`Auto`]), each site's watch ([`Watch`]), the
//! tabs that wait for the person's connection ([`Net`]), each site's request budget, the
//! reloads it issued (a navigation soon after is that reload) and the "is back" notices.

use crate::model::Diagnosis;
use crate::policy::{self, Bucket};
use serde::Serialize;

mod auto;
mod net;
mod watch;

/// Alarm names: a prefix and a tab id or origin.
pub const ALARM_AUTO: &str = "gd-auto:";
pub const ALARM_WATCH: &str = "gd-watch:";
pub const ALARM_BUCKET: &str = "gd-bucket:";
pub const ALARM_NET: &str = "gd-net";
/// The "<host> is back" notifications' ids start with this.
pub const NOTICE_PREFIX: &str = "gd-back:";
/// At most this many of each list are kept (the state comes back from storage).
pub const MAX_ENTRIES: usize = 1000;

/// A tab's automatic retry. `state`: "scheduled" (reload at `due`), "fired" (reloaded),
/// "exhausted", "watching", "network", "cancelled", "off" (see [`policy::auto_retry`]);
/// `reason` as there, or "back" (a reload of a tab whose site or connection is back).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Auto {
    pub tab: f64,
    pub url: String,
    pub state: String,
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<f64>,
    pub failure_at: f64,
    pub first_failure_at: f64,
    pub seed: f64,
    pub attempts: u32,
    pub max: u32,
    /// Load the URL with GET (a POST's page), never resend.
    pub get: bool,
    pub loading_defers: u32,
}

/// A tab that waits in a site's watch.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WatchTab {
    pub tab: f64,
    pub url: String,
    /// "Notify me when it's back" was asked for this tab.
    pub notify: bool,
    pub since: f64,
    pub get: bool,
    pub failure_at: f64,
}

/// One site's watch: one check per interval however many tabs wait.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Watch {
    pub origin: String,
    pub url: String,
    pub started_at: f64,
    pub checks: u32,
    pub seed: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_at: Option<f64>,
    /// Checks with GET (the site refused HEAD).
    pub use_get: bool,
    /// Retry-After of the last failed check (seconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<f64>,
    pub tabs: Vec<WatchTab>,
}

/// A tab that waits for the person's connection.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetTab {
    pub tab: f64,
    pub url: String,
    pub failure_at: f64,
    pub method: String,
}

/// The tabs that wait for the connection, and the background's own checks for it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Net {
    pub started_at: f64,
    pub checks: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_at: Option<f64>,
    pub tabs: Vec<NetTab>,
}

/// A site's request budget, kept until it is full again.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SiteBucket {
    pub origin: String,
    pub tokens: f64,
    pub at: f64,
}

/// A reload this machine issued: a navigation of `tab` onto `url` soon after is that reload.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fired {
    pub tab: f64,
    pub url: String,
    pub at: f64,
}

/// A "<host> is back" notification: its click checks the site again, then loads the page.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub id: String,
    pub tabs: Vec<f64>,
    pub url: String,
    pub origin: String,
    pub get: bool,
}

/// Everything the machine keeps; the shell stores it as it is returned.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    pub tabs: Vec<Auto>,
    pub watches: Vec<Watch>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net: Option<Net>,
    pub buckets: Vec<SiteBucket>,
    pub fired: Vec<Fired>,
    pub notices: Vec<Notice>,
    /// Every tab the state speaks of (written by [`step`], not read).
    pub involved: Vec<f64>,
}

/// What the shell knows at each step: the clock, the developer time-scale, the person's
/// settings and a fresh random number (a new retry's or watch's jitter seed).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ctx {
    pub now: f64,
    pub scale: f64,
    pub seed: f64,
    pub auto_retry: bool,
    pub max_attempts: Option<u32>,
    pub notifications: bool,
    pub ignored_sites: Vec<String>,
}

/// Where a look or a check goes on: the event the shell sends with what it found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Then {
    /// A tab's retry is due.
    Auto { tab: f64 },
    /// A site's watch is due.
    Watch { origin: String },
    /// The background's own check for the connection.
    NetCheck,
    /// The connection is back.
    NetBack,
    /// A click on a notice: the site checked again.
    Notice { notice: Notice },
    /// ... and it answered (`up`) or not.
    NoticeTabs { notice: Notice, up: bool },
}

/// One tab as the shell found it for a look.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Seen {
    pub tab: f64,
    /// The tab is there.
    pub exists: bool,
    /// It shows the failed URL, or our diagnosis page for it.
    pub shows: bool,
    pub on_our_page: bool,
    pub loading: bool,
    /// The active tab of its window; of the focused window.
    pub active: bool,
    pub visible: bool,
    /// The background's record of the tab's failure: its URL, time and method.
    pub record_url: Option<String>,
    pub record_at: Option<f64>,
    pub record_method: Option<String>,
}

/// An event the shell hands to [`step`].
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A failure was recorded for `tab` (`attempts`: automatic retries of it so far).
    Failure {
        tab: f64,
        url: String,
        at: f64,
        attempts: u32,
        diagnosis: Box<Diagnosis>,
    },
    /// The page's text refined the diagnosis of the failure of `url` seen at `at` in `tab`
    /// (the same failure as a `Failure` before it): its scheduled retry is decided again.
    Refined {
        tab: f64,
        url: String,
        at: f64,
        diagnosis: Box<Diagnosis>,
    },
    /// The tab navigates to `url`.
    Navigated {
        tab: f64,
        url: String,
    },
    /// A healthy response in the tab: all ends, whatever its URL.
    Healthy {
        tab: f64,
    },
    Removed {
        tab: f64,
    },
    /// An alarm (or its timer) fired.
    Due {
        name: String,
    },
    /// The tabs a look asked for.
    Seen {
        then: Then,
        tabs: Vec<Seen>,
        online: bool,
        portal: Option<String>,
    },
    /// A check's answer; `status` None: the request failed.
    Checked {
        then: Then,
        method: String,
        status: Option<u16>,
        redirected: bool,
        retry_after: Option<String>,
        date: Option<String>,
    },
    /// The browser or our page says the connection is back.
    Online,
    /// One of the panel's actions for the tab's record (`url`, `at`, `method`).
    Action {
        tab: f64,
        action: String,
        url: String,
        at: f64,
        method: String,
    },
    /// The popup's list, and its Cancel of a site's watch.
    ListWatches,
    CancelSite {
        origin: String,
    },
    NoticeClicked {
        id: String,
    },
    NoticeClosed {
        id: String,
    },
    /// The tab's retry and watch as the view takes them.
    RetryOf {
        tab: f64,
        url: String,
    },
    /// Whether a failure of `url` in `tab` is the person going Back from our diagnosis page
    /// for it, from the tab's previous record: it was on our page for `prev_url`, not leaving
    /// by Retry (`retrying`), left at `left_at`; and none of our reloads just went there.
    WentBack {
        tab: f64,
        url: String,
        on_our_page: bool,
        prev_url: String,
        retrying: bool,
        left_at: Option<f64>,
    },
}

/// What the shell does.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "type",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum Effect {
    /// Sets alarm `name` for `at`; without `at`, clears it.
    Alarm {
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        at: Option<f64>,
    },
    /// Looks at `tabs` (each for its `url`) and sends `seen` with `then`.
    Look {
        tabs: Vec<Ask>,
        then: Then,
    },
    /// Loads the failed page again: a reload, or the URL (from our page, or with GET).
    Reload {
        tab: f64,
        url: String,
        get: bool,
        on_our_page: bool,
    },
    /// Asks the site (`method` HEAD or GET, no redirects followed) and sends `checked`.
    Check {
        url: String,
        method: &'static str,
        then: Then,
    },
    /// "<host> is back".
    Notify {
        id: String,
        host: String,
    },
    Unnotify {
        id: String,
    },
    /// Brings the tab and its window to the front.
    Focus {
        tab: f64,
    },
}

/// A tab to look at, for the failure of `url`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ask {
    pub tab: f64,
    pub url: String,
}

/// An action's result, for the panel's status line.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Done {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_key: Option<&'static str>,
    pub redraw: bool,
    pub started: bool,
}

/// A tab's retry and watch as the view takes them (`retry` of `view`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RetryOf {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<f64>,
    pub attempts: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    pub now: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watching: Option<bool>,
    pub notifications: bool,
}

/// A watched site, for the popup.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listed {
    pub origin: String,
    pub host: String,
    pub tabs: usize,
}

/// The answer to an event that asks something.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    None,
    Done(Done),
    Retry(Option<RetryOf>),
    Yes(bool),
    List(Vec<Listed>),
}

/// What [`step`] returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub state: State,
    pub effects: Vec<Effect>,
    pub answer: Answer,
}

struct M<'a> {
    s: State,
    fx: Vec<Effect>,
    c: &'a Ctx,
    now: f64,
}

fn tab_name(prefix: &str, tab: f64) -> String {
    let mut s = String::from(prefix);
    crate::text::push_u64(
        &mut s,
        if tab.is_finite() && tab >= 0.0 {
            tab as u64
        } else {
            0
        },
    );
    s
}

/// The origin of an http(s) URL, else None.
pub fn http_origin(url: &str) -> Option<String> {
    let u = crate::url::parse(url).ok()?;
    let o = u.origin();
    (u.is_http() && !o.is_empty()).then_some(o)
}

/// host[:port] of an origin.
fn host_of(origin: &str) -> String {
    origin
        .split_once("://")
        .map_or(origin, |(_, h)| h)
        .to_string()
}

impl M<'_> {
    fn alarm(&mut self, name: String, at: Option<f64>) {
        self.fx.push(Effect::Alarm { name, at });
    }

    fn auto(&mut self, tab: f64) -> Option<&mut Auto> {
        self.s.tabs.iter_mut().find(|a| a.tab == tab)
    }

    fn set_auto(&mut self, a: Auto) {
        self.s.tabs.retain(|x| x.tab != a.tab);
        self.s.tabs.push(a);
    }

    fn watch_of_tab(&self, tab: f64) -> Option<usize> {
        self.s
            .watches
            .iter()
            .position(|w| w.tabs.iter().any(|t| t.tab == tab))
    }

    fn next_check(&self, w: &Watch, not_before: Option<f64>) -> policy::WatchNext {
        policy::watch_next(&policy::WatchInput {
            started_at: w.started_at,
            checks: w.checks,
            now: self.now,
            not_before,
            retry_after: w.retry_after,
            scale: Some(self.c.scale),
            key: w.origin.clone(),
            seed: Some(w.seed).filter(|s| s.is_finite()),
        })
    }

    /// Takes a token of `origin`'s budget; the bucket is kept until it is full again.
    fn take_token(&mut self, origin: &str) -> policy::Token {
        let b = self
            .s
            .buckets
            .iter()
            .find(|b| b.origin == origin)
            .map(|b| Bucket {
                tokens: b.tokens,
                at: b.at,
            });
        let t = policy::take_token(b, self.now, self.c.scale);
        self.store_bucket(origin, t.bucket);
        t
    }

    fn store_bucket(&mut self, origin: &str, b: Bucket) {
        self.s.buckets.retain(|x| x.origin != origin);
        self.s.buckets.push(SiteBucket {
            origin: origin.into(),
            tokens: b.tokens,
            at: b.at,
        });
        let at = b.full_at(self.c.scale);
        self.alarm(crate::text::concat(&[ALARM_BUCKET, origin]), Some(at));
    }

    /// A reload of `tab`, whose site or connection is back, at `at`.
    fn schedule_back(&mut self, tab: f64, url: String, failure_at: f64, get: bool, at: f64) {
        self.set_auto(Auto {
            tab,
            url,
            state: "scheduled".into(),
            reason: "back".into(),
            due: Some(at),
            failure_at,
            get,
            first_failure_at: failure_at,
            seed: self.c.seed,
            ..Default::default()
        });
        self.alarm(tab_name(ALARM_AUTO, tab), Some(at));
    }

    fn reload(&mut self, tab: f64, url: &str, get: bool, on_our_page: bool) {
        self.s.fired.retain(|f| f.tab != tab);
        self.s.fired.push(Fired {
            tab,
            url: url.into(),
            at: self.now,
        });
        self.fx.push(Effect::Reload {
            tab,
            url: url.into(),
            get,
            on_our_page,
        });
    }

    // ------------------------------------------------------------ the tab goes on

    /// The tab's retry, wait for the network and watch end; with `url`, only those of
    /// another URL.
    fn release(&mut self, tab: f64, url: Option<&str>) {
        self.leave_network(tab, url);
        let other = |u: &str| url.is_none_or(|url| !policy::same_url(u, url));
        if self.auto(tab).is_some_and(|a| other(&a.url)) {
            self.s.tabs.retain(|a| a.tab != tab);
            self.alarm(tab_name(ALARM_AUTO, tab), None);
        }
        let watched = self
            .watch_of_tab(tab)
            .and_then(|i| self.s.watches[i].tabs.iter().find(|t| t.tab == tab))
            .is_some_and(|t| other(&t.url));
        if watched {
            self.stop_watch(tab);
        }
    }

    fn action(&mut self, tab: f64, action: &str, url: &str, at: f64, method: &str) -> Answer {
        let done = |message_key, redraw, started| {
            Answer::Done(Done {
                ok: message_key != Some("ui_watch_unavailable"),
                message_key,
                redraw,
                started,
            })
        };
        match action {
            "watch" => match self.start_watch(tab, url, at, method, true, None) {
                // What the panel says is the view's `watchStarted` (the background adds the view).
                true => done(None, true, true),
                false => done(Some("ui_watch_unavailable"), false, false),
            },
            "cancel-watch" => {
                self.stop_watch(tab);
                done(Some("ui_watch_cancelled"), true, false)
            }
            "cancel-auto-retry" => {
                self.alarm(tab_name(ALARM_AUTO, tab), None);
                if let Some(a) = self.auto(tab) {
                    a.state = "cancelled".into();
                    a.reason = "cancelled".into();
                }
                done(Some("ui_retry_cancelled"), true, false)
            }
            "retry-status" => done(None, true, false),
            _ => Answer::None,
        }
    }

    fn retry_of(&self, tab: f64, url: &str) -> Option<RetryOf> {
        let a = self
            .s
            .tabs
            .iter()
            .find(|a| a.tab == tab && policy::same_url(&a.url, url));
        let w = self
            .watch_of_tab(tab)
            .and_then(|i| self.s.watches[i].tabs.iter().find(|t| t.tab == tab));
        if a.is_none() && w.is_none() {
            return None;
        }
        Some(RetryOf {
            state: a.map(|a| a.state.clone()),
            reason: a.map(|a| a.reason.clone()),
            due: a.and_then(|a| a.due),
            attempts: a.map_or(0, |a| a.attempts),
            max: a.map(|a| a.max),
            now: self.now,
            watching: w.map(|t| t.notify),
            notifications: self.c.notifications,
        })
    }

    fn due(&mut self, name: String) {
        if let Some(tab) = name.strip_prefix(ALARM_AUTO) {
            let tab = crate::text::parse_u64(tab, 10).map_or(f64::NAN, |t| t as f64);
            self.due_auto(tab, name);
        } else if let Some(origin) = name.strip_prefix(ALARM_WATCH) {
            let origin = origin.to_string();
            self.due_watch(&origin, name);
        } else if name == ALARM_NET {
            self.due_net();
        }
        // A bucket's alarm: `step` drops the buckets that are full again; a timer that
        // fires early is set again.
        else if let Some(origin) = name.strip_prefix(ALARM_BUCKET) {
            let scale = self.c.scale;
            let full = self.s.buckets.iter().find(|b| b.origin == origin).map(|b| {
                Bucket {
                    tokens: b.tokens,
                    at: b.at,
                }
                .full_at(scale)
            });
            if let Some(at) = full.filter(|at| policy::is_early(*at, self.now)) {
                self.alarm(name, Some(at));
            }
        }
    }
}

/// One step of the machine: `state` as stored, `event`, `ctx`; the next state, the effects to
/// run, and the answer to an event that asks something.
pub fn step(state: State, event: Event, ctx: &Ctx) -> Step {
    let now = if ctx.now.is_finite() { ctx.now } else { 0.0 };
    let mut m = M {
        s: state,
        fx: Vec::new(),
        c: ctx,
        now,
    };
    let mut answer = Answer::None;
    match event {
        Event::Failure {
            tab,
            url,
            at,
            attempts,
            diagnosis,
        } => m.failure(tab, url, at, attempts, &diagnosis),
        Event::Refined {
            tab,
            url,
            at,
            diagnosis,
        } => m.refined(tab, &url, at, &diagnosis),
        Event::Navigated { tab, url } => m.release(tab, Some(&url)),
        Event::Healthy { tab } => m.release(tab, None),
        Event::Removed { tab } => {
            m.s.fired.retain(|f| f.tab != tab);
            m.release(tab, None);
        }
        Event::Due { name } => m.due(name),
        Event::Seen {
            then,
            tabs,
            online,
            portal,
        } => match then {
            Then::Auto { tab } => m.auto_seen(tab, tabs.iter().find(|s| s.tab == tab)),
            Then::Watch { origin } => m.watch_seen(&origin, &tabs),
            Then::NetCheck => m.net_checked(&tabs, online, portal.as_deref()),
            Then::NetBack => m.reload_waiting(&tabs),
            Then::NoticeTabs { notice, up } => m.notice_seen(&notice, up, &tabs),
            Then::Notice { .. } => {}
        },
        Event::Checked {
            then,
            method,
            status,
            redirected,
            retry_after,
            date,
        } => match then {
            Then::Watch { origin } => m.watch_checked(
                &origin,
                &method,
                status,
                redirected,
                retry_after.as_deref(),
                date.as_deref(),
            ),
            Then::Notice { notice } => m.notice_checked(notice, &method, status, redirected),
            _ => {}
        },
        Event::Online => {
            if m.s.net.as_ref().is_some_and(|n| !n.tabs.is_empty()) {
                m.net_look(Then::NetBack);
            }
        }
        Event::Action {
            tab,
            action,
            url,
            at,
            method,
        } => answer = m.action(tab, &action, &url, at, &method),
        Event::ListWatches => {
            let mut list = Vec::new();
            for w in &m.s.watches {
                list.push(Listed {
                    origin: w.origin.clone(),
                    host: host_of(&w.origin),
                    tabs: w.tabs.len(),
                });
            }
            answer = Answer::List(list);
        }
        Event::CancelSite { origin } => {
            let had = m.s.watches.iter().any(|w| w.origin == origin);
            m.end_watch(&origin);
            answer = Answer::Yes(had);
        }
        Event::NoticeClicked { id } => m.notice_clicked(&id),
        Event::NoticeClosed { id } => m.s.notices.retain(|n| n.id != id),
        Event::RetryOf { tab, url } => answer = Answer::Retry(m.retry_of(tab, &url)),
        Event::WentBack {
            tab,
            url,
            on_our_page,
            prev_url,
            retrying,
            left_at,
        } => {
            let ours = m.s.fired.iter().any(|f| {
                f.tab == tab
                    && policy::same_url(&f.url, &url)
                    && now - f.at < policy::FIRED_WINDOW_MS
            });
            let left_long_ago = left_at.is_some_and(|t| now - t >= policy::BACK_WINDOW_MS);
            answer = Answer::Yes(
                on_our_page
                    && policy::same_url(&prev_url, &url)
                    && !retrying
                    && !left_long_ago
                    && !ours,
            )
        }
    }
    // What is over goes: reloads too old to be recognised, budgets full again.
    let scale = ctx.scale;
    m.s.fired.retain(|f| now - f.at < policy::FIRED_WINDOW_MS);
    m.s.buckets.retain(|b| {
        Bucket {
            tokens: b.tokens,
            at: b.at,
        }
        .full_at(scale)
            > now
    });
    // Every tab the state speaks of: the shell skips the core for the others' navigations.
    let mut involved: Vec<f64> = Vec::new();
    for a in &m.s.tabs {
        involved.push(a.tab);
    }
    for w in &m.s.watches {
        for t in &w.tabs {
            involved.push(t.tab);
        }
    }
    if let Some(n) = &m.s.net {
        for t in &n.tabs {
            involved.push(t.tab);
        }
    }
    for f in &m.s.fired {
        involved.push(f.tab);
    }
    involved.dedup();
    m.s.involved = involved;
    Step {
        state: m.s,
        effects: m.fx,
        answer,
    }
}
