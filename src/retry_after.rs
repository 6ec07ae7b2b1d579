//! Retry-After (RFC 9110 10.2.3): delta-seconds or an HTTP-date.

/// Longest wait honoured: a day. Larger values are capped to it.
pub const MAX_RETRY_AFTER: f64 = 86_400.0;

/// Longest value looked at; a real Retry-After is under 40 bytes.
const MAX_VALUE_LEN: usize = 128;

/// Seconds to wait, from a Retry-After value. An HTTP-date is measured against the
/// response's Date header when there is one (so the person's clock skew does not matter),
/// else against `now_ms` (ms since the epoch). Past dates give 0; absurd values are capped.
pub fn parse(value: &str, date_header: Option<&str>, now_ms: Option<f64>) -> Option<f64> {
    let v = value.trim();
    if v.is_empty() || v.len() > MAX_VALUE_LEN {
        return None;
    }
    if v.bytes().all(|b| b.is_ascii_digit()) {
        // delta-seconds = 1*DIGIT; any number of digits, saturating.
        let mut n: u64 = 0;
        for b in v.bytes() {
            n = n.saturating_mul(10).saturating_add(u64::from(b - b'0'));
        }
        return Some((n as f64).min(MAX_RETRY_AFTER));
    }
    let target = http_date(v)?;
    let reference = match date_header.and_then(http_date) {
        Some(date) => date,
        None => {
            let now = now_ms.filter(|n| n.is_finite())?;
            (now / 1000.0).floor() as i64
        }
    };
    let delta = target.saturating_sub(reference);
    Some((delta.max(0) as f64).min(MAX_RETRY_AFTER))
}

/// Seconds since the epoch of an HTTP-date (RFC 9110 5.6.7): IMF-fixdate
/// ("Sun, 06 Nov 1994 08:49:37 GMT"), RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") or asctime
/// ("Sun Nov  6 08:49:37 1994"). Lenient about spacing and letter case, strict about fields.
pub fn http_date(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_VALUE_LEN {
        return None;
    }
    let mut it = s.split_ascii_whitespace();
    let first = it.next()?;
    // up to six more fields (six means too many for every format)
    let mut fields = [""; 6];
    let mut n = 0;
    for (slot, field) in fields.iter_mut().zip(it) {
        *slot = field;
        n += 1;
    }
    let rest = &fields[..n];
    if let Some(day_name) = first.strip_suffix(',') {
        weekday(day_name)?;
        match rest {
            // IMF-fixdate: 06 Nov 1994 08:49:37 GMT
            [day, mon, year, time, zone] if is_gmt(zone) => {
                let year = number(year, 4)?;
                build(year, month(mon)?, number(day, 2)?, time)
            }
            // RFC 850: 06-Nov-94 08:49:37 GMT
            [dmy, time, zone] if is_gmt(zone) => {
                let mut p = dmy.split('-');
                let day = number(p.next()?, 2)?;
                let mon = month(p.next()?)?;
                let y = p.next()?;
                if p.next().is_some() {
                    return None;
                }
                let year = match y.len() {
                    2 => {
                        let yy = number(y, 2)?;
                        if yy < 70 {
                            2000 + yy
                        } else {
                            1900 + yy
                        }
                    }
                    4 => number(y, 4)?,
                    _ => return None,
                };
                build(year, mon, day, time)
            }
            _ => None,
        }
    } else {
        // asctime: Sun Nov  6 08:49:37 1994
        weekday(first)?;
        match rest {
            [mon, day, time, year] => build(number(year, 4)?, month(mon)?, number(day, 2)?, time),
            _ => None,
        }
    }
}

fn is_gmt(zone: &str) -> bool {
    zone.eq_ignore_ascii_case("GMT") || zone.eq_ignore_ascii_case("UTC")
}

fn weekday(s: &str) -> Option<()> {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const LONG: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    for d in DAYS.iter().chain(&LONG) {
        if d.eq_ignore_ascii_case(s) {
            return Some(());
        }
    }
    None
}

