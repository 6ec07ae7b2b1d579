//! Property tests: diagnose, the Retry-After parser and header handling never panic on any
//! input, and what they return stays bounded.

use gateway_doctor::model::{Diagnosis, Failure, Header, ProxyInfo};
use gateway_doctor::retry_after::{self, MAX_RETRY_AFTER};
use proptest::prelude::*;

fn check_bounded(d: &Diagnosis) {
    assert!(
        d.evidence.len() <= 16,
        "{} evidence strings",
        d.evidence.len()
    );
    assert!(
        d.evidence.iter().all(|e| e.len() <= 512),
        "evidence too long"
    );
    assert!(d.url.len() <= 8 * 1024 + 4);
    assert!((0.0..=1.0).contains(&d.confidence));
    if let Some(r) = d.retry_after_seconds {
        assert!((0.0..=MAX_RETRY_AFTER).contains(&r));
    }
    if let Some(g) = &d.gateway {
        assert!(g.evidence.len() <= 8 && g.evidence.iter().all(|e| e.len() <= 200));
        assert!(g.version.as_ref().is_none_or(|v| v.len() <= 32));
    }
    assert!(d.status_text.as_ref().is_none_or(|t| t.len() <= 512));
    assert!(d.safe_to_retry <= d.failed);
}

fn header_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Server".to_string()),
        Just("Via".to_string()),
        Just("Retry-After".to_string()),
        Just("Date".to_string()),
        Just("X-Squid-Error".to_string()),
        Just("X-Vercel-Error".to_string()),
        Just("CF-Ray".to_string()),
        Just("content-type".to_string()),
        ".{0,40}",
    ]
}

fn header_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("nginx/1.22.1".to_string()),
        Just("cloudflare".to_string()),
        Just("Sun, 06 Nov 1994 08:49:37 GMT".to_string()),
        Just("ERR_CONNECT_FAIL 111".to_string()),
        "[0-9]{0,30}",
        ".{0,200}",
    ]
}

fn body() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("<hr><center>nginx/".to_string()),
        Just(
            "upstream connect error or disconnect/reset before headers. reset reason: ".to_string()
        ),
        Just("error code: ".to_string()),
        Just("Code: ".to_string()),
        ".{0,2000}",
        "[<>a-z /:#&;0-9]{0,500}",
    ]
}

