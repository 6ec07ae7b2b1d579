//! Tests of [`super`].

use super::tables::*;
use super::*;

fn assert_class(input: &str, want: NetError) {
    assert_eq!(classify(input), want, "input {input:?}");
}

fn row(cause: Cause, culprit: Culprit, transient: bool) -> NetError {
    ne(cause, culprit, transient)
}

#[test]
fn tables_are_sorted_without_duplicate_names() {
    for w in CHROMIUM_ERRORS.windows(2) {
        assert!(
            w[0].0 < w[1].0,
            "CHROMIUM_ERRORS not sorted at {} / {}",
            w[0].0,
            w[1].0
        );
    }
    for w in FIREFOX_ERRORS.windows(2) {
        assert!(
            w[0].0 < w[1].0,
            "FIREFOX_ERRORS not sorted at {} / {}",
            w[0].0,
            w[1].0
        );
    }
    let mut nss: Vec<&str> = known_nss_names().collect();
    nss.sort_unstable();
    let n = nss.len();
    nss.dedup();
    assert_eq!(nss.len(), n, "duplicate NSS names");
    assert!(CHROMIUM_ERRORS.len() >= 290, "{}", CHROMIUM_ERRORS.len());
    assert!(FIREFOX_ERRORS.len() >= 190, "{}", FIREFOX_ERRORS.len());
}

#[test]
fn names_are_well_formed_and_causes_are_no_response_causes() {
    for (name, code, cause, _, _) in CHROMIUM_ERRORS {
        assert!(name.starts_with("ERR_") && is_identifier(name), "{name}");
        assert!(name.bytes().all(|b| !b.is_ascii_lowercase()), "{name}");
        assert!(code < 0, "{name}");
        assert!(!cause.is_response_cause() && cause != Cause::None, "{name}");
    }
    for (name, code, cause, _, _) in FIREFOX_ERRORS {
        assert!(name.starts_with("NS_") && is_identifier(name), "{name}");
        assert!(name.bytes().all(|b| !b.is_ascii_lowercase()), "{name}");
        assert!(code & 0x8000_0000 != 0, "{name}");
        assert!(!cause.is_response_cause() && cause != Cause::None, "{name}");
    }
    for (name, _, e, _) in NSS_ERRORS {
        assert!(is_identifier(name), "{name}");
        assert!(
            !e.cause.is_response_cause() && e.cause != Cause::None,
            "{name}"
        );
        if !name.starts_with("PR_") {
            assert_eq!(e.cause, Cause::Tls, "{name}");
        }
    }
}

#[test]
fn shared_codes_mean_the_same() {
    // Renamed Chromium errors keep their code; aliases in ErrorList.py share a value.
    for a in &CHROMIUM_ERRORS {
        for b in CHROMIUM_ERRORS.iter().filter(|b| b.1 == a.1) {
            assert_eq!(from_chromium(a), from_chromium(b), "{} / {}", a.0, b.0);
        }
    }
    for a in &FIREFOX_ERRORS {
        for b in FIREFOX_ERRORS.iter().filter(|b| b.1 == a.1) {
            assert_eq!(from_firefox(a), from_firefox(b), "{} / {}", a.0, b.0);
        }
    }
    let mut codes: Vec<i32> = NSS_ERRORS.iter().map(|e| e.1).filter(|c| *c != 0).collect();
    let n = codes.len();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), n, "duplicate NSS codes");
}

/// No two the same, and none is 0 (the hash [`find`] never finds).
fn assert_distinct(what: &str, hashes: &[u32]) {
    let mut v = hashes.to_vec();
    v.sort_unstable();
    v.dedup();
    assert_eq!(v.len(), hashes.len(), "{what}: two share a hash");
    assert!(v[0] != 0, "{what}: a hash is 0");
}

#[test]
fn hashes_do_not_collide() {
    assert_distinct("Chromium names", &CHROMIUM.names);
    assert_distinct("Firefox names", &FIREFOX.names);
    assert_distinct("NSS names", &NSS.0.names);
    // A name without `ERR_` is looked up among the NSS names first.
    let mut bare = CHROMIUM.names.to_vec();
    bare.extend_from_slice(&NSS.0.names);
    assert_distinct("Chromium names without ERR_ and NSS names", &bare);
    let messages: Vec<u32> = NSS.1.iter().copied().filter(|h| *h != 0).collect();
    assert_distinct("NSS messages", &messages);
    assert!(messages.len() >= 320, "{} messages", messages.len());
}

