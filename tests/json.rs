//! The outputs' JSON writer (src/json.rs) against serde_json: every export's output over the
//! captured fixtures and a spread of environments is the same JSON value, strings with every
//! character that needs escaping survive, and every number is read back as the same double.

use gateway_doctor::diagnose::in_context;
use gateway_doctor::json;
use gateway_doctor::model::{
    Environment, ExtensionInfo, Failure, Gateway, History, Param, Params, RecentFailure, Reference,
};
use gateway_doctor::policy::note_failure;
use gateway_doctor::view::{retry_line, view, RetryState, Unknown};
use gateway_doctor::{advise, diagnose, rank_extensions, retry_plan};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::Value;

#[path = "support/extensions.rs"]
mod extensions;
#[path = "support/http.rs"]
mod http;
use extensions::ext;
use http::fixture_failures;

/// What the wasm leaves to JavaScript's `Number.prototype.toString`: here Rust's shortest
/// form that reads back exactly, in exponent notation (valid JSON).
fn float(x: f64, out: &mut String) {
    out.push_str(&format!("{x:e}"));
}

fn text<T: Serialize + ?Sized>(v: &T) -> String {
    let j = json::write(v, float).expect("writes");
    assert!(!j.nan, "no NaN here");
    j.out
}

/// serde_json's numbers as doubles, so that `1` and `1.0` compare equal (the writer writes
/// whole numbers without a point; JavaScript has one number type).
fn doubles(v: Value) -> Value {
    match v {
        Value::Number(n) => {
            let x = n.as_f64().expect("a double");
            Value::Number(serde_json::Number::from_f64(x).expect("finite"))
        }
        Value::Array(a) => Value::Array(a.into_iter().map(doubles).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, doubles(v))).collect()),
        v => v,
    }
}

/// The writer's JSON is serde_json's JSON, as values; the text parses as JSON.
fn same<T: Serialize + ?Sized>(what: &str, v: &T) {
    let ours = text(v);
    let parsed: Value =
        serde_json::from_str(&ours).unwrap_or_else(|e| panic!("{what}: not JSON ({e}): {ours}"));
    let theirs = serde_json::to_value(v).unwrap();
    assert_eq!(doubles(parsed), doubles(theirs), "{what}");
}

fn failures() -> Vec<(String, Failure)> {
    let mut out = fixture_failures();
    for e in [
        "net::ERR_NAME_NOT_RESOLVED",
        "net::ERR_CONNECTION_REFUSED",
        "net::ERR_INTERNET_DISCONNECTED",
        "net::ERR_PROXY_CONNECTION_FAILED",
        "net::ERR_CERT_DATE_INVALID",
        "NS_ERROR_UNKNOWN_HOST",
    ] {
        out.push((
            e.into(),
            Failure {
                url: "https://www.example.com/a\"b\\c?q=\u{1}\u{1f}\u{7f}é\u{2028}😀".into(),
                method: Some("POST".into()),
                error: Some(e.into()),
                time_stamp: Some(1_795_000_000_123.456),
                ..Failure::default()
            },
        ));
    }
    assert!(out.len() > 80, "the fixtures are there");
    out
}

fn environments() -> Vec<Environment> {
    vec![
        Environment::default(),
        Environment {
            browser: Some("firefox".into()),
            platform: Some("linux".into()),
            incognito_allowed: Some(true),
            extensions: vec![
                ext(
                    "ub",
                    "uBlock \"Origin\"",
                    &["declarativeNetRequest"],
                    &["<all_urls>"],
                ),
                ext("vpn", "Super\tVPN\n", &["proxy"], &["<all_urls>"]),
            ],
            recent_failures: vec![RecentFailure {
                host: "a.example.org".into(),
                at: 1_795_000_000_000.0 - 60_000.5,
                cause: Some("timeout".into()),
            }],
            known_hosts: vec!["a.example.org".into(), "www.example.com".into()],
            online: Some(true),
            now: Some(1_795_000_000_000.25),
            ..Environment::default()
        },
    ]
}

