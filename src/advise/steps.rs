//! Each step of [`super`]: its message parameters and its action, built from the diagnosis
//! and the environment.

use super::*;

/// A step's params and action while it is built. The setters stay out of line: one copy of
/// the map insertion for every param of every step.
#[derive(Default)]
struct Builder {
    params: Params,
    action: Option<Action>,
    /// The browser whose pages an "open-url" may open (`model::opens_in`).
    browser: String,
}

impl Builder {
    #[inline(never)]
    fn put(&mut self, name: &'static str, v: Param) {
        self.params.set(name, v);
    }

    #[inline(never)]
    fn text(&mut self, name: &'static str, v: &str) {
        self.put(name, text(v));
    }

    fn variant(&mut self, v: &str) {
        self.text("variant", v);
    }

    fn number(&mut self, name: &'static str, v: f64) {
        self.put(name, Param::Number(v));
    }

    /// An "open-url" only where this browser opens it (`model::opens_in`): else the step has
    /// no button (its words say where to go).
    #[inline(never)]
    fn act(&mut self, a: Action) {
        if matches!(&a, Action::OpenUrl { url } if !crate::model::opens_in(url, &self.browser)) {
            return;
        }
        self.action = Some(a);
    }

    #[inline(never)]
    fn open(&mut self, url: &str) {
        self.act(Action::OpenUrl {
            url: url.to_string(),
        });
    }
}

/// The failed URL with its host replaced, if it parses.
fn with_host(url: &str, new_host: &str) -> Option<String> {
    let u = crate::url::parse(url).ok()?;
    if !u.is_http() {
        return None;
    }
    let mut out = concat(&[&u.scheme, "://", new_host]);
    if let Some(p) = u.port.filter(|p| Some(*p) != u.default_port()) {
        out.push(':');
        push_u64(&mut out, u64::from(p));
    }
    out.push_str(if u.rest.is_empty() {
        "/"
    } else {
        clip(u.rest, 2048)
    });
    Some(out)
}

/// The address Firefox checks for a captive portal (`captivedetect.canonicalURL`), where the
/// environment does not say.
pub const FIREFOX_PORTAL_CHECK: &str = "http://detectportal.firefox.com/canonical.html";
/// The address Chrome checks for a captive portal (its captive_portal component).
pub const CHROME_PORTAL_CHECK: &str = "http://www.gstatic.com/generate_204";

/// Minutes worth waiting for this cause before trying again.
fn wait_minutes(d: &Diagnosis) -> f64 {
    if let Some(s) = d.retry_after_seconds.filter(|s| s.is_finite() && *s > 0.0) {
        return (s / 60.0).ceil().clamp(1.0, 24.0 * 60.0);
    }
    match d.cause {
        Cause::Overloaded
        | Cause::UpstreamTimeout
        | Cause::Offline
        | Cause::NetworkDown
        | Cause::Timeout => 5.0,
        Cause::UpstreamUnreachable
        | Cause::UpstreamInvalidResponse
        | Cause::UpstreamError
        | Cause::ConnectionRefused
        | Cause::ConnectionReset
        | Cause::Unreachable => 10.0,
        Cause::OriginError | Cause::UpstreamDns | Cause::Dns => 15.0,
        Cause::Maintenance | Cause::UpstreamTls | Cause::Tls => 30.0,
        _ => 15.0,
    }
}

/// A short problem report to paste into a mail or support form (src/report.rs).
fn report(c: &Ctx) -> String {
    crate::report::report(c.d, c.url, c.env.now.filter(|n| *n > 0.0))
}

