//! Watches: one per site, one check per interval however many tabs wait; when it is back,
//! the tabs reload within the site's budget, and the "is back" notices.

use super::{host_of, http_origin, tab_name};
use super::{
    Ask, Effect, Notice, Seen, Then, Watch, WatchTab, ALARM_AUTO, ALARM_WATCH, M, NOTICE_PREFIX,
};
use crate::policy::{self, Bucket};

impl M<'_> {
    /// Starts (or joins) the watch of `url`'s site for `tab`; a watched tab is not retried on
    /// its own as well. False when the URL is not a web page's.
    pub(super) fn start_watch(
        &mut self,
        tab: f64,
        url: &str,
        failure_at: f64,
        method: &str,
        notify: bool,
        not_before: Option<f64>,
    ) -> bool {
        let Some(origin) = http_origin(url) else {
            return false;
        };
        let get = policy::back_action(method) == "get";
        let i = match self.s.watches.iter().position(|w| w.origin == origin) {
            Some(i) => i,
            None => {
                self.s.watches.push(Watch {
                    origin: origin.clone(),
                    url: url.into(),
                    started_at: self.now,
                    seed: self.c.seed,
                    ..Default::default()
                });
                self.s.watches.len() - 1
            }
        };
        // A tab leaves any other site's watch.
        self.s.watches.iter_mut().enumerate().for_each(|(j, w)| {
            if j != i {
                w.tabs.retain(|t| t.tab != tab);
            }
        });
        let w = &self.s.watches[i];
        let fresh = w.next_at.is_none();
        let nb = not_before.unwrap_or(0.0);
        let next_at = if fresh || nb > w.next_at.unwrap_or(0.0) {
            self.next_check(w, not_before).at.or(w.next_at)
        } else {
            w.next_at
        };
        let now = self.now;
        let w = &mut self.s.watches[i];
        w.next_at = next_at;
        let had = w
            .tabs
            .iter()
            .position(|t| t.tab == tab)
            .map(|k| w.tabs.remove(k));
        w.tabs.push(WatchTab {
            tab,
            url: url.into(),
            notify: notify || had.as_ref().is_some_and(|h| h.notify),
            since: had.map_or(now, |h| h.since),
            get,
            failure_at,
        });
        self.alarm(
            crate::text::concat(&[ALARM_WATCH, &origin]),
            Some(next_at.unwrap_or(now)),
        );
        self.s.watches.retain(|w| !w.tabs.is_empty());
        if let Some(a) = self.auto(tab).filter(|a| a.state == "scheduled") {
            a.state = "watching".into();
            a.reason = "watch".into();
            self.alarm(tab_name(ALARM_AUTO, tab), None);
        }
        true
    }

    pub(super) fn end_watch(&mut self, origin: &str) {
        self.s.watches.retain(|w| w.origin != origin);
        self.alarm(crate::text::concat(&[ALARM_WATCH, origin]), None);
    }

    /// Ends `tab`'s watch (the site's whole watch when no tab waits any more).
    pub(super) fn stop_watch(&mut self, tab: f64) -> bool {
        let Some(i) = self.watch_of_tab(tab) else {
            return false;
        };
        let w = &mut self.s.watches[i];
        w.tabs.retain(|t| t.tab != tab);
        if w.tabs.is_empty() {
            let o = w.origin.clone();
            self.end_watch(&o);
        }
        true
    }

    pub(super) fn due_watch(&mut self, origin: &str, name: String) {
        let Some(w) = self.s.watches.iter().find(|w| w.origin == origin) else {
            return;
        };
        if policy::is_early(w.next_at.unwrap_or(f64::NAN), self.now) {
            let at = w.next_at;
            return self.alarm(name, at);
        }
        let mut tabs = Vec::new();
        for t in &w.tabs {
            tabs.push(Ask {
                tab: t.tab,
                url: t.url.clone(),
            });
        }
        self.fx.push(Effect::Look {
            tabs,
            then: Then::Watch {
                origin: origin.into(),
            },
        });
    }

    pub(super) fn watch_seen(&mut self, origin: &str, seen: &[Seen]) {
        let Some(i) = self.s.watches.iter().position(|w| w.origin == origin) else {
            return;
        };
        // The tabs that no longer show their failure leave the watch.
        self.s.watches[i].tabs.retain(|t| {
            seen.iter()
                .find(|s| s.tab == t.tab)
                .is_none_or(|s| s.shows && s.record_at.is_some())
        });
        let w = &self.s.watches[i];
        if w.tabs.is_empty() || self.next_check(w, None).end.is_some() {
            return self.end_watch(origin);
        }
        let url = w.url.clone();
        let method = if w.use_get { "GET" } else { "HEAD" };
        self.check_within_budget(origin, url, method);
    }

    /// A check of the watched site, if its budget has a token; else the watch waits for one.
    pub(super) fn check_within_budget(&mut self, origin: &str, url: String, method: &'static str) {
        let t = self.take_token(origin);
        if t.ok {
            let then = Then::Watch {
                origin: origin.into(),
            };
            return self.fx.push(Effect::Check { url, method, then });
        }
        let at = self.now + t.wait_ms;
        if let Some(w) = self.s.watches.iter_mut().find(|w| w.origin == origin) {
            w.next_at = Some(at);
        }
        self.alarm(crate::text::concat(&[ALARM_WATCH, origin]), Some(at));
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn watch_checked(
        &mut self,
        origin: &str,
        method: &str,
        status: Option<u16>,
        redirected: bool,
        retry_after: Option<&str>,
        date: Option<&str>,
    ) {
        let now = self.now;
        let Some(i) = self.s.watches.iter().position(|w| w.origin == origin) else {
            return;
        };
        let w = &mut self.s.watches[i];
        if let Some(st) = status {
            if method == "HEAD" && crate::status::head_refused(st) {
                w.use_get = true;
                let url = w.url.clone();
                return self.check_within_budget(origin, url, "GET");
            }
            if crate::status::is_back(st, redirected) {
                let w = self.s.watches.remove(i);
                return self.site_is_back(w);
            }
            w.retry_after = policy::retry_after(retry_after.unwrap_or(""), date, Some(now));
        }
        w.checks = w.checks.saturating_add(1);
        match self.next_check(&self.s.watches[i], None).at {
            None => self.end_watch(origin),
            Some(at) => {
                self.s.watches[i].next_at = Some(at);
                self.alarm(crate::text::concat(&[ALARM_WATCH, origin]), Some(at));
            }
        }
    }

    /// The site answers again: its waiting tabs reload (staggered, within the site's budget),
    /// and a notice if one was asked for.
    pub(super) fn site_is_back(&mut self, w: Watch) {
        self.end_watch(&w.origin);
        let b = self.s.buckets.iter().find(|b| b.origin == w.origin);
        let b = b.map(|b| Bucket {
            tokens: b.tokens,
            at: b.at,
        });
        let plan = policy::back_reloads(w.tabs.len(), b, self.now, self.c.scale);
        self.store_bucket(&w.origin, plan.bucket);
        for (t, at) in w.tabs.iter().zip(plan.at) {
            self.schedule_back(t.tab, t.url.clone(), t.failure_at, t.get, at);
        }
        if !w.tabs.iter().any(|t| t.notify) || !self.c.notifications {
            return;
        }
        let mut ids = Vec::new();
        for t in &w.tabs {
            ids.push(t.tab);
        }
        let mut id = crate::text::concat(&[NOTICE_PREFIX, &w.origin, ":"]);
        crate::text::push_u64(&mut id, self.now.max(0.0) as u64);
        self.s.notices.push(Notice {
            id: id.clone(),
            tabs: ids,
            url: w.url.clone(),
            origin: w.origin.clone(),
            get: w.tabs.iter().any(|t| t.get),
        });
        let host = host_of(&w.origin);
        self.fx.push(Effect::Notify { id, host });
    }

    /// A click on "<host> is back": the site is checked again before the page loads.
    pub(super) fn notice_clicked(&mut self, id: &str) {
        let Some(i) = self.s.notices.iter().position(|n| n.id == id) else {
            return;
        };
        let notice = self.s.notices.remove(i);
        self.fx.push(Effect::Unnotify { id: id.into() });
        self.fx.push(Effect::Check {
            url: notice.url.clone(),
            method: "HEAD",
            then: Then::Notice { notice },
        });
    }

    pub(super) fn notice_checked(
        &mut self,
        notice: Notice,
        method: &str,
        status: Option<u16>,
        redirected: bool,
    ) {
        if status.is_some_and(crate::status::head_refused) && method == "HEAD" {
            if self.take_token(&notice.origin).ok {
                let url = notice.url.clone();
                let then = Then::Notice { notice };
                return self.fx.push(Effect::Check {
                    url,
                    method: "GET",
                    then,
                });
            }
            return self.notice_tabs(notice, false);
        }
        let up = crate::status::is_back(status.unwrap_or(0), redirected);
        self.notice_tabs(notice, up)
    }

    pub(super) fn notice_tabs(&mut self, notice: Notice, up: bool) {
        let mut tabs = Vec::new();
        for &tab in &notice.tabs {
            tabs.push(Ask {
                tab,
                url: notice.url.clone(),
            });
        }
        self.fx.push(Effect::Look {
            tabs,
            then: Then::NoticeTabs { notice, up },
        });
    }

    /// Up: the first of the notice's tabs that is still there comes to the front and loads
    /// the page; down: its tabs wait in a new watch.
    pub(super) fn notice_seen(&mut self, notice: &Notice, up: bool, seen: &[Seen]) {
        for &tab in &notice.tabs {
            let Some(s) = seen.iter().find(|s| s.tab == tab) else {
                continue;
            };
            let Some(at) = s.record_at else {
                if up && s.exists {
                    return self.fx.push(Effect::Focus { tab });
                }
                continue;
            };
            if !up {
                let url = s.record_url.clone().unwrap_or_default();
                let method = s.record_method.clone().unwrap_or_default();
                self.start_watch(tab, &url, at, &method, true, None);
            } else if s.exists {
                self.fx.push(Effect::Focus { tab });
                if s.shows {
                    self.reload(tab, &notice.url, notice.get, s.on_our_page);
                }
                return;
            }
        }
    }
}
