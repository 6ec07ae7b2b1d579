//! The gateway catalogue: one record per gateway, data only. The 27 gateways of the
//! contract, whose pages need more than phrases (their templates, versions and header
//! combinations), have records with a page reader (`gateway::Record`, in
//! `gateway/hosted.rs` and `gateway/servers.rs`); every gateway here is known by its headers and the phrases of its own error
//! pages, in every version and language found, and each phrase may say the cause. Adding a gateway is adding one [`Record`] to
//! [`RECORDS`] (see docs/gateways.md for the command that proves it).

use crate::model::{Cause, Role};

/// One gateway.
pub struct Record {
    /// Lowercase id: "kong".
    pub id: &'static str,
    pub name: &'static str,
    /// Who makes or runs it (for docs/gateways.md and the tests; not carried in the wasm,
    /// which never shows it).
    #[cfg(not(target_family = "wasm"))]
    pub vendor: &'static str,
    pub role: Role,
    /// Header signatures: a lowercase header name ("x-kong-upstream-latency"), or
    /// "server:" and a lowercase prefix of its value ("server:kong/").
    pub headers: &'static [&'static str],
    /// Phrases of its own error pages (lowercase, as HTML or as visible text), each with
    /// the cause it names (`None`: it names the gateway only). The first that is in the
    /// page decides the cause.
    pub phrases: &'static [(&'static str, Option<Cause>)],
    /// Headers that carry a reference id its support asks for.
    pub references: &'static [&'static str],
    /// Its provider's status page ("" for self-hosted software); not carried in the wasm
    /// either, for the same reason.
    #[cfg(not(target_family = "wasm"))]
    pub status_page: &'static str,
}

use Cause::{
    Maintenance as MAINT, OriginError as ORIGIN, Overloaded as OVER, UpstreamDns as DNS,
    UpstreamError as UERR, UpstreamInvalidResponse as INVALID, UpstreamTimeout as TIMEOUT,
    UpstreamTls as TLS, UpstreamUnreachable as UNREACH,
};

#[allow(clippy::too_many_arguments)] // one argument per field: a record reads as one call
const fn r(
    id: &'static str,
    name: &'static str,
    vendor: &'static str,
    role: Role,
    headers: &'static [&'static str],
    phrases: &'static [(&'static str, Option<Cause>)],
    references: &'static [&'static str],
    status_page: &'static str,
) -> Record {
    #[cfg(target_family = "wasm")]
    let _ = (vendor, status_page);
    Record {
        id,
        name,
        #[cfg(not(target_family = "wasm"))]
        vendor,
        role,
        headers,
        phrases,
        references,
        #[cfg(not(target_family = "wasm"))]
        status_page,
    }
}

use Role::{Cdn, ForwardProxy, LoadBalancer, Platform, ReverseProxy};

