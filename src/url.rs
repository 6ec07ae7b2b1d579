//! Just enough URL parsing for the core: scheme, host, port, origin. The URLs come from the
//! browser (already canonical), but a hostile or broken caller may send anything, so this
//! never panics and rejects what does not parse.

use crate::model::InputError;
use crate::text::{concat, push_u64, rfind_byte};

/// The longest URL accepted: Chromium's own limit (2 MiB).
pub const MAX_URL_LEN: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url<'a> {
    /// Lowercase scheme without ':'.
    pub scheme: String,
    /// Lowercase host, without brackets for IPv6; "" when the URL has no authority.
    pub host: String,
    pub port: Option<u16>,
    /// Everything after the authority (path, query, fragment), as given.
    pub rest: &'a str,
}

impl Url<'_> {
    pub fn default_port(&self) -> Option<u16> {
        match self.scheme.as_str() {
            "http" | "ws" => Some(80),
            "https" | "wss" => Some(443),
            "ftp" => Some(21),
            _ => None,
        }
    }

    /// scheme://host[:port], with the port left out when it is the scheme's default.
    pub fn origin(&self) -> String {
        if self.host.is_empty() {
            return String::new();
        }
        let ipv6 = self.host.contains(':');
        let mut s = concat(&[
            &self.scheme,
            if ipv6 { "://[" } else { "://" },
            &self.host,
            if ipv6 { "]" } else { "" },
        ]);
        if let Some(p) = self.port.filter(|p| Some(*p) != self.default_port()) {
            s.push(':');
            push_u64(&mut s, u64::from(p));
        }
        s
    }

    pub fn is_http(&self) -> bool {
        self.scheme == "http" || self.scheme == "https"
    }
}

fn bad(what: &str) -> InputError {
    InputError(concat(&["url: ", what]))
}

/// `s` without the ASCII bytes at either end for which `cut` holds.
fn trim_ascii_by(s: &str, cut: impl Fn(u8) -> bool) -> &str {
    let b = s.as_bytes();
    let start = b.iter().position(|&x| !cut(x)).unwrap_or(b.len());
    let end = b.iter().rposition(|&x| !cut(x)).map_or(start, |e| e + 1);
    s.get(start..end).unwrap_or("")
}

/// Parses an absolute URL.
pub fn parse(input: &str) -> Result<Url<'_>, InputError> {
    if input.len() > MAX_URL_LEN {
        return Err(bad("longer than 2 MiB"));
    }
    let input = trim_ascii_by(input, |b| b.is_ascii_whitespace() || b.is_ascii_control());
    if input.is_empty() {
        return Err(bad("missing"));
    }
    let colon = input
        .bytes()
        .position(|b| b == b':')
        .ok_or_else(|| bad("no scheme"))?;
    let (scheme, after) = (&input[..colon], &input[colon + 1..]);
    let first_ok = scheme
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic());
    if !first_ok
        || !scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
    {
        return Err(bad("bad scheme"));
    }
    let scheme = scheme.to_ascii_lowercase();
    let Some(authority_and_rest) = after.strip_prefix("//") else {
        if matches!(scheme.as_str(), "http" | "https" | "ws" | "wss" | "ftp") {
            return Err(bad("no host"));
        }
        return Ok(Url {
            scheme,
            host: String::new(),
            port: None,
            rest: after,
        });
    };
    let end = authority_and_rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#' | b'\\'))
        .unwrap_or(authority_and_rest.len());
    let (authority, rest) = authority_and_rest.split_at(end);
    // userinfo
    let hostport = match rfind_byte(authority, b'@') {
        Some(at) => &authority[at + 1..],
        None => authority,
    };
    let (host, port_str) = if let Some(stripped) = hostport.strip_prefix('[') {
        let close = stripped
            .bytes()
            .position(|b| b == b']')
            .ok_or_else(|| bad("unclosed IPv6 address"))?;
        let (host, tail) = (&stripped[..close], &stripped[close + 1..]);
        if host.is_empty()
            || !host
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            return Err(bad("bad IPv6 address"));
        }
        let port = match tail.strip_prefix(':') {
            Some(p) => Some(p),
            None if tail.is_empty() => None,
            None => return Err(bad("junk after IPv6 address")),
        };
        (host, port)
    } else {
        match rfind_byte(hostport, b':') {
            Some(c) => (&hostport[..c], Some(&hostport[c + 1..])),
            None => (hostport, None),
        }
    };
    let port = match port_str {
        None | Some("") => None,
        Some(p) => {
            if p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad("bad port"));
            }
            let n = p.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
            Some(u16::try_from(n).map_err(|_| bad("port out of range"))?)
        }
    };
    let host = host.trim_end_matches('.');
    if host.is_empty() && scheme != "file" {
        return Err(bad("empty host"));
    }
    if host.chars().any(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '^' | '|' | '%' | '`')
    }) {
        return Err(bad("bad character in host"));
    }
    Ok(Url {
        scheme,
        host: host.to_ascii_lowercase(),
        port,
        rest,
    })
}

