//! Every rule of automatic retries, watches and the per-site request budget, as pure
//! functions over plain state that the shell stores and passes back. The shell keeps the
//! alarms, storage, `fetch`, tabs and permissions; it asks these functions what to do and
//! when. `tests/retry_crowd.rs` simulates a crowd with these same functions.
//!
//! Times are ms since the epoch (`now`); `scale` (1 to [`MAX_SCALE`], default 1) is the
//! developer time-scale that the end-to-end tests use: every wait is divided by it. Every
//! wait goes through [`at_after`]: no `Infinity`, nothing negative, nothing past an end.

use crate::diagnose::is_idempotent;
use crate::model::{Cause, ClockSample, Diagnosis, History, RecentFailure};
use crate::retry::{self, jitter_of, retry_plan, watch_delay_seconds};
use crate::text::clip;

// ---------------------------------------------------------------- the numbers, in one place

/// Automatic requests per site (origin) in a full bucket: retries, watch checks and the
/// reloads of waiting tabs when the site is back, across all tabs.
pub const BUCKET_SIZE: f64 = 6.0;
/// The bucket refills completely in this long (ms).
pub const BUCKET_WINDOW_MS: f64 = 60_000.0;
/// A watch ends this long after it started (ms).
pub const WATCH_TOTAL_MS: f64 = 4.0 * 3_600_000.0;
/// A watch's check gives up after this long (ms).
pub const CHECK_TIMEOUT_MS: f64 = 15_000.0;
/// A navigation onto the failed URL this soon after an automatic retry is that retry (ms).
pub const FIRED_WINDOW_MS: f64 = 15_000.0;
/// A failure of the URL the person left the diagnosis page for this soon after is them going
/// Back through history (ms): the browser's page shows, not ours again.
pub const BACK_WINDOW_MS: f64 = 4_000.0;
/// A due retry whose tab is loading something looks again this much later (ms), at most
/// [`MAX_LOADING_DEFERS`] times, rather than cut the person's navigation short.
pub const LOADING_DEFER_MS: f64 = 1_000.0;
pub const MAX_LOADING_DEFERS: u32 = 10;
/// A page loaded over a public IPv4 address this recently says IPv4 works (ms).
pub const IPV4_WORKS_MS: f64 = 10.0 * 60_000.0;
/// When a site is back, its waiting tabs reload at least this far apart (ms, not scaled).
pub const STAGGER_MS: f64 = 1_000.0;
/// Failures of other sites within this long count for "is it just me?" (ms).
pub const RECENT_WINDOW_MS: f64 = 10.0 * 60.0 * 1000.0;
/// At most this many recent failures are kept.
pub const MAX_RECENT: usize = 50;
/// The developer time-scale's largest value.
pub const MAX_SCALE: f64 = 10_000.0;
/// A tab that waits for the network is reloaded this long after the connection is back at
/// the earliest (ms, not scaled): a network that just came up often needs a moment (DHCP,
/// DNS) before pages load.
pub const ONLINE_SETTLE_MS: f64 = 1_000.0;
/// The background's own checks for the network being back (tabs that wait for it): the first
/// this long after the first such failure (s), then twice as long each time, up to
/// [`NETWORK_CHECK_MAX_S`] apart; they end [`WATCH_TOTAL_MS`] after the first.
pub const NETWORK_CHECK_FIRST_S: f64 = 30.0;
pub const NETWORK_CHECK_MAX_S: f64 = 600.0;
/// The longest single wait (ms): a day.
pub const MAX_WAIT_MS: f64 = 86_400_000.0;
/// A timer this early (ms) is not early: it fires.
pub const EARLY_SLACK_MS: f64 = 25.0;

/// The numbers the shell needs for what it does itself (fetch's timeout, ...).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    pub bucket_size: f64,
    pub bucket_window_ms: f64,
    pub watch_total_ms: f64,
    pub check_timeout_ms: f64,
    pub fired_window_ms: f64,
    pub stagger_ms: f64,
    pub recent_window_ms: f64,
    pub max_recent: usize,
    pub max_attempts: u32,
    pub max_scale: f64,
    pub online_settle_ms: f64,
    pub back_window_ms: f64,
    pub loading_defer_ms: f64,
    pub max_loading_defers: u32,
}