/// Each kept row's code, in order.
fn codes<const N: usize, const B: usize>(k: &Keys<N, B>) -> Vec<u32> {
    let mut big = k.big.iter();
    let mut at = 0u32;
    let codes: Vec<u32> = k
        .steps
        .iter()
        .map(|s| {
            at += if *s == BIG_STEP {
                *big.next().unwrap()
            } else {
                u32::from(*s)
            };
            at
        })
        .collect();
    assert!(big.next().is_none());
    assert!(codes.windows(2).all(|w| w[0] <= w[1]));
    codes
}

/// The kept row of the name with hash `h`.
fn kept_row(names: &[u32], h: u32) -> usize {
    names.iter().position(|x| *x == h).unwrap()
}

#[test]
fn kept_tables_match_the_source_tables() {
    let kept = codes(&CHROMIUM);
    for e @ (name, code, ..) in &CHROMIUM_ERRORS {
        let i = kept_row(&CHROMIUM.names, text_hash(&name.as_bytes()[4..]));
        assert_eq!(kept[i], (-code) as u32, "{name}");
        assert_eq!(meaning(CHROMIUM.errors[i]), from_chromium(e), "{name}");
        assert_eq!(chromium_by_code(*code), from_chromium(e), "{name}");
    }
    let kept = codes(&FIREFOX);
    for e @ (name, code, ..) in &FIREFOX_ERRORS {
        let i = kept_row(&FIREFOX.names, text_hash(name.as_bytes()));
        assert_eq!(kept[i], *code, "{name}");
        assert_eq!(meaning(FIREFOX.errors[i]), from_firefox(e), "{name}");
        assert_eq!(by_nsresult(*code), from_firefox(e), "{name}");
    }
    let kept = codes(&NSS.0);
    for (name, code, error, message) in &NSS_ERRORS {
        let i = kept_row(&NSS.0.names, text_hash(name.as_bytes()));
        assert_eq!(kept[i], (-code) as u32, "{name}");
        assert_eq!(meaning(NSS.0.errors[i]), *error, "{name}");
        let m = if message.is_empty() {
            0
        } else {
            text_hash(message.as_bytes())
        };
        assert_eq!(NSS.1[i], m, "{name}");
        assert_eq!(nss_by_code(*code), (*code != 0).then_some(*error), "{name}");
    }
    assert_eq!(nss_by_code(0), None);
    assert_eq!(chromium_by_code(0), OTHER);
    assert_eq!(chromium_by_code(i32::MIN), OTHER);
}

#[test]
fn every_chromium_entry_in_every_form() {
    for e @ (name, code, ..) in &CHROMIUM_ERRORS {
        let want = from_chromium(e);
        let bare = &name[4..];
        for input in [
            format!("net::{name}"),
            name.to_string(),
            format!("  {name}\n"),
            format!("NET::{}", name.to_ascii_lowercase()),
            name.to_ascii_lowercase(),
            format!("net::{bare}"),
            bare.to_string(),
            code.to_string(),
            format!("net::{code}"),
        ] {
            assert_class(&input, want);
        }
    }
}

#[test]
fn every_firefox_entry_in_every_form() {
    for e @ (name, code, ..) in &FIREFOX_ERRORS {
        let want = from_firefox(e);
        for input in [
            name.to_string(),
            name.to_ascii_lowercase(),
            format!("\t{name} "),
            format!("Error code {code}"),
            format!("error code {code}"),
            format!("Error code: {code}"),
            code.to_string(),
            format!("0x{code:08X}"),
            format!("0x{code:08x}"),
            format!("Error code {}", *code as i32),
            format!("{name} (0x{code:08x})"),
        ] {
            assert_class(&input, want);
        }
        // The core errors (0x8000xxxx, 0x8007xxxx, ...) belong to no module.
        if let Some(module) = ((code >> 16) & 0x1FFF).checked_sub(0x45) {
            let generated = format!("NS_ERROR_GENERATE_FAILURE({module}, {})", code & 0xFFFF);
            assert_class(&generated, want);
        }
    }
}

