//! What the panel shows, decided here: the shell paints it and adds nothing. The headline,
//! who must act, the primary actions, at most [`FIRST_STEPS`] steps that fit this failure and
//! the rest under "more", and the retry line (a countdown or the reason there is none, never
//! both), each with its message key and parameters.

use crate::domain::{local, Local};
use crate::model::{
    Action, Advice, Cause, Culprit, Diagnosis, Environment, GeneratedBy, Message, Param, Params,
    Reference, Role, Step,
};
use crate::policy::resendable;
use crate::text::concat;
use serde::Serialize;

/// The panel shows this many steps; the rest are under "more".
pub const FIRST_STEPS: usize = 3;

/// What the environment could not tell (a permission is missing): the core picks the
/// variant that says so, and the step offers the button that asks for the permission.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Unknown {
    /// The installed extensions (no `management` permission).
    pub extensions: bool,
    /// The browser's proxy settings (no `proxy` permission).
    pub proxy: bool,
}

/// The automatic retry of this tab, as the shell stored the core's `autoRetry` decision.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RetryState {
    pub state: Option<String>,
    pub reason: Option<String>,
    pub due: Option<f64>,
    pub attempts: u32,
    pub max: Option<u32>,
    /// When the decision was made (ms since 1970): the wait is `due - now`.
    pub now: Option<f64>,
    /// The site's watch holds this tab: `Some(notify)` (a notification is asked for).
    pub watching: Option<bool>,
    /// The person's notifications setting (None: on).
    pub notifications: Option<bool>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ViewStep {
    pub id: String,
    /// The message to show: `step_<id>`, or its variant `step_<id>_<variant>`.
    pub key: String,
    pub params: Params,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// A button that asks for the permission this step needs to say more
    /// ("check-extensions", "check-proxy-settings").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ask: Option<&'static str>,
    /// The permission `ask` asks for (`model::permission`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ask_permission: Option<&'static str>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct View {
    pub headline: Message,
    /// Who must act: `ui_culprit_<culprit>`, `ui_culprit_clock` or `ui_culprit_admin`
    /// ([`culprit_key`]).
    pub culprit: Message,
    pub primary: Vec<Action>,
    pub steps: Vec<ViewStep>,
    pub more: Vec<ViewStep>,
    /// The retry line: a countdown (`ui_retry_countdown`, params `due`, `attempt`, `max`) or
    /// the reason there is none; absent when there is nothing to say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry: Option<Message>,
    /// What the retry line is, as the panel names its element: "countdown" (counts down to
    /// `due`, with Cancel), "resubmit" (a form is not sent again) or "auto-off" (no retry).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_kind: Option<&'static str>,
    /// The answer's status in short (`ui_status`: "502 Bad Gateway"), for a response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Message>,
    /// Who broke, in one picture: the person, their network (or proxy), the gateway, the
    /// site's server, in that order, each working, failed, unknown, limiting, later or
    /// blocked ([`ChainNode::state`]).
    pub chain: Vec<ChainNode>,
    /// The ids the site's support asks for, shown with a Copy button without expanding.
    pub references: Vec<Reference>,
    /// The short report "Copy" and "Contact the site" put on the clipboard (src/report.rs).
    pub report: String,
    /// The details' facts: the answer or the error, who wrote the page, who must act. A
    /// parameter `<name>Key` fills `{name}` with that message (the role, the culprit).
    pub facts: Vec<Message>,
    /// The watch line while the site's watch holds this tab (`ui_watch_active`, `_notify`
    /// when a notification was asked for and notifications are on; param `host`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watch: Option<Message>,
    /// What the panel says when the person has just asked for the watch:
    /// `ui_watch_started[_silent][_get]` (notifications off; the page loads with GET).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watch_started: Option<Message>,
    /// Whether the retry block offers "Notify me when it's back" (no watch yet, no step offers
    /// it already, and no network's sign-in stands between).
    pub offer_watch: bool,
}

