//! The values that cross the JavaScript boundary, as the contract in `docs/core-api.md`
//! names them. Pure data: std and serde only. Unknown input fields are ignored; every
//! optional input field may be missing.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Reads a field that may be `null` or `undefined` (as JavaScript callers send for "not
/// there") as its default.
fn nullable<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

// ---------------------------------------------------------------- input of diagnose

/// A failed (or maybe failed) main-frame navigation, as webRequest reports it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Failure {
    pub url: String,
    pub method: Option<String>,
    pub status_code: Option<u16>,
    pub status_line: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub response_headers: Vec<Header>,
    pub error: Option<String>,
    pub body_text: Option<String>,
    /// The page's visible text as the person sees it (the content script's
    /// `document.body.innerText`, first 4 KiB), beside the start of its HTML.
    pub page_text: Option<String>,
    pub proxy: Option<ProxyInfo>,
    /// The address the browser connected to or tried (webRequest's `ip`), when it says.
    pub ip: Option<String>,
    pub time_stamp: Option<f64>,
    /// The sites the person asked to leave alone (the options page's patterns: "example.com",
    /// "*.example.com"): a failure of one, or of a subdomain, is [`Diagnosis::ignored`].
    pub ignored_sites: Vec<String>,
}

/// One response header. webRequest gives `binaryValue` instead of `value` for bytes that
/// are not UTF-8; those are ignored here.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Header {
    pub name: String,
    pub value: Option<String>,
}

/// The proxy that carried a request (Firefox's `proxyInfo`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProxyInfo {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub host: Option<String>,
    pub port: Option<u32>,
}

// ---------------------------------------------------------------- output of diagnose

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cause {
    // a response arrived
    UpstreamUnreachable,
    UpstreamTimeout,
    UpstreamInvalidResponse,
    UpstreamDns,
    UpstreamTls,
    UpstreamError,
    OriginError,
    Overloaded,
    Maintenance,
    // no response arrived
    Dns,
    ConnectionRefused,
    ConnectionReset,
    Timeout,
    Unreachable,
    Offline,
    /// Several unrelated sites failed at once while the browser says it is online: the
    /// person's connection, not this site (the environment tells, `diagnose::in_context`).
    NetworkDown,
    Proxy,
    Tls,
    InvalidResponse,
    RedirectLoop,
    Blocked,
    /// The name resolved to 0.0.0.0 or `::`: a DNS filter (Pi-hole, NextDNS, a router's
    /// filter) blocked it.
    DnsFilter,
    /// A certificate's dates fail because the computer's clock is off (the environment's
    /// clock samples tell, `diagnose::in_context`).
    Clock,
    /// The name does not resolve through the browser's secure DNS (DNS over HTTPS) but does
    /// through the system's resolver: the secure DNS resolver failed (Firefox can tell).
    SecureDns,
    /// The site has only IPv6 addresses and connecting to them failed, while IPv4 works for
    /// other sites: the person's IPv6.
    Ipv6,
    Aborted,
    InvalidUrl,
    Auth,
    Http2Quic,
    Cache,
    File,
    Other,
    /// Not a failure (2xx-4xx).
    None,
}

impl Cause {
    pub const ALL: [Cause; 33] = [
        Cause::UpstreamUnreachable,
        Cause::UpstreamTimeout,
        Cause::UpstreamInvalidResponse,
        Cause::UpstreamDns,
        Cause::UpstreamTls,
        Cause::UpstreamError,
        Cause::OriginError,
        Cause::Overloaded,
        Cause::Maintenance,
        Cause::Dns,
        Cause::ConnectionRefused,
        Cause::ConnectionReset,
        Cause::Timeout,
        Cause::Unreachable,
        Cause::Offline,
        Cause::NetworkDown,
        Cause::Proxy,
        Cause::Tls,
        Cause::InvalidResponse,
        Cause::RedirectLoop,
        Cause::Blocked,
        Cause::DnsFilter,
        Cause::Clock,
        Cause::SecureDns,
        Cause::Ipv6,
        Cause::Aborted,
        Cause::InvalidUrl,
        Cause::Auth,
        Cause::Http2Quic,
        Cause::Cache,
        Cause::File,
        Cause::Other,
        Cause::None,
    ];