fn failure() -> impl Strategy<Value = Failure> {
    (
        prop_oneof![
            Just("https://a.example/".to_string()),
            "https?://[a-z.]{1,20}/.{0,50}",
            ".{0,100}"
        ],
        proptest::option::of(".{0,20}"),
        proptest::option::of(prop_oneof![500u16..=599, any::<u16>()]),
        proptest::option::of(".{0,100}"),
        proptest::collection::vec((header_name(), proptest::option::of(header_value())), 0..20),
        proptest::option::of(".{0,60}"),
        proptest::option::of(body()),
        proptest::option::of((
            proptest::option::of(".{0,10}"),
            proptest::option::of(".{0,30}"),
        )),
        proptest::option::of(any::<f64>()),
    )
        .prop_map(
            |(url, method, status, line, headers, error, body, proxy, ts)| Failure {
                url,
                method,
                status_code: status,
                status_line: line,
                response_headers: headers
                    .into_iter()
                    .map(|(name, value)| Header { name, value })
                    .collect(),
                error,
                page_text: body.as_deref().map(|b| b.chars().rev().collect()),
                body_text: body,
                proxy: proxy.map(|(kind, host)| ProxyInfo {
                    kind,
                    host,
                    port: Some(8080),
                }),
                // any address, a DNS filter's among them
                ip: ts.map(|t| {
                    if t > 0.0 {
                        "0.0.0.0".into()
                    } else {
                        "::1".into()
                    }
                }),
                time_stamp: ts,
                ignored_sites: Vec::new(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn diagnose_never_panics(f in failure()) {
        if let Ok(d) = gateway_doctor::diagnose(&f) {
            check_bounded(&d);
        }
    }

    #[test]
    fn retry_after_never_panics(v in ".{0,200}", date in proptest::option::of(".{0,60}"), now in proptest::option::of(any::<f64>())) {
        if let Some(s) = retry_after::parse(&v, date.as_deref(), now) {
            prop_assert!((0.0..=MAX_RETRY_AFTER).contains(&s));
        }
    }

    #[test]
    fn retry_after_delta_seconds(n in any::<u64>()) {
        let got = retry_after::parse(&n.to_string(), None, None).unwrap();
        prop_assert_eq!(got, (n as f64).min(MAX_RETRY_AFTER));
    }

    #[test]
    fn retry_after_dates(secs in 0i64..253_402_300_799, delta in -100_000i64..200_000) {
        let target = imf_fixdate(secs + delta.max(-secs));
        let date = imf_fixdate(secs);
        let got = retry_after::parse(&target, Some(&date), None).unwrap();
        let want = ((delta.max(-secs)).max(0) as f64).min(MAX_RETRY_AFTER);
        prop_assert_eq!(got, want, "{} against {}", target, date);
    }
}

/// An IMF-fixdate for a count of seconds since the epoch (civil-from-days, H. Hinnant).
fn imf_fixdate(t: i64) -> String {
    let days = t.div_euclid(86_400);
    let rem = t.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let wd = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][days.rem_euclid(7) as usize];
    let mon = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][(m - 1) as usize];
    format!(
        "{wd}, {d:02} {mon} {y:04} {:02}:{:02}:{:02} GMT",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[test]
fn huge_inputs_stay_bounded() {
    let big_body = "<hr><center>nginx/".repeat(1024 * 1024 / 18 + 1);
    assert!(big_body.len() >= 1024 * 1024);
    let mut headers: Vec<Header> = (0..10_000)
        .map(|i| Header {
            name: format!("X-H{i}"),
            value: Some("v".repeat(i % 300)),
        })
        .collect();
    headers.push(Header {
        name: "Server".into(),
        value: Some("nginx/".to_string() + &"9".repeat(100_000)),
    });
    headers.insert(
        0,
        Header {
            name: "Via".into(),
            value: Some("1.1 varnish ".repeat(10_000)),
        },
    );
    headers.insert(
        0,
        Header {
            name: "Retry-After".into(),
            value: Some("9".repeat(100_000)),
        },
    );
    let url = format!("https://a.example/{}", "p".repeat(100 * 1024));
    for status in [500u16, 502, 503, 504, 511, 521, 599, 600, 65535] {
        let f = Failure {
            url: url.clone(),
            status_code: Some(status),
            status_line: Some(format!("HTTP/1.1 {status} {}", "x".repeat(100_000))),
            response_headers: headers.clone(),
            body_text: Some(big_body.clone()),
            proxy: Some(ProxyInfo {
                kind: Some("http".into()),
                host: Some("h".repeat(100_000)),
                port: Some(1),
            }),
            time_stamp: Some(f64::MAX),
            ..Failure::default()
        };
        let t = std::time::Instant::now();
        if let Ok(d) = gateway_doctor::diagnose(&f) {
            check_bounded(&d);
        }
        assert!(t.elapsed().as_secs() < 5);
    }
}

#[test]
fn non_ascii_everywhere() {
    let weird = "ﬀİı\u{0}\u{FEFF}é\u{10FFFF}ß".repeat(500);
    let f = Failure {
        url: format!("https://a.example/{weird}"),
        method: Some(weird.clone()),
        status_code: Some(502),
        status_line: Some(weird.clone()),
        response_headers: vec![
            Header {
                name: weird.clone(),
                value: Some(weird.clone()),
            },
            Header {
                name: "Server".into(),
                value: Some(format!("nginx/{weird}")),
            },
            Header {
                name: "Retry-After".into(),
                value: Some(weird.clone()),
            },
            Header {
                name: "Via".into(),
                value: Some(weird.clone()),
            },
        ],
        body_text: Some(format!("<hr><center>nginx/{weird}</center> code: {weird}")),
        ..Failure::default()
    };
    if let Ok(d) = gateway_doctor::diagnose(&f) {
        check_bounded(&d);
    }
}