pub fn limits() -> Limits {
    Limits {
        bucket_size: BUCKET_SIZE,
        bucket_window_ms: BUCKET_WINDOW_MS,
        watch_total_ms: WATCH_TOTAL_MS,
        check_timeout_ms: CHECK_TIMEOUT_MS,
        fired_window_ms: FIRED_WINDOW_MS,
        stagger_ms: STAGGER_MS,
        recent_window_ms: RECENT_WINDOW_MS,
        max_recent: MAX_RECENT,
        max_attempts: retry::MAX_ATTEMPTS,
        max_scale: MAX_SCALE,
        online_settle_ms: ONLINE_SETTLE_MS,
        back_window_ms: BACK_WINDOW_MS,
        loading_defer_ms: LOADING_DEFER_MS,
        max_loading_defers: MAX_LOADING_DEFERS,
    }
}

/// Whether IPv4 works, from when a page last loaded over a public IPv4 address (`ipv4_at`,
/// 0 for never) and `now`; None when either is not a time.
pub fn ipv4_works(ipv4_at: Option<f64>, now: Option<f64>) -> Option<bool> {
    let (at, now) = (
        ipv4_at.filter(|a| a.is_finite())?,
        now.filter(|n| n.is_finite())?,
    );
    Some(at > 0.0 && now - at < IPV4_WORKS_MS)
}

// ---------------------------------------------------------------- clocks and clamping

/// The time-scale as given, made safe: 1 unless a finite number from 1 to [`MAX_SCALE`].
pub fn scale_of(scale: Option<f64>) -> f64 {
    match scale {
        Some(s) if s.is_finite() && s >= 1.0 => s.min(MAX_SCALE),
        _ => 1.0,
    }
}

/// A finite `now`, else 0.
fn now_of(now: f64) -> f64 {
    if now.is_finite() {
        now
    } else {
        0.0
    }
}

/// The one clamp of every wait: `seconds` later than `now` (scaled), never before `now`,
/// never `Infinity` or NaN, at most [`MAX_WAIT_MS`] away, and not past `end`.
pub fn at_after(now: f64, seconds: f64, scale: f64, end: Option<f64>) -> f64 {
    let now = now_of(now);
    let s = if seconds.is_finite() {
        seconds.max(0.0)
    } else {
        0.0
    };
    let ms = (s * 1000.0 / scale_of(Some(scale))).min(MAX_WAIT_MS);
    let at = (now + ms).round();
    match end.filter(|e| e.is_finite()) {
        Some(e) => at.min(e.max(now)),
        None => at,
    }
}

/// Whether a timer set for `due` that fires at `now` is early (an older schedule's timer).
pub fn is_early(due: f64, now: f64) -> bool {
    due.is_finite() && due > now_of(now) + EARLY_SLACK_MS
}

// ---------------------------------------------------------------- Retry-After and methods

/// Seconds from a Retry-After value (the core's one parser: [`crate::retry_after::parse`]).
pub fn retry_after(value: &str, date: Option<&str>, now: Option<f64>) -> Option<f64> {
    crate::retry_after::parse(clip(value, 256), date.map(|d| clip(d, 256)), now)
}

/// Whether a request with `method` may be resent on its own (empty means GET).
pub fn resendable(method: &str) -> bool {
    let m = clip(method.trim(), 32).to_ascii_uppercase();
    m.is_empty() || is_idempotent(&m)
}

// ---------------------------------------------------------------- the per-site budget

/// One site's token bucket, as the shell stores it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bucket {
    pub tokens: f64,
    pub at: f64,
}

/// The answer of [`take_token`]: the bucket to store, and whether a request may go now (else
/// how long to wait).
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub ok: bool,
    pub wait_ms: f64,
    pub bucket: Bucket,
}

/// Tokens a site's bucket gains per ms.
fn rate_of(scale: f64) -> f64 {
    BUCKET_SIZE / (BUCKET_WINDOW_MS / scale_of(Some(scale)))
}

impl Bucket {
    /// When this bucket is full again (ms since the epoch): from then on it is the same as no
    /// bucket, so its stored copy can go.
    pub fn full_at(&self, scale: f64) -> f64 {
        if !self.tokens.is_finite() || !self.at.is_finite() {
            return 0.0;
        }
        self.at + (BUCKET_SIZE - self.tokens.clamp(0.0, BUCKET_SIZE)) / rate_of(scale)
    }
}

