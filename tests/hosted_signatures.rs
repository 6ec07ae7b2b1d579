//! Hosted gateways that cannot run here, walked through their documented (or widely published)
//! error responses. Each case names where its signature comes from; the bodies are shortened
//! to the parts that identify them.

#[path = "support/http.rs"]
#[allow(dead_code)]
mod http;

use gateway_doctor::model::Failure;

struct Case {
    /// Where the signature is documented.
    source: &'static str,
    status: u16,
    reason: &'static str,
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
    gateway: &'static str,
    cause: &'static str,
    generated_by: &'static str,
}

const CASES: &[Case] = &[
    // ---- Cloudflare: developers.cloudflare.com/support/troubleshooting/cloudflare-errors/
    // troubleshooting-cloudflare-5xx-errors/ (52x), .../troubleshooting-cloudflare-1xxx-errors/
    Case {
        source: "Cloudflare 5xx docs: Error 521 Web server is down (browser page)",
        status: 521,
        reason: "",
        headers: &[("Server", "cloudflare"), ("CF-Ray", "8a1b2c3d4e5f6789-AMS"), ("Content-Type", "text/html; charset=UTF-8")],
        body: "<!DOCTYPE html><html><head><title>example.com | 521: Web server is down</title></head><body><div id=\"cf-wrapper\"><div id=\"cf-error-details\" class=\"cf-error-details-wrapper\"><h1><span class=\"cf-error-type\">Error</span> <span class=\"cf-error-code\">521</span></h1><h2>Web server is down</h2><p>Contact your hosting provider letting them know your web server is not responding.</p><span>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6789</strong></span></div></div></body></html>",
        gateway: "cloudflare",
        cause: "upstream-unreachable",
        generated_by: "gateway",
    },
    Case {
        source: "Cloudflare 5xx docs: 522 Connection timed out (plain text to non-browser clients: \"error code: 522\")",
        status: 522,
        reason: "",
        headers: &[("Server", "cloudflare"), ("CF-Ray", "8a1b2c3d4e5f6789-FRA"), ("Content-Type", "text/plain; charset=UTF-8")],
        body: "error code: 522",
        gateway: "cloudflare",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    Case {
        source: "Cloudflare 5xx docs: 520 Web server returns an unknown error",
        status: 520,
        reason: "",
        headers: &[("Server", "cloudflare"), ("CF-Ray", "8a1b2c3d4e5f6789-LHR")],
        body: "",
        gateway: "cloudflare",
        cause: "upstream-invalid-response",
        generated_by: "gateway",
    },
    Case {
        source: "Cloudflare 5xx docs: 523 Origin is unreachable",
        status: 523,
        reason: "",
        headers: &[("Server", "cloudflare"), ("CF-Ray", "1-SJC")],
        body: "error code: 523",
        gateway: "cloudflare",
        cause: "upstream-unreachable",
        generated_by: "gateway",
    },
    Case {
        source: "Cloudflare 5xx docs: 524 A timeout occurred",
        status: 524,
        reason: "",
        headers: &[("Server", "cloudflare"), ("CF-Ray", "1-SJC")],
        body: "error code: 524",
        gateway: "cloudflare",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    Case {
        source: "Cloudflare 5xx docs: 525 SSL handshake failed",
        status: 525,
        reason: "",
        headers: &[("Server", "cloudflare"), ("CF-Ray", "1-SJC")],
        body: "error code: 525",
        gateway: "cloudflare",
        cause: "upstream-tls",
        generated_by: "gateway",
    },
    Case {
        source: "Cloudflare 5xx docs: 526 Invalid SSL certificate",
        status: 526,
        reason: "",
        headers: &[("Server", "cloudflare"), ("CF-Ray", "1-SJC")],
        body: "error code: 526",
        gateway: "cloudflare",
        cause: "upstream-tls",
        generated_by: "gateway",
    },
    Case {
        source: "Cloudflare 5xx docs: 527 Railgun error",
        status: 527,
        reason: "",
        headers: &[("Server", "cloudflare"), ("CF-Ray", "1-SJC")],
        body: "",
        gateway: "cloudflare",
        cause: "upstream-error",
        generated_by: "gateway",
    },
    Case {
        source: "Cloudflare 1xxx docs: 530 with Error 1016 Origin DNS error",
        status: 530,
        reason: "",
        headers: &[("Server", "cloudflare"), ("CF-Ray", "1-SJC")],
        body: "<html><head><title>Origin DNS error | example.com | Cloudflare</title></head><body><div id=\"cf-wrapper\"><h1><span class=\"cf-error-type\">Error</span><span class=\"cf-error-code\">1016</span></h1><h2>Origin DNS error</h2></div></body></html>",
        gateway: "cloudflare",
        cause: "upstream-dns",
        generated_by: "gateway",
    },
    Case {
        source: "Cloudflare 1xxx docs: 530 with Error 1033 Argo Tunnel error",
        status: 530,
        reason: "",
        headers: &[("Server", "cloudflare"), ("CF-Ray", "1-SJC")],
        body: "error code: 1033",
        gateway: "cloudflare",
        cause: "upstream-unreachable",
        generated_by: "gateway",
    },
    Case {
        source: "Cloudflare's own 502 (nginx-style page with its name in the footer)",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Server", "cloudflare"), ("CF-Ray", "1-SJC")],
        body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>",
        gateway: "cloudflare",
        cause: "upstream-error",
        generated_by: "gateway",
    },
    Case {
        source: "an origin's nginx 502 passed through Cloudflare: nginx wrote it, behind Cloudflare",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Server", "cloudflare"), ("CF-Ray", "1-SJC")],
        body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>",
        gateway: "nginx",
        cause: "upstream-error",
        generated_by: "gateway",
    },
    // ---- CloudFront: docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/
    // troubleshooting-response-errors.html; repost.aws knowledge-center/cloudfront-502-errors
    Case {
        source: "CloudFront 502 'The request could not be satisfied' (X-Cache: Error from cloudfront)",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Server", "CloudFront"), ("X-Cache", "Error from cloudfront"), ("Via", "1.1 f319e8962c0268d31d3828d4b9d41f98.cloudfront.net (CloudFront)"), ("X-Amz-Cf-Id", "H_HGBG3sTOqEomHzHubi8ruLbGXe2MRyVhGBn4apM0y_LjQa_9W2Jg==")],
        body: "<HTML><HEAD><TITLE>ERROR: The request could not be satisfied</TITLE></HEAD><BODY><H1>502 ERROR</H1><H2>The request could not be satisfied.</H2><HR noshade size=\"1px\">CloudFront wasn't able to connect to the origin.<BR clear=\"all\">Generated by cloudfront (CloudFront)</BODY></HTML>",
        gateway: "cloudfront",
        cause: "upstream-unreachable",
        generated_by: "gateway",
    },
    Case {
        source: "CloudFront 504 (origin did not answer in time)",
        status: 504,
        reason: "Gateway Timeout",
        headers: &[("Server", "CloudFront"), ("X-Cache", "Error from cloudfront"), ("X-Amz-Cf-Pop", "FRA56-P1")],
        body: "<HTML><HEAD><TITLE>ERROR: The request could not be satisfied</TITLE></HEAD><BODY><H1>504 Gateway Timeout ERROR</H1><H2>The request could not be satisfied.</H2>We can't connect to the server for this app or website at this time.<BR>Generated by cloudfront (CloudFront)</BODY></HTML>",
        gateway: "cloudfront",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    Case {
        source: "origin's 503 JSON passed through CloudFront (X-Cache: Error from cloudfront only says it was an error)",
        status: 503,
        reason: "Service Unavailable",
        headers: &[("Content-Type", "application/json"), ("X-Cache", "Error from cloudfront"), ("X-Amz-Cf-Id", "abc==")],
        body: "{\"message\":\"Service temporarily unavailable\"}",
        gateway: "cloudfront",
        cause: "overloaded",
        generated_by: "origin",
    },
    // ---- AWS ELB / ALB: docs.aws.amazon.com/elasticloadbalancing/latest/application/
    // load-balancer-troubleshooting.html ("HTTP 502/503/504"); Server: awselb/2.0
    Case {
        source: "ALB 502 Bad Gateway page",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Server", "awselb/2.0"), ("Content-Type", "text/html")],
        body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n",
        gateway: "aws-elb",
        cause: "upstream-error",
        generated_by: "gateway",
    },
    Case {
        source: "ALB 503: no registered (healthy) targets",
        status: 503,
        reason: "Service Temporarily Unavailable",
        headers: &[("Server", "awselb/2.0")],
        body: "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n",
        gateway: "aws-elb",
        cause: "upstream-unreachable",
        generated_by: "gateway",
    },
    Case {
        source: "ALB 504 Gateway Time-out",
        status: 504,
        reason: "Gateway Time-out",
        headers: &[("Server", "awselb/2.0")],
        body: "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n</body>\r\n</html>\r\n",
        gateway: "aws-elb",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    // ---- Fastly: docs.fastly.com/en/guides/common-503-errors ("Guru Mediation")
    Case {
        source: "Fastly 503 first byte timeout",
        status: 503,
        reason: "first byte timeout",
        headers: &[("Server", "Varnish"), ("X-Served-By", "cache-ams21028-AMS"), ("X-Cache", "MISS"), ("Via", "1.1 varnish")],
        body: "<html><head><title>503 first byte timeout</title></head><body><h1>Error 503 first byte timeout</h1><p>first byte timeout</p><h3>Guru Mediation:</h3><p>Details: cache-ams21028-AMS 1700000000 123456789</p><hr><p>Varnish cache server</p></body></html>",
        gateway: "fastly",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    Case {
        source: "Fastly 503 Backend is unhealthy",
        status: 503,
        reason: "Backend is unhealthy",
        headers: &[("X-Served-By", "cache-lhr7340-LHR"), ("Via", "1.1 varnish")],
        body: "<h1>Error 503 Backend is unhealthy</h1><p>Backend is unhealthy</p><h3>Guru Mediation:</h3><p>Details: cache-lhr7340-LHR</p><hr><p>Varnish cache server</p>",
        gateway: "fastly",
        cause: "upstream-unreachable",
        generated_by: "gateway",
    },
    // ---- Akamai: techdocs.akamai.com (Reference # error strings, errors.edgesuite.net)
    Case {
        source: "Akamai 503 Zero size object",
        status: 503,
        reason: "Service Unavailable",
        headers: &[("Server", "AkamaiGHost"), ("Content-Type", "text/html")],
        body: "<HTML><HEAD><TITLE>Service Unavailable - Zero size object</TITLE></HEAD><BODY><H1>Service Unavailable - Zero size object</H1>The server is temporarily unable to service your request.  Please try again later.<P>Reference&#32;&#35;15&#46;3a2b3c4d&#46;1700000000&#46;1a2b3c4d</BODY></HTML>",
        gateway: "akamai",
        cause: "upstream-invalid-response",
        generated_by: "gateway",
    },
    Case {
        source: "Akamai 504 Gateway Timeout",
        status: 504,
        reason: "Gateway Time-out",
        headers: &[("Server", "AkamaiGHost"), ("Mime-Version", "1.0")],
        body: "<HTML><HEAD><TITLE>Gateway Timeout</TITLE></HEAD><BODY><H1>Gateway Timeout</H1>The proxy server did not receive a timely response from the upstream server.<P>Reference&#32;&#35;18&#46;4c2f1702&#46;1700000000&#46;5e6f7a8b</BODY></HTML>",
        gateway: "akamai",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    // ---- Google Front End: the "That’s an error." pages served by GFE
    Case {
        source: "Google 502 (Server Error)!!1 page",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Content-Type", "text/html; charset=UTF-8"), ("Server", "GFE/2.0")],
        body: "<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 502 (Server Error)!!1</title>\n  <a href=//www.google.com/><span id=logo aria-label=Google></span></a>\n  <p><b>502.</b> <ins>That’s an error.</ins>\n  <p>The server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds.  <ins>That’s all we know.</ins>",
        gateway: "google",
        cause: "upstream-error",
        generated_by: "gateway",
    },
    Case {
        source: "Google Cloud Load Balancing (Envoy-based) 503 'no healthy upstream', Via: 1.1 google",
        status: 503,
        reason: "Service Unavailable",
        headers: &[("Content-Type", "text/plain"), ("Via", "1.1 google")],
        body: "no healthy upstream",
        gateway: "google",
        cause: "upstream-unreachable",
        generated_by: "gateway",
    },
    // ---- Heroku: devcenter.heroku.com/articles/error-pages, .../error-codes (H10, H12, ...)
    Case {
        source: "Heroku router 503 Application Error (H10 App crashed, H12 Request timeout, ...)",
        status: 503,
        reason: "Service Unavailable",
        headers: &[("Server", "Heroku"), ("Via", "1.1 heroku-router"), ("Content-Type", "text/html; charset=utf-8")],
        body: "<!DOCTYPE html><html><head><title>Application Error</title></head><body><iframe src=\"//www.herokucdn.com/error-pages/application-error.html\"></iframe></body></html>",
        gateway: "heroku",
        cause: "upstream-error",
        generated_by: "gateway",
    },
    Case {
        source: "Heroku maintenance mode page (H80)",
        status: 503,
        reason: "Service Unavailable",
        headers: &[("Via", "1.1 vegur")],
        body: "<!DOCTYPE html><html><head><title>Offline for Maintenance</title></head><body><iframe src=\"//www.herokucdn.com/error-pages/maintenance.html\"></iframe></body></html>",
        gateway: "heroku",
        cause: "maintenance",
        generated_by: "gateway",
    },
    // ---- Vercel: vercel.com/docs/errors (X-Vercel-Error, codes and statuses)
    Case {
        source: "Vercel 504 FUNCTION_INVOCATION_TIMEOUT",
        status: 504,
        reason: "Gateway Timeout",
        headers: &[("Server", "Vercel"), ("X-Vercel-Error", "FUNCTION_INVOCATION_TIMEOUT"), ("X-Vercel-Id", "hkg1::lwfvf-1702001564825-665514977cb1")],
        body: "An error occurred with your deployment\n\nFUNCTION_INVOCATION_TIMEOUT",
        gateway: "vercel",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    Case {
        source: "Vercel 500 FUNCTION_INVOCATION_FAILED (the site's function crashed)",
        status: 500,
        reason: "Internal Server Error",
        headers: &[("Server", "Vercel"), ("X-Vercel-Error", "FUNCTION_INVOCATION_FAILED"), ("X-Vercel-Id", "iad1::abc")],
        body: "A server error has occurred\n\nFUNCTION_INVOCATION_FAILED",
        gateway: "vercel",
        cause: "origin-error",
        generated_by: "gateway",
    },
    Case {
        source: "Vercel 502 NO_RESPONSE_FROM_FUNCTION, code only in the page",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Server", "Vercel"), ("X-Vercel-Id", "cdg1::xyz")],
        body: "502: BAD_GATEWAY\nCode: NO_RESPONSE_FROM_FUNCTION\nID: cdg1::xyz",
        gateway: "vercel",
        cause: "upstream-invalid-response",
        generated_by: "gateway",
    },
    Case {
        source: "Vercel 502 DNS_HOSTNAME_NOT_FOUND (external rewrite target)",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Server", "Vercel"), ("X-Vercel-Error", "DNS_HOSTNAME_NOT_FOUND")],
        body: "",
        gateway: "vercel",
        cause: "upstream-dns",
        generated_by: "gateway",
    },
    // ---- Netlify: docs.netlify.com/functions/ (function errors), X-Nf-Request-Id
    Case {
        source: "Netlify 502 function crashed",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Server", "Netlify"), ("X-Nf-Request-Id", "01HABCDEF")],
        body: "This function has crashed\nAn unhandled error in the function code triggered the following message:\nruntime.exitError",
        gateway: "netlify",
        cause: "origin-error",
        generated_by: "gateway",
    },
    Case {
        source: "Netlify 502 function timeout",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Server", "Netlify"), ("X-Nf-Request-Id", "01HABCDEF")],
        body: "{\"errorMessage\":\"Task timed out after 10.00 seconds\",\"errorType\":\"TimeoutError\"}",
        gateway: "netlify",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    // ---- Azure Front Door: learn.microsoft.com/azure/frontdoor/troubleshoot-issues
    // ("503 response from Front Door after a few seconds": origin timeout), X-Azure-Ref
    Case {
        source: "Azure Front Door 503 'Our services aren't available right now'",
        status: 503,
        reason: "Service Unavailable",
        headers: &[("X-Azure-Ref", "0W8O8YwAAAAC2vL0fTGVqTb948kGgx6ZX"), ("Content-Type", "text/html")],
        body: "<h2>Our services aren't available right now</h2><p>We're working to restore all services as soon as possible. Please check back soon.</p>0W8O8YwAAAAC2vL0fTGVqTb948kGgx6ZXTEFYMzExMDAwMTA4MDUxAEVkZ2U=",
        gateway: "azure-front-door",
        cause: "upstream-error",
        generated_by: "gateway",
    },
    // ---- Azure Application Gateway: learn.microsoft.com/azure/application-gateway/
    // application-gateway-troubleshooting-502
    Case {
        source: "Application Gateway v2 502",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Server", "Microsoft-Azure-Application-Gateway/v2")],
        body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Microsoft-Azure-Application-Gateway/v2</center>\r\n</body>\r\n</html>\r\n",
        gateway: "azure-app-gateway",
        cause: "upstream-error",
        generated_by: "gateway",
    },
    // ---- GitHub Pages: X-GitHub-Request-Id, Server: GitHub.com
    Case {
        source: "GitHub Pages 503 with its headers (empty body)",
        status: 503,
        reason: "Service Unavailable",
        headers: &[("Server", "GitHub.com"), ("X-GitHub-Request-Id", "A1B2:3C4D:5E6F:7A8B")],
        body: "",
        gateway: "github-pages",
        cause: "overloaded",
        generated_by: "unknown",
    },
    // ---- Envoy: envoyproxy.io docs (response flags UF/UT/UO/NR; local reply bodies)
    Case {
        source: "Envoy 503 upstream connect error, connection refused",
        status: 503,
        reason: "Service Unavailable",
        headers: &[("Server", "envoy"), ("Content-Type", "text/plain")],
        body: "upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111",
        gateway: "envoy",
        cause: "upstream-unreachable",
        generated_by: "gateway",
    },
    Case {
        source: "Envoy 504 upstream request timeout",
        status: 504,
        reason: "Gateway Timeout",
        headers: &[("Server", "envoy")],
        body: "upstream request timeout",
        gateway: "envoy",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    Case {
        source: "Envoy 503 TLS failure to upstream",
        status: 503,
        reason: "Service Unavailable",
        headers: &[("Server", "envoy")],
        body: "upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED",
        gateway: "envoy",
        cause: "upstream-tls",
        generated_by: "gateway",
    },
    Case {
        source: "Envoy 503 overflow (circuit breaker)",
        status: 503,
        reason: "Service Unavailable",
        headers: &[("Server", "envoy")],
        body: "upstream connect error or disconnect/reset before headers. reset reason: overflow",
        gateway: "envoy",
        cause: "overloaded",
        generated_by: "gateway",
    },
    // ---- Traefik: doc.traefik.io (no Server header; Go's http.Error text bodies)
    Case {
        source: "Traefik 502 'Bad Gateway' text body",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Content-Type", "text/plain; charset=utf-8"), ("X-Content-Type-Options", "nosniff")],
        body: "Bad Gateway",
        gateway: "traefik",
        cause: "upstream-error",
        generated_by: "gateway",
    },
    Case {
        source: "Traefik 504 'Gateway Timeout' text body",
        status: 504,
        reason: "Gateway Timeout",
        headers: &[("Content-Type", "text/plain; charset=utf-8")],
        body: "Gateway Timeout",
        gateway: "traefik",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    // ---- IIS / ARR: learn.microsoft.com/troubleshoot/developer/webapps/iis/health-diagnostic-performance/
    // http-502-bad-gateway (502.3 with 0x80072ee2 / 0x80072efd), ASP.NET Core Module 502.5 / 500.30
    Case {
        source: "ARR 502.3 timeout (0x80072ee2)",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Server", "Microsoft-IIS/10.0"), ("X-Powered-By", "ARR/3.0")],
        body: "<h3>HTTP Error 502.3 - Bad Gateway</h3><h4>The operation timed out</h4><table><tr><th>Error Code</th><td>0x80072ee2</td></tr></table>",
        gateway: "iis",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    Case {
        source: "ARR 502.3 cannot connect (0x80072efd)",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Server", "Microsoft-IIS/8.5")],
        body: "<h3>HTTP Error 502.3 - Bad Gateway</h3><h4>A connection with the server could not be established</h4><td>0x80072efd</td>",
        gateway: "iis",
        cause: "upstream-unreachable",
        generated_by: "gateway",
    },
    Case {
        source: "ASP.NET Core Module 502.5 Process Failure",
        status: 502,
        reason: "Bad Gateway",
        headers: &[("Server", "Microsoft-IIS/10.0")],
        body: "<title>HTTP Error 502.5 - Process Failure</title><h2>HTTP Error 502.5 - Process Failure</h2>",
        gateway: "iis",
        cause: "origin-error",
        generated_by: "gateway",
    },
    Case {
        source: "HTTP.sys 503 (application pool stopped)",
        status: 503,
        reason: "Service Unavailable",
        headers: &[("Server", "Microsoft-HTTPAPI/2.0"), ("Content-Type", "text/html; charset=us-ascii")],
        body: "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www.w3.org/TR/html4/strict.dtd\">\r\n<HTML><HEAD><TITLE>Service Unavailable</TITLE></HEAD><BODY><h2>Service Unavailable</h2><hr><p>HTTP Error 503. The service is unavailable.</p></BODY></HTML>",
        gateway: "iis",
        cause: "upstream-unreachable",
        generated_by: "gateway",
    },
    // ---- Apache Traffic Server: body factory templates (docs.trafficserver.apache.org, "Body Factory")
    Case {
        source: "ATS connect#failed_connect",
        status: 502,
        reason: "Cannot Connect",
        headers: &[("Server", "ATS/9.2.5")],
        body: "<HTML>\n<HEAD>\n<TITLE>Could Not Connect</TITLE>\n</HEAD>\n<BODY>\n<H1>Could Not Connect</H1>\n<HR>\n<FONT FACE=\"Helvetica,Arial\"><B>\nDescription: Could not connect to the requested server host.\n</B></FONT>\n<HR>\n</BODY>",
        gateway: "ats",
        cause: "upstream-unreachable",
        generated_by: "gateway",
    },
    Case {
        source: "ATS connect#dns_failed",
        status: 502,
        reason: "Cannot find server.",
        headers: &[("Server", "ATS/9.2.5")],
        body: "<HTML>\n<HEAD>\n<TITLE>Unknown Host</TITLE>\n</HEAD>\n<BODY>\n<H1>Unknown Host</H1>\nDescription: Unable to locate the server named \"<EM>nonexistent.invalid</EM>\" --- the server does not have a DNS entry.",
        gateway: "ats",
        cause: "upstream-dns",
        generated_by: "gateway",
    },
    // ---- Squid ERR_DNS_FAIL (squid-cache.org errors/templates/ERR_DNS_FAIL)
    Case {
        source: "Squid ERR_DNS_FAIL",
        status: 503,
        reason: "Service Unavailable",
        headers: &[("Server", "squid/5.7"), ("X-Squid-Error", "ERR_DNS_FAIL 0"), ("Via", "1.1 proxy (squid/5.7)")],
        body: "<title>ERROR: The requested URL could not be retrieved</title><p>Unable to determine IP address from host name <q>nonexistent.invalid</q></p>",
        gateway: "squid",
        cause: "upstream-dns",
        generated_by: "gateway",
    },
    // ---- OpenResty (nginx with its own name in the template)
    Case {
        source: "OpenResty 504 template",
        status: 504,
        reason: "Gateway Time-out",
        headers: &[("Server", "openresty/1.21.4.1")],
        body: "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>openresty/1.21.4.1</center>\r\n</body>\r\n</html>\r\n",
        gateway: "openresty",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    // ---- 529 Site is overloaded (used by e.g. Qualys, Shopify) and 598/599 from proxies
    Case {
        source: "Fastly 503 first byte timeout as a client prints it (apt, curl), no headers",
        status: 503,
        reason: "first byte timeout",
        headers: &[],
        body: "E: Failed to fetch https://example.com/pool/a.deb  503  first byte timeout",
        gateway: "fastly",
        cause: "upstream-timeout",
        generated_by: "gateway",
    },
    Case {
        source: "Traefik's body is Go's status text alone (\"Bad Gateway\"), pasted without headers",
        status: 502,
        reason: "Bad Gateway",
        headers: &[],
        body: "Bad Gateway",
        gateway: "traefik",
        cause: "upstream-error",
        generated_by: "gateway",
    },
    Case {
        source: "\"502 Bad Gateway\" with its code is how people quote any server's page: no gateway named",
        status: 502,
        reason: "Bad Gateway",
        headers: &[],
        body: "502 Bad Gateway",
        gateway: "",
        cause: "upstream-error",
        generated_by: "gateway",
    },
    Case {
        source: "529 Site is overloaded, no gateway named",
        status: 529,
        reason: "Site is overloaded",
        headers: &[],
        body: "",
        gateway: "",
        cause: "overloaded",
        generated_by: "unknown",
    },
    Case {
        source: "599 Network Connect Timeout Error (some proxies)",
        status: 599,
        reason: "",
        headers: &[],
        body: "",
        gateway: "",
        cause: "upstream-timeout",
        generated_by: "unknown",
    },
];

#[test]
fn hosted_signatures() {
    let mut failures = Vec::new();
    for c in CASES {
        let f = Failure {
            url: "https://www.example.com/".into(),
            status_code: Some(c.status),
            status_line: Some(format!("HTTP/1.1 {} {}", c.status, c.reason)),
            response_headers: http::headers(c.headers),
            body_text: Some(c.body.to_string()),
            ..Failure::default()
        };
        let d = gateway_doctor::diagnose(&f).unwrap();
        let v = serde_json::to_value(&d).unwrap();
        let gw = v["gateway"]
            .get("id")
            .and_then(|g| g.as_str())
            .unwrap_or("");
        if gw != c.gateway || v["cause"] != c.cause || v["generatedBy"] != c.generated_by {
            failures.push(format!(
                "{}: got gateway {gw:?} cause {} generatedBy {} (want {:?} {:?} {:?}); evidence {:?}",
                c.source, v["cause"], v["generatedBy"], c.gateway, c.cause, c.generated_by, d.evidence
            ));
        }
        let culprit = if c.gateway == "squid" {
            "proxy"
        } else {
            "site"
        };
        assert!(d.failed && v["culprit"] == culprit, "{}", c.source);
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_contract_gateway_id_is_known() {
    let ids: Vec<&str> = gateway_doctor::gateway::known_ids().collect();
    for id in [
        "nginx",
        "openresty",
        "apache",
        "haproxy",
        "varnish",
        "caddy",
        "squid",
        "lighttpd",
        "h2o",
        "nghttpx",
        "tinyproxy",
        "ats",
        "envoy",
        "traefik",
        "iis",
        "cloudflare",
        "cloudfront",
        "aws-elb",
        "fastly",
        "akamai",
        "google",
        "heroku",
        "vercel",
        "netlify",
        "azure-front-door",
        "azure-app-gateway",
        "github-pages",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
}
