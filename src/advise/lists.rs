//! The steps of each kind of failure, most likely to help first, before [`super::order`]'s
//! adjustments.

use super::Id::{self, *};

/// Steps for response causes (5xx), before the ones every such cause gets.
pub(super) const MAINTENANCE_STEPS: &[Id] = &[
    Retry,
    StatusPage,
    Wait,
    NotifyWhenBack,
    CheckDown,
    ArchivedCopy,
];
pub(super) const OVERLOADED_STEPS: &[Id] = &[
    Retry,
    Wait,
    NotifyWhenBack,
    CheckDown,
    StatusPage,
    ArchivedCopy,
];
/// A 429: the site limits this person's requests; it is not down. Waiting, the watch, and
/// the content from elsewhere meanwhile.
pub(super) const RATE_LIMIT_STEPS: &[Id] = &[
    Retry,
    Wait,
    NotifyWhenBack,
    ArchivedCopy,
    CheckDown,
    StatusPage,
];
pub(super) const SITE_STEPS: &[Id] = &[
    Retry,
    CheckDown,
    StatusPage,
    ContactSite,
    Wait,
    NotifyWhenBack,
    ArchivedCopy,
];
pub(super) const GATEWAY_STEPS: &[Id] = &[
    Retry,
    CheckDown,
    StatusPage,
    Wait,
    NotifyWhenBack,
    ArchivedCopy,
];
/// After the cause's own steps, for every response cause (gateway errors are server-side:
/// the person's DNS already found the server, so the DNS steps come last).
pub(super) const RESPONSE_TAIL: &[Id] = &[
    OtherBrowser,
    DisableExtensions,
    CheckProxy,
    ContactSite,
    VerifyUrl,
];

/// Steps for no-response causes, before the ones every such cause gets.
pub(super) const DNS_STEPS: &[Id] = &[
    Retry,
    VerifyUrl,
    CheckDown,
    CheckConnection,
    FlushDns,
    ChangeDns,
    CheckProxy,
    DisableExtensions,
];
pub(super) const OFFLINE_STEPS: &[Id] = &[
    CheckConnection,
    Retry,
    CheckProxy,
    NotifyWhenBack,
    FlushDns,
    ChangeDns,
];
pub(super) const PROXY_STEPS: &[Id] = &[
    CheckProxy,
    Retry,
    DisableExtensions,
    CheckConnection,
    CheckDown,
];
pub(super) const AUTH_STEPS: &[Id] = &[CheckConnection, CheckProxy, Retry, Incognito, OtherBrowser];
pub(super) const TLS_STEPS: &[Id] = &[
    Retry,
    CheckDown,
    CheckProxy,
    DisableExtensions,
    Incognito,
    OtherBrowser,
    ContactSite,
    StatusPage,
    ClearSiteData,
];
/// The site's certificate is broken (expired, wrong name, ...): is it down for everyone, tell
/// its owners, another browser or device; a private window or the site's cookies change
/// nothing about a certificate.
pub(super) const TLS_SITE_STEPS: &[Id] = &[
    Retry,
    CheckDown,
    ContactSite,
    OtherBrowser,
    StatusPage,
    CheckProxy,
    DisableExtensions,
    Incognito,
    ClearSiteData,
];
/// Something on the person's network inspects secure connections (a proxy, an antivirus, a
/// company's filter): turning it off, another browser or network; the site is fine.
pub(super) const TLS_NETWORK_STEPS: &[Id] = &[
    CheckProxy,
    Retry,
    OtherBrowser,
    DisableExtensions,
    CheckConnection,
    CheckDown,
];
pub(super) const SITE_DATA_STEPS: &[Id] = &[
    ClearSiteData,
    Retry,
    Incognito,
    DisableExtensions,
    OtherBrowser,
    CheckDown,
];
pub(super) const COOKIE_STEPS: &[Id] = &[
    ClearSiteData,
    Retry,
    Incognito,
    DisableExtensions,
    CheckProxy,
    CheckDown,
];
pub(super) const BLOCKED_STEPS: &[Id] = &[
    DisableExtensions,
    Retry,
    CheckProxy,
    Incognito,
    OtherBrowser,
    CheckConnection,
];
/// An extension blocked the page (`ERR_BLOCKED_BY_CLIENT`): which one, and windows or
/// browsers without it; a proxy or the connection has nothing to do with it.
pub(super) const BLOCKED_CLIENT_STEPS: &[Id] = &[DisableExtensions, Retry, Incognito, OtherBrowser];
/// The site's server took the connection and then broke it or answered what no browser reads
/// (an empty answer, an HTTP/2 protocol error, a connection it closed): an outage's steps, the
/// person's setup after.
pub(super) const SITE_CONNECTION_STEPS: &[Id] = &[
    Retry,
    CheckDown,
    Wait,
    NotifyWhenBack,
    ContactSite,
    OtherBrowser,
    Incognito,
    DisableExtensions,
    CheckProxy,
];
/// The administrator's policy: nothing here turns it off; another browser may not have it.
pub(super) const ADMIN_STEPS: &[Id] = &[Retry, OtherBrowser];
/// A filter in the person's network (a company's firewall or web proxy) sent its block page:
/// whoever runs the network can allow the page; another network (a phone on mobile data)
/// shows whether it is only this one. Retrying, a private window and the browser's setup
/// change nothing.
pub(super) const NETWORK_BLOCK_STEPS: &[Id] = &[AskNetworkAdmin, OtherBrowser];
/// A response's page says a filter in the person's network blocked it, and nothing confirms
/// it (the site may have written it): another browser or network tells which, then whoever
/// runs the network or the site; nothing that changes the person's setup.
pub(super) const PAGE_SAYS_BLOCKED_STEPS: &[Id] =
    &[OtherBrowser, AskNetworkAdmin, Retry, ContactSite];