/// One node of the chain.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ChainNode {
    /// "you", "network", "proxy", "gateway", "server".
    pub id: &'static str,
    /// Its label: `ui_chain_<id>`, or `ui_chain_local` / `ui_chain_lan` for a server on this
    /// computer or the local network.
    pub key: &'static str,
    /// What it is, when known: the gateway's name, the server's host and port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// "working", "failed", "unknown", "limiting" (it answered a 429: it limits requests),
    /// "later" (the site's server is up and asks to come back later: maintenance, or a 503
    /// with Retry-After of its own) or "blocked" (it refused the request on purpose: a
    /// filter, a policy, an extension); the message is `ui_chain_<state>`.
    pub state: &'static str,
}

fn message(key: &str, params: Params) -> Message {
    Message {
        key: key.into(),
        params,
    }
}

/// `prefix` and `id` with its `-` as `_`: a message name.
pub(crate) fn key_of(prefix: &str, id: &str) -> String {
    let mut k = String::from(prefix);
    k.extend(id.chars().map(|c| if c == '-' { '_' } else { c }));
    k
}

#[inline(never)]
fn view_step(s: &Step, unknown: Unknown) -> ViewStep {
    let mut key = key_of("step_", &s.id);
    if let Some(Param::Text(v)) = s.params.get("variant") {
        key = key_of(&(key + "_"), v);
    }
    let listed = matches!(s.params.get("extensions"), Some(Param::List(l)) if !l.is_empty());
    let ask = match s.id.as_str() {
        "disable-extensions" if unknown.extensions && !listed => Some("check-extensions"),
        "check-proxy"
            if unknown.proxy
                && s.params.get("mode").is_none()
                && s.params.get("controlledBy").is_none() =>
        {
            Some("check-proxy-settings")
        }
        _ => None,
    };
    // The primary buttons are the panel's own: a step repeats no button.
    let action = s
        .action
        .clone()
        .filter(|a| !matches!(a, Action::Retry | Action::OpenIncognito));
    ViewStep {
        id: s.id.clone(),
        key,
        params: s.params.clone(),
        action,
        ask,
        ask_permission: ask.and_then(crate::model::permission),
    }
}

/// A wait in words a person reads at once: the message suffix for its unit and the number
/// to fill it ("seconds" 40, "minute" 1, "minutes" 10, "hours" 2). Under 45 s in seconds;
/// under 90 s "about a minute"; under 90 minutes in minutes; else in hours.
pub fn about(seconds: f64) -> (&'static str, f64) {
    let s = if seconds.is_finite() {
        seconds.max(0.0)
    } else {
        0.0
    };
    if s < 45.0 {
        ("seconds", s.ceil().max(1.0))
    } else if s < 90.0 {
        ("minute", 1.0)
    } else if s < 90.0 * 60.0 {
        ("minutes", (s / 60.0).round())
    } else {
        ("hours", (s / 3600.0).round().min(999.0))
    }
}

/// Puts the number of [`about`] into `p` under the unit's name, and returns the unit.
pub fn put_about(p: &mut Params, seconds: f64) -> &'static str {
    let (unit, n) = about(seconds);
    if unit != "minute" {
        p.set(unit, Param::Number(n));
    }
    unit
}

