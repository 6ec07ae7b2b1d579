//! Whose page it is: the marks of the site's own application (frameworks' error pages, its
//! JSON), a branded page, and the words a proxy or a function platform uses for its own answer.
//! `analyze` (src/gateway.rs) reads them.

use super::{any, Ctx};
use crate::text::Hay;

/// A session cookie the answer sets: the application's frameworks name theirs so (PHPSESSID,
/// JSESSIONID, ASP.NET_SessionId, laravel_session, SESS…, rack.session, connect.sid); the
/// gateways' own cookies (__cf_bm, AWSALB, incap_ses_…, ARRAffinity) do not.
pub(super) fn app_session_cookie(c: &Ctx) -> bool {
    c.ev.headers_named("set-cookie").take(16).any(|v| {
        let name = v
            .split('=')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        name.contains("sess") || name == "connect.sid" || name == "csrftoken"
    })
}

/// Marks of an application's own error page.
const APP_MARKERS: &[(&str, &str)] = &[
    ("<h1>server error (500)</h1>", "Django error page"),
    ("we're sorry, but something went wrong", "Rails error page"),
    (
        "we&#39;re sorry, but something went wrong",
        "Rails error page",
    ),
    ("<pre>internal server error</pre>", "Express error page"),
    (
        "the server encountered an internal error and was unable to complete your request",
        "Flask/Werkzeug error page",
    ),
    ("whitelabel error page", "Spring Boot error page"),
    // the application's path in quotes: '/' or a virtual directory's ('/shop')
    ("server error in '/", "ASP.NET error page"),
    ("http status 500 –", "Tomcat error page"),
    ("http status 503 –", "Tomcat error page"),
    // Tomcat before 8.5 wrote a hyphen
    ("http status 500 - ", "Tomcat error page"),
    ("http status 503 - ", "Tomcat error page"),
    ("powered by jetty://", "Jetty error page"),
    ("http error: 5", "Jetty error page"),
    // Jetty's ErrorHandler, every version: "HTTP ERROR 503 / Problem accessing /x. Reason:"
    ("problem accessing /", "Jetty error page"),
    // "on this website", and "on your website" (WordPress 5.2 to 5.4)
    ("there has been a critical error on", "WordPress error page"),
    (
        "error establishing a database connection",
        "WordPress database error",
    ),
    ("<b>fatal error</b>:", "PHP fatal error"),
    ("traceback (most recent call last)", "Python traceback"),
    ("application error", "application error page"),
];

/// A proxy's own words that it could not pass the request on, whatever the status it chose
/// (a development server's proxy answers 500): create-react-app's "Proxy error: Could not
/// proxy request … (ECONNREFUSED)", http-proxy-middleware's "Error occured while trying to
/// proxy: …" (its misspelling, and the later spelling).
pub(super) const PROXY_SAID: &str =
    "could not proxy request|error occured while trying to proxy|error occurred while trying to proxy";

/// A client's words that an HTTP proxy in the person's path answered its CONNECT with an
/// error (no page shown): curl's "Received HTTP code 502 from proxy after CONNECT", .NET's
/// "The proxy tunnel request to proxy '…' failed with status code '500'". The tunnel never
/// reached the site, so the proxy wrote the answer.
pub(super) const TUNNEL_SAID: &str = "from proxy after connect|proxy tunnel request to proxy";

/// A function platform's own words that the function ran out of time, as the JSON it answers
/// with in the function's place: AWS Lambda's documented "Task timed out after 10.01 seconds"
/// (Netlify Functions, API Gateway's Lambda proxy). The JSON is the platform's, not the site's.
const PLATFORM_SAID: &str = "task timed out after";

pub(super) fn origin_marker(c: &Ctx) -> Option<&'static str> {
    if c.any(PLATFORM_SAID) {
        return None;
    }
    let t = c.b.trim_start();
    if t.starts_with('{') || t.starts_with('[') {
        return Some("JSON body from the application");
    }
    let ct = c.header_lower("content-type");
    if ct.contains("json") || (ct.contains("xml") && !ct.contains("html")) {
        return Some("API response body");
    }
    APP_MARKERS
        .iter()
        .find(|(m, _)| c.b.contains(m))
        .map(|(_, what)| *what)
}

/// A page made for the site (its styles, images, scripts or navigation, at some length),
/// not a gateway's stock page.
pub(super) fn branded(b: &Hay) -> bool {
    b.len() > 2048 && any(b, "<link|<img|<script|<nav|<footer|<svg")
}

pub(super) fn maintenance_words(b: &Hay) -> bool {
    any(
        b,
        "maintenance|be right back|temporarily offline|scheduled downtime|upgrading our",
    )
}

pub(super) fn overload_words(b: &Hay) -> bool {
    any(
        b,
        "too many requests|rate limit|overloaded|over capacity|at capacity|try again later|pool exhausted|too busy|high load|high traffic",
    )
}
