use super::*;

#[test]
fn records_are_well_formed() {
    let ids: Vec<&str> = known_ids().collect();
    for (i, id) in ids.iter().enumerate() {
        assert!(!id.is_empty() && *id == id.to_ascii_lowercase(), "{id}");
        assert!(!ids[..i].contains(id), "duplicate id {id}");
        assert_eq!(usize::from(id_of(id)), i, "{id}");
    }
    let mut ranks = Vec::new();
    for r in &RECORDS {
        assert!(!r.vendor.is_empty() && !r.name.is_empty(), "{}", r.id);
        assert!(r.status_page.is_empty() || r.status_page.starts_with("https://"));
        for (name, label) in r.references.iter().chain(r.page_references) {
            assert_eq!(*name, name.to_ascii_lowercase(), "{}", r.id);
            assert!(!label.is_empty());
        }
        if let Some((rank, _)) = r.page {
            assert!(
                !ranks.contains(&rank),
                "{}: two readers with rank {rank}",
                r.id
            );
            assert!(rank < 64, "{}: PAGE_ORDER reads ranks under 64", r.id);
            ranks.push(rank);
        }
    }
    assert_eq!(PAGE_ORDER.1, ranks.len(), "every reader is in PAGE_ORDER");
    assert_eq!(RECORDS.len(), 27, "the contract's 27 gateways");
}

#[test]
fn status_pages_of_the_providers() {
    assert_eq!(
        status_page("cloudflare"),
        Some("https://www.cloudflarestatus.com/")
    );
    assert_eq!(status_page("nginx"), None);
    assert_eq!(status_page("kong"), None);
}

// version_at against the slow search
/// Where version_at finds its marker, the slow way (every place, compared in lowercase), and
/// the version read there as version_at reads it.
fn oracle(hay: &str, marker: &str, slash: bool) -> Option<String> {
    let lower = hay.to_ascii_lowercase();
    let at = (0..=lower.len().checked_sub(marker.len())?).find(|&i| {
        lower.as_bytes()[i..].starts_with(marker.as_bytes())
            && (!slash || lower.as_bytes().get(i + marker.len()) == Some(&b'/'))
    })? + marker.len()
        + usize::from(slash);
    version_from(&hay[at..])
}

#[test]
fn versions_are_found_in_any_case() {
    let hays = [
        "nginx/1.22.1",
        "Server: NGINX/1.25.3 (Ubuntu)",
        "<hr><center>nginx</center> then nginx/1.18.0.",
        "squid squid/ Squid/6.6 squid/7",
        "Tinyproxy version 1.11.1",
        "é nginx/ü nginx/2.0",
        "nginx/",
        "",
    ];
    for hay in hays {
        for (marker, slash) in [
            ("nginx", true),
            ("squid", true),
            ("tinyproxy version ", false),
        ] {
            assert_eq!(
                version_at(hay, marker, slash),
                oracle(hay, marker, slash),
                "{hay:?} {marker:?}"
            );
        }
    }
    assert_eq!(
        version_at("NGINX/1.25.3 (Ubuntu)", "nginx", true).as_deref(),
        Some("1.25.3")
    );
}

/// What analyze finds for a page-less answer with these headers.
fn headers_only(status: u16, headers: &[(&str, &str)]) -> Finding {
    let f = crate::model::Failure {
        url: "https://www.example.com/".into(),
        status_code: Some(status),
        response_headers: headers
            .iter()
            .map(|(n, v)| crate::model::Header {
                name: (*n).into(),
                value: Some((*v).into()),
            })
            .collect(),
        body_text: Some(String::new()),
        ..crate::model::Failure::default()
    };
    analyze(&Evidence::from_failure(&f), status)
}

