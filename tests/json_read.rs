//! The inputs' JSON reader (src/json.rs, `read`) against serde_json: the same values from the
//! same texts (generated values, every fixture's failure, strings with every escape, numbers
//! read back bit for bit), the same texts refused (mutated and random texts; never a panic),
//! and its depth bound.

use gateway_doctor::json::{self, ReadError, Val};
use proptest::prelude::*;
use serde_json::Value;

#[path = "support/http.rs"]
mod http;

/// What the wasm leaves to JavaScript's `Number`: here Rust's own exact reading.
fn float(s: &str) -> f64 {
    s.parse().expect("a number the reader has checked")
}

fn read(s: &str) -> Result<Val, ReadError> {
    json::read(s, 128, float)
}

/// Our tree as serde_json's value: numbers as doubles, a name given twice kept at its last
/// value (as serde_json and `JSON.parse` do).
fn value(v: &Val) -> Value {
    match v {
        Val::Null => Value::Null,
        Val::Bool(b) => Value::Bool(*b),
        Val::Num(x) => serde_json::Number::from_f64(*x).map_or(Value::Null, Value::Number),
        Val::Str(s) => Value::String(s.clone()),
        Val::Arr(xs) => Value::Array(xs.iter().map(value).collect()),
        Val::Obj(fs) => {
            let mut m = serde_json::Map::new();
            for (k, x) in fs {
                m.insert(k.clone(), value(x));
            }
            Value::Object(m)
        }
    }
}

/// serde_json's numbers as doubles (JavaScript has one number type).
fn doubles(v: Value) -> Value {
    match v {
        Value::Number(n) => serde_json::Number::from_f64(n.as_f64().expect("a double"))
            .map_or(Value::Null, Value::Number),
        Value::Array(a) => Value::Array(a.into_iter().map(doubles).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, doubles(v))).collect()),
        v => v,
    }
}

/// Our reading of `text` is serde_json's.
fn same(text: &str) {
    let theirs: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    let ours = read(text).unwrap_or_else(|e| panic!("{e:?}: {text}"));
    assert_eq!(value(&ours), doubles(theirs), "{text}");
}

/// Whether `text` holds a `\u` escape of a surrogate (which we read as U+FFFD when it is
/// alone, and serde_json refuses) or `ours` a number beyond a double (serde_json refuses it;
/// we read infinity, as `JSON.parse` does).
fn differs_on_purpose(text: &str, ours: &Result<Val, ReadError>) -> bool {
    fn infinite(v: &Val) -> bool {
        match v {
            Val::Num(x) => x.is_infinite(),
            Val::Arr(xs) => xs.iter().any(infinite),
            Val::Obj(fs) => fs.iter().any(|(_, x)| infinite(x)),
            _ => false,
        }
    }
    text.to_ascii_lowercase().contains("\\ud") || ours.as_ref().is_ok_and(infinite)
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(|x| Value::Number(serde_json::Number::from_f64(x).unwrap())),
        (-(1i64 << 53)..(1i64 << 53)).prop_map(|x| Value::Number(x.into())),
        ".*".prop_map(Value::String),
        "[\"\\\\\u{0}-\u{1f}a-zé😀\u{2028}]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((".{0,6}", inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn generated_values_read_as_serde_json_reads_them(v in json_value()) {
        same(&serde_json::to_string(&v).unwrap());
        same(&serde_json::to_string_pretty(&v).unwrap());
    }

    #[test]
    fn numbers_read_back_bit_for_bit(x in any::<f64>().prop_filter("finite", |x| x.is_finite())) {
        let t = serde_json::to_string(&x).unwrap();
        match read(&t).unwrap() {
            Val::Num(y) => prop_assert_eq!(x.to_bits(), y.to_bits(), "{}", t),
            v => prop_assert!(false, "{t}: {v:?}"),
        }
        // JavaScript's shortest form as well: exponent notation with a sign
        let e = format!("{x:e}").replace("e", "e+").replace("e+-", "e-");
        prop_assert_eq!(read(&e).ok(), Some(Val::Num(x)), "{}", e);
    }

    #[test]
    fn decimals_read_exactly(m in 0u64..1_000_000_000_000_000, k in 0usize..25, neg: bool) {
        let digits = m.to_string();
        let t = if k == 0 { digits.clone() } else {
            let padded = format!("{digits:0>width$}", width = k + 1);
            format!("{}.{}", &padded[..padded.len() - k], &padded[padded.len() - k..])
        };
        let t = if neg { format!("-{t}") } else { t };
        let want: f64 = t.parse().unwrap();
        prop_assert_eq!(read(&t).ok().map(|v| match v { Val::Num(y) => y.to_bits(), _ => 0 }), Some(want.to_bits()), "{}", t);
    }

    #[test]
    fn mutated_texts_are_refused_as_serde_json_refuses_them(
        v in json_value(), at in any::<prop::sample::Index>(), cut in any::<bool>(),
        byte in prop::sample::select(b"[]{}\",:\\0123456789-.eEtrufalsn \x01\xc3".to_vec()),
    ) {
        let t = serde_json::to_string(&v).unwrap();
        let mut b = t.into_bytes();
        let i = at.index(b.len() + 1);
        if cut { b.truncate(i) } else { b.insert(i, byte) }
        let Ok(t) = String::from_utf8(b) else { return Ok(()) };
        let theirs = serde_json::from_str::<Value>(&t);
        let ours = read(&t);
        match (&theirs, &ours) {
            (Ok(a), Ok(b)) => prop_assert_eq!(value(b), doubles(a.clone()), "{}", t),
            (Err(_), Err(_)) => {}
            (Err(_), Ok(_)) => prop_assert!(differs_on_purpose(&t, &ours), "{t}: serde_json {theirs:?}, ours {ours:?}"),
            (Ok(_), Err(_)) => prop_assert!(false, "{t}: serde_json {theirs:?}, ours {ours:?}"),
        }
    }

    #[test]
    fn random_texts_never_panic(t in "[\\[\\]{}\",:\\\\0-9.eE+\\-truefalsn u\\x00-\\x1f]{0,40}") {
        let theirs = serde_json::from_str::<Value>(&t).is_ok();
        let r = read(&t);
        let ours = r.is_ok();
        prop_assert!(theirs == ours || (ours && differs_on_purpose(&t, &r)), "{t}: serde_json {theirs}, ours {ours}");
    }
}