/// A wait in words (a key ending in `_<unit>`, optionally then `_nogw`, and the unit's number)
/// said as the countdown `r` (`ui_retry_countdown_<unit>`) says it, which comes a little after
/// the Retry-After it waits out (a spread): "wait about 13 minutes" beside "Retrying in about
/// 14 minutes" would read as two answers. Whether it changed anything.
fn same_wait(key: &mut String, params: &mut Params, r: &Message) -> bool {
    const UNITS: [&str; 4] = ["seconds", "minutes", "minute", "hours"];
    let Some(unit) = r.key.strip_prefix("ui_retry_countdown_") else {
        return false;
    };
    let (base, nogw) = match key.strip_suffix("_nogw") {
        Some(b) => (b, "_nogw"),
        None => (key.as_str(), ""),
    };
    let Some(stem) = UNITS
        .iter()
        .find_map(|u| base.strip_suffix(u).filter(|s| s.ends_with('_')))
    else {
        return false;
    };
    let new = concat(&[stem, unit, nogw]);
    let mut kept = Params::new();
    for (k, v) in params.iter().filter(|(k, _)| !UNITS.contains(k)) {
        kept.insert(k.to_string(), v.clone());
    }
    *params = kept;
    if let Some(n) = r.params.get(unit) {
        params.insert(unit.into(), n.clone());
    }
    *key = new;
    true
}

/// Whether Retry sends `d`'s form again: a request that is not resent on its own (POST) whose
/// answer arrived, which the shell reloads; a request that got no answer loads with GET.
pub fn resends_form(d: &Diagnosis) -> bool {
    !resendable(&d.method) && d.status_code.is_some()
}

/// The retry line for `r` on the failure `d`: one message or none.
pub fn retry_line(r: &RetryState, d: &Diagnosis) -> Option<Message> {
    let mut p = Params::new();
    if !resendable(&d.method) {
        // Retry reloads an answer (the form is sent again) but loads the address of a request
        // that got none with GET (the shell's `loadAgain`): the words say which
        let key = if resends_form(d) {
            "ui_retry_resubmit_warning"
        } else {
            "ui_retry_resubmit_warning_get"
        };
        return Some(message(key, p));
    }
    match r.state.as_deref() {
        Some("scheduled") => {
            let due = r.due.filter(|d| d.is_finite())?;
            p.set("due", Param::Number(due));
            p.set("attempt", Param::Number(f64::from(r.attempts + 1)));
            let max = r.max.unwrap_or(crate::retry::MAX_ATTEMPTS);
            p.set("max", Param::Number(f64::from(max)));
            // A wait of a minute or more in words and a time of day; a shorter one counts down.
            let wait = r
                .now
                .filter(|n| n.is_finite())
                .map_or(0.0, |n| (due - n) / 1000.0);
            if wait >= 45.0 {
                p.set("until", Param::Number(due));
                let unit = put_about(&mut p, wait);
                return Some(message(&concat(&["ui_retry_countdown_", unit]), p));
            }
            Some(message("ui_retry_countdown", p))
        }
        Some("cancelled") => Some(message("ui_retry_cancelled", p)),
        // It waits for the connection, not for the site (policy::waits_for_network).
        Some("network") if r.reason.as_deref() == Some("auth") => {
            Some(message("ui_retry_after_sign_in", p))
        }
        Some("network") => Some(message("ui_retry_when_online", p)),
        // Retry-After more than an hour away: a quiet watch from then, and no retry was made
        // (policy::auto_retry), so none is counted as failed
        Some("exhausted") if r.attempts == 0 => Some(message("ui_retry_watch_after", p)),
        Some("exhausted") => {
            p.set("attempts", Param::Number(f64::from(r.attempts)));
            Some(message("ui_retry_exhausted", p))
        }
        // a name that does not resolve is not retried on a timer: the reason, and what helps
        Some("off") if d.status_code.is_none() && d.cause == Cause::Dns => {
            Some(message("ui_retry_not_dns", p))
        }
        _ => None,
    }
}

/// `key` with the status `c` and `d`'s status text ("502 Bad Gateway").
fn status_message(key: &str, c: u16, d: &Diagnosis) -> Message {
    let mut p = Params::new();
    p.set("status", Param::Number(f64::from(c)));
    let t = d.status_text.as_deref().unwrap_or("");
    p.set("statusText", crate::text::clip(t, 60).into());
    message(key, p)
}