    /// The contract's name of the cause ("upstream-timeout", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Cause::UpstreamUnreachable => "upstream-unreachable",
            Cause::UpstreamTimeout => "upstream-timeout",
            Cause::UpstreamInvalidResponse => "upstream-invalid-response",
            Cause::UpstreamDns => "upstream-dns",
            Cause::UpstreamTls => "upstream-tls",
            Cause::UpstreamError => "upstream-error",
            Cause::OriginError => "origin-error",
            Cause::Overloaded => "overloaded",
            Cause::Maintenance => "maintenance",
            Cause::Dns => "dns",
            Cause::ConnectionRefused => "connection-refused",
            Cause::ConnectionReset => "connection-reset",
            Cause::Timeout => "timeout",
            Cause::Unreachable => "unreachable",
            Cause::Offline => "offline",
            Cause::NetworkDown => "network-down",
            Cause::Proxy => "proxy",
            Cause::Tls => "tls",
            Cause::InvalidResponse => "invalid-response",
            Cause::RedirectLoop => "redirect-loop",
            Cause::Blocked => "blocked",
            Cause::DnsFilter => "dns-filter",
            Cause::Clock => "clock",
            Cause::SecureDns => "secure-dns",
            Cause::Ipv6 => "ipv6",
            Cause::Aborted => "aborted",
            Cause::InvalidUrl => "invalid-url",
            Cause::Auth => "auth",
            Cause::Http2Quic => "http2-quic",
            Cause::Cache => "cache",
            Cause::File => "file",
            Cause::Other => "other",
            Cause::None => "none",
        }
    }

    /// Whether the cause is one where a response arrived from a server.
    pub fn is_response_cause(self) -> bool {
        matches!(
            self,
            Cause::UpstreamUnreachable
                | Cause::UpstreamTimeout
                | Cause::UpstreamInvalidResponse
                | Cause::UpstreamDns
                | Cause::UpstreamTls
                | Cause::UpstreamError
                | Cause::OriginError
                | Cause::Overloaded
                | Cause::Maintenance
        )
    }
}

/// The enums that cross the boundary as names serialize by `as_str` (the names the derive
/// would give, checked by the tests below against `Deserialize`): then the names are in the
/// wasm once, and each impl is one call.
macro_rules! serialize_as_str {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    )*};
}
serialize_as_str!(Cause, Culprit, GeneratedBy, Role, Risk);

/// Who has to act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Culprit {
    Site,
    Network,
    Proxy,
    Browser,
    Unknown,
}

impl Culprit {
    pub const ALL: [Culprit; 5] = [
        Culprit::Site,
        Culprit::Network,
        Culprit::Proxy,
        Culprit::Browser,
        Culprit::Unknown,
    ];

    /// The contract's name ("site", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Culprit::Site => "site",
            Culprit::Network => "network",
            Culprit::Proxy => "proxy",
            Culprit::Browser => "browser",
            Culprit::Unknown => "unknown",
        }
    }
}

/// Who wrote the error response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GeneratedBy {
    Gateway,
    Origin,
    Browser,
    Unknown,
}

impl GeneratedBy {
    pub const ALL: [GeneratedBy; 4] = [
        GeneratedBy::Gateway,
        GeneratedBy::Origin,
        GeneratedBy::Browser,
        GeneratedBy::Unknown,
    ];

