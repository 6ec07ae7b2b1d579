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
//! - what ships: the retry and watch machine (`machine::step`, the one export the extension's
//!   `watch.js` calls), driven event by event: retries while it schedules them, then (the
//!   retries exhausted) a quiet watch whose checks (1-2 min, doubling, up to 24-30 min
//!   apart) are requests too; when a check finds the site back, the tab's reload is one more.
//! - fixed 5 s: a reload every 5 s.
//! - Chrome auto-reload (Chromium's net error auto-reload: 1 s, 5 s, 30 s, 1 min, 5 min,
//!   10 min, then 15 min). Chrome does not auto-reload after a 5xx; simulated as if it did.

use gateway_doctor::diagnose;
use gateway_doctor::machine::{step, Ctx, Effect, Event, Seen, State};
use gateway_doctor::model::{Diagnosis, Failure, Header};

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

/// One client's tab under what the extension ships: the machine of `src/machine.rs`, driven
/// as `extension/watch.js` drives it (each event with the state the last step returned; a
/// look finds the tab still showing its failure; a reload or a check is a request, answered
/// 502 while the site is down). The first failing load is at `t0`.
fn run_machine(out: &mut Outcome, d: &Diagnosis, i: usize, t0: f64, down: f64) {
    const EPOCH: f64 = 1_700_000_000_000.0;
    const TAB: f64 = 1.0;
    let url = d.url.clone();
    let secs = |now: f64| (now - EPOCH) / 1000.0;
    let mut ctx = Ctx {
        now: EPOCH + t0 * 1000.0,
        scale: 1.0,
        seed: i as f64,
        auto_retry: true,
        max_attempts: None,
        notifications: false,
        ignored_sites: vec![],
    };
    let mut state = State::default();
    let mut alarms: Vec<(String, f64)> = Vec::new();
    let mut failed_at = ctx.now;
    let mut attempts = 0;
    out.hit(t0, 1);
    let mut queue = vec![Event::Failure {
        tab: TAB,
        url: url.clone(),
        at: failed_at,
        attempts,
        diagnosis: Box::new(d.clone()),
    }];
    loop {
        while let Some(e) = queue.pop() {
            let next = step(std::mem::take(&mut state), e, &ctx);
            state = next.state;
            for fx in next.effects {
                match fx {
                    Effect::Alarm { name, at } => {
                        alarms.retain(|a| a.0 != name);
                        if let Some(at) = at {
                            assert!(at >= ctx.now, "no wait is negative");
                            alarms.push((name, at));
                        }
                    }
                    Effect::Look { tabs, then } => queue.push(Event::Seen {
                        then,
                        tabs: tabs
                            .iter()
                            .map(|a| Seen {
                                tab: a.tab,
                                exists: true,
                                shows: true,
                                record_url: Some(url.clone()),
                                record_at: Some(failed_at),
                                record_method: Some("GET".into()),
                                ..Default::default()
                            })
                            .collect(),
                        online: true,
                        portal: None,
                    }),
                    Effect::Check { method, then, .. } => {
                        let t = secs(ctx.now);
                        if !out.hit(t, 1) {
                            return out.done(t, down, 1);
                        }
                        queue.push(Event::Checked {
                            then,
                            method: method.into(),
                            status: Some(if t >= down { 200 } else { 502 }),
                            redirected: false,
                            retry_after: None,
                            date: None,
                        });
                    }
                    Effect::Reload { .. } => {
                        let t = secs(ctx.now);
                        if !out.hit(t, 1) || t >= down {
                            return out.done(t, down, 1);
                        }
                        attempts += 1;
                        failed_at = ctx.now;
                        queue.push(Event::Failure {
                            tab: TAB,
                            url: url.clone(),
                            at: failed_at,
                            attempts,
                            diagnosis: Box::new(d.clone()),
                        });
                    }
                    Effect::Notify { .. } | Effect::Unnotify { .. } | Effect::Focus { .. } => {}
                }
            }
        }
        // The next alarm that fires (a bucket's alarm only forgets the bucket).
        let Some((k, _)) = alarms
            .iter()
            .enumerate()
            .min_by(|a, b| a.1 .1.total_cmp(&b.1 .1))
        else {
            return out.done(HORIZON as f64, down, 1);
        };
        let (name, at) = alarms.remove(k);
        ctx.now = ctx.now.max(at);
        if secs(ctx.now) >= HORIZON as f64 {
            return out.done(HORIZON as f64, down, 1);
        }
        queue.push(Event::Due { name });
    }
}

fn simulate_machine(d: &Diagnosis, down: f64) -> Outcome {
    let mut out = Outcome::new();
    for i in 0..CLIENTS {
        run_machine(&mut out, d, i, client_start(i), down);
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
        let ours = simulate_machine(&d, down);
        let fixed = simulate_fixed(down, 5.0);
        let chrome = simulate_chrome(down);
        for (name, o) in [
            ("the machine (what ships)", &ours),
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
        // A client whose watch finds the site back sends two requests (the check, then the
        // page), where the reload schedules send one: that second request is counted on top.
        assert!(
            ours.total <= chrome.total * 3 / 2 + CLIENTS as u64,
            "{} vs {}",
            ours.total,
            chrome.total
        );
        assert_eq!(ours.stranded, 0);
    }
    println!();
}