/// Every catalogued gateway, outermost first where one may front another.
pub const RECORDS: &[Record] = &[
    // before Amazon API Gateway: its error JSON carries the same "message": "Internal
    // server error", beside the activityId its support asks for
    r(
        "azure-apim",
        "Azure API Management",
        "Microsoft",
        LoadBalancer,
        &["ocp-apim-trace-location", "ocp-apim-apiid"],
        &[
            ("backendconnectionfailure", Some(UNREACH)),
            ("\"activityid\"", None),
            // its rate-limit and quota policies' default answers (documented by Microsoft)
            ("rate limit is exceeded. try again in", Some(OVER)),
            ("out of call volume quota", Some(OVER)),
        ],
        &["x-ms-request-id"],
        "https://azure.status.microsoft/",
    ),
    r(
        "aws-api-gateway",
        "Amazon API Gateway",
        "Amazon Web Services",
        LoadBalancer,
        &["x-amz-apigw-id", "x-amzn-errortype"],
        &[
            ("\"message\": \"endpoint request timed out\"", Some(TIMEOUT)),
            ("\"message\":\"endpoint request timed out\"", Some(TIMEOUT)),
            ("\"message\": \"internal server error\"", Some(INVALID)),
            ("\"message\":\"internal server error\"", Some(INVALID)),
            ("\"message\": \"service unavailable\"", Some(UNREACH)),
            ("\"message\":\"service unavailable\"", Some(UNREACH)),
            ("\"message\": \"network error communicating with endpoint\"", Some(UNREACH)),
            ("\"message\":\"too many requests\"", Some(OVER)),
            ("\"message\": \"too many requests\"", Some(OVER)),
        ],
        &["x-amzn-requestid", "x-amz-apigw-id"],
        "https://health.aws.amazon.com/health/status",
    ),
    r(
        "kong",
        "Kong Gateway",
        "Kong Inc.",
        LoadBalancer,
        &["server:kong/", "x-kong-upstream-latency", "x-kong-proxy-latency", "x-kong-request-id", "via:kong/"],
        &[
            ("an invalid response was received from the upstream server", Some(INVALID)),
            ("the upstream server is timing out", Some(TIMEOUT)),
            ("the upstream server is currently unavailable", Some(UNREACH)),
            ("failure to get a peer from the ring-balancer", Some(UNREACH)),
            ("name resolution failed", Some(DNS)),
            ("api rate limit exceeded", Some(OVER)),
        ],
        &["x-kong-request-id"],
        "",
    ),
    r(
        "tyk",
        "Tyk Gateway",
        "Tyk Technologies",
        LoadBalancer,
        &["x-tyk-trace", "x-ratelimit-limit"],
        &[
            ("there was a problem proxying the request", Some(UERR)),
            ("upstream service reached hard timeout", Some(TIMEOUT)),
        ],
        &[],
        "",
    ),
    r(
        "apigee",
        "Apigee",
        "Google",
        LoadBalancer,
        &["x-apigee-fault-code"],
        &[
            ("messaging.adaptors.http.flow.servicenotavailable", Some(UNREACH)),
            ("messaging.adaptors.http.flow.serviceunavailable", Some(UNREACH)),
            ("unexpectedeofattarget", Some(INVALID)),
            ("protocol.http.responsewithbody", Some(INVALID)),
            ("messaging.adaptors.http.flow.gatewaytimeout", Some(TIMEOUT)),
            ("protocol.http.toomanyrequests", Some(OVER)),
            ("\"faultstring\"", None),
        ],
        &["x-apigee-message-id"],
        "https://status.cloud.google.com/",
    ),
    r(
        "spring-cloud-gateway",
        "Spring Cloud Gateway",
        "Broadcom (VMware Tanzu)",
        LoadBalancer,
        &[],
        &[
            ("unable to find instance for", Some(UNREACH)),
            ("response took longer than timeout", Some(TIMEOUT)),
        ],
        &[],
        "",
    ),
    r(
        "wso2",
        "WSO2 API Manager",
        "WSO2",
        LoadBalancer,
        &[],
        &[
            ("error connecting to the back end", Some(UNREACH)),
            ("<am:fault", None),
        ],
        &[],
        "",
    ),
    r(
        "istio",
        "Istio",
        "Istio",
        ReverseProxy,
        &["server:istio-envoy", "x-envoy-decorator-operation"],
        &[("rbac: access denied", None)],
        &["x-request-id"],
        "",
    ),
    r(
        "openshift",
        "OpenShift router",
        "Red Hat",
        LoadBalancer,
        &[],
        &[
            ("the application is currently not serving requests at this endpoint", Some(UNREACH)),
            ("route and path matches, but all pods are down", Some(UNREACH)),
        ],
        &[],
        "https://status.redhat.com/",
    ),
    r(
        "cloud-run",
        "Google Cloud Run",
        "Google",
        Platform,
        &[],
        &[
            ("the request failed because either the http response was malformed or connection to the instance had an error", Some(INVALID)),
            ("the request was aborted because there was no available instance", Some(OVER)),
            ("upstream request timeout", Some(TIMEOUT)),
        ],
        &["x-cloud-trace-context"],
        "https://status.cloud.google.com/",
    ),
    // its one-line answer when an HTTP function crashes or cannot run (a quota spent)
    r(
        "cloud-functions",
        "Google Cloud Functions",
        "Google",
        Platform,
        &[],
        &[("error: could not handle the request", Some(ORIGIN))],
        &["function-execution-id"],
        "https://status.cloud.google.com/",
    ),
    r(
        "firebase",
        "Firebase Hosting",
        "Google",
        Platform,
        &["x-firebase-hosting"],
        &[("site not found", None)],
        &[],
        "https://status.firebase.google.com/",
    ),
    r(
        "render",
        "Render",
        "Render",
        Platform,
        &["x-render-origin-server", "rndr-id"],
        &[
            ("this service is currently unavailable", Some(UNREACH)),
            ("service suspended", Some(MAINT)),
            // its page for a service its owner suspended (wild batch 28)
            ("this service has been suspended", Some(MAINT)),
        ],
        &["rndr-id"],
        "https://status.render.com/",
    ),
    r(
        "fly",
        "Fly.io",
        "Fly.io",
        Platform,
        &["fly-request-id", "server:fly/"],
        &[("could not find a good candidate within", Some(UNREACH))],
        &["fly-request-id"],
        "https://status.flyio.net/",
    ),
    r(
        "railway",
        "Railway",
        "Railway",
        Platform,
        &["x-railway-request-id", "x-railway-edge", "server:railway-edge"],
        &[
            ("application failed to respond", Some(UNREACH)),
        ],
        &["x-railway-request-id"],
        "https://status.railway.com/",
    ),
    r(
        "azure-app-service",
        "Azure App Service",
        "Microsoft",
        Platform,
        &[],
        &[
            ("the web app you have attempted to reach is not available in this microsoft azure app service region", Some(UNREACH)),
            ("error 403 - this web app is stopped", Some(MAINT)),
            ("application error :(", Some(ORIGIN)),
            (":( application error", Some(ORIGIN)),
            ("if you are the application administrator, you can access the diagnostic resources", Some(ORIGIN)),
        ],
        &["x-ms-request-id"],
        "https://azure.status.microsoft/",
    ),
    // the Functions runtime's answer (503) when the app's script host failed to start: its
    // configuration or code (a function.json it cannot parse, a secret it cannot fetch)
    r(
        "azure-functions",
        "Azure Functions",
        "Microsoft",
        Platform,
        &[],
        &[("function host is not running", Some(ORIGIN))],
        &["x-ms-request-id"],
        "https://azure.status.microsoft/",
    ),
    r(
        "pantheon",
        "Pantheon",
        "Pantheon",
        Platform,
        &["x-pantheon-styx-hostname"],
        // its platform messages as its "Errors and Server Responses" page documents them
        &[
            ("the web server is not responding", Some(UNREACH)),
            ("there was an error connecting to the php backend", Some(UNREACH)),
            ("the request could not be completed due to a networking failure", Some(UNREACH)),
            ("your request has timed out while waiting for php to execute", Some(TIMEOUT)),
            ("the web page you were looking for could not be delivered", Some(OVER)),
            ("the web site you were looking for is currently undergoing maintenance", Some(MAINT)),
        ],
        &["x-styx-req-id"],
        "https://status.pantheon.io/",
    ),
    r(
        "wpengine",
        "WP Engine",
        "WP Engine",
        Platform,
        &["x-powered-by:wp engine", "wpe-backend"],
        &[("wp engine", None)],
        &[],
        "https://wpenginestatus.com/",
    ),
    r(
        "shopify",
        "Shopify",
        "Shopify",
        Platform,
        &["x-shopid", "x-shopify-stage"],
        // its generic error pages open with a comment naming their source repository
        &[
            ("there was a problem loading this website", Some(UERR)),
            ("shopify/error-pages", None),
        ],
        &["x-request-id"],
        "https://www.shopifystatus.com/",
    ),
    r(
        "cloud-foundry",
        "Cloud Foundry (Gorouter)",
        "Cloud Foundry Foundation",
        Platform,
        &["x-cf-routererror"],
        &[
            ("has no available endpoints", Some(UNREACH)),
            ("registered endpoint failed to handle the request", None),
        ],
        &["x-vcap-request-id"],
        "",
    ),
    // its gateway's pages: "502: SERVICE_UNAVAILABLE", in English and Chinese
    r(
        "zeabur",
        "Zeabur",
        "Zeabur",
        Platform,
        &[],
        &[(": service_unavailable", Some(UNREACH)), ("zeabur", None)],
        &[],
        "https://status.zeabur.com/",
    ),
    // the big sites' own front ends, whose pages people meet and paste
    r(
        "github",
        "GitHub front end",
        "GitHub",
        LoadBalancer,
        &[],
        &[
            ("this page is taking way too long to load", Some(TIMEOUT)),
            // the Unicorn's newer wording
            ("this page is taking too long to load", Some(TIMEOUT)),
            ("unicorn! &middot; github", None),
            ("unicorn! · github", None),
        ],
        &["x-github-request-id"],
        "https://www.githubstatus.com/",
    ),
    r(
        "reddit",
        "Reddit front end",
        "Reddit",
        LoadBalancer,
        &[],
        &[
            ("all of our servers are busy right now", Some(OVER)),
            ("we took too long to make this page for you", Some(TIMEOUT)),
            ("ow! -- reddit.com", None),
        ],
        &[],
        "https://www.redditstatus.com/",
    ),
    // its API's documented 'Over capacity' error (code 130, with 503) and its old HTML page
    r(
        "twitter",
        "Twitter (X) front end",
        "X Corp.",
        LoadBalancer,
        &[],
        &[
            ("{\"message\":\"over capacity\",\"code\":130}", Some(OVER)),
            ("twitter is over capacity", Some(OVER)),
        ],
        &[],
        "",
    ),
    r(
        "sucuri",
        "Sucuri Firewall",
        "GoDaddy",
        Cdn,
        &["x-sucuri-id", "server:sucuri/cloudproxy"],
        &[
            ("sucuri website firewall - unable to connect to the backend", Some(UNREACH)),
            ("sucuri website firewall - backend timeout", Some(TIMEOUT)),
            ("cloudproxy", None),
        ],
        &["x-sucuri-id"],
        "https://status.sucuri.net/",
    ),
    r(
        "imperva",
        "Imperva (Incapsula)",
        "Imperva",
        Cdn,
        &["x-iinfo", "x-cdn:imperva", "x-cdn:incapsula"],
        &[
            ("incapsula incident id", None),
            ("error code 15", None),
            ("unable to connect to the origin server", Some(UNREACH)),
        ],
        &["x-iinfo"],
        "https://status.imperva.com/",
    ),
    r(
        "bunny",
        "Bunny CDN",
        "BunnyWay",
        Cdn,
        &["server:bunnycdn", "cdn-requestid"],
        &[("bunnycdn", None)],
        &["cdn-requestid"],
        "https://status.bunny.net/",
    ),
    r(
        "keycdn",
        "KeyCDN",
        "proinity",
        Cdn,
        &["server:keycdn-engine"],
        &[("keycdn", None)],
        &[],
        "https://status.keycdn.com/",
    ),
    r(
        "stackpath",
        "StackPath",
        "StackPath",
        Cdn,
        &["server:stackpath", "x-hw"],
        &[("stackpath", None)],
        &[],
        "https://status.stackpath.com/",
    ),
    r(
        "gcore",
        "Gcore CDN",
        "Gcore",
        Cdn,
        &["x-id-fe", "server:gcore"],
        &[],
        &["x-id"],
        "https://status.gcore.com/",
    ),
    r(
        "tengine",
        "Tengine",
        "Alibaba",
        ReverseProxy,
        &["server:tengine"],
        &[("powered by tengine", None), ("<center>tengine", None)],
        &[],
        "",
    ),
    r(
        "litespeed",
        "LiteSpeed Web Server",
        "LiteSpeed Technologies",
        ReverseProxy,
        &["server:litespeed", "x-litespeed-cache"],
        &[
            ("the server is temporarily busy, try again later", Some(OVER)),
            ("proudly powered by litespeed web server", None),
            ("litespeed web server", None),
        ],
        &[],
        "",
    ),
    r(
        "openlitespeed",
        "OpenLiteSpeed",
        "LiteSpeed Technologies",
        ReverseProxy,
        &["server:openlitespeed"],
        &[("openlitespeed", None)],
        &[],
        "",
    ),
    r(
        "cpanel",
        "cPanel",
        "WebPros",
        ReverseProxy,
        &[],
        &[("cpanel", None)],
        &[],
        "",
    ),
    r(
        "nginx-proxy-manager",
        "Nginx Proxy Manager",
        "Nginx Proxy Manager",
        ReverseProxy,
        &[],
        &[("nginx proxy manager", None)],
        &[],
        "",
    ),
    r(
        "zscaler",
        "Zscaler",
        "Zscaler",
        ForwardProxy,
        &["server:zscaler"],
        &[
            ("zscaler", None),
        ],
        &[],
        "https://trust.zscaler.com/",
    ),
    r(
        "bluecoat",
        "Symantec ProxySG (Blue Coat)",
        "Broadcom",
        ForwardProxy,
        &["server:bluecoat", "via:bluecoat"],
        &[
            ("network error (tcp_error)", Some(UNREACH)),
            ("dns_unresolved_hostname", Some(DNS)),
            ("(gateway_timeout)", Some(TIMEOUT)),
            ("blue coat", None),
            ("proxysg", None),
        ],
        &[],
        "",
    ),
    r(
        "fortigate",
        "FortiGate",
        "Fortinet",
        ForwardProxy,
        &[],
        &[("fortiguard", None), ("fortigate", None)],
        &[],
        "",
    ),
    r(
        "tmg",
        "Microsoft Forefront TMG / ISA Server",
        "Microsoft",
        ForwardProxy,
        &[],
        &[
            // Windows error 64 in its 502 "Proxy Error", as a page and as the reason phrase
            ("proxy error. the specified network name is no longer available", Some(INVALID)),
            ("proxy error ( the specified network name is no longer available", Some(INVALID)),
            ("the gateway could not receive a timely response from the website", Some(TIMEOUT)),
            ("network access message: the page cannot be displayed", None),
            ("forefront tmg", None),
        ],
        &[],
        "",
    ),
    r(
        "pfsense-squidguard",
        "pfSense / OPNsense proxy",
        "Netgate",
        ForwardProxy,
        &[],
        &[("squidguard", None)],
        &[],
        "",
    ),
    // the small forward proxy of many offices and proxy farms; its stock error list
    // (proxy.c) answers a failed name lookup or connect with this one 502 sentence
    r(
        "3proxy",
        "3proxy",
        "3proxy (open source)",
        ForwardProxy,
        &[],
        &[("host not found or connection failed", Some(UNREACH))],
        &[],
        "",
    ),
    // the person's own proxies (tests/wild batch 26): the local filtering proxy that VPN
    // and Shadowsocks clients bundle, debugging proxies, caching proxies, and the web
    // filters of companies and antivirus products; each page is the proxy's own answer.
    // Privoxy's templates name it in the title ("502 - No server or forwarder data
    // received (Privoxy@host)", "503 - Forwarding failure", "504 - Connection timeout");
    // the missing no-server-data template is the 500 most people meet
    r(
        "privoxy",
        "Privoxy",
        "Privoxy (open source)",
        ForwardProxy,
        &[],
        &[
            ("could not load template file no-server-data", Some(INVALID)),
            ("no server or forwarder data received", Some(INVALID)),
            ("before privoxy received any data", Some(INVALID)),
            ("forwarding failure (privoxy", Some(UNREACH)),
            ("connection timeout (privoxy", Some(TIMEOUT)),
            ("internal privoxy error", None),
            ("privoxy", None),
        ],
        &[],
        "",
    ),
    // Fiddler (Classic and Everywhere) answers its own failures with a text body that
    // starts "[Fiddler]"; the generic words say most causes, Windows' "actively refused"
    // does not
    r(
        "fiddler",
        "Fiddler",
        "Progress Telerik",
        ForwardProxy,
        &[],
        &[
            ("[fiddler] the socket connection to", Some(UNREACH)),
            ("[fiddler] ", None),
        ],
        &[],
        "",
    ),
    // OWASP ZAP's own answers are text/plain "ZAP Error [the Java exception]: …"
    r(
        "zap",
        "ZAP (OWASP Zed Attack Proxy)",
        "ZAP (Checkmarx; formerly OWASP)",
        ForwardProxy,
        &[],
        &[
            ("zap error [java.net.unknownhostexception]", Some(DNS)),
            ("zap error [java.net.sockettimeoutexception]", Some(TIMEOUT)),
            ("zap error", None),
        ],
        &[],
        "",
    ),
    // Polipo's error page: title "Proxy error: 504 …", footer "Generated … by Polipo on";
    // its own words say the cause ("Host … lookup failed", "Connect to … failed: …")
    r(
        "polipo",
        "Polipo",
        "Polipo (open source)",
        ForwardProxy,
        &[],
        &[
            ("lookup failed: host not found", Some(DNS)),
            ("by polipo on", None),
            ("proxy error: 504 connect to", None),
        ],
        &[],
        "",
    ),
    // PAN-OS's stock URL-filtering response page, which it may send with 503
    r(
        "paloalto",
        "Palo Alto Networks firewall (PAN-OS)",
        "Palo Alto Networks",
        ForwardProxy,
        &[],
        &[("blocked in accordance with company policy", Some(Cause::Blocked))],
        &[],
        "",
    ),
    // Sophos' endpoint web protection (its Mac proxy's one-line answer) and its Web
    // Appliance's notification pages
    r(
        "sophos",
        "Sophos web protection",
        "Sophos",
        ForwardProxy,
        &[],
        &[
            ("gateway timeout: can't connect to remote host", Some(UNREACH)),
            ("sophos web appliance", None),
        ],
        &[],
        "",
    ),
    // McAfee (now Skyhigh) Web Gateway's stock notification pages ("McAfee Web Gateway -
    // Notification": cannotconnect.html and the rest), served from its /mwg-internal/ path;
    // their words ("could not connect") say the cause
    r(
        "mcafee-web-gateway",
        "McAfee Web Gateway (Skyhigh)",
        "Skyhigh Security",
        ForwardProxy,
        &[],
        &[
            ("mcafee web gateway", None),
            ("/mwg-internal/", None),
        ],
        &[],
        "",
    ),
    // tunnels, dev front ends, platforms and meshes met in the wild (tests/wild batch 24);
    // each page names its writer or carries its numbered code
    r(
        "ngrok",
        "ngrok",
        "ngrok Inc.",
        ReverseProxy,
        &[],
        &[
            // its documented codes (ngrok.com/docs/errors), the agent's page without its code,
            // and ngrok 2's 'Failed to complete tunnel connection' page
            ("err_ngrok_8012", Some(UNREACH)),
            ("failed to establish a connection to the upstream web service", Some(UNREACH)),
            ("successfully tunneled to your ngrok client", Some(UNREACH)),
            ("failed to complete tunnel connection", Some(UNREACH)),
            ("err_ngrok_3200", Some(UNREACH)),
            ("err_ngrok_3004", Some(INVALID)),
            ("returned an invalid or incomplete http response", Some(INVALID)),
            ("ngrok gateway error", None),
            ("err_ngrok_", None),
        ],
        &[],
        "https://status.ngrok.com/",
    ),
    r(
        "deno-deploy",
        "Deno Deploy",
        "Deno Land Inc.",
        Platform,
        &[],
        &[("the deployment failed while serving the request", None)],
        &[],
        "",
    ),
    // Supabase Edge Functions' own JSON when the function's worker cannot boot (503)
    r(
        "supabase",
        "Supabase Edge Functions",
        "Supabase",
        Platform,
        &[],
        &[("function failed to start (please check logs)", Some(ORIGIN))],
        &[],
        "https://status.supabase.com/",
    ),
    r(
        "glitch",
        "Glitch",
        "Fastly",
        Platform,
        &[],
        &[("this project isn't running", Some(UNREACH)), ("glitch editor", None)],
        &[],
        "",
    ),
    // its page when a repl's web server does not answer on its port (wild batch 30)
    r(
        "replit",
        "Replit",
        "Replit",
        Platform,
        &[],
        &[
            ("we couldn't reach your repl", Some(UNREACH)),
            ("we couldn’t reach your repl", Some(UNREACH)),
            ("make sure your repl has a port open", Some(UNREACH)),
        ],
        &[],
        "https://status.replit.com/",
    ),
    r(
        "pythonanywhere",
        "PythonAnywhere",
        "Anaconda",
        Platform,
        &[],
        &[
            ("error code: unhandled exception", Some(ORIGIN)),
            ("error code: 502-backend", Some(UNREACH)),
            ("error code: 504-loadbalancer", Some(TIMEOUT)),
            ("pythonanywhere-hosted site", Some(ORIGIN)),
            ("something went wrong while trying to load this website", Some(UNREACH)),
        ],
        &[],
        "",
    ),
    // its proxies set these headers on the errors they answer themselves (Linkerd 1's
    // l5d-err, linkerd2-proxy's l5d-proxy-error); see OWN_ANSWER
    r(
        "linkerd",
        "Linkerd",
        "Buoyant",
        ReverseProxy,
        &["l5d-proxy-error", "l5d-err"],
        &[],
        &[],
        "",
    ),
];

/// A record's index in [`RECORDS`].
pub fn by_id(id: &str) -> Option<usize> {
    RECORDS.iter().position(|r| r.id == id)
}

mod relations;
pub use relations::{generic_cause, BUILT_ON, GENERIC_CAUSES, OWN_ANSWER};

#[cfg(test)]
mod tests;
