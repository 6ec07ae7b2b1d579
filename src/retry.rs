//! `retryPlan`: when (and whether) to retry on its own.

use crate::model::{Diagnosis, History, RetryPlan};

pub fn retry_plan(d: &Diagnosis, h: &History) -> RetryPlan {
    if !d.safe_to_retry || !d.transient {
        return RetryPlan { auto: false, delay_seconds: None, reason: "not-retryable".into() };
    }
    let delay = 2f64.powi(h.attempts.min(10) as i32).min(300.0);
    let delay = d.retry_after_seconds.map_or(delay, |r| r.max(delay));
    RetryPlan { auto: h.attempts < 6, delay_seconds: Some(delay), reason: "backoff".into() }
}