#[test]
fn every_nss_entry_in_every_form() {
    for (name, code, want, message) in NSS_ERRORS {
        for input in [
            name.to_string(),
            name.to_ascii_lowercase(),
            format!("NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, {name})"),
            format!("ns_error_generate_failure( ns_error_module_security ,{name} )"),
        ] {
            assert_class(&input, want);
        }
        if code != 0 {
            let rv = failure(SECURITY, (-code) as u32);
            for input in [
                format!(
                    "NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, {})",
                    -code
                ),
                format!("NS_ERROR_GENERATE_FAILURE(21, {})", -code),
                format!("Error code {rv}"),
                format!("0x{rv:08X}"),
            ] {
                assert_class(&input, want);
            }
        }
        if !message.is_empty() {
            for input in [
                message.to_string(),
                message.replace('\'', "\u{2019}"),
                message.replace('\'', "\u{2018}"),
                format!("  {}  ", message.to_uppercase()),
                message.replace(' ', "  "),
                message.trim_end_matches('.').to_string(),
            ] {
                assert_class(&input, want);
            }
        }
    }
}

#[test]
fn hand_checked() {
    use Cause::*;
    let cases: &[(&str, Cause, Culprit, bool)] = &[
        ("net::ERR_NAME_NOT_RESOLVED", Dns, W::Network, false),
        ("net::ERR_PROXY_CONNECTION_FAILED", C::Proxy, W::Proxy, true),
        ("net::ERR_CERT_DATE_INVALID", Tls, W::Site, false),
        ("net::ERR_CERT_AUTHORITY_INVALID", Tls, W::Unknown, false),
        (
            "net::ERR_SSL_CLIENT_AUTH_CERT_NEEDED",
            Tls,
            W::Browser,
            false,
        ),
        ("net::ERR_ABORTED", Aborted, W::Unknown, false),
        ("net::ERR_TOO_MANY_REDIRECTS", RedirectLoop, W::Site, false),
        (
            "net::ERR_CONNECTION_REFUSED",
            ConnectionRefused,
            W::Site,
            true,
        ),
        (
            "net::ERR_CONNECTION_RESET",
            ConnectionReset,
            W::Network,
            true,
        ),
        ("net::ERR_CONNECTION_TIMED_OUT", Timeout, W::Network, true),
        ("net::ERR_INTERNET_DISCONNECTED", Offline, W::Network, true),
        ("net::ERR_NETWORK_CHANGED", Offline, W::Network, true),
        ("net::ERR_BLOCKED_BY_CLIENT", Blocked, W::Browser, false),
        (
            "net::ERR_BLOCKED_BY_ADMINISTRATOR",
            Blocked,
            W::Browser,
            false,
        ),
        ("net::ERR_BLOCKED_BY_RESPONSE", Blocked, W::Site, false),
        ("net::ERR_BLOCKED_BY_ORB", Blocked, W::Site, false),
        ("net::ERR_EMPTY_RESPONSE", InvalidResponse, W::Site, true),
        (
            "net::ERR_INVALID_HTTP_RESPONSE",
            InvalidResponse,
            W::Site,
            false,
        ),
        (
            "net::ERR_RESPONSE_HEADERS_TOO_BIG",
            InvalidResponse,
            W::Browser,
            false,
        ),
        (
            "net::ERR_CONTENT_LENGTH_MISMATCH",
            InvalidResponse,
            W::Site,
            true,
        ),
        (
            "net::ERR_INCOMPLETE_CHUNKED_ENCODING",
            InvalidResponse,
            W::Site,
            true,
        ),
        ("net::ERR_HTTP2_PROTOCOL_ERROR", Http2Quic, W::Site, false),
        ("net::ERR_QUIC_PROTOCOL_ERROR", Http2Quic, W::Network, true),
        ("net::ERR_CACHE_MISS", Cache, W::Browser, false),
        ("net::ERR_FILE_NOT_FOUND", File, W::Browser, false),
        ("net::ERR_INVALID_URL", InvalidUrl, W::Unknown, false),
        (
            "net::ERR_DISALLOWED_URL_SCHEME",
            InvalidUrl,
            W::Browser,
            false,
        ),
        ("net::ERR_UNKNOWN_URL_SCHEME", InvalidUrl, W::Unknown, false),
        ("net::ERR_INVALID_AUTH_CREDENTIALS", Auth, W::Browser, false),
        (
            "net::ERR_TUNNEL_CONNECTION_FAILED",
            C::Proxy,
            W::Proxy,
            true,
        ),
        (
            "net::ERR_MANDATORY_PROXY_CONFIGURATION_FAILED",
            C::Proxy,
            W::Proxy,
            false,
        ),
        ("net::ERR_SOCKS_CONNECTION_FAILED", C::Proxy, W::Proxy, true),
        ("net::ERR_PAC_SCRIPT_FAILED", C::Proxy, W::Proxy, false),
        ("-105", Dns, W::Network, false),
        ("-3", Aborted, W::Unknown, false),
        ("NS_ERROR_UNKNOWN_HOST", Dns, W::Network, false),
        (
            "NS_ERROR_CONNECTION_REFUSED",
            ConnectionRefused,
            W::Site,
            true,
        ),
        ("NS_BINDING_ABORTED", Aborted, W::Unknown, false),
        ("NS_ERROR_OFFLINE", Offline, W::Network, true),
        ("NS_ERROR_NET_TIMEOUT", Timeout, W::Network, true),
        ("NS_ERROR_NET_RESET", ConnectionReset, W::Network, true),
        (
            "NS_ERROR_PROXY_CONNECTION_REFUSED",
            C::Proxy,
            W::Proxy,
            true,
        ),
        ("NS_ERROR_UNKNOWN_PROXY_HOST", C::Proxy, W::Proxy, false),
        ("NS_ERROR_REDIRECT_LOOP", RedirectLoop, W::Site, false),
        ("NS_ERROR_MALFORMED_URI", InvalidUrl, W::Unknown, false),
        ("NS_ERROR_TRACKING_URI", Blocked, W::Browser, false),
        ("NS_ERROR_PHISHING_URI", Blocked, W::Site, false),
        ("NS_ERROR_FILE_NOT_FOUND", File, W::Browser, false),
        ("NS_ERROR_DOCUMENT_NOT_CACHED", Cache, W::Browser, false),
        (
            "NS_ERROR_NET_HTTP3_PROTOCOL_ERROR",
            Http2Quic,
            W::Network,
            true,
        ),
        ("Error code 2152398861", ConnectionRefused, W::Site, true),
        ("Error code 2152398878", Dns, W::Network, false),
        ("Error code 2153390067", Tls, W::Unknown, false),
        (
            "Peer\u{2019}s Certificate issuer is not recognized.",
            Tls,
            W::Unknown,
            false,
        ),
        (
            "Peer's Certificate issuer is not recognized.",
            Tls,
            W::Unknown,
            false,
        ),
        (
            "Peer\u{2019}s Certificate has expired.",
            Tls,
            W::Site,
            false,
        ),
        (
            "SSL received a record that exceeded the maximum permissible length.",
            Tls,
            W::Site,
            false,
        ),
        (
            "The server presented a certificate that is not yet valid.",
            Tls,
            W::Browser,
            false,
        ),
        (
            "NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SSL_ERROR_BAD_CERT_DOMAIN)",
            Tls,
            W::Site,
            false,
        ),
        (
            "NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SEC_ERROR_UNKNOWN_ISSUER)",
            Tls,
            W::Unknown,
            false,
        ),
        (
            "NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SEC_ERROR_EXPIRED_CERTIFICATE)",
            Tls,
            W::Site,
            false,
        ),
        (
            "NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, 12276)",
            Tls,
            W::Site,
            false,
        ),
        (
            "NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, PR_CONNECT_RESET_ERROR)",
            ConnectionReset,
            W::Network,
            true,
        ),
        (
            "NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SEC_ERROR_SOMETHING_NEW)",
            Tls,
            W::Site,
            false,
        ),
        (
            "NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, 9999)",
            Tls,
            W::Site,
            false,
        ),
        ("SEC_ERROR_UNKNOWN_ISSUER", Tls, W::Unknown, false),
        ("MOZILLA_PKIX_ERROR_MITM_DETECTED", Tls, W::Network, false),
    ];
    for (input, cause, culprit, transient) in cases {
        assert_class(input, row(*cause, *culprit, *transient));
    }
    assert_eq!(failure(NETWORK, 13), 2_152_398_861);
    assert_eq!(failure(NETWORK, 30), 2_152_398_878);
    assert_eq!(failure(SECURITY, (-(SEC + 13)) as u32), 2_153_390_067);
}

