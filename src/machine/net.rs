//! The tabs that wait for the person's connection: the background's own checks, and their
//! reloads when it is back.

use super::{Ask, Effect, Net, NetTab, Seen, Then, ALARM_NET, M};
use crate::policy;

impl M<'_> {
    pub(super) fn wait_for_network(&mut self, t: NetTab) {
        let (now, scale) = (self.now, self.c.scale);
        let fresh = self.s.net.is_none();
        let n = self.s.net.get_or_insert_with(|| Net {
            started_at: now,
            ..Default::default()
        });
        n.tabs.retain(|x| x.tab != t.tab);
        n.tabs.push(t);
        if fresh || n.next_at.is_none() {
            n.next_at = policy::network_check_next(n.started_at, n.checks, now, scale).at;
        }
        match n.next_at {
            None => self.s.net = None,
            at => self.alarm(ALARM_NET.into(), at),
        }
    }

    pub(super) fn leave_network(&mut self, tab: f64, url: Option<&str>) {
        if let Some(n) = self.s.net.as_mut() {
            n.tabs
                .retain(|t| t.tab != tab || url.is_some_and(|u| policy::same_url(&t.url, u)));
        }
    }

    pub(super) fn net_look(&mut self, then: Then) {
        if let Some(n) = self.s.net.as_ref() {
            let mut tabs = Vec::new();
            for t in &n.tabs {
                tabs.push(Ask {
                    tab: t.tab,
                    url: t.url.clone(),
                });
            }
            self.fx.push(Effect::Look { tabs, then });
        }
    }

    pub(super) fn due_net(&mut self) {
        let Some(n) = self.s.net.as_ref() else {
            return;
        };
        if policy::is_early(n.next_at.unwrap_or(f64::NAN), self.now) {
            let at = n.next_at;
            return self.alarm(ALARM_NET.into(), at);
        }
        if n.tabs.is_empty() {
            self.s.net = None;
            return;
        }
        self.net_look(Then::NetCheck);
    }

    /// The connection is back: the waiting tabs that still show their failure reload in the
    /// policy's order and stagger; the record stays for the tabs that fail again.
    pub(super) fn reload_waiting(&mut self, seen: &[Seen]) {
        let Some(n) = self.s.net.as_mut() else {
            return;
        };
        let mut waiting = Vec::new();
        for t in &n.tabs {
            if let Some(s) = seen.iter().find(|s| s.tab == t.tab && s.shows) {
                waiting.push(policy::WaitingTab {
                    id: t.tab,
                    visible: s.visible,
                    active: s.active,
                    failure_at: t.failure_at,
                    method: t.method.clone(),
                });
            }
        }
        let tabs = core::mem::take(&mut n.tabs);
        for (id, at) in policy::online_reloads(&waiting, self.now) {
            if let Some(t) = tabs.iter().find(|t| t.tab == id) {
                self.schedule_back(id, t.url.clone(), t.failure_at, false, at);
            }
        }
    }

    pub(super) fn net_checked(&mut self, seen: &[Seen], online: bool, portal: Option<&str>) {
        let (now, scale) = (self.now, self.c.scale);
        let Some(n) = self.s.net.as_mut() else {
            return;
        };
        n.checks = n.checks.saturating_add(1);
        let next = policy::network_check_next(n.started_at, n.checks, now, scale);
        n.next_at = next.at;
        if policy::network_back(online, portal) {
            self.reload_waiting(seen);
        }
        match next.at {
            None => self.s.net = None,
            at => self.alarm(ALARM_NET.into(), at),
        }
    }
}
