//! What the in-page panel may ask the background to do. Its content script runs inside a page
//! that may be hostile, so it speaks only for its own tab (the shell checks the sender) and
//! only for the actions that tab's failure offered; an action that changes the person's setup
//! (or asks for a permission to) is handed to the extension's own page, where the person
//! confirms it.

/// An action as the panel names it: its type and, for some, the URL or extension id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActionRef {
    pub kind: String,
    pub url: Option<String>,
    pub id: Option<String>,
}

/// A step of the tab's advice: its id and its action, if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepRef {
    pub id: String,
    pub action: Option<ActionRef>,
}

/// What the in-page panel may run at once: harmless, and offered on every failure page.
pub const PANEL_ACTIONS: [&str; 7] = [
    "retry",
    "open-incognito",
    "watch",
    "cancel-watch",
    "cancel-auto-retry",
    "retry-status",
    "cancel-site-watch",
];

/// Actions that change the person's setup (or ask for a permission to): the panel hands them
/// to the extension's own page, which shows the same button to click there.
pub const CONFIRM_ON_OWN_PAGE: [&str; 5] = [
    "clear-site-data",
    "disable-extension",
    "enable-extension",
    "check-extensions",
    "check-proxy-settings",
];

/// Whether the tab's advice (`steps`) or the panel's list of extensions turned off
/// (`disabled_by_us`, their ids) offered exactly this action.
pub fn offered(action: &ActionRef, steps: &[StepRef], disabled_by_us: &[String]) -> bool {
    let kind = action.kind.as_str();
    if kind == "enable-extension" {
        return action
            .id
            .as_ref()
            .is_some_and(|id| disabled_by_us.contains(id));
    }
    steps.iter().any(|s| {
        let same = s
            .action
            .as_ref()
            .is_some_and(|a| a.kind == action.kind && a.url == action.url && a.id == action.id);
        // the panel's own buttons that need a permission to show what they would act on
        same || (kind == "check-extensions" && s.id == "disable-extensions")
            || (kind == "check-proxy-settings" && s.id == "check-proxy")
    })
}

/// What the background does with an action the panel sent: "run" it, hand it to the
/// extension's own page to "confirm", or "refuse" it (not offered on this tab's failure).
pub fn content_action(
    action: &ActionRef,
    steps: &[StepRef],
    disabled_by_us: &[String],
) -> &'static str {
    if PANEL_ACTIONS.contains(&action.kind.as_str()) {
        "run"
    } else if !offered(action, steps, disabled_by_us) {
        "refuse"
    } else if CONFIRM_ON_OWN_PAGE.contains(&action.kind.as_str()) {
        "confirm"
    } else {
        "run"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(kind: &str, url: Option<&str>, id: Option<&str>) -> ActionRef {
        ActionRef {
            kind: kind.into(),
            url: url.map(Into::into),
            id: id.map(Into::into),
        }
    }

    fn advice() -> Vec<StepRef> {
        vec![
            StepRef {
                id: "status-page".into(),
                action: Some(a("open-url", Some("https://status.example.com/"), None)),
            },
            StepRef {
                id: "clear-site-data".into(),
                action: Some(a("clear-site-data", None, None)),
            },
            StepRef {
                id: "disable-extensions".into(),
                action: Some(a("disable-extension", None, Some("abc"))),
            },
        ]
    }

    #[test]
    fn what_needs_a_permission_is_never_run_from_the_panel() {
        use crate::model::permission;
        for kind in PANEL_ACTIONS.iter().chain(&["open-url", "copy"]) {
            assert_eq!(permission(kind), None, "{kind}");
        }
        let needs = [
            "clear-site-data",
            "disable-extension",
            "check-extensions",
            "check-proxy-settings",
        ];
        for kind in needs {
            assert!(permission(kind).is_some(), "{kind}");
            assert!(CONFIRM_ON_OWN_PAGE.contains(&kind), "{kind}");
        }
    }

    #[test]
    fn harmless_run_setup_changes_are_confirmed() {
        let s = advice();
        assert_eq!(content_action(&a("retry", None, None), &s, &[]), "run");
        assert_eq!(
            content_action(&a("open-incognito", None, None), &[], &[]),
            "run"
        );
        assert_eq!(
            content_action(
                &a("open-url", Some("https://status.example.com/"), None),
                &s,
                &[]
            ),
            "run"
        );
        assert_eq!(
            content_action(&a("clear-site-data", None, None), &s, &[]),
            "confirm"
        );
        assert_eq!(
            content_action(&a("disable-extension", None, Some("abc")), &s, &[]),
            "confirm"
        );
        assert_eq!(
            content_action(&a("check-extensions", None, None), &s, &[]),
            "confirm"
        );
    }

    #[test]
    fn what_was_not_offered_is_refused() {
        let s = advice();
        let off = ["abc".to_string()];
        assert_eq!(
            content_action(&a("open-url", Some("https://evil.example/"), None), &s, &[]),
            "refuse"
        );
        assert_eq!(
            content_action(&a("disable-extension", None, Some("x")), &s, &[]),
            "refuse"
        );
        assert_eq!(
            content_action(&a("enable-extension", None, Some("abc")), &s, &[]),
            "refuse"
        );
        assert_eq!(
            content_action(&a("enable-extension", None, Some("abc")), &s, &off),
            "confirm"
        );
        assert_eq!(
            content_action(&a("check-proxy-settings", None, None), &s, &[]),
            "refuse"
        );
        assert_eq!(
            content_action(&a("clear-site-data", None, None), &[], &[]),
            "refuse"
        );
        assert_eq!(
            content_action(&a("set-clock-scale", None, None), &s, &[]),
            "refuse"
        );
    }
}