fn refill(b: Option<Bucket>, now: f64, scale: f64) -> (f64, f64) {
    let rate = rate_of(scale);
    match b {
        Some(b) if b.tokens.is_finite() && b.at.is_finite() => {
            let tokens = b.tokens.clamp(0.0, BUCKET_SIZE) + (now - b.at).max(0.0) * rate;
            (tokens.min(BUCKET_SIZE), rate)
        }
        _ => (BUCKET_SIZE, rate),
    }
}

/// Takes one request from the site's bucket at `now`.
pub fn take_token(b: Option<Bucket>, now: f64, scale: f64) -> Token {
    let now = now_of(now);
    let (tokens, rate) = refill(b, now, scale);
    if tokens >= 1.0 {
        return Token {
            ok: true,
            wait_ms: 0.0,
            bucket: Bucket {
                tokens: tokens - 1.0,
                at: now,
            },
        };
    }
    Token {
        ok: false,
        wait_ms: ((1.0 - tokens) / rate).ceil() + 10.0,
        bucket: Bucket { tokens, at: now },
    }
}

/// When a site is back: when each of its `count` waiting tabs reloads (ms since the epoch),
/// in order, and the bucket after them. Each reload takes a token; they are at least
/// [`STAGGER_MS`] apart, so never all in the same second.
#[derive(Debug, Clone, PartialEq)]
pub struct Reloads {
    pub at: Vec<f64>,
    pub bucket: Bucket,
}

pub fn back_reloads(count: usize, b: Option<Bucket>, now: f64, scale: f64) -> Reloads {
    let now = now_of(now);
    let mut bucket = b;
    let mut t = now;
    let mut at = Vec::new();
    for i in 0..count.min(1000) {
        if i > 0 {
            t += STAGGER_MS;
        }
        let mut tk = take_token(bucket, t, scale);
        if !tk.ok {
            t += tk.wait_ms;
            tk = take_token(Some(tk.bucket), t, scale);
        }
        bucket = Some(tk.bucket);
        at.push(t.round());
    }
    Reloads {
        at,
        bucket: bucket.unwrap_or(Bucket {
            tokens: BUCKET_SIZE,
            at: now,
        }),
    }
}

// ---------------------------------------------------------------- automatic retries

/// What the shell knows about one tab's failure and the person's settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AutoInput {
    /// Automatic retries of this failure so far.
    pub attempts: u32,
    pub first_failure_at: Option<f64>,
    pub now: f64,
    /// The person's settings: auto-retry on, and its most attempts (1 to `MAX_ATTEMPTS`).
    pub enabled: bool,
    pub max_attempts: Option<u32>,
    /// The tab waits in a watch already.
    pub watching: bool,
    /// The person cancelled this failure's retries.
    pub cancelled: bool,
    pub scale: Option<f64>,
    pub seed: Option<f64>,
}

/// What to do about one failure: `state` is "scheduled" (reload at `due`), "exhausted"
/// (the retries ran out: watch from `watchFrom`), "network" (it waits for the person's
/// connection, [`waits_for_network`]; reason: the cause), "watching", "cancelled" or "off";
/// `reason` is retryPlan's (`backoff`, `retry-after`, `watch`, `not-idempotent`,
/// `not-transient`, `not-failed`) or `disabled`, `cancelled`.
#[derive(Debug, Clone, PartialEq)]
pub struct AutoDecision {
    pub state: &'static str,
    pub reason: String,
    pub due: Option<f64>,
    pub watch_from: Option<f64>,
    pub attempts: u32,
    pub max: u32,
}