fn month(s: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(s))
        .map(|i| i as i64 + 1)
}

/// 1 to `max_len` ASCII digits.
fn number(s: &str, max_len: usize) -> Option<i64> {
    if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.bytes().fold(0, |n, b| n * 10 + i64::from(b - b'0')))
}

fn build(year: i64, month: i64, day: i64, time: &str) -> Option<i64> {
    let mut p = time.split(':');
    let h = number(p.next()?, 2)?;
    let m = number(p.next()?, 2)?;
    let sec = number(p.next()?, 2)?;
    if p.next().is_some() || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    if !(1..=31).contains(&day) || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + sec)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATE: &str = "Sun, 06 Nov 1994 08:49:37 GMT";
    const DATE_S: i64 = 784_111_777;

    #[test]
    fn delta_seconds() {
        assert_eq!(parse("120", None, None), Some(120.0));
        assert_eq!(parse(" 0 ", None, None), Some(0.0));
        assert_eq!(parse("86401", None, None), Some(MAX_RETRY_AFTER));
        assert_eq!(
            parse("99999999999999999999999999999999", None, None),
            Some(MAX_RETRY_AFTER)
        );
    }

    #[test]
    fn garbage_is_none() {
        for v in [
            "",
            " ",
            "-5",
            "1.5",
            "+3",
            "soon",
            "120s",
            "0x10",
            "Sun, 06 Nov 1994",
            "Sun, 32 Nov 1994 08:49:37 GMT",
        ] {
            assert_eq!(parse(v, None, Some(0.0)), None, "{v:?}");
        }
        assert_eq!(parse(&"9".repeat(200), None, None), None);
    }

    #[test]
    fn the_three_date_formats() {
        assert_eq!(http_date(DATE), Some(DATE_S));
        assert_eq!(http_date("Sunday, 06-Nov-94 08:49:37 GMT"), Some(DATE_S));
        assert_eq!(http_date("Sun Nov  6 08:49:37 1994"), Some(DATE_S));
        assert_eq!(http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            http_date("Tue, 29 Feb 2000 12:00:00 GMT"),
            Some(951_825_600)
        );
        assert_eq!(http_date("Wed, 29 Feb 2023 12:00:00 GMT"), None);
        assert_eq!(http_date("Sun, 06 Nov 1994 24:00:00 GMT"), None);
        assert_eq!(http_date("Sun, 06 Nov 1994 08:49:37 PST"), None);
    }

    #[test]
    fn date_against_the_date_header() {
        let later = "Sun, 06 Nov 1994 08:51:37 GMT";
        assert_eq!(parse(later, Some(DATE), None), Some(120.0));
        // the Date header wins over the local clock
        assert_eq!(parse(later, Some(DATE), Some(0.0)), Some(120.0));
        // in the past: 0
        assert_eq!(parse(DATE, Some(later), None), Some(0.0));
    }

    #[test]
    fn date_against_now() {
        let later = "Sun, 06 Nov 1994 08:50:37 GMT";
        assert_eq!(parse(later, None, Some(DATE_S as f64 * 1000.0)), Some(60.0));
        assert_eq!(
            parse(later, Some("garbage"), Some(DATE_S as f64 * 1000.0 + 500.0)),
            Some(60.0)
        );
        assert_eq!(parse(later, None, None), None);
        assert_eq!(parse(later, None, Some(f64::NAN)), None);
        assert_eq!(parse(later, None, Some(f64::INFINITY)), None);
        assert_eq!(parse(later, None, Some(-1e300)), Some(MAX_RETRY_AFTER));
        assert_eq!(parse(later, None, Some(1e300)), Some(0.0));
        // far future: capped
        assert_eq!(
            parse("Fri, 31 Dec 9999 23:59:59 GMT", None, Some(0.0)),
            Some(MAX_RETRY_AFTER)
        );
    }
}