#[inline(never)]
pub(super) fn build(id: Id, c: &Ctx) -> Option<Step> {
    let d = c.d;
    let env = c.env;
    let chrome = c.browser == "chrome";
    let firefox = c.browser == "firefox";
    let mut s = Builder {
        browser: c.browser.clone(),
        ..Builder::default()
    };
    match id {
        Retry => {
            s.act(Action::Retry);
            if !c.idempotent {
                s.text("method", &d.method);
                if crate::view::resends_form(d) {
                    // the message says the form is sent again
                    s.put("resubmits", Param::Flag(true));
                    s.variant("resubmit");
                } else {
                    // no answer came: Retry loads the address with GET, without the form
                    s.variant("resubmit_get");
                }
            }
            if let Some(a) = env.attempts.filter(|a| *a > 0) {
                s.number("attempts", f64::from(a));
            }
        }
        ResubmitWarning => {
            s.text(
                "method",
                if d.method.is_empty() {
                    "POST"
                } else {
                    &d.method
                },
            );
            if !crate::view::resends_form(d) {
                s.variant("get");
            }
        }
        VerifyUrl => {
            s.text("host", &c.authority);
            if let Some(sug) = &c.suggestion {
                s.text("suggestion", sug);
                s.variant("suggestion");
                if let Some(url) = with_host(c.url, sug) {
                    s.act(Action::OpenUrl { url });
                }
            }
        }
        CheckDown => {
            let (checker, prefix, suffix) = CHECKERS[0];
            s.text("host", &c.host);
            s.text("checker", checker);
            s.put(
                "checkers",
                Param::List(vec![
                    CHECKERS[0].0.to_string(),
                    CHECKERS[1].0.to_string(),
                    CHECKERS[2].0.to_string(),
                ]),
            );
            if c.others_failing > 0 {
                s.number("otherHostsFailing", c.others_failing as f64);
            }
            if c.others_failing >= NETWORK_WIDE_MIN {
                s.variant("network");
            }
            s.act(Action::OpenUrl {
                url: concat(&[prefix, &c.host, suffix]),
            });
        }
        StatusPage => {
            // The site's page from the known list; else its provider's (the gateway's
            // platform); a guessed status.<domain> only when there is neither (and then the
            // view keeps it under "more").
            let site = status_pages::status_page(&c.host);
            let provider = d
                .gateway
                .as_ref()
                .and_then(|g| Some((g, status_pages::platform_status_page(&g.id)?)));
            let (url, guess, of_provider) = match (site, provider) {
                // a site on the platform (myapp.herokuapp.com): its page is the provider's
                (Some((url, false)), Some((_, p))) if url == p => (url, false, true),
                (Some((url, false)), _) => (url, false, false),
                (_, Some((_, p))) => (p.to_string(), false, true),
                (Some((url, true)), None) => (url, true, false),
                (None, None) => return None,
            };
            let status_host = crate::url::parse(&url).map(|u| u.host);
            s.text("url", &url);
            s.text("statusHost", status_host.as_deref().unwrap_or(""));
            s.text("host", &c.authority);
            s.put("guess", Param::Flag(guess));
            if guess {
                s.variant("guess");
            }
            if let Some((g, p)) = provider {
                s.text("platform", &g.name);
                if of_provider {
                    s.variant("provider");
                } else if p != url {
                    s.text("platformStatus", p);
                }
            }
            s.act(Action::OpenUrl { url });
        }
        ArchivedCopy => {
            let page = c.url.split('#').next().unwrap_or("");
            let url = concat(&["https://web.archive.org/web/*/", clip(page, 2048)]);
            s.text("url", &url);
            s.act(Action::OpenUrl { url });
        }
        ContactSite => {
            let reg = domain::registrable_domain(&c.host);
            if reg.is_empty() || domain::is_ip(reg) {
                return None;
            }
            s.text("domain", reg);
            s.text("origin", &d.origin);
            s.text("email", &concat(&["webmaster@", reg]));
            s.act(Action::Copy { text: report(c) });
        }
        Incognito => {
            // No button where the browser will refuse: the step says how to open one by hand.
            if env.incognito_allowed == Some(false) {
                s.put("allowed", Param::Flag(false));
                s.variant("notallowed");
            } else {
                s.act(Action::OpenIncognito);
            }
            s.text("browser", &c.browser);
        }
        OtherBrowser => {}
        ClearSiteData => {
            if d.origin.is_empty() {
                return None;
            }
            s.text("origin", &d.origin);
            // "more cookie data than the server accepts": not for a redirect loop or a stale
            // cache, which clearing fixes for another reason
            if c.cookies_strong && !matches!(d.cause, Cause::RedirectLoop | Cause::Cache) {
                s.variant("cookies");
            }
            s.act(Action::ClearSiteData {
                origin: d.origin.clone(),
            });
        }
        FlushDns => {
            let page = dns_browser_page(&c.browser);
            s.text("browserPage", page);
            match flush_dns_command(&c.platform) {
                Some(cmd) => {
                    s.text("command", cmd);
                    s.variant(match c.platform.as_str() {
                        p @ ("win" | "mac" | "cros") => p,
                        _ => "linux",
                    });
                    s.act(Action::Copy {
                        text: cmd.to_string(),
                    });
                }
                None => {
                    s.variant("browser");
                    s.open(page);
                }
            }
        }
        ChangeDns => {
            s.text("servers", PUBLIC_DNS);
            if d.cause == Cause::DnsFilter {
                s.text("host", &c.host);
                s.variant("filter");
            } else if matches!(
                c.platform.as_str(),
                "win" | "mac" | "linux" | "cros" | "android"
            ) {
                s.variant(&c.platform);
            }
            if !firefox {
                let page = "chrome://settings/security";
                s.text("browserPage", page);
                s.open(page);
            }
        }
        DisableExtensions => {
            let list = &c.ranked[..c.ranked.len().min(MAX_LISTED_EXTENSIONS)];
            let mut ids = Vec::new();
            let mut names = Vec::new();
            for (n, e) in list.iter().enumerate() {
                ids.push(e.id.clone());
                if n < 3 {
                    names.push(clip(&e.name, 80).to_string());
                }
            }
            if !list.is_empty() {
                s.put("extensions", Param::List(ids));
                s.put("names", Param::List(names));
            }
            let page = if firefox {
                "about:addons"
            } else {
                "chrome://extensions"
            };
            if let Some(top) = list.first() {
                let may_disable = env
                    .extensions
                    .iter()
                    .find(|e| e.id == top.id)
                    .is_none_or(|e| e.may_disable != Some(false));
                if chrome && may_disable {
                    s.act(Action::DisableExtension {
                        id: top.id.clone(),
                        retry: d.safe_to_retry,
                    });
                } else {
                    s.open(page);
                }
            } else if !env.extensions.is_empty() {
                s.variant("none");
                s.open(page);
            } else {
                // Not readable (no `management` permission): the text names none.
                s.variant("unknown");
            }
            // Firefox refuses to open about:addons (and to turn extensions off): the words
            // say where the list is
            if firefox && s.action.is_none() {
                match s.params.get("variant") {
                    None => s.variant("firefox"),
                    Some(Param::Text(v)) if v == "none" => s.variant("none_firefox"),
                    _ => {}
                }
            }
        }
        CheckProxy => {
            let proxy = env.proxy.as_ref();
            if let Some(mode) = proxy.and_then(|p| p.mode.as_deref()) {
                s.text("mode", mode);
            }
            let controlled = proxy.and_then(|p| p.controller(&env.extensions));
            if controlled == Some("") {
                // another extension, which one unknown (no management permission)
                s.variant("another");
            } else if let Some(by) = controlled {
                s.text("controlledBy", by);
                s.variant("extension");
                let ext = env
                    .extensions
                    .iter()
                    .find(|e| e.name.trim() == by && e.enabled != Some(false));
                if let Some(e) = ext.filter(|e| chrome && e.may_disable != Some(false)) {
                    s.act(Action::DisableExtension {
                        id: e.id.clone(),
                        retry: d.safe_to_retry,
                    });
                }
            } else if d.culprit == Culprit::Proxy || d.cause == Cause::Proxy {
                s.variant("proxy");
            }
            // Chrome opens its proxy page for an extension; Firefox refuses its about: pages
            // ("Illegal URL"): its words say where the setting is
            if s.action.is_none() && chrome {
                s.open("chrome://settings/system");
            } else if firefox {
                match s.params.get("variant") {
                    None => s.variant("firefox"),
                    Some(Param::Text(v)) if v == "proxy" => s.variant("proxy_firefox"),
                    _ => {}
                }
            }
        }
        CheckConnection => {
            if c.others_failing > 0 {
                s.number("otherHostsFailing", c.others_failing as f64);
            }
            if d.cause == Cause::Auth {
                s.variant("portal");
            } else if d.cause == Cause::Offline {
                s.variant("offline");
            } else if d.cause == Cause::Ipv6 {
                s.variant("ipv6");
            } else if c.others_failing >= NETWORK_WIDE_MIN {
                s.variant("network");
            }
        }
        Wait => {
            s.number("minutes", wait_minutes(d));
            if let Some(ra) = d.retry_after_seconds.filter(|s| s.is_finite() && *s > 0.0) {
                s.number("retryAfter", ra.ceil());
                let unit = crate::view::put_about(&mut s.params, ra);
                s.variant(&concat(&["retry_after_", unit]));
            } else if d.status_code == Some(429) {
                // no outage: the site limits requests, and each reload can prolong it
                s.variant("rate_limited");
            }
        }
        StartServer => {
            s.text("host", &c.authority);
            if let Some(Param::Number(p)) = summary(d).params.get("port") {
                s.number("port", *p);
            }
        }
        SecureDns => {
            let page = if firefox {
                "about:preferences#privacy"
            } else {
                "chrome://settings/security"
            };
            s.text("browserPage", page);
            s.variant(if firefox { "firefox" } else { "chrome" });
            s.open(page);
        }
        SetClock => {
            if matches!(
                c.platform.as_str(),
                "win" | "mac" | "linux" | "cros" | "android"
            ) {
                s.variant(&c.platform);
            }
        }
        SignIn => {
            let url = d.sign_in_url.as_deref()?;
            let host = crate::url::parse(url).map(|u| u.host).unwrap_or_default();
            s.text("url", url);
            s.text("signInHost", if host.is_empty() { url } else { &host });
            s.open(url);
        }
        OpenPortal => {
            // The browser's own captive-portal check: a plain http:// address the portal
            // answers with its sign-in page (Firefox tells which; Chrome's is fixed).
            let url = env
                .portal_url
                .as_deref()
                .map(|u| clip(u.trim(), 2048))
                .filter(|u| crate::url::parse(u).is_ok_and(|p| p.is_http()))
                .unwrap_or(if firefox {
                    FIREFOX_PORTAL_CHECK
                } else {
                    CHROME_PORTAL_CHECK
                });
            // the sign-in step opens it already
            if d.sign_in_url.as_deref() == Some(url) {
                return None;
            }
            let host = crate::url::parse(url).map(|u| u.host).unwrap_or_default();
            s.text("url", url);
            s.text("portalHost", if host.is_empty() { url } else { &host });
            s.open(url);
        }
        Reconnect | AskStaff | AskNetworkAdmin | ResendForm => {}
        NotifyWhenBack => {
            s.text("host", &c.authority);
            s.act(Action::Watch);
        }
    }
    Some(Step {
        id: id.name().to_string(),
        params: s.params,
        action: s.action,
    })
}