#[test]
fn unknown_names_fall_back_on_their_prefix() {
    use Cause::*;
    let cases: &[(&str, Cause)] = &[
        ("net::ERR_PROXY_SOMETHING_NEW", C::Proxy),
        ("net::ERR_SOCKS_SOMETHING_NEW", C::Proxy),
        ("net::ERR_CERT_SOMETHING_NEW", Tls),
        ("net::ERR_SSL_SOMETHING_NEW", Tls),
        ("net::ERR_QUIC_SOMETHING_NEW", Http2Quic),
        ("net::ERR_HTTP2_SOMETHING_NEW", Http2Quic),
        ("net::ERR_SPDY_PROTOCOL_ERROR", Http2Quic),
        ("net::ERR_CACHE_SOMETHING_NEW", Cache),
        ("net::ERR_FILE_SOMETHING_NEW", File),
        ("net::ERR_DNS_SOMETHING_NEW", Dns),
        ("net::ERR_BLOCKED_BY_SOMETHING_NEW", Blocked),
        ("net::ERR_SOMETHING_TIMED_OUT", Timeout),
        ("net::ERR_SOMETHING_NEW", Other),
        ("NS_ERROR_PROXY_SOMETHING_NEW", C::Proxy),
        ("NS_ERROR_FILE_SOMETHING_NEW", File),
        ("NS_ERROR_CACHE_SOMETHING_NEW", Cache),
        ("NS_ERROR_SOMETHING_NEW_URI", Blocked),
        ("NS_ERROR_SOMETHING_NEW", Other),
        ("SSL_ERROR_SOMETHING_NEW", Tls),
        ("-299", Tls),
        ("-899", Dns),
        ("-9999", Other),
    ];
    for (input, cause) in cases {
        assert_eq!(classify(input).cause, *cause, "input {input:?}");
    }
    assert_eq!(
        classify("net::ERR_PROXY_SOMETHING_NEW").culprit,
        Culprit::Proxy
    );
}