#[test]
fn every_fixture_failure_reads_as_serde_json_reads_it() {
    let fixtures = http::fixture_failures();
    assert!(fixtures.len() > 80, "the fixtures are there");
    for (name, f) in fixtures {
        let t = serde_json::to_string(&f).unwrap();
        same(&t);
        assert!(read(&t).is_ok(), "{name}");
    }
}

#[test]
fn escapes_and_surrogates() {
    same(r#""a\"b\\c\/d\b\f\n\r\t\u0000\u001f\u00e9\u2028\ud83d\ude00""#);
    let all: String = (0u32..0x800).filter_map(char::from_u32).collect();
    same(&serde_json::to_string(&all).unwrap());
    // A lone surrogate (what `JSON.stringify` writes for one in a JavaScript string) is
    // U+FFFD, as the glue's copy of such a string makes it.
    for (t, want) in [
        (r#""\ud800""#, "\u{FFFD}"),
        (r#""a\udc00b""#, "a\u{FFFD}b"),
        (r#""\ud800\u0041""#, "\u{FFFD}A"),
        (r#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"),
    ] {
        assert_eq!(read(t), Ok(Val::Str(want.into())), "{t}");
    }
    for bad in [
        r#""\x""#,
        r#""\u12g4""#,
        r#""\u12""#,
        "\"a\u{1}\"",
        r#""abc"#,
        r#""\"#,
    ] {
        assert!(read(bad).is_err(), "{bad}");
        assert!(serde_json::from_str::<Value>(bad).is_err(), "{bad}");
    }
}

#[test]
fn numbers_as_json_has_them() {
    for t in [
        "0",
        "-0",
        "1",
        "-1",
        "0.5",
        "1e3",
        "1E+3",
        "1e-3",
        "123.456e2",
        "9007199254740993",
        "1e22",
        "1e23",
        "5e-324",
        "1.7976931348623157e308",
        "0.1",
        "0.30000000000000004",
        "1795000000000.123",
    ] {
        same(t);
    }
    assert_eq!(read("-0"), Ok(Val::Num(-0.0)));
    assert!(matches!(read("-0"), Ok(Val::Num(x)) if x.is_sign_negative()));
    for bad in [
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "1e+",
        "+1",
        "0x10",
        "NaN",
        "Infinity",
        "-Infinity",
        "1.5.2",
        "--1",
    ] {
        assert!(read(bad).is_err(), "{bad}");
        assert!(serde_json::from_str::<Value>(bad).is_err(), "{bad}");
    }
}

#[test]
fn structure() {
    for t in [
        "[]",
        "{}",
        " [ 1 , [ ] , { } ] ",
        r#"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#,
        "\n\t\r null \n",
    ] {
        same(t);
    }
    // a name twice: the last, as JSON.parse and serde_json keep it
    same(r#"{"a":1,"a":2}"#);
    for bad in [
        "",
        " ",
        "[",
        "]",
        "[1,]",
        "[,1]",
        "{\"a\"}",
        "{\"a\":}",
        "{a:1}",
        "{\"a\":1,}",
        "[1 2]",
        "nul",
        "truex",
        "[] []",
        "{\"a\":1}}",
        "'a'",
    ] {
        assert!(read(bad).is_err(), "{bad:?}");
        assert!(serde_json::from_str::<Value>(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn depth_is_bounded() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(json::read(&nested(16), 16, float).is_ok());
    assert_eq!(json::read(&nested(17), 16, float), Err(ReadError::TooDeep));
    assert_eq!(
        json::read(r#"{"a":{"b":{"c":1}}}"#, 2, float),
        Err(ReadError::TooDeep)
    );
    assert!(json::read(r#"{"a":{"b":{"c":1}}}"#, 3, float).is_ok());
    // far deeper than any stack: refused at the bound, never overflowing
    let deep = "[".repeat(1_000_000);
    assert_eq!(json::read(&deep, 16, float), Err(ReadError::TooDeep));
    let deep = "{\"a\":".repeat(100_000);
    assert_eq!(json::read(&deep, 16, float), Err(ReadError::TooDeep));
}
