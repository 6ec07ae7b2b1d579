//! The policy functions (src/policy.rs) the retry and watch machine uses, checked natively.
//! They were wasm exports until the machine (`step`) replaced them in the shell; these are
//! the checks tests/node/fastpath.test.mjs and smoke.test.mjs made at the boundary then.

use gateway_doctor::diagnose::in_context;
use gateway_doctor::model::{Environment, Failure};
use gateway_doctor::policy::{
    auto_retry, back_action, back_reloads, limits, network_check_next, online_reloads, resendable,
    retry_after, same_failure, take_token, watch_next, AutoInput, WaitingTab, WatchInput,
};

const NOW: f64 = 1_700_000_000_000.0;

fn failure(method: &str, status: u16) -> gateway_doctor::model::Diagnosis {
    gateway_doctor::diagnose(&Failure {
        url: "https://shop.example/".into(),
        method: Some(method.into()),
        status_code: Some(status),
        ..Failure::default()
    })
    .expect("a diagnosis")
}

fn auto(attempts: u32, enabled: bool, seed: Option<f64>) -> AutoInput {
    AutoInput {
        attempts,
        now: NOW,
        enabled,
        seed,
        ..AutoInput::default()
    }
}

#[test]
fn auto_retry_schedules_a_get_never_a_post_and_stops() {
    let get = failure("GET", 502);
    let a = auto_retry(&get, &auto(0, true, Some(0.5)));
    assert_eq!(a.state, "scheduled");
    let due = a.due.expect("a due time");
    assert!(
        (NOW + 1000.0..=NOW + 15_000.0).contains(&due),
        "{}",
        due - NOW
    );
    let post = failure("POST", 502);
    assert_eq!(auto_retry(&post, &auto(0, true, None)).state, "off");
    assert_eq!(
        auto_retry(&post, &auto(0, true, None)).reason,
        "not-idempotent"
    );
    let last = auto_retry(&get, &auto(6, true, None));
    assert_eq!(last.state, "exhausted");
    assert!(last.watch_from.expect("a watch") > NOW);
    assert_eq!(back_action("POST"), "get");
    assert!(!resendable("post"));
}

#[test]
fn delays_are_clamped_watches_end_the_bucket_holds() {
    let n = watch_next(&WatchInput {
        started_at: NOW,
        now: NOW,
        key: "https://shop.example".into(),
        retry_after: Some(f64::INFINITY),
        ..WatchInput::default()
    });
    let at = n.at.expect("a next check");
    assert!(at.is_finite() && at <= n.ends_at && at >= NOW);
    let old = watch_next(&WatchInput {
        started_at: NOW - 5.0 * 3_600_000.0,
        now: NOW,
        key: "x".into(),
        ..WatchInput::default()
    });
    assert_eq!(old.end, Some("expired"));
    let mut bucket = None;
    let mut ok = 0;
    for _ in 0..10 {
        let t = take_token(bucket, NOW, 1.0);
        bucket = Some(t.bucket);
        ok += usize::from(t.ok);
    }
    assert_eq!(ok as f64, limits().bucket_size);
    let r = back_reloads(8, None, NOW, 1.0);
    let mut seconds: Vec<i64> = r.at.iter().map(|t| (t / 1000.0).floor() as i64).collect();
    seconds.dedup();
    assert_eq!(seconds.len(), 8, "never two reloads in the same second");
    assert_eq!(retry_after("120", None, Some(NOW)), Some(120.0));
    assert_eq!(retry_after("2030-01-01T00:00:00Z", None, Some(NOW)), None);
    assert!(same_failure(
        "https://a.example/#x",
        5.0,
        "https://a.example/",
        Some(5.0)
    ));
    assert!(!same_failure(
        "https://a.example/",
        5.0,
        "https://a.example/",
        Some(6.0)
    ));
}

#[test]
fn offline_waits_for_the_network_and_the_tabs_reload_in_order() {
    let d = gateway_doctor::diagnose(&Failure {
        url: "https://shop.example.com/".into(),
        error: Some("net::ERR_CONNECTION_REFUSED".into()),
        ..Failure::default()
    })
    .expect("a diagnosis");
    let off = in_context(
        &d,
        &Environment {
            online: Some(false),
            ..Environment::default()
        },
    );
    assert_eq!(
        auto_retry(
            &off,
            &AutoInput {
                now: 1000.0,
                ..AutoInput::default()
            }
        )
        .state,
        "network"
    );
    let tab = |id: f64, visible: bool, failure_at: f64, method: &str| WaitingTab {
        id,
        visible,
        active: visible,
        failure_at,
        method: method.into(),
    };
    let settle = limits().online_settle_ms;
    let plan = online_reloads(
        &[
            tab(1.0, false, 5.0, "GET"),
            tab(2.0, true, 1.0, "GET"),
            tab(3.0, false, 9.0, "POST"),
        ],
        10_000.0,
    );
    assert_eq!(
        plan,
        vec![(2.0, 10_000.0 + settle), (1.0, 11_000.0 + settle)]
    );
    assert!(online_reloads(&[], 0.0).is_empty());
    let many: Vec<WaitingTab> = (0..5000)
        .map(|i| tab(f64::from(i), false, 0.0, "GET"))
        .collect();
    assert_eq!(
        online_reloads(&many, 0.0).len(),
        1000,
        "a hostile list is read up to its bound"
    );
    let next = network_check_next(0.0, 0, 0.0, 1.0);
    assert_eq!(next.at, Some(30_000.0));
    assert_eq!(network_check_next(0.0, 0, 1e12, 1.0).end, Some("expired"));
    assert!(network_check_next(f64::NAN, 0, f64::NAN, f64::NAN)
        .at
        .is_some_and(f64::is_finite));
}