/// An IPv6 address in text ("2001:db8::1", "::ffff:1.2.3.4"), as its eight groups: the
/// forms `std::net::Ipv6Addr`'s parser accepts and no others (a test compares the two), in
/// a fraction of its wasm.
pub fn ipv6(s: &str) -> Option<[u16; 8]> {
    let b = s.as_bytes();
    let mut at = 0;
    let mut head = [0u16; 8];
    let (n, v4) = groups(b, &mut at, &mut head);
    if n == 8 {
        return (at == b.len()).then_some(head);
    }
    if v4 || b.get(at..at + 2) != Some(b"::") {
        return None;
    }
    at += 2;
    let mut tail = [0u16; 7];
    let (m, _) = groups(b, &mut at, &mut tail[..7 - n]);
    head[8 - m..].copy_from_slice(&tail[..m]);
    (at == b.len()).then_some(head)
}

/// Up to `out.len()` groups separated by `:`, the last two maybe as an IPv4 address: how
/// many, and whether the IPv4 form ended them. `at` moves past what was read.
fn groups(b: &[u8], at: &mut usize, out: &mut [u16]) -> (usize, bool) {
    let limit = out.len();
    for i in 0..limit {
        let start = *at;
        let sep = |at: &mut usize| {
            i == 0
                || (b.get(*at) == Some(&b':') && {
                    *at += 1;
                    true
                })
        };
        if i + 1 < limit && sep(at) {
            if let Some(v4) = ipv4(b, at) {
                out[i] = u16::from_be_bytes([v4[0], v4[1]]);
                out[i + 1] = u16::from_be_bytes([v4[2], v4[3]]);
                return (i + 2, true);
            }
        }
        *at = start;
        if !sep(at) {
            *at = start;
            return (i, false);
        }
        match number(b, at, 16, 4, true) {
            Some(g) => out[i] = g as u16,
            None => {
                *at = start;
                return (i, false);
            }
        }
    }
    (limit, false)
}

fn ipv4(b: &[u8], at: &mut usize) -> Option<[u8; 4]> {
    let start = *at;
    let mut o = [0u8; 4];
    for (i, x) in o.iter_mut().enumerate() {
        let ok = i == 0
            || (b.get(*at) == Some(&b'.') && {
                *at += 1;
                true
            });
        match number(b, at, 10, 3, false)
            .filter(|_| ok)
            .and_then(|n| u8::try_from(n).ok())
        {
            Some(n) => *x = n,
            None => {
                *at = start;
                return None;
            }
        }
    }
    Some(o)
}

/// At most `max` digits; no leading zero unless `zeros`. `at` moves only on success.
fn number(b: &[u8], at: &mut usize, radix: u32, max: usize, zeros: bool) -> Option<u32> {
    let start = *at;
    let mut n = 0u32;
    let mut count = 0;
    while let Some(d) = b
        .get(start + count)
        .and_then(|c| (*c as char).to_digit(radix))
    {
        n = n * radix + d;
        count += 1;
        if count > max {
            return None;
        }
    }
    if count == 0 || (!zeros && b[start] == b'0' && count > 1) {
        return None;
    }
    *at = start + count;
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_urls() {
        let u = parse("https://Example.COM/a?b#c").unwrap();
        assert_eq!(u.scheme, "https");
        assert_eq!(u.host, "example.com");
        assert_eq!(u.port, None);
        assert_eq!(u.rest, "/a?b#c");
        assert_eq!(u.origin(), "https://example.com");

        let u = parse("http://user:pw@127.0.0.1:8080").unwrap();
        assert_eq!(u.host, "127.0.0.1");
        assert_eq!(u.port, Some(8080));
        assert_eq!(u.origin(), "http://127.0.0.1:8080");

        let u = parse("http://[::1]:81/x").unwrap();
        assert_eq!(u.host, "::1");
        assert_eq!(u.origin(), "http://[::1]:81");

        assert_eq!(
            parse("http://example.com:80/").unwrap().origin(),
            "http://example.com"
        );
        assert_eq!(parse("about:blank").unwrap().host, "");
    }

    #[test]
    fn rejects_junk() {
        for bad in [
            "",
            "example.com",
            "1http://x",
            "http:/x",
            "http://",
            "http://a:99999/",
            "http://a:8o/",
            "http://[::1/",
            "http://a b/",
            "http://<script>/",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should not parse");
        }
    }
    #[test]
    fn ipv6_as_std_parses_it() {
        let mut cases: Vec<String> = [
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:1.2.3.4",
            "::ffff:1.2.3.4",
            "::1.2.3.4",
            "1::1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "1.2.3.4::",
            "1:2::3::4",
            ":::",
            "1:",
            ":1",
            "12345::",
            "0:0:0:0:0:0:0:0",
            "0::0",
            "::ffff:01.2.3.4",
            "::ffff:256.1.1.1",
            "::ffff:1.2.3",
            "::ffff:1.2.3.4.5",
            "fe80::1%eth0",
            "",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7:8",
            "abcd:EF01::",
            "::0.0.0.0",
            "1::2:3.4.5.6",
            "00000::",
            "0000::",
            "::a.b.c.d",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // and many short strings over the characters that matter
        let alphabet = b"0f1:.9a";
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 16) as usize;
            let s: String = (0..len)
                .map(|i| alphabet[((x >> (i * 3 + 4)) % 7) as usize] as char)
                .collect();
            cases.push(s);
        }
        for c in &cases {
            let ours = ipv6(c);
            let std = c.parse::<std::net::Ipv6Addr>().ok().map(|a| a.segments());
            assert_eq!(ours, std, "{c:?}");
        }
    }
}
