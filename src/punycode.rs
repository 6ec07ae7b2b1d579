//! Punycode (RFC 3492) decoding, for host names written as `xn--` labels. Bounded: a label
//! longer than DNS allows (63 bytes) or one that would decode to more than 63 characters is
//! refused, and every step checks for overflow, so hostile input costs little and never
//! panics.

const BASE: u32 = 36;
const TMIN: u32 = 1;
const TMAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

/// The longest label looked at (DNS allows 63 bytes).
pub const MAX_LABEL: usize = 63;

fn adapt(mut delta: u32, numpoints: u32, first: bool) -> u32 {
    delta = if first { delta / DAMP } else { delta / 2 };
    delta += delta / numpoints;
    let mut k = 0;
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    k + (((BASE - TMIN + 1) * delta) / (delta + SKEW))
}

fn digit(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0') + 26),
        b'a'..=b'z' => Some(u32::from(b - b'a')),
        b'A'..=b'Z' => Some(u32::from(b - b'A')),
        _ => None,
    }
}

/// Decodes the Punycode part of a label (what follows `xn--`). `None` when it is not valid
/// Punycode or is too long.
pub fn decode(input: &str) -> Option<String> {
    if input.len() > MAX_LABEL || !input.is_ascii() {
        return None;
    }
    let bytes = input.as_bytes();
    let (basic, rest) = match bytes.iter().rposition(|&b| b == b'-') {
        Some(p) => (&bytes[..p], &bytes[p + 1..]),
        None => (&bytes[..0], bytes),
    };
    let mut out: Vec<char> = Vec::with_capacity(input.len());
    for &b in basic {
        out.push(char::from(b));
    }
    let mut n = INITIAL_N;
    let mut i: u32 = 0;
    let mut bias = INITIAL_BIAS;
    let mut pos = 0;
    while pos < rest.len() {
        let old_i = i;
        let mut w: u32 = 1;
        let mut k = BASE;
        loop {
            let d = digit(*rest.get(pos)?)?;
            pos += 1;
            i = i.checked_add(d.checked_mul(w)?)?;
            let t = if k <= bias {
                TMIN
            } else if k >= bias + TMAX {
                TMAX
            } else {
                k - bias
            };
            if d < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = out.len() as u32 + 1;
        bias = adapt(i - old_i, len, old_i == 0);
        n = n.checked_add(i / len)?;
        i %= len;
        let c = char::from_u32(n)?;
        if out.len() >= MAX_LABEL {
            return None;
        }
        out.insert(i as usize, c);
        i += 1;
    }
    let mut s = String::with_capacity(out.len());
    for c in out {
        s.push(c);
    }
    Some(s)
}

/// A host with every `xn--` label decoded; labels that do not decode stay as they are.
pub fn host_to_unicode(host: &str) -> String {
    let mut out = String::with_capacity(host.len());
    for (i, label) in host.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        let decoded = label
            .get(..4)
            .filter(|p| p.eq_ignore_ascii_case("xn--"))
            .and_then(|_| decode(&label.get(4..)?.to_ascii_lowercase()))
            .filter(|u| !u.is_empty());
        out.push_str(decoded.as_deref().unwrap_or(label));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_rfc_samples() {
        assert_eq!(decode("bcher-kva").as_deref(), Some("bücher"));
        assert_eq!(decode("e1afmkfd").as_deref(), Some("пример"));
        assert_eq!(decode("r8jz45g").as_deref(), Some("例え"));
        assert_eq!(decode("ggle-55da").as_deref(), Some("g\u{43e}\u{43e}gle"));
        assert_eq!(
            host_to_unicode("xn--ggle-55da.com"),
            "g\u{43e}\u{43e}gle.com"
        );
        assert_eq!(host_to_unicode("xn--e1afmkfd.xn--p1ai"), "пример.рф");
        assert_eq!(host_to_unicode("example.com"), "example.com");
    }

    #[test]
    fn refuses_junk() {
        for bad in [
            "99999999999999999",
            "a-!",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
        ] {
            assert_eq!(decode(bad), None, "{bad}");
        }
        assert_eq!(host_to_unicode("xn--!!.com"), "xn--!!.com");
    }
}
