//! Bounded, normalised views of untrusted input: every size is capped here, once, before
//! any rule looks at it.

use crate::model::Failure;

/// At most this many response headers are read; the rest are ignored.
pub const MAX_HEADERS: usize = 256;
/// Each header value is cut to this many bytes.
pub const MAX_HEADER_VALUE: usize = 4 * 1024;
/// The error page is read up to this many bytes.
pub const MAX_BODY: usize = 16 * 1024;
/// The status line is cut to this many bytes.
pub const MAX_STATUS_LINE: usize = 512;

/// Cuts `s` to at most `max` bytes, at a character boundary.
pub fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Appends the decimal digits of `n` (what `n.to_string()` gives, without `core::fmt`).
pub(crate) fn push_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in digits.iter().skip(digits.len() - len) {
        out.push(char::from(b));
    }
}

/// `parts` joined, in one allocation.
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// The position of the last `byte` in `s` (an ASCII byte, so a character boundary).
pub(crate) fn rfind_byte(s: &str, byte: u8) -> Option<usize> {
    s.bytes().rposition(|b| b == byte)
}

/// The evidence a response carries, bounded and with lowercase header names.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// (lowercase name, value) in the order received.
    pub headers: Vec<(String, String)>,
    /// The reason phrase from the status line ("Bad Gateway"), if any.
    pub reason: Option<String>,
    /// The page, bounded, as given.
    pub body: String,
    /// The page, bounded, lowercase.
    pub body_lower: String,
}

impl Evidence {
    pub fn from_failure(f: &Failure) -> Evidence {
        let mut headers = Vec::new();
        for h in f.response_headers.iter().take(MAX_HEADERS) {
            headers.push((
                clip(h.name.trim(), 128).to_ascii_lowercase(),
                clip(h.value.as_deref().unwrap_or("").trim(), MAX_HEADER_VALUE).to_string(),
            ));
        }
        let reason = f.status_line.as_deref().and_then(|line| {
            let line = clip(line, MAX_STATUS_LINE).trim();
            // "HTTP/1.1 502 Bad Gateway" -> "Bad Gateway"; "HTTP/2 502" -> None
            let mut parts = line.splitn(3, ' ');
            let _version = parts.next()?;
            let _code = parts.next()?;
            let reason = parts.next()?.trim();
            (!reason.is_empty()).then(|| reason.to_string())
        });
        let body = clip(f.body_text.as_deref().unwrap_or(""), MAX_BODY).to_string();
        let body_lower = body.to_ascii_lowercase();
        Evidence {
            headers,
            reason,
            body,
            body_lower,
        }
    }

    /// The first value of a header (name in lowercase).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a header (name in lowercase).
    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn has_header(&self, name: &str) -> bool {
        self.headers.iter().any(|(n, _)| n == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_joins() {
        for n in [0, 7, 10, 502, 65535, 1_795_000_000_000, u64::MAX] {
            let mut s = String::from("x");
            push_u64(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
        assert_eq!(concat(&["a", "", "bc"]), "abc");
        assert_eq!(rfind_byte("a.b.c", b'.'), Some(3));
        assert_eq!(rfind_byte("abc", b'.'), None);
    }

    #[test]
    fn clip_respects_char_boundaries() {
        assert_eq!(clip("héllo", 2), "h");
        assert_eq!(clip("héllo", 3), "hé");
        assert_eq!(clip("abc", 10), "abc");
    }
}