    /// The contract's name ("gateway", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            GeneratedBy::Gateway => "gateway",
            GeneratedBy::Origin => "origin",
            GeneratedBy::Browser => "browser",
            GeneratedBy::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Cdn,
    LoadBalancer,
    ReverseProxy,
    ForwardProxy,
    Platform,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Cdn,
        Role::LoadBalancer,
        Role::ReverseProxy,
        Role::ForwardProxy,
        Role::Platform,
    ];

    /// The contract's name ("cdn", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Cdn => "cdn",
            Role::LoadBalancer => "load-balancer",
            Role::ReverseProxy => "reverse-proxy",
            Role::ForwardProxy => "forward-proxy",
            Role::Platform => "platform",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Gateway {
    /// Lowercase id: "nginx", "cloudflare", ...
    pub id: String,
    /// Display name: "nginx", "Cloudflare", ...
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub version: Option<String>,
    pub role: Role,
    /// What identified it, e.g. "Server: nginx/1.22.1", "error page template".
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    pub failed: bool,
    pub cause: Cause,
    pub culprit: Culprit,
    pub generated_by: GeneratedBy,
    pub gateway: Option<Gateway>,
    pub transient: bool,
    pub retry_after_seconds: Option<f64>,
    pub safe_to_retry: bool,
    pub confidence: f64,
    // --- additions beyond the contract, for rendering and for advise
    /// The navigation's URL as given.
    pub url: String,
    /// Host of the URL, lowercase, without port ("" when it has none).
    pub host: String,
    /// scheme://host[:port] of the URL ("" when it has none).
    pub origin: String,
    /// Uppercase method.
    pub method: String,
    pub status_code: Option<u16>,
    /// The reason phrase as the server sent it, or the standard one for the status.
    pub status_text: Option<String>,
    /// The browser's error name as reported, when no response arrived.
    pub error: Option<String>,
    /// What led to the cause, in short words (for the "details" part of the panel).
    pub evidence: Vec<String>,
    /// The ids a site's or provider's support asks a visitor for (Cloudflare's Ray ID,
    /// CloudFront's request id, ...), from the headers and the page; at most
    /// [`crate::references::MAX_REFERENCES`].
    #[serde(default)]
    pub references: Vec<Reference>,
    /// A network's sign-in page (a captive portal's), from a 511's page: its meta refresh or
    /// first web link. Absent when there is none.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sign_in_url: Option<String>,
    /// For cause "clock": how far the computer's clock is ahead of the servers' (ms; negative:
    /// behind).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub clock_offset_ms: Option<f64>,
    /// The toolbar badge for this failure: the status code, or "ERR" with no response.
    #[serde(default)]
    pub badge: String,
    /// The site is one the person asked to leave alone: nothing is diagnosed (`failed` is
    /// false), and the shell forgets the tab's failure.
    #[serde(default)]
    pub ignored: bool,
}

/// One reference id: what it is ("Cloudflare Ray ID") and its value.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    pub label: String,
    pub value: String,
}

// ---------------------------------------------------------------- advise

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Environment {
    pub url: Option<String>,
    pub method: Option<String>,
    pub browser: Option<String>,
    pub platform: Option<String>,
    pub proxy: Option<ProxySettings>,
    #[serde(deserialize_with = "nullable")]
    pub extensions: Vec<ExtensionInfo>,
    #[serde(deserialize_with = "nullable")]
    pub recent_failures: Vec<RecentFailure>,
    #[serde(deserialize_with = "nullable")]
    pub known_hosts: Vec<String>,
    pub incognito_allowed: Option<bool>,
    /// `navigator.onLine` where the shell runs: false means the browser knows it has no
    /// network (a true says little: a network may be there without the internet).
    pub online: Option<bool>,
    /// The addresses the failed URL's host resolves to, where the shell could ask (Firefox's
    /// `dns.resolve`, optional permission "dns").
    #[serde(deserialize_with = "nullable")]
    pub addresses: Vec<String>,
    /// Whether the failed host's name resolves without the browser's secure DNS, where the
    /// shell could ask (Firefox's `dns.resolve` with `disable_trr`, after it failed with it).
    pub resolves_without_secure_dns: Option<bool>,
    /// A page loaded over IPv4 lately (a healthy main-frame response from an IPv4 address).
    pub ipv4_works: Option<bool>,
    /// The `Date` of main-frame responses lately, each with when it arrived by this
    /// computer's clock: how far off the clock is (`policy::clock_offset`).
    #[serde(deserialize_with = "nullable")]
    pub clock_samples: Vec<ClockSample>,
    /// The browser's captive-portal state where it tells (Firefox's `captivePortal.getState()`:
    /// "unknown", "not_captive", "unlocked_portal", "locked_portal").
    pub captive_portal: Option<String>,
    /// The page that leads to a captive portal's sign-in (Firefox's
    /// `captivePortal.canonicalURL`, the URL it checks: the portal answers it).
    pub portal_url: Option<String>,
    pub attempts: Option<u32>,
    pub now: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProxySettings {
    pub mode: Option<String>,
    /// The name of the extension in control, where the shell knows it.
    pub controlled_by: Option<String>,
    /// Another extension controls the settings (the browser's `levelOfControl`), which one
    /// the browser does not say: [`ProxySettings::controller`] guesses.
    pub by_extension: bool,
}

impl ProxySettings {
    /// The extension in control: `controlled_by`, else (`by_extension`) the first enabled
    /// one of `extensions` with the proxy permission; `Some("")` when another extension is in
    /// control and none of `extensions` can be named (without the management permission).
    pub fn controller<'a>(&'a self, extensions: &'a [ExtensionInfo]) -> Option<&'a str> {
        let named = self.controlled_by.as_deref().map(str::trim);
        if let Some(n) = named.filter(|n| !n.is_empty()) {
            return Some(n);
        }
        if !self.by_extension {
            return None;
        }
        let e = extensions
            .iter()
            .find(|e| e.enabled != Some(false) && e.permissions.iter().any(|p| p == "proxy"));
        Some(e.map_or("", |e| e.name.trim()))
    }
}

/// One response's `Date` header and when it arrived (ms since the epoch, this computer's clock).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClockSample {
    pub date: String,
    pub at: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RecentFailure {
    pub host: String,
    pub at: f64,
    pub cause: Option<String>,
}

/// A `management.getAll()` entry; fields beyond these are ignored.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ExtensionInfo {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub enabled: Option<bool>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub permissions: Vec<String>,
    #[serde(deserialize_with = "nullable")]
    pub host_permissions: Vec<String>,
    pub install_type: Option<String>,
    pub may_disable: Option<bool>,
}