pub fn auto_retry(d: &Diagnosis, s: &AutoInput) -> AutoDecision {
    let max = s
        .max_attempts
        .unwrap_or(retry::MAX_ATTEMPTS)
        .clamp(1, retry::MAX_ATTEMPTS);
    let now = now_of(s.now);
    let scale = scale_of(s.scale);
    let out = |state, reason: &str, due, watch_from| AutoDecision {
        state,
        reason: reason.into(),
        due,
        watch_from,
        attempts: s.attempts,
        max,
    };
    if s.cancelled {
        return out("cancelled", "cancelled", None, None);
    }
    if !resendable(&d.method) {
        return out("off", "not-idempotent", None, None);
    }
    if waits_for_network(d) {
        // Not retried on a timer: the tab loads again when the connection is back
        // (`online_reloads`), which the shell hears or checks on its own (`network_check_next`).
        return out("network", d.cause.as_str(), None, None);
    }
    if s.watching {
        return out("watching", "watch", None, None);
    }
    if !s.enabled {
        return out("off", "disabled", None, None);
    }
    let h = History {
        attempts: s.attempts,
        first_failure_at: s.first_failure_at,
        now: Some(now),
        seed: s.seed,
    };
    let plan = retry_plan(d, &h);
    let ra = d
        .retry_after_seconds
        .filter(|x| x.is_finite() && *x > 0.0)
        .unwrap_or(0.0);
    if plan.auto && s.attempts < max {
        let due = at_after(now, plan.delay_seconds.unwrap_or(1.0).max(ra), scale, None);
        return out("scheduled", &plan.reason, Some(due), None);
    }
    if plan.reason == "watch" || (plan.auto && s.attempts >= max) {
        // The retries ran out (or Retry-After is hours away): a quiet watch, never sooner
        // than Retry-After.
        let r = retry::jitter(d, &h);
        let wait = plan
            .delay_seconds
            .filter(|_| plan.reason == "watch")
            .unwrap_or_else(|| watch_delay_seconds(0, r))
            .max(ra);
        return out(
            "exhausted",
            "watch",
            None,
            Some(at_after(now, wait, scale, None)),
        );
    }
    out("off", &plan.reason, None, None)
}

/// Whether a timer for a retry scheduled at `scheduled_at` for the failure seen at
/// `failure_at` of `url` may reload the tab, which now shows `shown_url` and whose latest
/// failure was seen at `latest_failure_at` (None: the tab has no failure any more). The
/// retry fires only while the tab still shows that same failure.
pub fn same_failure(
    url: &str,
    failure_at: f64,
    shown_url: &str,
    latest_failure_at: Option<f64>,
) -> bool {
    same_url(url, shown_url) && latest_failure_at.is_some_and(|t| t == failure_at)
}

/// Two URLs are the same page when they differ only in the fragment.
pub fn same_url(a: &str, b: &str) -> bool {
    let cut = |s: &str| s.split('#').next().unwrap_or("").to_string();
    !a.is_empty() && cut(a) == cut(b)
}

// ---------------------------------------------------------------- waiting for the network

/// Whether a failure waits for the person's connection rather than for the site: no response
/// arrived and the browser is offline, the network changed, or many sites fail at once
/// ([`crate::diagnose::in_context`]), or a network's sign-in (a captive portal: [`crate::diagnose::is_portal`]) stands between. Such a tab is not retried on a timer and no site is
/// watched for it: it loads again when the connection is back.
pub fn waits_for_network(d: &Diagnosis) -> bool {
    d.failed
        && ((d.status_code.is_none() && matches!(d.cause, Cause::Offline | Cause::NetworkDown))
            // a captive portal (a 511, or the browser's word): through once the person signed in
            || crate::diagnose::is_portal(d))
}

/// When a schedule (a watch, the checks for the network) that started at `started_at` ends:
/// [`WATCH_TOTAL_MS`] later (scaled); `Err` is the answer once `now` is past it.
fn schedule_end(started_at: f64, now: f64, scale: f64) -> Result<f64, WatchNext> {
    let started = if started_at.is_finite() {
        started_at.min(now)
    } else {
        now
    };
    let ends_at = (started + WATCH_TOTAL_MS / scale).round();
    if now >= ends_at {
        return Err(WatchNext {
            at: None,
            end: Some("expired"),
            ends_at,
        });
    }
    Ok(ends_at)
}

/// The background's next check for the network being back, for tabs that have waited since
/// `started_at` with `checks` checks made: `at`, or `end: "expired"` after [`WATCH_TOTAL_MS`].
pub fn network_check_next(started_at: f64, checks: u32, now: f64, scale: f64) -> WatchNext {
    let now = now_of(now);
    let scale = scale_of(Some(scale));
    let ends_at = match schedule_end(started_at, now, scale) {
        Ok(e) => e,
        Err(expired) => return expired,
    };
    let wait = (NETWORK_CHECK_FIRST_S * 2f64.powi(checks.min(16) as i32)).min(NETWORK_CHECK_MAX_S);
    WatchNext {
        at: Some(at_after(now, wait, scale, Some(ends_at))),
        end: None,
        ends_at,
    }
}

/// Whether the background's check finds the connection back, so the waiting tabs reload: the
/// browser says it is online (`online`), and no captive portal it knows of (`portal`, Firefox's
/// `captivePortal` state) still holds the connection.
pub fn network_back(online: bool, portal: Option<&str>) -> bool {
    online && portal != Some("locked_portal")
}

