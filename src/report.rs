//! The short problem report that "Contact the site" and the panel's Copy button put on the
//! clipboard, for a site's (or its provider's) support: when (a UTC date and time), the page
//! (without its query, which may hold private data), the status or error, the gateway, the
//! cause and the reference ids. Plain English lines: support desks read English, and the
//! labels are the ones their own pages use ("Ray ID", "Request ID").

use crate::model::Diagnosis;
use crate::text::{clip, push_u64};

/// "2026-12-05 17:20:31 UTC" for `ms` since 1970 (UTC), or `None` for a time that is not
/// one (not finite, before 1970, past the year 9999).
pub fn utc(ms: f64) -> Option<String> {
    if !ms.is_finite() || !(0.0..253_402_300_800_000.0).contains(&ms) {
        return None;
    }
    let secs = (ms / 1000.0).floor() as u64;
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Howard Hinnant's civil_from_days, for days since 1970-01-01
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    let mut out = String::with_capacity(24);
    let two = |out: &mut String, n: u64| {
        if n < 10 {
            out.push('0');
        }
        push_u64(out, n);
    };
    push_u64(&mut out, year);
    out.push('-');
    two(&mut out, month);
    out.push('-');
    two(&mut out, day);
    out.push(' ');
    two(&mut out, rest / 3600);
    out.push(':');
    two(&mut out, rest % 3600 / 60);
    out.push(':');
    two(&mut out, rest % 60);
    out.push_str(" UTC");
    Some(out)
}

/// The URL without its query and fragment (they may carry tokens or personal data).
pub fn without_query(url: &str) -> &str {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    clip(&url[..end], 300)
}

/// The report for `d`, seen at `now` (ms since 1970, when known).
pub fn report(d: &Diagnosis, url: &str, now: Option<f64>) -> String {
    let mut r = String::from("Page failed: ");
    r.push_str(without_query(if d.url.is_empty() { url } else { &d.url }));
    if let Some(when) = now.and_then(utc) {
        r.push_str("\nWhen: ");
        r.push_str(&when);
    }
    match (d.status_code, &d.error) {
        (Some(s), _) => {
            r.push_str("\nStatus: ");
            push_u64(&mut r, u64::from(s));
            if let Some(t) = d
                .status_text
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
            {
                r.push(' ');
                r.push_str(clip(t, 60));
            }
        }
        (None, Some(e)) => {
            r.push_str("\nError: ");
            r.push_str(clip(e, 100));
        }
        _ => {}
    }
    if let Some(g) = &d.gateway {
        r.push_str("\nGateway: ");
        r.push_str(clip(&g.name, 60));
    }
    r.push_str("\nCause: ");
    r.push_str(d.cause.as_str());
    for x in &d.references {
        r.push('\n');
        r.push_str(clip(&x.label, 60));
        r.push_str(": ");
        r.push_str(clip(&x.value, 128));
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0.0).as_deref(), Some("1970-01-01 00:00:00 UTC"));
        assert_eq!(
            utc(1_796_474_905_094.0).as_deref(),
            Some("2026-12-05 12:48:25 UTC")
        );
        assert_eq!(
            utc(951_782_400_000.0).as_deref(),
            Some("2000-02-29 00:00:00 UTC")
        );
        assert_eq!(utc(-1.0), None);
        assert_eq!(utc(f64::NAN), None);
        assert_eq!(utc(1e20), None);
    }

    #[test]
    fn no_query() {
        assert_eq!(
            without_query("https://a.test/p?token=x#y"),
            "https://a.test/p"
        );
        assert_eq!(without_query("https://a.test/p#y"), "https://a.test/p");
        assert_eq!(without_query("https://a.test/"), "https://a.test/");
    }
}