#[test]
fn an_unseen_body_is_not_an_empty_one() {
    // a 503 through nginx whose body the report does not hold: nginx's own
    let unseen = headers_only(
        503,
        &[("Server", "nginx/1.22.1"), ("Content-Length", "190")],
    );
    assert_eq!(unseen.generated_by, GeneratedBy::Gateway);
    assert_eq!(unseen.cause, Some(Cause::UpstreamUnreachable));
    let chunked = headers_only(
        503,
        &[("Server", "nginx"), ("Transfer-Encoding", "chunked")],
    );
    assert_eq!(chunked.generated_by, GeneratedBy::Gateway);
    // a truly empty 503 through nginx is as often the application's
    let empty = headers_only(503, &[("Server", "nginx"), ("Content-Length", "0")]);
    assert_eq!(empty.generated_by, GeneratedBy::Unknown);
    // no application answers "bad gateway" of itself, seen or not
    let bad = headers_only(502, &[("Server", "nginx"), ("Content-Length", "0")]);
    assert_eq!(bad.generated_by, GeneratedBy::Gateway);
    // nothing names a gateway: an empty 502 or 503 says nothing of who wrote it
    let nameless = headers_only(502, &[("Content-Length", "166")]);
    assert_eq!(nameless.generated_by, GeneratedBy::Unknown);
}

#[test]
fn headers_a_gateway_sets_only_on_its_own_answers() {
    let lambda = headers_only(
        503,
        &[
            ("X-Cache", "LambdaExecutionError from cloudfront"),
            ("Via", "1.1 abc.cloudfront.net (CloudFront)"),
        ],
    );
    assert_eq!(
        lambda.gateway.as_ref().map(|g| g.id.as_str()),
        Some("cloudfront")
    );
    assert_eq!(lambda.generated_by, GeneratedBy::Gateway);
    assert_eq!(lambda.cause, Some(Cause::UpstreamError));
    let akamai = headers_only(503, &[("Server", "AkamaiGHost"), ("Content-Length", "0")]);
    assert_eq!(
        akamai.gateway.as_ref().map(|g| g.id.as_str()),
        Some("akamai")
    );
    assert_eq!(akamai.generated_by, GeneratedBy::Gateway);
    // CloudFront carrying the origin's error is not CloudFront's own answer
    let carried = headers_only(
        503,
        &[
            ("X-Cache", "Error from cloudfront"),
            ("Content-Length", "0"),
        ],
    );
    assert_eq!(carried.generated_by, GeneratedBy::Unknown);
}

#[test]
fn api_gateway_error_types_and_the_504_they_come_with() {
    let api = |status| {
        headers_only(
            status,
            &[
                ("x-amz-apigw-id", "UE1rfGuaIE0FW-w="),
                ("x-amzn-ErrorType", "InternalServerErrorException"),
            ],
        )
    };
    // its 502 for an integration's malformed answer, as its "Internal server error" JSON says
    let bad = api(502);
    assert_eq!(
        bad.gateway.as_ref().map(|g| g.id.as_str()),
        Some("aws-api-gateway")
    );
    assert_eq!(bad.cause, Some(Cause::UpstreamInvalidResponse));
    // the same error type on its 504: the timeout the status says
    assert_eq!(api(504).cause, Some(Cause::UpstreamTimeout));
    let throttled = headers_only(429, &[("x-amzn-ErrorType", "TooManyRequestsException")]);
    assert_eq!(throttled.cause, Some(Cause::Overloaded));
}

#[test]
fn an_empty_500_with_the_applications_session_cookie_is_the_applications() {
    let app = headers_only(
        500,
        &[
            ("Via", "1.1 varnish"),
            ("Set-Cookie", "PHPSESSID=abc; path=/"),
        ],
    );
    assert_eq!(app.generated_by, GeneratedBy::Origin);
    assert_eq!(app.cause, Some(Cause::OriginError));
    // a gateway's own cookie says nothing of the application
    let cf = headers_only(
        500,
        &[
            ("Server", "cloudflare"),
            ("Set-Cookie", "__cf_bm=x; path=/"),
        ],
    );
    assert_eq!(cf.generated_by, GeneratedBy::Unknown);
}

