//! A crowd of clients that all saw the same site fail in the same second: how many requests
//! per second does the site get while it is down and when it comes back, under what ships
//! (then a watch), beside a fixed 5-second reload and Chrome's auto-reload?
//!
//! `cargo test --test retry_crowd -- --nocapture` prints the table for BENCHMARKS.md.
//!
//! Model: `CLIENTS` clients fail at t0 in [0, 1) s (spread evenly), each with its own jitter
//! seed. A request at t < `down` fails, the first at t >= `down` succeeds and the client stops.
//! Requests are counted per second over one hour; the first failing load (second 0) counts
//! too. Schedules:
//!
//! - what ships (`policy::auto_retry`, then `policy::watch_next`, the same functions the
//!   extension calls): retries while the state is "scheduled", then (state "exhausted")
//!   checks on the watch schedule (1-2 min, doubling, up to 24-30 min apart).
//! - fixed 5 s: a reload every 5 s.
//! - Chrome auto-reload (Chromium's net error auto-reload: 1 s, 5 s, 30 s, 1 min, 5 min,
//!   10 min, then 15 min). Chrome does not auto-reload after a 5xx; simulated as if it did.

use gateway_doctor::diagnose;
use gateway_doctor::model::{Diagnosis, Failure, Header};
use gateway_doctor::policy::{auto_retry, watch_next, AutoInput, WatchInput};

const CLIENTS: usize = 100_000;
const HORIZON: usize = 3600;
const CHROME: [f64; 7] = [1.0, 5.0, 30.0, 60.0, 300.0, 600.0, 900.0];

struct Outcome {
    per_second: Vec<u32>,
    total: u64,
    /// Clients still without the page at the end of the hour.
    stranded: usize,
    /// Seconds from the site's return until the last client had the page (None if stranded).
    recovered_after: Option<f64>,
}

impl Outcome {
    fn new() -> Outcome {
        Outcome {
            per_second: vec![0; HORIZON],
            total: 0,
            stranded: 0,
            recovered_after: Some(0.0),
        }
    }
    fn hit(&mut self, t: f64, weight: u32) -> bool {
        if t < 0.0 || t >= HORIZON as f64 {
            return false;
        }
        self.per_second[t as usize] += weight;
        self.total += u64::from(weight);
        true
    }
    /// The busiest second after the first one.
    fn peak_after_first(&self) -> u32 {
        self.per_second[1..].iter().copied().max().unwrap_or(0)
    }
    fn peak_within(&self, from: usize, to: usize) -> u32 {
        self.per_second[from.min(HORIZON)..to.min(HORIZON)]
            .iter()
            .copied()
            .max()
            .unwrap_or(0)
    }
    fn sum_within(&self, from: usize, to: usize) -> u64 {
        self.per_second[from.min(HORIZON)..to.min(HORIZON)]
            .iter()
            .map(|&x| u64::from(x))
            .sum()
    }
    fn done(&mut self, t: f64, down: f64, weight: u32) {
        if t >= HORIZON as f64 {
            self.stranded += weight as usize;
            self.recovered_after = None;
        } else if let Some(r) = self.recovered_after.as_mut() {
            *r = r.max(t - down);
        }
    }
}

fn client_start(i: usize) -> f64 {
    (i as f64 + 0.5) / CLIENTS as f64
}

/// Runs the schedule of `weight` clients that start at `t0`: `next(k, t)` is the wait after
/// failed request `k`, sent at `t`.
fn run(out: &mut Outcome, t0: f64, weight: u32, down: f64, mut next: impl FnMut(u32, f64) -> f64) {
    let mut t = t0;
    let mut k = 0;
    loop {
        if !out.hit(t, weight) || t >= down {
            out.done(t, down, weight);
            return;
        }
        t += next(k, t);
        k += 1;
    }
}

fn site_502() -> Diagnosis {
    let d = diagnose(&Failure {
        url: "https://popular.example.com/".into(),
        method: Some("GET".into()),
        status_code: Some(502),
        status_line: Some("HTTP/1.1 502 Bad Gateway".into()),
        response_headers: vec![Header {
            name: "Server".into(),
            value: Some("nginx".into()),
        }],
        body_text: Some(
            "<html><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></html>"
                .into(),
        ),
        ..Default::default()
    })
    .unwrap();
    assert!(d.transient && d.safe_to_retry);
    d
}