/// The details' facts of `d` (see [`View::facts`]).
pub fn facts(d: &Diagnosis) -> Vec<Message> {
    let mut out = Vec::with_capacity(3);
    let mut p = Params::new();
    if let Some(c) = d.status_code {
        out.push(status_message("ui_fact_status", c, d));
    } else if let Some(e) = &d.error {
        p.set("error", crate::text::clip(e, 300).into());
        out.push(message("ui_fact_error", p));
    }
    if let Some(g) = &d.gateway {
        let mut p = Params::new();
        let name = match &g.version {
            Some(v) => concat(&[&g.name, " ", v]),
            None => g.name.clone(),
        };
        p.set("gateway", name.into());
        // a writer on the person's side that only the page names: said as the page's word
        let role = if crate::diagnose::unconfirmed(d) {
            "ui_role_claimed".to_string()
        } else {
            key_of("ui_role_", g.role.as_str())
        };
        p.set("roleKey", role.into());
        out.push(message("ui_fact_gateway", p));
    }
    let mut p = Params::new();
    p.set("culpritKey", culprit_key(d).into());
    out.push(message("ui_fact_culprit", p));
    out
}

/// Who must act, as a message key: `ui_culprit_<culprit>`, or the words that name it where
/// the culprit's own would point elsewhere: this computer's clock (`ui_culprit_clock`, not
/// "your browser or one of its extensions"), the administrator's policy (`ui_culprit_admin`).
pub fn culprit_key(d: &Diagnosis) -> String {
    if d.cause == Cause::Clock {
        "ui_culprit_clock".into()
    } else if crate::advise::blocked_by_admin(d) {
        "ui_culprit_admin".into()
    } else if crate::advise::blocked_by_network(d) {
        "ui_culprit_network_filter".into()
    } else {
        key_of("ui_culprit_", d.culprit.as_str())
    }
}

/// The watch line for a tab the site's watch holds (`notify`: a notification is asked for).
pub fn watch_line(d: &Diagnosis, notify: bool) -> Message {
    let mut p = Params::new();
    p.set("host", authority(d).into());
    let key = if notify {
        "ui_watch_active_notify"
    } else {
        "ui_watch_active"
    };
    message(key, p)
}

/// What the panel says when the watch has just started for a request with `method`.
pub fn watch_started(method: &str, notify: bool) -> Message {
    let silent = if notify { "" } else { "_silent" };
    let get = if resendable(method) { "" } else { "_get" };
    message(&concat(&["ui_watch_started", silent, get]), Params::new())
}

fn node(
    id: &'static str,
    key: &'static str,
    name: Option<String>,
    state: &'static str,
) -> ChainNode {
    ChainNode {
        id,
        key,
        name,
        state,
    }
}

/// host[:port] of the diagnosis (the port only when it is not the scheme's default).
pub fn authority(d: &Diagnosis) -> String {
    let o = d.origin.split_once("://").map_or("", |(_, a)| a);
    crate::text::clip(if o.is_empty() { &d.host } else { o }, 260).to_string()
}

