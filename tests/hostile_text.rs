//! What a hostile site sends to be read wrong: bidi overrides, isolates and marks, zero-width
//! characters and control characters in its status line, headers, page and URL never reach
//! anything the person is shown (the diagnosis, the advice, the view, the report to copy).

use gateway_doctor::model::{Environment, Failure, Header};
use gateway_doctor::text::{hidden, shown};
use gateway_doctor::view::{view, RetryState, Unknown};
use gateway_doctor::{advise, diagnose};

const TRICKS: &[char] = &[
    '\u{202E}', '\u{202D}', '\u{202A}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200E}',
    '\u{200F}', '\u{061C}', '\u{200B}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{FFF9}', '\u{0000}',
    '\u{0007}', '\u{001B}', '\u{007F}', '\u{0085}', '\u{009B}',
];

fn hdr(name: &str, value: &str) -> Header {
    Header {
        name: name.into(),
        value: Some(value.into()),
    }
}

#[test]
fn hidden_characters_are_exactly_the_tricks() {
    for &c in TRICKS {
        assert!(hidden(c), "{:?}", c);
    }
    // what a page's text really uses stays: line ends, tabs, accents, other scripts, emoji
    for c in ['\n', '\t', '\r', ' ', 'é', 'а', 'ش', '中', '😀', '\u{00A0}'] {
        assert!(!hidden(c), "{:?}", c);
    }
    assert_eq!(shown("nginx\u{202E}/1.22\u{0007}"), "nginx/1.22");
    assert!(matches!(shown("plain text"), std::borrow::Cow::Borrowed(_)));
}

#[test]
fn tricks_in_every_field_reach_nothing_shown() {
    for &c in TRICKS {
        let t = |s: &str| s.replace('|', &c.to_string());
        let f = Failure {
            url: t("https://shop.example.com/cart?x=|gnp.exe"),
            method: Some(t("G|ET")),
            status_code: Some(502),
            status_line: Some(t("HTTP/1.1 502 Bad| Gateway|")),
            response_headers: vec![
                hdr("Server", &t("nginx|/1.22.1")),
                hdr("CF-RAY", &t("8a1b|c2d3-AMS")),
                hdr("X-Request-Id", &t("abc|def")),
                hdr("Via", &t("1.1 varnish|")),
                hdr("Retry-After", &t("1|20")),
            ],
            body_text: Some(t(
                "<html><title>502 Bad Gateway</title><body><h1>Error| reference</h1><p>Reference #18.|abcd</p><center>nginx|/1.22.1</center></body></html>",
            )),
            page_text: Some(t("502 Bad Gateway\nReference #18.|abcd")),
            ..Default::default()
        };
        let d = diagnose(&f).unwrap();
        let env = Environment::default();
        let a = advise(&d, &env);
        let v = view(&d, &a, &env, Unknown::default(), &RetryState::default());
        let all = format!("{d:?}{a:?}{v:?}");
        // Debug escapes every one of them ('\u{202e}', '\0', '\u{7}'): none is there, raw or escaped
        let esc = format!("{:?}", c.to_string());
        let esc = &esc[1..esc.len() - 1];
        assert!(
            !all.contains(c) && !all.contains(esc),
            "{:?} reached the view: {esc}",
            c
        );
        // and what was around it still reads
        assert_eq!(d.url, "https://shop.example.com/cart?x=gnp.exe");
        assert_eq!(d.method, "GET");
        assert_eq!(d.status_text.as_deref(), Some("Bad Gateway"));
        assert!(all.contains("CF-Ray: 8a1bc2d3-AMS"), "{:?}", c);
    }
}