/// A tab that waits for the network, as the shell describes it when the connection is back.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WaitingTab {
    pub id: f64,
    /// The active tab of the focused window: the one the person looks at.
    pub visible: bool,
    /// The active tab of its window.
    pub active: bool,
    /// When its failure was seen (ms since the epoch).
    pub failure_at: f64,
    /// The failed request's method.
    pub method: String,
}

/// When the connection is back: when each waiting tab reloads, `(id, at)` in order. The tab
/// the person looks at first, then the other windows' active tabs, then the rest, the most
/// recent failure first; the first after [`ONLINE_SETTLE_MS`], each [`STAGGER_MS`] after the
/// one before (never two in the same second). A request that may not be resent (a POST) is
/// never reloaded on its own: it is left out.
pub fn online_reloads(tabs: &[WaitingTab], now: f64) -> Vec<(f64, f64)> {
    let now = now_of(now);
    let mut order: Vec<&WaitingTab> = Vec::new();
    for t in tabs.iter().take(1000) {
        if t.id.is_finite() && resendable(&t.method) {
            order.push(t);
        }
    }
    let recency = |t: &WaitingTab| {
        if t.failure_at.is_finite() {
            -t.failure_at
        } else {
            0.0
        }
    };
    crate::text::sort_by(&mut order, |a, b| {
        b.visible
            .cmp(&a.visible)
            .then(b.active.cmp(&a.active))
            .then(recency(a).total_cmp(&recency(b)))
            .then(a.id.total_cmp(&b.id))
            .is_lt()
    });
    // each tab once, in that order, each STAGGER_MS after the one before
    let mut out: Vec<(f64, f64)> = Vec::new();
    for t in order {
        if !out.iter().any(|(id, _)| *id == t.id) {
            let at = (now + ONLINE_SETTLE_MS + out.len() as f64 * STAGGER_MS).round();
            out.push((t.id, at));
        }
    }
    out
}

// ---------------------------------------------------------------- watches

/// One site's watch, as the shell stores it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WatchInput {
    pub started_at: f64,
    /// Checks made so far.
    pub checks: u32,
    pub now: f64,
    /// Not before this (ms since the epoch): the failure's Retry-After.
    pub not_before: Option<f64>,
    /// Retry-After of the last check's answer (seconds).
    pub retry_after: Option<f64>,
    pub scale: Option<f64>,
    /// The watch's own jitter: a hash of `key` (the origin) unless `seed` is given.
    pub key: String,
    pub seed: Option<f64>,
}

/// The next check of a watch: at `at`, or none when the watch has ended (`end`: "expired").
#[derive(Debug, Clone, PartialEq)]
pub struct WatchNext {
    pub at: Option<f64>,
    pub end: Option<&'static str>,
    pub ends_at: f64,
}

/// The watch schedule: the first check 1-2 minutes after the watch starts, then doubling up
/// to 24-30 minutes apart (jittered per site), never sooner than Retry-After, never past the
/// watch's end ([`WATCH_TOTAL_MS`] after it started), where it ends.
pub fn watch_next(w: &WatchInput) -> WatchNext {
    let now = now_of(w.now);
    let scale = scale_of(w.scale);
    let ends_at = match schedule_end(w.started_at, now, scale) {
        Ok(e) => e,
        Err(expired) => return expired,
    };
    let r = jitter_of(w.seed, w.key.as_bytes(), 0.0);
    let ra = w
        .retry_after
        .filter(|x| x.is_finite() && *x > 0.0)
        .unwrap_or(0.0);
    let wait = watch_delay_seconds(w.checks, r).max(ra);
    let mut at = at_after(now, wait, scale, Some(ends_at));
    if let Some(nb) = w.not_before.filter(|x| x.is_finite() && *x > at) {
        at = nb.min(ends_at);
    }
    WatchNext {
        at: Some(at),
        end: None,
        ends_at,
    }
}

/// "Notify me when it's back" on a failure whose request was `method`: what happens when the
/// site is back. "reload" for a request that may be resent; for a POST (or any other request
/// that may not be resent) "get": the tab loads the URL with GET, never resending the form.
pub fn back_action(method: &str) -> &'static str {
    if resendable(method) {
        "reload"
    } else {
        "get"
    }
}

// ---------------------------------------------------------------- the computer's clock

/// At most this many clock samples are read (the shell keeps the last few).
pub const MAX_CLOCK_SAMPLES: usize = 16;