/// Who broke: each part of the way from the person to the site's server, from the diagnosis.
pub fn chain(d: &Diagnosis, env: &Environment) -> Vec<ChainNode> {
    const OK: &str = "working";
    const BAD: &str = "failed";
    const UNKNOWN: &str = "unknown";
    let responded = d.status_code.is_some();
    let proxy_set = crate::advise::proxy_configured(env);
    // a forward proxy's page that nothing in the environment confirms is one the site may
    // have written: the node is not the person's proxy, and what answered is not known
    let unconfirmed = crate::diagnose::unconfirmed(d);
    let forward = !unconfirmed
        && d.gateway
            .as_ref()
            .is_some_and(|g| g.role == Role::ForwardProxy);
    let culprit = d.culprit;
    // a network's sign-in (a captive portal) stops the page: the network failed, nothing is
    // known of the site, and whatever wrote the 511 is the network's, not the site's gateway
    let portal = crate::diagnose::is_portal(d);
    let mut v = Vec::with_capacity(4);
    v.push(node(
        "you",
        "ui_chain_you",
        None,
        if culprit == Culprit::Browser { BAD } else { OK },
    ));
    let place = local(&d.host);
    // a filter in the person's network that wrote its block page stopped the request there
    // (its node is the network's, unless the person set a proxy: then that proxy's)
    let filter = crate::advise::blocked_by_network(d);
    let network_filter = filter && !proxy_set;
    // the way out: the proxy when one is set or wrote the page, else the network; nothing
    // between the person and a program on their own computer
    let way = if portal || filter {
        BAD
    } else if responded && culprit != Culprit::Proxy {
        OK
    } else {
        match culprit {
            Culprit::Network | Culprit::Proxy => BAD,
            Culprit::Site => OK,
            _ => UNKNOWN,
        }
    };
    if (proxy_set || forward || culprit == Culprit::Proxy) && !network_filter {
        let name = d
            .gateway
            .as_ref()
            .filter(|_| forward)
            .map(|g| g.name.clone());
        v.push(node("proxy", "ui_chain_proxy", name, way));
    } else if place != Some(Local::ThisComputer) || network_filter {
        // the network's filter by its name when it has one (its block page came through
        // the network, whatever the address)
        let name = d
            .gateway
            .as_ref()
            .filter(|_| forward && network_filter)
            .map(|g| g.name.clone());
        v.push(node("network", "ui_chain_network", name, way));
    }
    let site_failed = culprit == Culprit::Site;
    if let Some(g) = d.gateway.as_ref().filter(|_| !forward && !portal) {
        // it answered: what failed is behind it, unless it wrote the page about itself
        let state = if unconfirmed {
            UNKNOWN
        } else if d.generated_by == GeneratedBy::Gateway || responded {
            OK
        } else {
            UNKNOWN
        };
        v.push(node(
            "gateway",
            "ui_chain_gateway",
            Some(g.name.clone()),
            state,
        ));
    }
    let key = match place {
        Some(Local::ThisComputer) => "ui_chain_local",
        Some(Local::Network) => "ui_chain_lan",
        None => "ui_chain_server",
    };
    let server = if portal {
        UNKNOWN
    } else if site_failed && culprit != Culprit::Proxy {
        BAD
    } else if responded && culprit == Culprit::Unknown {
        UNKNOWN
    } else if responded && culprit != Culprit::Proxy {
        BAD
    } else {
        UNKNOWN
    };
    let name = Some(authority(d)).filter(|a| !a.is_empty());
    v.push(node("server", key, name, server));
    answered_for_now(d, &mut v);
    refused(d, &mut v);
    v
}

/// A refusal on purpose is no failure of whoever refused: a block (a filter in the person's
/// network or a DNS filter, the administrator's policy, an extension, the site's own headers)
/// marks the part that refused "blocked", and what lies past it is not known (the request
/// never got there).
fn refused(d: &Diagnosis, v: &mut [ChainNode]) {
    if !matches!(d.cause, Cause::Blocked | Cause::DnsFilter) {
        return;
    }
    if let Some(i) = v.iter().position(|n| n.state == "failed") {
        v[i].state = "blocked";
        for n in &mut v[i + 1..] {
            n.state = "unknown";
        }
    }
}