/// Each client runs what the extension ships: `policy::auto_retry` while it schedules
/// retries, then (state "exhausted") a watch on `policy::watch_next`'s schedule, with the
/// client's own seed as the shell stores it.
fn simulate_retry_plan(d: &Diagnosis, down: f64) -> Outcome {
    const EPOCH: f64 = 1_700_000_000_000.0;
    let mut out = Outcome::new();
    for i in 0..CLIENTS {
        let t0 = client_start(i);
        let mut s = AutoInput {
            attempts: 0,
            first_failure_at: Some(EPOCH + t0 * 1000.0),
            now: 0.0,
            enabled: true,
            seed: Some(i as f64),
            ..Default::default()
        };
        let mut watch: Option<WatchInput> = None;
        run(&mut out, t0, 1, down, |_, t| {
            let now = EPOCH + t * 1000.0;
            let at = match watch.as_mut() {
                Some(w) => {
                    w.now = now;
                    w.checks += 1;
                    watch_next(w).at.expect("the watch outlasts the hour")
                }
                None => {
                    s.now = now;
                    let a = auto_retry(d, &s);
                    if a.state == "scheduled" {
                        s.attempts += 1;
                        a.due.unwrap()
                    } else {
                        assert_eq!((a.state, a.reason.as_str()), ("exhausted", "watch"));
                        let w = WatchInput {
                            started_at: now,
                            now,
                            not_before: a.watch_from,
                            key: "https://popular.example.com".into(),
                            seed: Some(i as f64),
                            ..Default::default()
                        };
                        let first = watch_next(&w).at.unwrap();
                        watch = Some(w);
                        first
                    }
                }
            };
            assert!(at >= now, "no wait is negative");
            (at - now) / 1000.0
        });
    }
    out
}

/// The fixed schedules have no jitter: clients that start within the same millisecond do
/// the same, so they run as groups.
const GROUP: usize = 100;

fn simulate_fixed(down: f64, every: f64) -> Outcome {
    let mut out = Outcome::new();
    for g in (0..CLIENTS).step_by(GROUP) {
        run(&mut out, client_start(g), GROUP as u32, down, |_, _| every);
    }
    out
}

fn simulate_chrome(down: f64) -> Outcome {
    let mut out = Outcome::new();
    for g in (0..CLIENTS).step_by(GROUP) {
        run(&mut out, client_start(g), GROUP as u32, down, |k, _| {
            CHROME[(k as usize).min(CHROME.len() - 1)]
        });
    }
    out
}

fn pct(x: u32) -> f64 {
    100.0 * f64::from(x) / CLIENTS as f64
}

#[test]
fn a_crowd_stays_spread_out() {
    let d = site_502();
    println!();
    println!("{CLIENTS} clients fail in the same second; requests per second the site sees over one hour");
    println!();
    println!(
        "| site down | schedule | peak req/s after 1st s | peak req/s in 1st min after return | requests while down | total requests | all back after |"
    );
    println!("|---|---|---|---|---|---|---|");
    for down_min in [10usize, 30] {
        let down = (down_min * 60) as f64;
        let ours = simulate_retry_plan(&d, down);
        let fixed = simulate_fixed(down, 5.0);
        let chrome = simulate_chrome(down);
        for (name, o) in [
            ("autoRetry + watchNext", &ours),
            ("fixed 5 s reload", &fixed),
            ("Chrome auto-reload", &chrome),
        ] {
            let back = match o.recovered_after {
                Some(s) => format!("{:.0} s", s),
                None => format!("{} stranded", o.stranded),
            };
            println!(
                "| {down_min} min | {name} | {} ({:.1}%) | {} ({:.1}%) | {} | {} | {back} |",
                o.peak_after_first(),
                pct(o.peak_after_first()),
                o.peak_within(down as usize, down as usize + 60),
                pct(o.peak_within(down as usize, down as usize + 60)),
                o.sum_within(0, down as usize),
                o.total,
            );
        }

        // The promise: after the first second, no second sees more than 10% of the crowd ...
        assert!(
            ours.peak_after_first() as usize <= CLIENTS / 10,
            "peak {} > 10% of {CLIENTS}",
            ours.peak_after_first()
        );
        // ... nor a tenth of the peak of a fixed reload or Chrome's auto-reload (whose
        // synchronised crowd comes back all in the same second) ...
        assert!(ours.peak_after_first() * 5 <= fixed.peak_after_first());
        assert!(ours.peak_after_first() * 5 <= chrome.peak_after_first());
        // ... and the return is no stampede: at most 2% of the crowd in any second of the
        // first minute after the site is back.
        assert!(ours.peak_within(down as usize, down as usize + 60) as usize <= CLIENTS / 50);
        // Far fewer requests than reloading every 5 s, no more than Chrome's schedule sends,
        // and everyone gets the page back within the hour.
        assert!(
            ours.total * 10 <= fixed.total,
            "{} vs {}",
            ours.total,
            fixed.total
        );
        assert!(
            ours.total <= chrome.total * 3 / 2,
            "{} vs {}",
            ours.total,
            chrome.total
        );
        assert_eq!(ours.stranded, 0);
    }
    println!();
}