/// How far the computer's clock is ahead of the servers' (ms; negative: behind), from the
/// `Date` of responses it saw and when they arrived: the median over at least two samples
/// whose `Date` parses (a `Date` has whole seconds), or None.
pub fn clock_offset(samples: &[ClockSample]) -> Option<f64> {
    let mut v: Vec<f64> = Vec::new();
    for s in samples.iter().take(MAX_CLOCK_SAMPLES) {
        if !(s.at.is_finite() && s.at > 0.0) {
            continue;
        }
        if let Some(server) = crate::retry_after::http_date(clip(&s.date, 64)) {
            v.push(s.at - server as f64 * 1000.0);
        }
    }
    if v.len() < 2 {
        return None;
    }
    crate::text::sort_by(&mut v, |a, b| a.total_cmp(b).is_lt());
    let m = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    })
}

// ---------------------------------------------------------------- recent failures

/// Whether a failure counts as evidence about the person's own network: a network error
/// (no HTTP response arrived; not an aborted navigation) of a real host. A DNS failure
/// counts only for a host that loaded before (`known`): a name that never existed says
/// nothing about the network.
pub fn counts_as_network(cause: Cause, responded: bool, known: bool) -> bool {
    !responded
        && !cause.is_response_cause()
        && !matches!(
            cause,
            Cause::Aborted | Cause::None | Cause::InvalidUrl | Cause::File | Cause::Blocked
        )
        && (cause != Cause::Dns || known)
}

