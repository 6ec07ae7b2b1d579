//! A tab's automatic retry: decided when its failure is recorded ([`policy::auto_retry`]),
//! decided again by the same rule when the page's text refines the diagnosis, and fired when
//! it is due while the tab still shows that failure.

use super::{http_origin, tab_name, Ask, Auto, Effect, NetTab, Seen, Then, ALARM_AUTO, M};
use crate::model::Diagnosis;
use crate::policy::{self, AutoDecision};

impl M<'_> {
    /// [`policy::auto_retry`] for `tab`'s failure `d`, with the settings and what the machine
    /// keeps of the tab.
    fn decide(
        &self,
        tab: f64,
        d: &Diagnosis,
        attempts: u32,
        first_failure_at: f64,
        cancelled: bool,
        seed: f64,
    ) -> AutoDecision {
        policy::auto_retry(
            d,
            &policy::AutoInput {
                attempts,
                first_failure_at: Some(first_failure_at),
                now: self.now,
                enabled: self.c.auto_retry,
                max_attempts: self.c.max_attempts,
                watching: self.watch_of_tab(tab).is_some(),
                cancelled,
                scale: Some(self.c.scale),
                seed: Some(seed),
            },
        )
    }

    /// What a decision other than "scheduled" starts: the wait for the connection, or the
    /// site's watch once the retries ran out.
    fn start_other(&mut self, tab: f64, url: &str, at: f64, a: &AutoDecision, d: &Diagnosis) {
        match a.state {
            "network" => self.wait_for_network(NetTab {
                tab,
                url: url.into(),
                failure_at: at,
                method: d.method.clone(),
            }),
            "exhausted" => {
                self.start_watch(tab, url, at, &d.method, false, a.watch_from);
            }
            _ => {}
        }
    }

    pub(super) fn failure(&mut self, tab: f64, url: String, at: f64, attempts: u32, d: &Diagnosis) {
        let now = self.now;
        // The same failure again (an automatic retry of it failed): its first time, seed and
        // whether the person cancelled it carry over.
        let continuing = self
            .auto(tab)
            .filter(|p| policy::same_url(&p.url, &url) && attempts > 0)
            .map(|p| (p.first_failure_at, p.seed, p.state == "cancelled"));
        let first_failure_at = continuing.map_or(now, |p| p.0);
        let seed = continuing
            .map(|p| p.1)
            .filter(|s| s.is_finite())
            .unwrap_or(self.c.seed);
        let cancelled = continuing.is_some_and(|p| p.2);
        let a = self.decide(tab, d, attempts, first_failure_at, cancelled, seed);
        self.set_auto(Auto {
            tab,
            url: url.clone(),
            state: a.state.into(),
            reason: a.reason.clone(),
            due: a.due,
            failure_at: at,
            first_failure_at,
            seed,
            attempts,
            max: a.max,
            get: false,
            loading_defers: 0,
        });
        if a.state == "scheduled" {
            self.alarm(tab_name(ALARM_AUTO, tab), a.due);
        } else {
            self.start_other(tab, &url, at, &a, d);
        }
    }

    /// The page's text refined the diagnosis of `tab`'s failure of `url` seen at `at`: a retry the first
    /// diagnosis scheduled is decided again by the same rule, with the same attempts, first
    /// failure and seed. Still retried: it stays as it is (same due time, same attempts).
    /// Not retried any more: its alarm is cleared and the tab takes the refined decision (the
    /// reason the view shows; a wait for the connection or a watch where that decision says
    /// so). Nothing else changes: no retry starts here that the first diagnosis did not
    /// schedule, and a reload of a tab whose site is back stays.
    pub(super) fn refined(&mut self, tab: f64, url: &str, at: f64, d: &Diagnosis) {
        let Some(p) = self.auto(tab).filter(|a| {
            a.state == "scheduled"
                && a.reason != "back"
                && policy::same_failure(&a.url, a.failure_at, url, Some(at))
        }) else {
            return;
        };
        let (attempts, first, seed, url) = (p.attempts, p.first_failure_at, p.seed, p.url.clone());
        let a = self.decide(tab, d, attempts, first, false, seed);
        if a.state == "scheduled" {
            return;
        }
        self.alarm(tab_name(ALARM_AUTO, tab), None);
        if let Some(p) = self.auto(tab) {
            p.state = a.state.into();
            p.reason = a.reason.clone();
            p.due = None;
            p.max = a.max;
            p.loading_defers = 0;
        }
        self.start_other(tab, &url, at, &a, d);
    }

    pub(super) fn due_auto(&mut self, tab: f64, name: String) {
        let Some(a) = self.auto(tab).filter(|a| a.state == "scheduled") else {
            return;
        };
        let (due, url) = (a.due, a.url.clone());
        if policy::is_early(due.unwrap_or(f64::NAN), self.now) {
            return self.alarm(name, due);
        }
        self.fx.push(Effect::Look {
            tabs: vec![Ask { tab, url }],
            then: Then::Auto { tab },
        });
    }

    pub(super) fn auto_seen(&mut self, tab: f64, seen: Option<&Seen>) {
        let now = self.now;
        let c = self.c;
        let Some(a) = self.auto(tab).filter(|a| a.state == "scheduled") else {
            return;
        };
        let back = a.reason == "back";
        let host = crate::url::parse(&a.url)
            .map(|u| u.host)
            .unwrap_or_default();
        if (!c.auto_retry && !back) || crate::domain::ignored(&host, &c.ignored_sites) {
            a.state = "off".into();
            a.reason = "disabled".into();
            return;
        }
        // Only while the tab still shows the same failure: never after the person went on.
        let same = seen.filter(|s| s.shows).filter(|s| {
            policy::same_failure(
                &a.url,
                a.failure_at,
                s.record_url.as_deref().unwrap_or(""),
                s.record_at,
            )
        });
        let Some(seen) = same else {
            self.s.tabs.retain(|a| a.tab != tab);
            return;
        };
        // Something loads in the tab (the person, in a browser without pendingUrl): look again soon.
        if seen.loading && a.loading_defers < policy::MAX_LOADING_DEFERS {
            a.loading_defers += 1;
            a.due = Some(now + policy::LOADING_DEFER_MS);
            let due = a.due;
            return self.alarm(tab_name(ALARM_AUTO, tab), due);
        }
        let (url, get, on_our_page) = (a.url.clone(), a.get, seen.on_our_page);
        if !back {
            // A reload of a tab whose site is back was budgeted by the watch.
            let origin = http_origin(&url).unwrap_or_default();
            let t = self.take_token(&origin);
            if !t.ok {
                let due = Some(now + t.wait_ms);
                if let Some(a) = self.auto(tab) {
                    a.due = due;
                }
                return self.alarm(tab_name(ALARM_AUTO, tab), due);
            }
        }
        if let Some(a) = self.auto(tab) {
            a.state = "fired".into();
        }
        self.reload(tab, &url, get, on_our_page);
    }
}
