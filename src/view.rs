//! What the panel shows, decided here: the shell paints it and adds nothing. The headline,
//! who must act, the primary actions, at most [`FIRST_STEPS`] steps that fit this failure and
//! the rest under "more", and the retry line (a countdown or the reason there is none, never
//! both), each with its message key and parameters.

use crate::model::{Action, Advice, Diagnosis, Message, Param, Params, Step};
use crate::policy::resendable;
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
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct View {
    pub headline: Message,
    /// Who must act: `ui_culprit_<culprit>`.
    pub culprit: Message,
    pub primary: Vec<Action>,
    pub steps: Vec<ViewStep>,
    pub more: Vec<ViewStep>,
    /// The retry line: a countdown (`ui_retry_countdown`, params `due`, `attempt`, `max`) or
    /// the reason there is none; absent when there is nothing to say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry: Option<Message>,
}

fn message(key: &str, params: Params) -> Message {
    Message {
        key: key.into(),
        params,
    }
}

fn key_of(prefix: &str, id: &str) -> String {
    let mut k = String::from(prefix);
    k.extend(id.chars().map(|c| if c == '-' { '_' } else { c }));
    k
}

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
    }
}

/// The retry line for `r` on a request with `method`: one message or none.
pub fn retry_line(r: &RetryState, method: &str) -> Option<Message> {
    let mut p = Params::new();
    if !resendable(method) {
        return Some(message("ui_retry_resubmit_warning", p));
    }
    match r.state.as_deref() {
        Some("scheduled") => {
            let due = r.due.filter(|d| d.is_finite())?;
            p.insert("due".into(), Param::Number(due));
            p.insert("attempt".into(), Param::Number(f64::from(r.attempts + 1)));
            let max = r.max.unwrap_or(crate::retry::MAX_ATTEMPTS);
            p.insert("max".into(), Param::Number(f64::from(max)));
            Some(message("ui_retry_countdown", p))
        }
        Some("cancelled") => Some(message("ui_retry_cancelled", p)),
        // It waits for the connection, not for the site (policy::waits_for_network).
        Some("network") if r.reason.as_deref() == Some("auth") => {
            Some(message("ui_retry_after_sign_in", p))
        }
        Some("network") => Some(message("ui_retry_when_online", p)),
        Some("exhausted") => {
            p.insert("attempts".into(), Param::Number(f64::from(r.attempts)));
            Some(message("ui_retry_exhausted", p))
        }
        _ => None,
    }
}

pub fn view(d: &Diagnosis, advice: &Advice, unknown: Unknown, retry: &RetryState) -> View {
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
    // "retry" is the primary button; as a step it says only that a form is sent again.
    let mut all: Vec<ViewStep> = advice
        .steps
        .iter()
        .filter(|s| s.id != "retry" || resubmits)
        .map(|s| view_step(s, unknown))
        .collect();
    let more = all.split_off(all.len().min(FIRST_STEPS));
    View {
        headline: advice.summary.clone(),
        culprit: message(&key_of("ui_culprit_", d.culprit.as_str()), Params::new()),
        primary,
        steps: all,
        more,
        retry: retry_line(retry, &d.method),
    }
}