/// Named values that fill a message: `{name}` in the message text. Serialized as an object
/// whose keys are in name order (a sorted list: smaller in the wasm than a `BTreeMap`, and
/// these hold a handful of entries).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(Vec<(String, Param)>);

impl Params {
    pub fn new() -> Self {
        Params(Vec::new())
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// Sets `key` to `value`; returns the value it replaces, if any.
    pub fn insert(&mut self, key: String, value: Param) -> Option<Param> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// Sets `key` to `value`, for the code's own names: one copy of the key's allocation
    /// and the insertion for every call.
    #[inline(never)]
    pub fn set(&mut self, key: &str, value: Param) {
        self.insert(key.to_string(), value);
    }

    pub fn get(&self, key: &str) -> Option<&Param> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The entries in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Param)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
}

impl Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let m = BTreeMap::<String, Param>::deserialize(d)?;
        Ok(Params(m.into_iter().collect()))
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Param {
    Text(String),
    Number(f64),
    Flag(bool),
    List(Vec<String>),
}

impl From<&str> for Param {
    fn from(s: &str) -> Self {
        Param::Text(s.to_string())
    }
}
impl From<String> for Param {
    fn from(s: String) -> Self {
        Param::Text(s)
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    /// A message name in `_locales/*/messages.json`.
    pub key: String,
    pub params: Params,
}

/// What one click does: `{type: "retry"}`, `{type: "open-url", url}`, ...
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum Action {
    Retry,
    OpenIncognito,
    ClearSiteData {
        origin: String,
    },
    /// `retry`: the page is loaded again once the extension is off (only when that is safe:
    /// the button says "Turn off" alone otherwise).
    DisableExtension {
        id: String,
        #[serde(default)]
        retry: bool,
    },
    Watch,
    OpenUrl {
        url: String,
    },
    Copy {
        text: String,
    },
}

impl Action {
    /// The button's words: `ui_action_<type>`; "Turn off" alone when the page is not loaded
    /// again after it; "Open {where}" fills `where` from [`Action::place`].
    pub fn label(&self) -> &'static str {
        match self {
            Action::Retry => "ui_action_retry",
            Action::OpenIncognito => "ui_action_open_incognito",
            Action::ClearSiteData { .. } => "ui_action_clear_site_data",
            Action::DisableExtension { retry: true, .. } => "ui_action_disable_extension",
            Action::DisableExtension { .. } => "ui_action_disable_extension_only",
            Action::Watch => "ui_action_watch",
            Action::OpenUrl { .. } => "ui_action_open_url",
            Action::Copy { .. } => "ui_action_copy",
        }
    }
}

/// The optional permission (the manifest's `optional_permissions`) an action of type `kind`
/// needs, or of a step's `ask` button: the shell's own pages ask for it at the click (the
/// click is the gesture the browser requires), and the in-page panel, which may not ask, hands
/// these actions over to them (`trust::CONFIRM_ON_OWN_PAGE`).
pub fn permission(kind: &str) -> Option<&'static str> {
    match kind {
        "clear-site-data" => Some("browsingData"),
        "disable-extension" | "check-extensions" => Some("management"),
        "check-proxy-settings" => Some("proxy"),
        _ => None,
    }
}