/// A response that says "not now" is no failure of whoever wrote it: a 429 marks the part that
/// limits requests "limiting" (the gateway when it wrote the page itself, and then nothing is
/// known of the server behind it), and the site's own maintenance answer, or a 503 with
/// Retry-After that the gateway did not write, marks the server "later" (it is up and asks to
/// come back later).
fn answered_for_now(d: &Diagnosis, v: &mut [ChainNode]) {
    const LIMITING: &str = "limiting";
    const LATER: &str = "later";
    if d.status_code == Some(429) {
        let by_gateway = d.generated_by == GeneratedBy::Gateway
            && d.culprit != Culprit::Proxy
            && v.iter().any(|n| n.id == "gateway");
        for n in v.iter_mut() {
            if by_gateway && n.id == "gateway" {
                n.state = LIMITING;
            } else if by_gateway && n.id == "server" {
                n.state = "unknown";
            } else if n.state == "failed" {
                n.state = LIMITING;
            }
        }
        return;
    }
    let later = d.cause == Cause::Maintenance
        || (d.status_code == Some(503)
            && d.retry_after_seconds.is_some()
            && d.generated_by != GeneratedBy::Gateway);
    if later && d.culprit == Culprit::Site {
        if let Some(n) = v
            .last_mut()
            .filter(|n| n.id == "server" && n.state == "failed")
        {
            n.state = LATER;
        }
    }
}

