//! The retry and watch machine (src/machine.rs) driven as the shell drives it: each event with
//! the state the last step returned, the effects run by a fake browser.

use gateway_doctor::diagnose;
use gateway_doctor::machine::{step, Answer, Ask, Ctx, Effect, Event, Seen, State};
use gateway_doctor::model::{Diagnosis, Failure, Header};
use gateway_doctor::policy::{BACK_WINDOW_MS, BUCKET_SIZE, FIRED_WINDOW_MS};

const T0: f64 = 1_800_000_000_000.0;

fn failure(url: &str, method: &str, status: u16, headers: &[(&str, &str)]) -> Diagnosis {
    response(url, method, status, "Error", headers, None)
}

/// A response failure: `reason` its status line's words, `body` its page as the content script
/// sends it.
fn response(
    url: &str,
    method: &str,
    status: u16,
    reason: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Diagnosis {
    diagnose(&Failure {
        url: url.into(),
        method: Some(method.into()),
        status_code: Some(status),
        status_line: Some(format!("HTTP/1.1 {status} {reason}")),
        response_headers: headers
            .iter()
            .map(|(n, v)| Header {
                name: (*n).into(),
                value: Some((*v).into()),
            })
            .collect(),
        body_text: body.map(Into::into),
        ..Default::default()
    })
    .unwrap()
}

fn offline(url: &str) -> Diagnosis {
    diagnose(&Failure {
        url: url.into(),
        method: Some("GET".into()),
        error: Some("net::ERR_INTERNET_DISCONNECTED".into()),
        ..Default::default()
    })
    .unwrap()
}

/// A tab: its id, the URL it shows, and the background's record (URL, failure time, method).
type Tab = (f64, String, Option<(String, f64, String)>);

/// A fake browser: tabs showing their failure, the machine's state, the effects it ran.
struct Browser {
    state: State,
    ctx: Ctx,
    /// tab -> (shown URL, the background's record: URL, failure time, method)
    tabs: Vec<Tab>,
    alarms: Vec<(String, f64)>,
    reloads: Vec<(f64, String, bool, f64)>,
    checks: Vec<(String, &'static str)>,
    notified: Vec<String>,
    /// The answer a check gets: status.
    site_status: u16,
}

impl Browser {
    fn new() -> Browser {
        Browser {
            state: State::default(),
            ctx: Ctx {
                now: T0,
                scale: 1.0,
                seed: 0.25,
                auto_retry: true,
                max_attempts: None,
                notifications: true,
                ignored_sites: vec![],
            },
            tabs: vec![],
            alarms: vec![],
            reloads: vec![],
            checks: vec![],
            notified: vec![],
            site_status: 502,
        }
    }

    fn fail(&mut self, tab: f64, url: &str, attempts: u32, d: Diagnosis) -> Answer {
        self.tabs.retain(|t| t.0 != tab);
        let method = d.method.clone();
        self.tabs
            .push((tab, url.into(), Some((url.into(), self.ctx.now, method))));
        self.send(Event::Failure {
            tab,
            url: url.into(),
            at: self.ctx.now,
            attempts,
            diagnosis: Box::new(d),
        })
    }

    fn seen(&self, ask: &Ask) -> Seen {
        match self.tabs.iter().find(|t| t.0 == ask.tab) {
            None => Seen {
                tab: ask.tab,
                ..Default::default()
            },
            Some((_, shown, rec)) => Seen {
                tab: ask.tab,
                exists: true,
                shows: shown.split('#').next() == ask.url.split('#').next(),
                active: true,
                record_url: rec.as_ref().map(|r| r.0.clone()),
                record_at: rec.as_ref().map(|r| r.1),
                record_method: rec.as_ref().map(|r| r.2.clone()),
                ..Default::default()
            },
        }
    }

    /// One step and its effects, as watch.js runs them (looks and checks answered at once).
    fn send(&mut self, e: Event) -> Answer {
        let out = step(std::mem::take(&mut self.state), e, &self.ctx);
        self.state = out.state;
        for fx in out.effects {
            match fx {
                Effect::Alarm { name, at } => {
                    self.alarms.retain(|a| a.0 != name);
                    if let Some(at) = at {
                        self.alarms.push((name, at));
                    }
                }
                Effect::Look { tabs, then } => {
                    let seen = tabs.iter().map(|a| self.seen(a)).collect();
                    self.send(Event::Seen {
                        then,
                        tabs: seen,
                        online: true,
                        portal: None,
                    });
                }
                Effect::Check { url, method, then } => {
                    self.checks.push((url, method));
                    let status = Some(self.site_status);
                    self.send(Event::Checked {
                        then,
                        method: method.into(),
                        status,
                        redirected: false,
                        retry_after: None,
                        date: None,
                    });
                }
                Effect::Reload { tab, url, get, .. } => {
                    self.reloads.push((tab, url, get, self.ctx.now))
                }
                Effect::Notify { id, .. } => self.notified.push(id),
                Effect::Unnotify { .. } | Effect::Focus { .. } => {}
            }
        }
        out.answer
    }

    /// Runs the earliest alarm (the clock moves to it).
    fn tick(&mut self) -> Option<String> {
        let (i, _) = self
            .alarms
            .iter()
            .enumerate()
            .min_by(|a, b| a.1 .1.total_cmp(&b.1 .1))?;
        let (name, at) = self.alarms.remove(i);
        self.ctx.now = self.ctx.now.max(at);
        self.send(Event::Due { name: name.clone() });
        Some(name)
    }

    fn alarm(&self, prefix: &str) -> Option<f64> {
        self.alarms
            .iter()
            .find(|a| a.0.starts_with(prefix))
            .map(|a| a.1)
    }
}

#[test]
fn a_502_is_retried_on_its_own_and_the_reload_is_recognised() {
    let mut b = Browser::new();
    let url = "https://shop.example/cart";
    b.fail(7.0, url, 0, failure(url, "GET", 502, &[]));
    let due = b.alarm("gd-auto:7").expect("a retry is scheduled");
    assert!(due > T0 && due <= T0 + 15_000.0, "{}", due - T0);
    assert_eq!(b.state.tabs[0].state, "scheduled");
    assert!(b.state.involved.contains(&7.0));
    b.tick();
    assert_eq!(b.reloads.len(), 1, "the tab reloads");
    assert_eq!(b.state.tabs[0].state, "fired");
    // Our diagnosis page was showing for it: the reload's failure is no Back.
    let back = |b: &mut Browser, left_at: Option<f64>| {
        b.send(Event::WentBack {
            tab: 7.0,
            url: url.into(),
            on_our_page: true,
            prev_url: url.into(),
            retrying: false,
            left_at,
        })
    };
    assert_eq!(back(&mut b, None), Answer::Yes(false), "our reload");
    b.ctx.now += FIRED_WINDOW_MS;
    assert_eq!(
        back(&mut b, None),
        Answer::Yes(true),
        "the person went Back"
    );
    let long_ago = Some(b.ctx.now - BACK_WINDOW_MS);
    assert_eq!(
        back(&mut b, long_ago),
        Answer::Yes(false),
        "left too long ago"
    );
}

#[test]
fn a_post_is_never_resent_and_loads_with_get_when_the_site_is_back() {
    let mut b = Browser::new();
    let url = "https://shop.example/order";
    b.fail(3.0, url, 0, failure(url, "POST", 502, &[]));
    assert!(b.alarm("gd-auto:").is_none(), "no retry of a POST");
    assert_eq!(
        (
            b.state.tabs[0].state.as_str(),
            b.state.tabs[0].reason.as_str()
        ),
        ("off", "not-idempotent")
    );
    b.send(Event::Action {
        tab: 3.0,
        action: "watch".into(),
        url: url.into(),
        at: T0,
        method: "POST".into(),
    });
    assert_eq!(b.state.watches.len(), 1);
    b.site_status = 200;
    while b.reloads.is_empty() && b.tick().is_some() {}
    assert_eq!(b.checks[0].1, "HEAD", "the check is a HEAD, never the POST");
    assert_eq!(b.reloads.len(), 1);
    assert!(b.reloads[0].2, "the page loads with GET");
    assert_eq!(b.notified.len(), 1, "notify me when it's back");
    assert!(b.state.watches.is_empty());
}

#[test]
fn retry_after_is_honoured() {
    let mut b = Browser::new();
    let url = "https://busy.example/";
    b.fail(
        1.0,
        url,
        0,
        failure(url, "GET", 503, &[("Retry-After", "120")]),
    );
    let due = b.alarm("gd-auto:1").unwrap();
    assert!(due - T0 >= 120_000.0, "{}", due - T0);
}

#[test]
fn one_sites_budget_holds_across_tabs() {
    let mut b = Browser::new();
    let url = "https://crowded.example/";
    for tab in 0..20 {
        b.ctx.seed = f64::from(tab) / 20.0;
        b.fail(f64::from(tab), url, 0, failure(url, "GET", 502, &[]));
    }
    // Every retry due at once: at most a bucket's worth of reloads in any minute.
    let last = b.alarms.iter().map(|a| a.1).fold(0.0, f64::max);
    b.ctx.now = last;
    let names: Vec<String> = b.alarms.iter().map(|a| a.0.clone()).collect();
    for name in names.into_iter().filter(|n| n.starts_with("gd-auto:")) {
        b.alarms.retain(|a| a.0 != name);
        b.send(Event::Due { name });
    }
    assert!(b.reloads.len() as f64 <= BUCKET_SIZE, "{}", b.reloads.len());
    assert!(b.alarm("gd-auto:").is_some(), "the others wait for a token");
}

#[test]
fn the_retry_stops_the_moment_the_page_is_back() {
    let mut b = Browser::new();
    let url = "https://flaky.example/";
    b.fail(5.0, url, 0, failure(url, "GET", 502, &[]));
    b.send(Event::Healthy { tab: 5.0 });
    assert!(b.state.tabs.is_empty() && b.alarm("gd-auto:5").is_none());
    assert!(!b.state.involved.contains(&5.0));
    // The person went elsewhere in the tab: the due retry does not reload it.
    b.fail(5.0, url, 0, failure(url, "GET", 502, &[]));
    b.tabs[0].1 = "https://elsewhere.example/".into();
    b.tick();
    assert!(b.reloads.is_empty());
    assert!(b.state.tabs.is_empty());
    // Navigating to another URL ends it as well; to the same URL it stays.
    b.fail(5.0, url, 0, failure(url, "GET", 502, &[]));
    b.send(Event::Navigated {
        tab: 5.0,
        url: format!("{url}#top"),
    });
    assert_eq!(b.state.tabs.len(), 1);
    b.send(Event::Navigated {
        tab: 5.0,
        url: "https://elsewhere.example/".into(),
    });
    assert!(b.state.tabs.is_empty());
}

#[test]
fn auto_retry_off_and_sites_left_alone() {
    let mut b = Browser::new();
    let url = "https://a.example/";
    b.ctx.auto_retry = false;
    b.fail(1.0, url, 0, failure(url, "GET", 502, &[]));
    assert!(b.alarm("gd-auto:").is_none());
    b.ctx.auto_retry = true;
    b.fail(2.0, url, 0, failure(url, "GET", 502, &[]));
    b.ctx.ignored_sites = vec!["a.example".into()];
    b.tick();
    assert!(
        b.reloads.is_empty(),
        "a site left alone since is not reloaded"
    );
}

#[test]
fn ten_tabs_one_watch_one_check_per_interval() {
    let mut b = Browser::new();
    let url = "https://down.example/x";
    for tab in 0..10 {
        b.fail(f64::from(tab), url, 0, failure(url, "POST", 502, &[]));
        b.send(Event::Action {
            tab: f64::from(tab),
            action: "watch".into(),
            url: url.into(),
            at: T0,
            method: "POST".into(),
        });
    }
    assert_eq!(b.state.watches.len(), 1);
    assert_eq!(b.state.watches[0].tabs.len(), 10);
    while b.checks.len() < 3 {
        b.tick();
    }
    assert_eq!(
        b.checks.len(),
        3,
        "one request per check, however many tabs wait"
    );
    assert_eq!(b.state.watches[0].checks, 3);
    b.site_status = 200;
    while b.tick().is_some() {}
    assert_eq!(b.reloads.len(), 10, "every waiting tab loads again");
    let mut seconds: Vec<i64> = b.reloads.iter().map(|r| (r.3 / 1000.0) as i64).collect();
    seconds.dedup();
    assert_eq!(seconds.len(), 10, "never two in the same second");
    assert_eq!(b.notified.len(), 1, "one notice for the site");
}

#[test]
fn no_notice_with_notifications_off_and_a_cancelled_watch_checks_no_more() {
    let mut b = Browser::new();
    b.ctx.notifications = false;
    let url = "https://down.example/";
    b.fail(1.0, url, 0, failure(url, "POST", 502, &[]));
    let watch = |b: &mut Browser| {
        b.send(Event::Action {
            tab: 1.0,
            action: "watch".into(),
            url: url.into(),
            at: T0,
            method: "POST".into(),
        })
    };
    watch(&mut b);
    b.site_status = 200;
    while b.tick().is_some() {}
    assert_eq!(b.reloads.len(), 1);
    assert!(b.notified.is_empty());
    b.fail(1.0, url, 0, failure(url, "POST", 502, &[]));
    watch(&mut b);
    b.send(Event::CancelSite {
        origin: "https://down.example".into(),
    });
    assert!(b.state.watches.is_empty() && b.alarm("gd-watch:").is_none());
}

#[test]
fn tabs_that_wait_for_the_connection_reload_when_it_is_back() {
    let mut b = Browser::new();
    for tab in 0..3 {
        let url = format!("https://site{tab}.example/");
        b.fail(f64::from(tab), &url, 0, offline(&url));
    }
    assert!(b.alarm("gd-auto:").is_none(), "not retried on a timer");
    assert_eq!(b.state.net.as_ref().unwrap().tabs.len(), 3);
    assert!(
        b.alarm("gd-net").is_some(),
        "the background checks on its own"
    );
    b.send(Event::Online);
    while b.tick().is_some() {}
    assert_eq!(b.reloads.len(), 3);
    assert!(b.reloads.windows(2).all(|w| w[1].3 - w[0].3 >= 1000.0));
}

#[test]
fn an_early_timer_is_set_again() {
    let mut b = Browser::new();
    let url = "https://shop.example/";
    b.fail(1.0, url, 0, failure(url, "GET", 502, &[]));
    let due = b.alarm("gd-auto:1").unwrap();
    b.send(Event::Due {
        name: "gd-auto:1".into(),
    });
    assert!(b.reloads.is_empty());
    assert_eq!(b.alarm("gd-auto:1"), Some(due));
}

#[test]
fn the_view_gets_the_tabs_retry() {
    let mut b = Browser::new();
    let url = "https://shop.example/";
    b.fail(1.0, url, 0, failure(url, "GET", 502, &[]));
    let a = b.send(Event::RetryOf {
        tab: 1.0,
        url: url.into(),
    });
    let Answer::Retry(Some(r)) = a else {
        panic!("{a:?}")
    };
    assert_eq!(
        (r.state.as_deref(), r.attempts, r.watching),
        (Some("scheduled"), 0, None)
    );
    assert_eq!(
        b.send(Event::RetryOf {
            tab: 2.0,
            url: url.into()
        }),
        Answer::Retry(None)
    );
    // Nothing to do for a net check without tabs waiting.
    let out = step(
        State::default(),
        Event::Due {
            name: "gd-net".into(),
        },
        &b.ctx,
    );
    assert!(out.effects.is_empty());
}

/// A response failure with its page (`body`, as the content script sends it).
fn with_page(url: &str, status: u16, headers: &[(&str, &str)], body: &str) -> Diagnosis {
    response(
        url,
        "GET",
        status,
        "Service Unavailable",
        headers,
        Some(body),
    )
}

/// Palo Alto's URL-filtering page, sent with 503 by a firewall in the person's network.
const FIREWALL_PAGE: &str = "<html><head><title>Web Page Blocked</title></head><body>\
    <div id=\"content\"><h1>Web Page Blocked</h1><p>Access to the web page you were trying to \
    visit has been blocked in accordance with company policy. Please contact your system \
    administrator if you believe this is in error.</p><p><b>User:</b> 10.0.0.7</p>\
    <p><b>URL:</b> shop.example/</p><p><b>Category:</b> shopping</p></div></body></html>";

/// nginx's own 503 page: the site is overloaded, which a retry can fix.
const NGINX_503: &str = "<html><head><title>503 Service Temporarily Unavailable</title></head>\
    <body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx\
    </center></body></html>";

const HTML: (&str, &str) = ("Content-Type", "text/html; charset=UTF-8");

impl Browser {
    /// The page's text refined the diagnosis of the tab's failure (the time is the record's).
    fn refine(&mut self, tab: f64, url: &str, d: Diagnosis) -> Answer {
        let at = self
            .tabs
            .iter()
            .find(|t| t.0 == tab)
            .and_then(|t| t.2.as_ref())
            .map_or(f64::NAN, |r| r.1);
        self.send(Event::Refined {
            tab,
            url: url.into(),
            at,
            diagnosis: Box::new(d),
        })
    }

    /// The view's retry line for the tab, from the machine's answer as the shell passes it on.
    fn retry_line(&mut self, tab: f64, url: &str, d: &Diagnosis) -> Option<String> {
        let Answer::Retry(r) = self.send(Event::RetryOf {
            tab,
            url: url.into(),
        }) else {
            panic!("retry-of answers a retry")
        };
        let r = r?;
        let state = gateway_doctor::view::RetryState {
            state: r.state,
            reason: r.reason,
            due: r.due,
            attempts: r.attempts,
            max: r.max,
            now: Some(r.now),
            watching: r.watching,
            notifications: Some(r.notifications),
        };
        gateway_doctor::view::retry_line(&state, d).map(|m| m.key)
    }
}

#[test]
fn a_refined_cause_that_is_not_retried_cancels_the_first_frames_retry() {
    let mut b = Browser::new();
    let url = "https://shop.example/cart";
    // The first frame: a bare 503, from its headers alone, is retried.
    let bare = failure(url, "GET", 503, &[HTML]);
    assert!(bare.transient, "{bare:?}");
    b.fail(8.0, url, 0, bare);
    assert!(
        b.alarm("gd-auto:8").is_some(),
        "the first frame schedules a retry"
    );
    // The page's text: a network filter's block page, which a retry does not help.
    let blocked = with_page(url, 503, &[HTML], FIREWALL_PAGE);
    assert_eq!(blocked.cause.as_str(), "blocked", "{blocked:?}");
    b.refine(8.0, url, blocked.clone());
    assert!(b.alarm("gd-auto:").is_none(), "its alarm is cleared");
    let a = &b.state.tabs[0];
    assert_eq!(
        (a.state.as_str(), a.reason.as_str(), a.due),
        ("off", "not-transient", None)
    );
    assert_eq!(a.attempts, 0);
    assert!(b.state.watches.is_empty() && b.state.net.is_none());
    // The view shows no countdown.
    assert_eq!(b.retry_line(8.0, url, &blocked), None);
    // The timer the shell had set before fires anyway: nothing reloads.
    b.ctx.now += 60_000.0;
    b.send(Event::Due {
        name: "gd-auto:8".into(),
    });
    assert!(
        b.reloads.is_empty(),
        "no reload after the refined diagnosis"
    );
    while b.tick().is_some() {}
    assert!(b.reloads.is_empty() && b.checks.is_empty());
}

#[test]
fn a_refined_cause_still_retried_keeps_the_retry_as_it_was() {
    let mut b = Browser::new();
    let url = "https://busy.example/";
    // The second automatic retry of the same failure: attempts and first time carry over.
    b.fail(2.0, url, 0, failure(url, "GET", 503, &[HTML]));
    b.ctx.now += 30_000.0;
    b.fail(2.0, url, 1, failure(url, "GET", 503, &[HTML]));
    let before = b.state.tabs[0].clone();
    let due = b.alarm("gd-auto:2").expect("scheduled");
    assert_eq!((before.attempts, before.first_failure_at), (1, T0));
    // The page says the site is overloaded: still retried, not again and not sooner.
    b.ctx.seed = 0.9;
    b.ctx.now += 500.0;
    let page = with_page(url, 503, &[HTML], NGINX_503);
    assert!(page.transient, "{page:?}");
    b.refine(2.0, url, page.clone());
    assert_eq!(b.state.tabs[0], before, "the retry stays as it was");
    assert_eq!(b.alarm("gd-auto:2"), Some(due), "the same alarm");
    let line = b.retry_line(2.0, url, &page).expect("a retry line");
    assert!(line.starts_with("ui_retry_countdown"), "{line}");
    b.tick();
    assert_eq!(b.reloads.len(), 1, "it fires when it was due");
}

#[test]
fn a_refined_diagnosis_starts_no_retry_and_touches_no_other_failure() {
    let mut b = Browser::new();
    let url = "https://shop.example/cart";
    let transient = || with_page(url, 503, &[HTML], NGINX_503);
    // Not retried from the first frame (auto-retry off): the refined view starts none.
    b.ctx.auto_retry = false;
    b.fail(1.0, url, 0, failure(url, "GET", 503, &[HTML]));
    b.ctx.auto_retry = true;
    let before = b.state.clone();
    b.refine(1.0, url, transient());
    assert_eq!(b.state, before);
    assert!(b.alarm("gd-auto:").is_none());
    // A block page's first frame is not retried either; nor after a refined transient view.
    let blocked = with_page(url, 503, &[HTML], FIREWALL_PAGE);
    b.fail(3.0, url, 0, blocked);
    b.refine(3.0, url, transient());
    assert!(b.alarm("gd-auto:3").is_none());
    // A retry of another failure of the tab (another URL, or a later failure) stays.
    b.fail(4.0, url, 0, failure(url, "GET", 503, &[HTML]));
    let due = b.alarm("gd-auto:4");
    let blocked = with_page(url, 503, &[HTML], FIREWALL_PAGE);
    b.send(Event::Refined {
        tab: 4.0,
        url: "https://shop.example/other".into(),
        at: T0,
        diagnosis: Box::new(blocked.clone()),
    });
    b.send(Event::Refined {
        tab: 4.0,
        url: url.into(),
        at: T0 - 1.0,
        diagnosis: Box::new(blocked.clone()),
    });
    assert!(due.is_some() && b.alarm("gd-auto:4") == due);
    // A tab whose site is back keeps its reload.
    b.fail(5.0, url, 0, failure(url, "POST", 502, &[]));
    b.send(Event::Action {
        tab: 5.0,
        action: "watch".into(),
        url: url.into(),
        at: T0,
        method: "POST".into(),
    });
    b.site_status = 200;
    while b.alarm("gd-auto:5").is_none() && b.tick().is_some() {}
    let back = b.state.tabs.iter().find(|a| a.tab == 5.0).cloned().unwrap();
    assert_eq!(
        (back.state.as_str(), back.reason.as_str()),
        ("scheduled", "back")
    );
    b.refine(5.0, url, blocked);
    assert!(b.state.tabs.contains(&back));
}