/// The browser's own pages the advice opens: an "open-url" opens one of them or a web
/// address, nothing else (`may_open`).
pub const BROWSER_PAGES: [&str; 7] = [
    "about:addons",
    "about:networking#dns",
    "about:preferences#privacy",
    "chrome://extensions",
    "chrome://net-internals/#dns",
    "chrome://settings/security",
    "chrome://settings/system",
];

/// Whether an "open-url" may open `url`: an http(s) address, or one of [`BROWSER_PAGES`]
/// (never `javascript:`, `data:`, `file:` or another browser page). The shell opens what the
/// advice offers as it is.
pub fn may_open(url: &str) -> bool {
    BROWSER_PAGES.contains(&url) || crate::url::parse(url).is_ok_and(|u| u.is_http())
}

/// Whether `browser` opens `url` for an extension: [`may_open`], and in Firefox a web address
/// only, since Firefox refuses extensions every privileged `about:` page ("Illegal URL" from
/// `tabs.create`, https://bugzilla.mozilla.org/1269456): there a step says where to go instead.
pub fn opens_in(url: &str, browser: &str) -> bool {
    may_open(url) && (browser != "firefox" || crate::url::parse(url).is_ok_and(|u| u.is_http()))
}

/// Where an "open-url" goes, as its button names it: the host (and a port that is not the
/// scheme's) of a web address, else the address itself, clipped.
pub fn place(url: &str) -> String {
    match crate::url::parse(url) {
        Ok(u) if u.is_http() && !u.host.is_empty() => {
            let o = u.origin();
            o.split_once("://").map_or("", |(_, a)| a).to_string()
        }
        _ => crate::text::clip(url, 60).to_string(),
    }
}

/// The same object as the derive with `tag = "type"` gives (the tests check it against
/// `Deserialize`), in a fraction of the code, with the button's words: `label` (a message
/// name) and, for "open-url", `where` (its parameter); `permission` where one is needed.
impl Serialize for Action {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (kind, field) = match self {
            Action::Retry => ("retry", None),
            Action::OpenIncognito => ("open-incognito", None),
            Action::ClearSiteData { origin } => ("clear-site-data", Some(("origin", origin))),
            Action::DisableExtension { id, .. } => ("disable-extension", Some(("id", id))),
            Action::Watch => ("watch", None),
            Action::OpenUrl { url } => ("open-url", Some(("url", url))),
            Action::Copy { text } => ("copy", Some(("text", text))),
        };
        let mut st = s.serialize_struct("Action", 5)?;
        st.serialize_field("type", kind)?;
        if let Some((name, value)) = field {
            st.serialize_field(name, value)?;
        }
        match self {
            Action::DisableExtension { retry, .. } => st.serialize_field("retry", retry)?,
            Action::OpenUrl { url } => st.serialize_field("where", &place(url))?,
            _ => {}
        }
        st.serialize_field("label", self.label())?;
        if let Some(p) = permission(kind) {
            st.serialize_field("permission", p)?;
        }
        st.end()
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// "retry", "verify-url", ... (also the message name, with `step_` and `-` as `_`).
    pub id: String,
    #[serde(skip_serializing_if = "Params::is_empty", default)]
    pub params: Params,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub action: Option<Action>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Advice {
    pub summary: Message,
    pub steps: Vec<Step>,
}

// ---------------------------------------------------------------- retryPlan

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct History {
    pub attempts: u32,
    pub first_failure_at: Option<f64>,
    pub now: Option<f64>,
    /// Optional jitter seed (any number): clients that pass different seeds spread their
    /// retries apart. Without it the jitter comes from the URL and `firstFailureAt`.
    #[serde(default)]
    pub seed: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RetryPlan {
    pub auto: bool,
    pub delay_seconds: Option<f64>,
    pub reason: String,
}

// ---------------------------------------------------------------- rankExtensions

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Risk {
    High,
    Medium,
    Low,
}

impl Risk {
    pub const ALL: [Risk; 3] = [Risk::High, Risk::Medium, Risk::Low];

    /// The contract's name ("high", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::High => "high",
            Risk::Medium => "medium",
            Risk::Low => "low",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RankedExtension {
    pub id: String,
    pub name: String,
    pub risk: Risk,
    pub reasons: Vec<String>,
}

// ---------------------------------------------------------------- errors

/// Bad input: the message says what was wrong. Becomes a JavaScript `Error` at the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests;
