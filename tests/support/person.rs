//! What the person's-side tests share: a browser's network error, the environment, recent
//! failures, the first steps of a view.

use gateway_doctor::model::{Diagnosis, Environment, Failure, RecentFailure};
use gateway_doctor::policy::{auto_retry, AutoInput};
use gateway_doctor::view::{view, RetryState, Unknown};
use gateway_doctor::{advise, diagnose};

pub const NOW: f64 = 1_795_000_000_000.0;

pub fn net_error(url: &str, error: &str, method: &str) -> Diagnosis {
    diagnose(&Failure {
        url: url.into(),
        method: Some(method.into()),
        error: Some(error.into()),
        time_stamp: Some(NOW),
        ..Default::default()
    })
    .unwrap()
}

/// The policy's decision for a failure seen now, automatic retries on.
pub fn auto(d: &Diagnosis) -> gateway_doctor::policy::AutoDecision {
    auto_retry(
        d,
        &AutoInput {
            now: NOW,
            enabled: true,
            ..Default::default()
        },
    )
}

pub fn env() -> Environment {
    Environment {
        browser: Some("chrome".into()),
        platform: Some("linux".into()),
        now: Some(NOW),
        ..Default::default()
    }
}

pub fn failed(hosts: &[&str], ago_ms: f64, cause: &str) -> Vec<RecentFailure> {
    hosts
        .iter()
        .map(|h| RecentFailure {
            host: h.to_string(),
            at: NOW - ago_ms,
            cause: Some(cause.into()),
        })
        .collect()
}

pub fn first_steps(d: &Diagnosis, e: &Environment) -> Vec<String> {
    let a = advise(d, e);
    let v = view(d, &a, e, Unknown::default(), &RetryState::default());
    v.steps.iter().map(|s| s.id.clone()).collect()
}