#[test]
fn every_output_is_serde_jsons_json() {
    let retries = [
        RetryState::default(),
        RetryState {
            state: Some("scheduled".into()),
            reason: Some("transient".into()),
            due: Some(1_795_000_014_000.75),
            attempts: 1,
            max: Some(3),
            now: Some(1_795_000_000_000.0),
            watching: Some(true),
            notifications: Some(false),
        },
    ];
    let mut n = 0;
    for (name, f) in failures() {
        let d = diagnose(&f).unwrap();
        same(&name, &d);
        for env in environments() {
            let d = in_context(&d, &env);
            same(&name, &d);
            let advice = advise(&d, &env);
            same(&name, &advice);
            for r in &retries {
                same(&name, &view(&d, &advice, &env, Unknown::default(), r));
                same(&name, &retry_line(r, &d));
            }
            same(
                &name,
                &note_failure(&env.recent_failures, &d, &env.known_hosts, 1.795e12),
            );
            let h = History {
                attempts: 1,
                first_failure_at: Some(1_794_999_990_000.5),
                now: Some(1_795_000_000_000.0),
                seed: Some(0.123_456_789),
            };
            same(&name, &retry_plan(&d, &h));
            n += 1;
        }
    }
    let exts: Vec<ExtensionInfo> = environments()[1].extensions.clone();
    same("rankExtensions", &rank_extensions(&exts));
    assert!(n > 160);
}

#[test]
fn strings_escape_what_json_needs() {
    let all: String = (0u32..0x800).filter_map(char::from_u32).collect();
    for s in [
        "",
        "plain",
        "\"",
        "\\",
        "\u{0}\u{8}\u{c}\n\r\t\u{1b}\u{1f}",
        "end\\",
        "a\"b\\\"c",
        "\u{2028}\u{2029}\u{fffd}\u{10ffff}😀",
        all.as_str(),
    ] {
        let t = text(s);
        assert_eq!(serde_json::from_str::<String>(&t).unwrap(), s, "{t}");
    }
    // a map's keys are escaped too
    let mut p = Params::new();
    p.insert("k\"\n".into(), Param::Number(0.5));
    p.insert("list".into(), Param::List(vec!["x\u{1}".into()]));
    same("params", &p);
    let g = Gateway {
        id: "x".into(),
        name: "\u{7f}".into(),
        version: None,
        role: gateway_doctor::model::Role::Cdn,
        evidence: vec![],
    };
    same("gateway", &g);
    same(
        "reference",
        &Reference {
            label: "Ray ID".into(),
            value: "8f\"".into(),
        },
    );
}

/// The writer's text for one number, read back as a double.
fn read_back(x: f64) -> (String, f64) {
    let j = json::write(&x, float).unwrap();
    // serde_json refuses 1e999 (out of its range); JSON's grammar does not
    assert!(
        x.is_infinite() || serde_json::from_str::<Value>(&j.out).is_ok(),
        "{}",
        j.out
    );
    let y = if let Some(rest) = j.out.strip_suffix("1e999") {
        if rest == "-" {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        }
    } else {
        j.out.parse::<f64>().unwrap()
    };
    (j.out, y)
}

fn exact(x: f64) {
    let (t, y) = read_back(x);
    assert_eq!(x.to_bits(), y.to_bits(), "{x:e} written as {t}");
}

#[test]
fn numbers_read_back_exactly() {
    for x in [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        0.1,
        0.2 + 0.1,
        1.0 / 3.0,
        0.95,
        1e-7,
        1e-300,
        5e-324,
        f64::MIN_POSITIVE,
        123.456,
        1_795_000_000_123.456,
        9_007_199_254_740_991.0,
        9_007_199_254_740_993.0,
        1.8e19,
        1e21,
        1e300,
        f64::MAX,
        -f64::MAX,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ] {
        exact(x);
    }
    // short forms where there is one
    assert_eq!(read_back(0.95).0, "0.95");
    assert_eq!(read_back(-0.0).0, "-0");
    assert_eq!(read_back(1_795_000_000_000.25).0, "1795000000000.25");
    assert_eq!(read_back(14.0).0, "14");
    assert_eq!(read_back(f64::INFINITY).0, "1e999");
    assert_eq!(read_back(f64::NEG_INFINITY).0, "-1e999");
    // NaN: a placeholder JSON can hold, and the flag that says to put NaN back
    let j = json::write(&[1.0, f64::NAN], float).unwrap();
    assert!(j.nan);
    assert_eq!(j.out, r#"[1,"\ud800"]"#);
}

#[test]
fn integers_beyond_a_double_are_errors() {
    assert_eq!(text(&9_007_199_254_740_991u64), "9007199254740991");
    assert_eq!(text(&-9_007_199_254_740_991i64), "-9007199254740991");
    assert!(json::write(&9_007_199_254_740_992u64, float).is_err());
    assert!(json::write(&u128::MAX, float).is_err());
    assert_eq!(text(&(u16::MAX, -5i8, 'x', ())), r#"[65535,-5,"x",null]"#);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]
    #[test]
    fn any_double_reads_back(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        if !x.is_nan() {
            exact(x);
        }
    }

    #[test]
    fn decimals_read_back(m in -10_000_000_000_000i64..10_000_000_000_000, k in 0u32..8) {
        exact(m as f64 / 10f64.powi(k as i32));
    }
}
