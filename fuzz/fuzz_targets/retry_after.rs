//! Fuzzes the Retry-After parser: value, Date header and clock from the input.
//! Run: `cargo +nightly fuzz run retry_after -- -max_total_time=60`.
#![no_main]

use gateway_doctor::retry_after::{parse, MAX_RETRY_AFTER};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\n');
    let value = parts.next().unwrap_or("");
    let date = parts.next();
    let now = parts.next().and_then(|n| n.trim().parse::<f64>().ok());
    if let Some(s) = parse(value, date, now) {
        assert!((0.0..=MAX_RETRY_AFTER).contains(&s));
    }
});
