//! `retryPlan`: when (and whether) to retry on its own.
//!
//! The design, and the bound it promises to the site (checked by `tests/retry_crowd.rs`):
//!
//! - Only failures that retrying can fix are retried automatically: a failed, transient
//!   diagnosis whose request is safe to resend. A method that is not idempotent (POST) gets
//!   `not-idempotent`; anything else that retrying cannot fix gets `not-transient`.
//! - Retry `k` (0-based, `k < MAX_ATTEMPTS`) waits `FIRST_DELAY * GROWTH^k * (1 + SPREAD * r)`
//!   seconds, where `r` in [0, 1) is one client's jitter: 1-15 s, then 3-45 s, 9-135 s, ...
//!   capped at `CAP_SECONDS * (0.8 + 0.2 * r)` (4-5 minutes). `r` stays the same for every
//!   attempt of one failure, so for one client the delays never shrink, and clients that
//!   failed together drift further apart with every retry instead of meeting again.
//! - Never sooner than `retryAfterSeconds`: the delay is at least Retry-After plus a jitter of
//!   up to 10% of it (at most 30 s), so a crowd told "come back in 120 s" does not come back in
//!   the same second. A Retry-After beyond an hour is not waited for in a tab: reason "watch".
//! - After `MAX_ATTEMPTS` retries the plan says "watch" (auto false); `delaySeconds` is then
//!   the first check of the watch schedule ([`watch_delay_seconds`]: 1-2 minutes, doubling, up
//!   to 24-30 minutes between checks).
//! - The bound for the site: when a crowd of clients fails in the same second, no later
//!   second sees retries from more than 10% of it (a fixed reload or Chrome's auto-reload
//!   sends 100% in the same second), and no second of the first minute after the site is back
//!   more than 2%. `tests/retry_crowd.rs` simulates 100,000 clients and checks this.
//! - The jitter is deterministic: a hash of `History.seed` when given, else of the URL and
//!   `firstFailureAt` (else `now`). No clock and no random number generator.

use crate::model::{Diagnosis, History, RetryPlan};

/// Automatic retries before the plan turns to watching.
pub const MAX_ATTEMPTS: u32 = 6;
/// The first retry waits at least this long (seconds).
pub const FIRST_DELAY: f64 = 1.0;
/// Each retry waits this many times longer than the one before.
pub const GROWTH: f64 = 3.0;
/// The jitter widens each delay by up to this many times itself.
pub const SPREAD: f64 = 14.0;
/// The longest wait between two retries (seconds); jittered down to 80% of it.
pub const CAP_SECONDS: f64 = 300.0;
/// A Retry-After longer than this (seconds) is left to the watch.
pub const MAX_RETRY_AFTER: f64 = 3600.0;
/// The watch checks first after about this long (seconds) ...
pub const WATCH_FIRST: f64 = 60.0;
/// ... and at most this far apart (seconds).
pub const WATCH_CAP: f64 = 1800.0;

fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
}

fn finish(mut z: u64) -> f64 {
    // splitmix64's finaliser, then the top 53 bits as a fraction in [0, 1)
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// One client's jitter fraction in [0, 1), the same for every attempt of one failure.
pub fn jitter(d: &Diagnosis, h: &History) -> f64 {
    let at = h
        .first_failure_at
        .or(h.now)
        .filter(|t| t.is_finite())
        .unwrap_or(0.0);
    jitter_of(h.seed, crate::text::clip(&d.url, 8 * 1024).as_bytes(), at)
}

/// A jitter fraction in [0, 1): a hash of `seed` when given (and finite), else of `key` and `at`.
pub fn jitter_of(seed: Option<f64>, key: &[u8], at: f64) -> f64 {
    let mut x: u64 = 0xCBF2_9CE4_8422_2325;
    match seed.filter(|s| s.is_finite()) {
        Some(seed) => fnv(&mut x, &seed.to_bits().to_le_bytes()),
        None => {
            fnv(&mut x, &key[..key.len().min(8 * 1024)]);
            fnv(&mut x, &at.to_bits().to_le_bytes());
        }
    }
    finish(x)
}

fn round_ms(s: f64) -> f64 {
    (s * 1000.0).round() / 1000.0
}

/// The wait before retry number `attempt` (0-based) for jitter `r`, without Retry-After.
pub fn backoff_seconds(attempt: u32, r: f64) -> f64 {
    let r = r.clamp(0.0, 1.0);
    let raw = FIRST_DELAY * GROWTH.powi(attempt.min(30) as i32) * (1.0 + SPREAD * r);
    round_ms(raw.min(CAP_SECONDS * (0.8 + 0.2 * r)))
}

/// The wait before watch check number `check` (0-based) for jitter `r`: 1-2 minutes,
/// doubling, capped at 24-30 minutes.
pub fn watch_delay_seconds(check: u32, r: f64) -> f64 {
    let r = r.clamp(0.0, 1.0);
    let raw = WATCH_FIRST * 2f64.powi(check.min(30) as i32) * (1.0 + r);
    round_ms(raw.min(WATCH_CAP * (0.8 + 0.2 * r)))
}

fn plan(auto: bool, delay: Option<f64>, reason: &str) -> RetryPlan {
    RetryPlan {
        auto,
        delay_seconds: delay,
        reason: reason.into(),
    }
}

pub fn retry_plan(d: &Diagnosis, h: &History) -> RetryPlan {
    if !d.failed {
        return plan(false, None, "not-failed");
    }
    let method = if d.method.is_empty() {
        "GET"
    } else {
        d.method.as_str()
    };
    if !crate::diagnose::is_idempotent(&method.to_ascii_uppercase()) {
        return plan(false, None, "not-idempotent");
    }
    if !d.transient || !d.safe_to_retry {
        return plan(false, None, "not-transient");
    }
    let r = jitter(d, h);
    let retry_after = d.retry_after_seconds.filter(|s| s.is_finite() && *s > 0.0);
    if h.attempts >= MAX_ATTEMPTS {
        return plan(false, Some(watch_delay_seconds(0, r)), "watch");
    }
    if let Some(ra) = retry_after.filter(|s| *s > MAX_RETRY_AFTER) {
        return plan(false, Some(round_ms(ra.ceil())), "watch");
    }
    let backoff = backoff_seconds(h.attempts, r);
    match retry_after {
        Some(ra) if ra >= backoff => {
            let spread = (ra * 0.1).min(30.0) * r;
            plan(true, Some(round_ms(ra.ceil() + spread)), "retry-after")
        }
        _ => plan(true, Some(backoff), "backoff"),
    }
}