/// A 511 on a secure address without a proxy: the page says the network wants a sign-in,
/// but no captive portal answers inside the site's secure connection.
pub(super) const PAGE_SAYS_SIGN_IN_STEPS: &[Id] = &[Retry, OtherBrowser, ContactSite, CheckDown];
/// A DNS filter answered 0.0.0.0 or `::`: allow the name there, or use another DNS.
pub(super) const DNS_FILTER_STEPS: &[Id] = &[ChangeDns, Retry, FlushDns, OtherBrowser, CheckProxy];
/// The computer's clock is off: set it, then retry (every secure site fails until then, in
/// every browser and window of this computer): nothing else.
pub(super) const CLOCK_STEPS: &[Id] = &[SetClock, Retry];
/// The browser's secure DNS failed where the system's resolver works: change or turn it off.
pub(super) const SECURE_DNS_STEPS: &[Id] = &[SecureDns, Retry, ChangeDns, FlushDns];
/// A network's sign-in (a captive portal): its page (the link the 511 gave, else an http://
/// address the portal catches), joining the network again, the place's staff; nothing that
/// waits for an outage or blames the site.
pub(super) const PORTAL_STEPS: &[Id] =
    &[SignIn, OpenPortal, Reconnect, AskStaff, Retry, OtherBrowser];
/// This connection's IPv6: another network (mobile data) or the router's or provider's fix.
pub(super) const IPV6_STEPS: &[Id] = &[CheckConnection, Retry, OtherBrowser, CheckProxy];
pub(super) const URL_STEPS: &[Id] = &[VerifyUrl, Retry, OtherBrowser];
pub(super) const TIMEOUT_STEPS: &[Id] = &[
    Retry,
    CheckDown,
    CheckConnection,
    CheckProxy,
    DisableExtensions,
    FlushDns,
    ChangeDns,
    VerifyUrl,
];
/// connection-refused, connection-reset, invalid-response, http2-quic, other
pub(super) const CONNECTION_STEPS: &[Id] = &[
    Retry,
    CheckDown,
    CheckProxy,
    DisableExtensions,
    CheckConnection,
    VerifyUrl,
    FlushDns,
    ChangeDns,
];
/// A real host refused the connection: the site's server is down (or moved), so what a site
/// outage gets; the person's own setup after it.
pub(super) const REFUSED_STEPS: &[Id] = &[
    Retry,
    CheckDown,
    NotifyWhenBack,
    Wait,
    StatusPage,
    CheckProxy,
    DisableExtensions,
    CheckConnection,
    VerifyUrl,
    FlushDns,
    ChangeDns,
];
/// After the cause's own steps, for every no-response cause: those not there yet.
pub(super) const NO_RESPONSE_TAIL: &[Id] = &[
    Incognito,
    OtherBrowser,
    Wait,
    NotifyWhenBack,
    StatusPage,
    ArchivedCopy,
    ContactSite,
    ClearSiteData,
    VerifyUrl,
    FlushDns,
    ChangeDns,
    CheckConnection,
    CheckProxy,
    DisableExtensions,
];