#[test]
fn messages_without_a_table_row() {
    assert_eq!(
        classify("Some new certificate problem we have no text for").cause,
        Cause::Tls
    );
    assert_eq!(classify("An unexpected TLS alert").cause, Cause::Tls);
    assert_eq!(classify("Something else went wrong").cause, Cause::Other);
}

#[test]
fn odd_input_never_panics() {
    let long = "x".repeat(1 << 20);
    let long_name = format!("net::ERR_{}", "A".repeat(10_000));
    let split = format!("{}\u{2019}{}", "a".repeat(MAX_INPUT - 1), "b".repeat(10));
    for input in [
        "",
        "   ",
        "\n\t",
        "net::",
        "net:: ",
        "ERR_",
        "NS_",
        "-",
        "+",
        "0x",
        "-0",
        "0",
        "Error code",
        "Error code ",
        "Error code -",
        "Error code 99999999999999999999",
        "Error code 4294967296",
        "Error code -2147483649",
        "-99999999999",
        "-2147483648",
        "NS_ERROR_GENERATE_FAILURE",
        "NS_ERROR_GENERATE_FAILURE(",
        "NS_ERROR_GENERATE_FAILURE()",
        "NS_ERROR_GENERATE_FAILURE(,)",
        "NS_ERROR_GENERATE_FAILURE(99999999999, 1)",
        "NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, -)",
        "NS_ERROR_GENERATE_SUCCESS(NS_ERROR_MODULE_SECURITY, 1)",
        "\u{2019}",
        "\u{e2}\u{80}",
        "ÿÿÿ",
        "日本語のエラー",
        "\0\0\0",
        &long,
        &long_name,
        &split,
    ] {
        let _ = classify(input);
    }
    assert_eq!(classify(""), OTHER);
    assert_eq!(classify(&long), OTHER);
}

#[test]
fn text_hash_normalises() {
    let h = |s: &str| text_hash(s.as_bytes());
    assert_eq!(h("Peer\u{2019}s  Certificate.\n"), h("peer's certificate"));
    assert_eq!(h(" a\tb "), h("A B"));
    assert_ne!(h("ab"), h("a b"));
    assert_eq!(h(""), h(" . "));
}

proptest::proptest! {
    #[test]
    fn any_string_classifies(s in ".{0,700}") {
        let e = classify(&s);
        proptest::prop_assert!(!e.cause.is_response_cause());
    }

    #[test]
    fn any_prefixed_string_classifies(s in "(net::|NS_ERROR_GENERATE_FAILURE\\(|Error code |-|0x)[ -~]{0,40}") {
        let e = classify(&s);
        proptest::prop_assert!(e.cause != Cause::None);
    }
}

#[test]
fn firefox_error_page_codes_mean_their_network_errors() {
    for (code, name) in super::ABOUT_NETERROR {
        assert_ne!(classify(name), OTHER, "{name}");
        assert_eq!(classify(code), classify(name), "{code}");
    }
    assert_eq!(classify("dnsNotFound").cause, Cause::Dns);
    assert_eq!(
        classify("connectionFailure").cause,
        Cause::ConnectionRefused
    );
    assert_eq!(classify("netTimeout").cause, Cause::Timeout);
}