pub fn view(
    d: &Diagnosis,
    advice: &Advice,
    env: &Environment,
    unknown: Unknown,
    retry: &RetryState,
) -> View {
    let mut primary = Vec::new();
    if d.failed {
        primary.push(Action::Retry);
    }
    if let Some(a) = advice
        .steps
        .iter()
        .find(|s| s.id == "incognito")
        .and_then(|s| s.action.clone())
    {
        primary.push(a);
    }
    let resubmits = !resendable(&d.method);
    // the first steps, in the advice's order: never a guessed status page (it may not exist),
    // nor, when the site must act or only the page blames the person's side
    // (advise::setup_waits), one that asks the person to change their own setup (even
    // where fewer than FIRST_STEPS others fit); the rest under "more", in the same order
    let site = crate::advise::setup_waits(d);
    let mut steps = Vec::with_capacity(FIRST_STEPS);
    let mut more = Vec::with_capacity(advice.steps.len());
    for s in &advice.steps {
        // "retry" is the primary button; as a step it says only that a form is sent again.
        if s.id == "retry" && !resubmits {
            continue;
        }
        let s = view_step(s, unknown);
        let later = (s.id == "status-page" && s.key.ends_with("_guess"))
            || (site && crate::advise::OWN_SETUP.contains(&s.id.as_str()))
            || crate::advise::only_under_more(d, &s.id);
        if steps.len() < FIRST_STEPS && !later {
            steps.push(s);
        } else {
            more.push(s);
        }
    }
    // a notification only when one was asked for and the person's setting allows it
    let notify = retry
        .watching
        .map(|asked| asked && retry.notifications != Some(false));
    let status = d.status_code.map(|c| status_message("ui_status", c, d));
    let retry_line = retry_line(retry, d);
    let retry_kind = retry_line.as_ref().map(|m| match m.key.as_str() {
        k if k.starts_with("ui_retry_countdown") => "countdown",
        k if k.starts_with("ui_retry_resubmit_warning") => "resubmit",
        _ => "auto-off",
    });
    let mut headline = advice.summary.clone();
    // the retry waits out Retry-After and a little more: its wait in the headline's and the
    // "wait" step's words too
    if let Some(r) = retry_line
        .as_ref()
        .filter(|_| retry.reason.as_deref() == Some("retry-after"))
    {
        same_wait(&mut headline.key, &mut headline.params, r);
        for s in steps.iter_mut().chain(more.iter_mut()) {
            if s.id == "wait" && same_wait(&mut s.key, &mut s.params, r) {
                let unit = &s.key["step_wait_".len()..];
                s.params.set("variant", Param::Text(unit.to_string()));
            }
        }
    }
    View {
        headline,
        culprit: message(&culprit_key(d), Params::new()),
        primary,
        steps,
        more,
        retry: retry_line,
        retry_kind,
        status,
        chain: chain(d, env),
        references: d.references.clone(),
        report: crate::report::report(d, &d.url, env.now.filter(|n| *n > 0.0)),
        facts: facts(d),
        watch: notify.map(|n| watch_line(d, n)),
        watch_started: notify.map(|n| watch_started(&d.method, n)),
        // behind a network's sign-in the page loads by itself once through: watching the
        // site for an outage would say it is down
        // nor one that waits for the connection (it loads again by itself), nor a form's
        // answer or a network filter's block page (no outage to watch for)
        offer_watch: retry.watching.is_none()
            && !crate::diagnose::is_portal(d)
            && !crate::policy::waits_for_network(d)
            && !crate::advise::form_answer(d)
            && !crate::advise::blocked_by_network(d)
            && !crate::advise::page_says_stop(d)
            && !advice
                .steps
                .iter()
                .any(|s| matches!(s.action, Some(Action::Watch))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Failure, Header};

    fn nginx_502() -> Diagnosis {
        crate::diagnose(&Failure {
            url: "https://shop.example:8443/cart".into(),
            status_code: Some(502),
            status_line: Some("HTTP/1.1 502 Bad Gateway".into()),
            response_headers: vec![Header {
                name: "Server".into(),
                value: Some("nginx/1.22.1".into()),
            }],
            ..Default::default()
        })
        .unwrap()
    }

    fn text(m: &Message, name: &str) -> String {
        match m.params.get(name) {
            Some(Param::Text(t)) => t.clone(),
            Some(Param::Number(n)) => n.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn a_button_that_asks_for_a_permission_names_it() {
        let step = |id: &str| Step {
            id: id.into(),
            params: crate::model::Params::new(),
            action: None,
        };
        let unknown = Unknown {
            extensions: true,
            proxy: true,
        };
        let ext = view_step(&step("disable-extensions"), unknown);
        assert_eq!(
            (ext.ask, ext.ask_permission),
            (Some("check-extensions"), Some("management"))
        );
        let proxy = view_step(&step("check-proxy"), unknown);
        assert_eq!(
            (proxy.ask, proxy.ask_permission),
            (Some("check-proxy-settings"), Some("proxy"))
        );
        let known = view_step(&step("disable-extensions"), Unknown::default());
        assert_eq!((known.ask, known.ask_permission), (None, None));
    }

    #[test]
    fn the_facts_name_the_answer_the_gateway_with_its_role_and_who_acts() {
        let d = nginx_502();
        let f = facts(&d);
        let keys: Vec<&str> = f.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(
            keys,
            ["ui_fact_status", "ui_fact_gateway", "ui_fact_culprit"]
        );
        assert_eq!(text(&f[0], "status"), "502");
        assert_eq!(text(&f[0], "statusText"), "Bad Gateway");
        assert_eq!(text(&f[1], "gateway"), "nginx 1.22.1");
        assert!(text(&f[1], "roleKey").starts_with("ui_role_"));
        assert_eq!(
            text(&f[2], "culpritKey"),
            concat(&["ui_culprit_", d.culprit.as_str()])
        );
        let e = crate::diagnose(&Failure {
            url: "https://x.example/".into(),
            error: Some("net::ERR_CONNECTION_REFUSED".into()),
            ..Default::default()
        })
        .unwrap();
        let f = facts(&e);
        assert_eq!(f[0].key, "ui_fact_error");
        assert_eq!(text(&f[0], "error"), "net::ERR_CONNECTION_REFUSED");
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn the_retry_line_names_its_kind_and_buttons_say_what_they_do() {
        let d = nginx_502();
        let env = Environment::default();
        let advice = crate::advise(&d, &env);
        let kind = |r: &RetryState, d: &Diagnosis| {
            let v = view(d, &advice, &env, Unknown::default(), r);
            (v.retry.map(|m| m.key), v.retry_kind)
        };
        assert_eq!(kind(&RetryState::default(), &d), (None, None));
        let due = |wait: f64| RetryState {
            state: Some("scheduled".into()),
            due: Some(1000.0 + wait),
            now: Some(1000.0),
            ..Default::default()
        };
        for wait in [5_000.0, 600_000.0] {
            let (key, k) = kind(&due(wait), &d);
            assert!(key.unwrap().starts_with("ui_retry_countdown"));
            assert_eq!(k, Some("countdown"));
        }
        let cancelled = RetryState {
            state: Some("cancelled".into()),
            ..Default::default()
        };
        assert_eq!(kind(&cancelled, &d).1, Some("auto-off"));
        let mut post = d.clone();
        post.method = "POST".into();
        assert_eq!(
            kind(&due(5_000.0), &post),
            (Some("ui_retry_resubmit_warning".into()), Some("resubmit"))
        );
        // the badge says the status, or ERR with no response
        assert_eq!(d.badge, "502");
        let e = crate::diagnose(&Failure {
            url: "https://x.example/".into(),
            error: Some("net::ERR_CONNECTION_REFUSED".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(e.badge, "ERR");
    }

    #[test]
    fn a_site_left_alone_is_not_diagnosed() {
        let f = |sites: &[&str]| {
            crate::diagnose(&Failure {
                url: "https://shop.example:8443/cart".into(),
                status_code: Some(502),
                ignored_sites: sites.iter().map(|s| s.to_string()).collect(),
                ..Default::default()
            })
            .unwrap()
        };
        let d = f(&["example", "other.test"]);
        assert!(d.ignored && !d.failed);
        let d = f(&["*.shop.example"]);
        assert!(d.ignored && !d.failed);
        let d = f(&["hop.example", "other.test"]);
        assert!(!d.ignored && d.failed);
    }

    #[test]
    fn the_watch_line_and_the_watch_offer_follow_the_watch_and_the_steps() {
        let d = nginx_502();
        let env = Environment::default();
        let advice = crate::advise(&d, &env);
        let offered_by_a_step = advice
            .steps
            .iter()
            .any(|s| matches!(s.action, Some(Action::Watch)));
        let none = view(
            &d,
            &advice,
            &env,
            Unknown::default(),
            &RetryState::default(),
        );
        assert!(none.watch.is_none());
        assert_eq!(none.offer_watch, !offered_by_a_step);
        for (notify, key) in [(true, "ui_watch_active_notify"), (false, "ui_watch_active")] {
            let r = RetryState {
                watching: Some(notify),
                ..Default::default()
            };
            let v = view(&d, &advice, &env, Unknown::default(), &r);
            let w = v.watch.expect("a watch line while watching");
            assert_eq!(w.key, key);
            assert_eq!(text(&w, "host"), "shop.example:8443");
            assert!(!v.offer_watch, "no offer while watching");
        }
        // notifications off: the line and the first words say so, whatever was asked
        let off = RetryState {
            watching: Some(true),
            notifications: Some(false),
            ..Default::default()
        };
        let v = view(&d, &advice, &env, Unknown::default(), &off);
        assert_eq!(v.watch.unwrap().key, "ui_watch_active");
        assert_eq!(v.watch_started.unwrap().key, "ui_watch_started_silent");
        let on = RetryState {
            watching: Some(true),
            ..Default::default()
        };
        let v = view(&d, &advice, &env, Unknown::default(), &on);
        assert_eq!(v.watch_started.unwrap().key, "ui_watch_started");
        assert!(none.watch_started.is_none());
        // a POST's page loads with GET when the site is back: the first words say so
        assert_eq!(watch_started("POST", true).key, "ui_watch_started_get");
        assert_eq!(
            watch_started("POST", false).key,
            "ui_watch_started_silent_get"
        );
        assert_eq!(watch_started("GET", false).key, "ui_watch_started_silent");
        // a step that offers the watch: the retry block does not offer it again
        let mut with_step = advice.clone();
        with_step.steps.push(Step {
            id: "watch".into(),
            params: Params::new(),
            action: Some(Action::Watch),
        });
        let v = view(
            &d,
            &with_step,
            &env,
            Unknown::default(),
            &RetryState::default(),
        );
        assert!(!v.offer_watch);
    }
}