/// The recent-failure list after `d` failed at `now`: only failures that count
/// ([`counts_as_network`]) are added, old ones drop out of the window, at most
/// [`MAX_RECENT`] are kept (the newest).
pub fn note_failure(
    list: &[RecentFailure],
    d: &Diagnosis,
    known_hosts: &[String],
    now: f64,
) -> Vec<RecentFailure> {
    let now = now_of(now);
    let mut out: Vec<RecentFailure> = Vec::new();
    for f in list {
        if f.at.is_finite() && now - f.at < RECENT_WINDOW_MS && f.at <= now + 60_000.0 {
            out.push(RecentFailure {
                host: clip(&f.host, 253).to_string(),
                at: f.at,
                cause: f.cause.as_deref().map(|c| clip(c, 40).to_string()),
            });
        }
    }
    let known = known_hosts.iter().any(|h| h == &d.host);
    if d.failed && !d.host.is_empty() && counts_as_network(d.cause, d.status_code.is_some(), known)
    {
        out.push(RecentFailure {
            host: clip(&d.host, 253).to_string(),
            at: now,
            cause: Some(d.cause.as_str().into()),
        });
    }
    let cut = out.len().saturating_sub(MAX_RECENT);
    if cut > 0 {
        out = out.split_off(cut);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_works_for_ten_minutes_after_a_page_loaded_over_it() {
        let now = 1_795_000_000_000.0;
        assert_eq!(ipv4_works(Some(now - 60_000.0), Some(now)), Some(true));
        assert_eq!(
            ipv4_works(Some(now - IPV4_WORKS_MS + 1.0), Some(now)),
            Some(true)
        );
        assert_eq!(
            ipv4_works(Some(now - IPV4_WORKS_MS), Some(now)),
            Some(false)
        );
        assert_eq!(ipv4_works(Some(0.0), Some(now)), Some(false), "never");
        assert_eq!(ipv4_works(None, Some(now)), None);
        assert_eq!(ipv4_works(Some(f64::NAN), Some(now)), None);
        assert_eq!(ipv4_works(Some(now), None), None);
    }

    #[test]
    fn the_network_is_back_when_online_and_no_portal_holds_it() {
        assert!(network_back(true, None));
        assert!(network_back(true, Some("unlocked_portal")));
        assert!(network_back(true, Some("not_captive")));
        assert!(network_back(true, Some("unknown")));
        assert!(!network_back(true, Some("locked_portal")));
        assert!(!network_back(false, None));
        assert!(!network_back(false, Some("unlocked_portal")));
    }

    #[test]
    fn clamps() {
        assert_eq!(at_after(1000.0, f64::INFINITY, 1.0, None), 1000.0);
        assert_eq!(at_after(1000.0, -5.0, 1.0, None), 1000.0);
        assert_eq!(at_after(1000.0, f64::NAN, 1.0, None), 1000.0);
        assert_eq!(at_after(0.0, 1e12, 1.0, None), MAX_WAIT_MS);
        assert_eq!(at_after(0.0, 10.0, 10.0, None), 1000.0);
        assert_eq!(at_after(0.0, 10.0, f64::NAN, None), 10_000.0);
        assert_eq!(at_after(0.0, 100.0, 1.0, Some(5000.0)), 5000.0);
        assert_eq!(at_after(9000.0, 100.0, 1.0, Some(5000.0)), 9000.0);
        assert_eq!(scale_of(Some(1e9)), MAX_SCALE);
        assert_eq!(scale_of(Some(0.5)), 1.0);
    }

    #[test]
    fn a_bucket_is_full_again_when_its_tokens_have_come_back() {
        let fresh = take_token(None, 1_000.0, 1.0).bucket;
        assert_eq!(fresh.full_at(1.0), 1_000.0 + BUCKET_WINDOW_MS / BUCKET_SIZE);
        let empty = Bucket {
            tokens: 0.0,
            at: 0.0,
        };
        assert_eq!(empty.full_at(1.0), BUCKET_WINDOW_MS);
        assert_eq!(empty.full_at(30.0), BUCKET_WINDOW_MS / 30.0);
        // At full_at, taking a token finds a full bucket again.
        let t = take_token(Some(empty), empty.full_at(1.0), 1.0);
        assert_eq!(t.bucket.tokens, BUCKET_SIZE - 1.0);
        assert_eq!(
            Bucket {
                tokens: f64::NAN,
                at: 0.0
            }
            .full_at(1.0),
            0.0
        );
    }

    #[test]
    fn bucket() {
        let mut b = None;
        for _ in 0..6 {
            let t = take_token(b, 0.0, 1.0);
            assert!(t.ok);
            b = Some(t.bucket);
        }
        let t = take_token(b, 0.0, 1.0);
        assert!(!t.ok);
        assert!(t.wait_ms > 9_000.0 && t.wait_ms < 10_100.0, "{}", t.wait_ms);
        assert!(take_token(Some(t.bucket), t.wait_ms, 1.0).ok);
        // garbage in storage: a full bucket
        let junk = Bucket {
            tokens: f64::NAN,
            at: 0.0,
        };
        assert!(take_token(Some(junk), 0.0, 1.0).ok);
    }

    #[test]
    fn reloads_are_staggered_and_bounded() {
        let r = back_reloads(10, None, 0.0, 1.0);
        assert_eq!(r.at.len(), 10);
        for w in r.at.windows(2) {
            assert!(w[1] - w[0] >= STAGGER_MS);
        }
        // the first six within the bucket, the rest a token each 10 s
        assert!(r.at[6] >= 10_000.0);
        let mut seconds: Vec<i64> = r.at.iter().map(|t| (*t / 1000.0) as i64).collect();
        seconds.dedup();
        assert_eq!(seconds.len(), 10);
    }

    #[test]
    fn watch_ends_and_never_passes_its_end() {
        let mut w = WatchInput {
            started_at: 0.0,
            now: 0.0,
            key: "https://a.example".into(),
            ..Default::default()
        };
        let first = watch_next(&w).at.unwrap();
        assert!((60_000.0..=120_000.0).contains(&first), "{first}");
        loop {
            let n = watch_next(&w);
            match n.at {
                Some(at) => {
                    assert!(at <= n.ends_at && at >= w.now);
                    assert!(at - w.now <= 1_800_000.0);
                    w.now = at.max(w.now + 1.0);
                    w.checks += 1;
                }
                None => break,
            }
        }
        assert_eq!(w.now, WATCH_TOTAL_MS);
        w.retry_after = Some(f64::INFINITY);
        assert!(watch_next(&w).at.is_none());
    }

    #[test]
    fn methods() {
        assert!(resendable("") && resendable("get") && resendable("PUT"));
        assert!(!resendable("POST") && !resendable("PATCH"));
        assert_eq!(back_action("POST"), "get");
        assert_eq!(back_action("GET"), "reload");
    }

    #[test]
    fn network_evidence() {
        assert!(!counts_as_network(Cause::ConnectionRefused, true, true));
        assert!(!counts_as_network(Cause::UpstreamUnreachable, false, true));
        assert!(!counts_as_network(Cause::Dns, false, false));
        assert!(counts_as_network(Cause::Dns, false, true));
        assert!(counts_as_network(Cause::Timeout, false, false));
    }
}
