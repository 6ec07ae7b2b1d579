use super::*;

/// `as_str` gives the names that serde's derive reads (kebab-case), and serializing
/// gives `as_str`.
fn round_trip<T: Copy + PartialEq + std::fmt::Debug + Serialize + for<'de> Deserialize<'de>>(
    all: &[T],
    name: fn(T) -> &'static str,
) {
    for &x in all {
        let json = serde_json::to_value(x).unwrap();
        assert_eq!(json, serde_json::Value::String(name(x).into()), "{x:?}");
        assert_eq!(serde_json::from_value::<T>(json).unwrap(), x);
    }
}

#[test]
fn enum_names() {
    round_trip(&Cause::ALL, Cause::as_str);
    round_trip(&Culprit::ALL, Culprit::as_str);
    round_trip(&GeneratedBy::ALL, GeneratedBy::as_str);
    round_trip(&Role::ALL, Role::as_str);
    round_trip(&Risk::ALL, Risk::as_str);
}

#[test]
fn actions_serialize_as_tagged_objects() {
    let all = [
        (Action::Retry, r#"{"type":"retry""#),
        (Action::OpenIncognito, r#"{"type":"open-incognito""#),
        (
            Action::ClearSiteData {
                origin: "https://a.test".into(),
            },
            r#"{"type":"clear-site-data","origin":"https://a.test""#,
        ),
        (
            Action::DisableExtension {
                id: "abc".into(),
                retry: true,
            },
            r#"{"type":"disable-extension","id":"abc","retry":true"#,
        ),
        (
            Action::DisableExtension {
                id: "abc".into(),
                retry: false,
            },
            r#"{"type":"disable-extension","id":"abc","retry":false"#,
        ),
        (Action::Watch, r#"{"type":"watch""#),
        (
            Action::OpenUrl {
                url: "https://b.test/".into(),
            },
            r#"{"type":"open-url","url":"https://b.test/""#,
        ),
        (
            Action::Copy { text: "x".into() },
            r#"{"type":"copy","text":"x""#,
        ),
    ];
    for (action, json) in all {
        let place = match &action {
            Action::OpenUrl { url } => format!(",\"where\":\"{}\"", place(url)),
            _ => String::new(),
        };
        let needs = match &action {
            Action::ClearSiteData { .. } => ",\"permission\":\"browsingData\"",
            Action::DisableExtension { .. } => ",\"permission\":\"management\"",
            _ => "",
        };
        let full = format!("{json}{place},\"label\":\"{}\"{needs}}}", action.label());
        assert_eq!(serde_json::to_string(&action).unwrap(), full);
        assert_eq!(serde_json::from_str::<Action>(&full).unwrap(), action);
    }
    // an action sent before `retry` existed: no retry
    assert_eq!(
        serde_json::from_str::<Action>(r#"{"type":"disable-extension","id":"a"}"#).unwrap(),
        Action::DisableExtension {
            id: "a".into(),
            retry: false
        }
    );
}

#[test]
fn an_open_url_opens_a_web_address_or_one_of_the_browser_pages_the_advice_uses() {
    // every browser page the advice names (a page left out would lose its button)
    let mut named = 0;
    for src in [
        include_str!("../advise.rs"),
        include_str!("../advise/steps.rs"),
        include_str!("../advise/summary.rs"),
    ] {
        for scheme in ["\"about:", "\"chrome://"] {
            for (at, _) in src.match_indices(scheme) {
                let page = src[at + 1..].split('"').next().unwrap_or("");
                assert!(may_open(page), "{page}");
                named += 1;
            }
        }
    }
    assert!(named >= 7, "{named}");
    for ok in ["https://status.example.com/x?y", "http://a.test:8080/"] {
        assert!(may_open(ok), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "chrome://settings/passwords",
        "about:config",
        "about:addons/../config",
        "",
        "status.example.com",
    ] {
        assert!(!may_open(bad), "{bad}");
    }
}

#[test]
fn an_action_names_its_button_and_says_what_it_does() {
    let off = |retry| Action::DisableExtension {
        id: "x".into(),
        retry,
    };
    // "Turn off and retry" only when the page is loaded again
    assert_eq!(off(true).label(), "ui_action_disable_extension");
    assert_eq!(off(false).label(), "ui_action_disable_extension_only");
    let url = "https://status.example.com/x?y";
    assert_eq!(
        Action::OpenUrl { url: url.into() }.label(),
        "ui_action_open_url"
    );
    assert_eq!(place(url), "status.example.com");
    assert_eq!(place("http://a.test:8080/"), "a.test:8080");
    assert_eq!(place("https://a.test:443/"), "a.test");
    assert_eq!(place("about:addons"), "about:addons");
    assert_eq!(place("chrome://extensions"), "chrome://extensions");
    assert_eq!(place(&"x".repeat(100)).chars().count(), 60);
    assert_eq!(Action::Retry.label(), "ui_action_retry");
}

#[test]
fn params_keep_name_order_and_replace() {
    let mut p = Params::new();
    assert!(p.is_empty());
    assert_eq!(p.insert("zeta".into(), Param::Flag(true)), None);
    assert_eq!(p.insert("alpha".into(), "a".into()), None);
    assert_eq!(p.insert("mid".into(), Param::Number(1.5)), None);
    assert_eq!(p.insert("alpha".into(), "b".into()), Some("a".into()));
    assert_eq!(p.get("alpha"), Some(&Param::Text("b".into())));
    assert!(p.contains_key("zeta") && !p.contains_key("nope"));
    assert_eq!(p.len(), 3);
    assert_eq!(
        serde_json::to_string(&p).unwrap(),
        r#"{"alpha":"b","mid":1.5,"zeta":true}"#
    );
    let back: Params = serde_json::from_str(r#"{"b":"x","a":["y"]}"#).unwrap();
    assert_eq!(back.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["a", "b"]);
}