#[test]
fn a_server_page_under_a_gateway_built_on_it() {
    let page = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>openresty/1.7.10.2rc0</center>\n</body>\n</html>";
    let f = crate::model::Failure {
        url: "https://www.example.com/".into(),
        status_code: Some(502),
        response_headers: vec![crate::model::Header {
            name: "Via".into(),
            value: Some("kong/0.2.0-2".into()),
        }],
        body_text: Some(page.into()),
        ..crate::model::Failure::default()
    };
    let kong = analyze(&Evidence::from_failure(&f), 502);
    assert_eq!(kong.gateway.as_ref().map(|g| g.id.as_str()), Some("kong"));
    // without the header, the page is OpenResty's
    let f = crate::model::Failure {
        response_headers: vec![],
        ..f
    };
    let bare = analyze(&Evidence::from_failure(&f), 502);
    assert_eq!(
        bare.gateway.as_ref().map(|g| g.id.as_str()),
        Some("openresty")
    );
    // Envoy's local reply under Istio's own Server header is Istio's; under Envoy's, Envoy's
    let reply = "upstream connect error or disconnect/reset before headers. reset reason: connection failure";
    let envoy_under = |server: &str| {
        let f = crate::model::Failure {
            url: "https://www.example.com/".into(),
            status_code: Some(503),
            response_headers: vec![crate::model::Header {
                name: "server".into(),
                value: Some(server.into()),
            }],
            page_text: Some(reply.into()),
            ..crate::model::Failure::default()
        };
        analyze(&Evidence::from_failure(&f), 503)
            .gateway
            .map(|g| g.id)
    };
    assert_eq!(envoy_under("istio-envoy").as_deref(), Some("istio"));
    assert_eq!(envoy_under("envoy").as_deref(), Some("envoy"));
}

#[test]
fn google_serverless_template_is_the_front_ends() {
    let f = crate::model::Failure {
        url: "https://www.example.com/".into(),
        status_code: Some(500),
        page_text: Some("Error: Server Error\nThe server encountered an error and could not complete your request.\nPlease try again in 30 seconds.".into()),
        ..crate::model::Failure::default()
    };
    let g = analyze(&Evidence::from_failure(&f), 500);
    assert_eq!(g.gateway.as_ref().map(|g| g.id.as_str()), Some("google"));
    assert_eq!(g.generated_by, GeneratedBy::Gateway);
    assert_eq!(g.cause, Some(Cause::OriginError));
}

#[test]
fn iis_detailed_errors_by_their_sub_status() {
    assert!(servers::iis_substatus(
        "http error 503.0 - server has been shutdown"
    ));
    assert!(servers::iis_substatus(
        "x\nhttp error 500.30 - ancm in-process start failure"
    ));
    assert!(!servers::iis_substatus(
        "http error 503. the service is unavailable."
    ));
    assert!(!servers::iis_substatus("http error 5"));
}

/// What analyze finds for this text as the visible page, without headers.
fn text_only(status: u16, text: &str) -> Finding {
    let f = crate::model::Failure {
        url: "https://www.example.com/".into(),
        status_code: Some(status),
        page_text: Some(text.into()),
        ..crate::model::Failure::default()
    };
    analyze(&Evidence::from_failure(&f), status)
}

#[test]
fn rate_limit_pages_of_the_contracts_gateways() {
    let id = |f: &Finding| f.gateway.as_ref().map(|g| g.id.clone());
    // Envoy's local rate limit filter: its whole reply
    let envoy = text_only(429, "local_rate_limited");
    assert_eq!(id(&envoy).as_deref(), Some("envoy"));
    assert_eq!(envoy.cause, Some(Cause::Overloaded));
    // Google's unusual-traffic page, in English and Chinese
    for page in [
        "Our systems have detected unusual traffic from your computer network. Please try your request again later.",
        "我们的系统检测到您的计算机网络中存在异常流量。请稍后重新发送请求。",
    ] {
        let google = text_only(429, page);
        assert_eq!(id(&google).as_deref(), Some("google"), "{page}");
        assert_eq!(google.generated_by, GeneratedBy::Gateway);
        assert_eq!(google.cause, Some(Cause::Overloaded));
    }
    // Cloudflare's 1015 without its code or Ray ID
    let cf = text_only(
        429,
        "You are being rate limited\nWhat happened?\nThe owner of this website (example.com) has banned you temporarily from accessing this website.",
    );
    assert_eq!(id(&cf).as_deref(), Some("cloudflare"));
    assert_eq!(cf.cause, Some(Cause::Overloaded));
    // an application's own limiter names none of them
    let app = text_only(429, "Too Many Requests: you are being rate limited.");
    assert_eq!(id(&app), None);
    assert_eq!(app.generated_by, GeneratedBy::Origin);
}
