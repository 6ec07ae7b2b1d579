//! Bounded, normalised views of untrusted input: every size is capped here, once, before
//! any rule looks at it.

use crate::model::Failure;
use std::ops::Deref;

/// At most this many response headers are read; the rest are ignored.
pub const MAX_HEADERS: usize = 256;
/// Each header value is cut to this many bytes.
pub const MAX_HEADER_VALUE: usize = 4 * 1024;
/// The error page is read up to this many bytes.
pub const MAX_BODY: usize = 16 * 1024;
/// The page's visible text (from the content script) is read up to this many bytes.
pub const MAX_PAGE_TEXT: usize = 4 * 1024;
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

/// Whether `c` is kept out of anything the person may be shown: a control character (C0, DEL,
/// C1) other than tab and line ends, or one that reorders or hides text (bidi marks,
/// embeddings, overrides and isolates; zero-width spaces and joiners; the byte-order mark;
/// interlinear annotation). A header or page could otherwise make "evil.com" read "moc.live"
/// or hide a word; no rule needs them.
pub fn hidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// `s` without its [`hidden`] characters (borrowed when it has none, as nearly all text).
pub fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(hidden) {
        std::borrow::Cow::Owned(s.chars().filter(|&c| !hidden(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
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

/// How many characters `s` has (`s.chars().count()`): its bytes that do not continue a
/// character, without std's unrolled counting code.
pub(crate) fn char_count(s: &str) -> usize {
    let mut n = 0;
    for &b in s.as_bytes() {
        n += usize::from(b & 0xC0 != 0x80);
    }
    n
}

/// `s` as a whole number in `radix` (2 to 36), as `u64::from_str_radix` reads it: an optional
/// `+`, then at least one digit; `None` for anything else or beyond `u64::MAX`. One small loop
/// instead of std's parser.
pub(crate) fn parse_u64(s: &str, radix: u32) -> Option<u64> {
    let digits = s.strip_prefix('+').unwrap_or(s);
    if digits.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    for &b in digits.as_bytes() {
        let d = char::from(b).to_digit(radix)?;
        n = n.checked_mul(u64::from(radix))?.checked_add(u64::from(d))?;
    }
    Some(n)
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
    /// The page, bounded, as given; then, when it is HTML, its text without the tags; then
    /// the visible text the content script read, when it differs. Rules match phrases over
    /// all of it, so a page is known whether it came as HTML or as the text a person sees.
    pub body: String,
    /// [`Evidence::body`] in ASCII lowercase (the same byte offsets), with the index that
    /// lets the rules look for hundreds of phrases without reading it hundreds of times.
    pub body_lower: Hay,
    /// Bit `n` (at most 63) is set when a header's name is `n` bytes long: the rules ask for
    /// about a hundred header names per response, and most are ruled out by their length
    /// alone, without comparing them with every header.
    name_lens: u64,
}

impl Evidence {
    pub fn from_failure(f: &Failure) -> Evidence {
        let mut headers = Vec::new();
        for h in f.response_headers.iter().take(MAX_HEADERS) {
            headers.push((
                shown(clip(h.name.trim(), 128)).to_ascii_lowercase(),
                shown(clip(
                    h.value.as_deref().unwrap_or("").trim(),
                    MAX_HEADER_VALUE,
                ))
                .into_owned(),
            ));
        }
        // Everything the site sent without hidden characters (`hidden`): what the rules
        // quote is then what the person reads.
        let reason = f.status_line.as_deref().and_then(|line| {
            let line = shown(clip(line, MAX_STATUS_LINE));
            let line = line.trim();
            // "HTTP/1.1 502 Bad Gateway" -> "Bad Gateway"; "HTTP/2 502" -> None
            let mut parts = line.splitn(3, ' ');
            let _version = parts.next()?;
            let _code = parts.next()?;
            let reason = parts.next()?.trim();
            (!reason.is_empty()).then(|| reason.to_string())
        });
        let raw = shown(clip(f.body_text.as_deref().unwrap_or(""), MAX_BODY));
        let raw = raw.as_ref();
        let mut body = raw.to_string();
        if raw.contains('<') {
            let text = visible_text(raw);
            if !text.is_empty() {
                body.push('\n');
                body.push_str(&text);
            }
        }
        if let Some(page) = f.page_text.as_deref() {
            let page = shown(clip(page.trim(), MAX_PAGE_TEXT));
            let page = page.as_ref();
            if !page.is_empty() && !raw.contains(page) {
                body.push('\n');
                body.push_str(page);
            }
        }
        let body_lower = Hay::new(body.to_ascii_lowercase());
        let name_lens = headers.iter().fold(0, |m, (n, _)| m | len_bit(n));
        Evidence {
            headers,
            reason,
            body,
            body_lower,
            name_lens,
        }
    }

    /// The headers that may be named `name` (in any case): none when no header name has its
    /// length.
    pub fn maybe_named(&self, name: &str) -> &[(String, String)] {
        if self.name_lens & len_bit(name) == 0 {
            &[]
        } else {
            &self.headers
        }
    }

    /// The first value of a header (name in lowercase).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.maybe_named(name)
            .iter()
            .find(|(n, _)| same(n, name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a header (name in lowercase).
    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.maybe_named(name)
            .iter()
            .filter(move |(n, _)| same(n, name))
            .map(|(_, v)| v.as_str())
    }

    pub fn has_header(&self, name: &str) -> bool {
        self.maybe_named(name).iter().any(|(n, _)| same(n, name))
    }
}

/// `a == b` with the lengths compared inline: at opt-level "z" a string comparison is a
/// chain of calls down to `memcmp` (about a tenth of `diagnose` through the wasm), and most
/// header names looked up have another length than the one compared.
#[inline(always)]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && same_bytes(a.as_bytes(), b.as_bytes())
}

#[inline(never)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a == b
}

/// [`Evidence::name_lens`]'s bit for a header name.
fn len_bit(name: &str) -> u64 {
    1 << name.len().min(63)
}

/// Sorts `v` by `less`, stably, by insertion: for the short lists the core sorts (at most a
/// thousand items, mostly a handful), and a few hundred bytes of wasm where std's sorts cost
/// about 3 KiB for each item type.
pub fn sort_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// The text of an HTML page as a person sees it: tags, `<script>` and `<style>` dropped,
/// the common entities decoded, runs of white space made one space. One pass, no
/// allocation but the result.
pub fn visible_text(html: &str) -> String {
    const ENTITIES: &[(&str, char)] = &[
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&#039;", '\''),
        ("&#x27;", '\''),
        ("&rsquo;", '\''),
        ("&#8217;", '\''),
        ("&nbsp;", ' '),
        ("&#32;", ' '),
        ("&#35;", '#'),
        ("&#46;", '.'),
    ];
    // what `char::is_whitespace` says of an ASCII byte
    let is_space = |c: u8| matches!(c, b' ' | b'\t'..=b'\r');
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut space = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 && is_space(c) {
            i += 1;
            push_collapsed(&mut out, ' ', &mut space);
            continue;
        }
        if c < 0x80 && c != b'<' && c != b'&' {
            // a run of plain ASCII text, copied at once
            let start = i;
            while i < b.len() && b[i] < 0x80 && !is_space(b[i]) && b[i] != b'<' && b[i] != b'&' {
                i += 1;
            }
            out.push_str(&html[start..i]);
            space = false;
            continue;
        }
        let rest = &html[i..];
        match c {
            b'<' => {
                let close = if starts_ci(rest, "<script") {
                    "</script>"
                } else if starts_ci(rest, "<style") {
                    "</style>"
                } else if rest.starts_with("<!--") {
                    "-->"
                } else {
                    ">"
                };
                let end = if close == ">" {
                    rest.bytes().position(|c| c == b'>').map(|e| e + 1)
                } else {
                    find_ci(rest, close).map(|e| e + close.len())
                };
                match end {
                    Some(e) => i += e,
                    None => break,
                }
                push_collapsed(&mut out, ' ', &mut space);
            }
            b'&' => match ENTITIES.iter().find(|(e, _)| starts_ci(rest, e)) {
                Some((e, c)) => {
                    i += e.len();
                    push_collapsed(&mut out, *c, &mut space);
                }
                None => {
                    i += 1;
                    push_collapsed(&mut out, '&', &mut space);
                }
            },
            _ => {
                let ch = rest.chars().next().unwrap_or(' ');
                i += ch.len_utf8();
                push_collapsed(
                    &mut out,
                    if ch == '\u{2019}' { '\'' } else { ch },
                    &mut space,
                );
            }
        }
    }
    out.truncate(out.trim_end().len());
    out
}

fn push_collapsed(out: &mut String, ch: char, space: &mut bool) {
    if ch.is_whitespace() {
        if !*space {
            out.push(' ');
            *space = true;
        }
    } else {
        out.push(ch);
        *space = false;
    }
}

fn starts_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The position of `needle` (lowercase ASCII) in `hay`, without regard to ASCII case.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {

    #[test]
    fn hay_contains_what_str_contains() {
        let page = "<h1>502 bad gateway</h1>\n<hr><center>nginx/1.22.1</center> é ünïcode abc";
        let hay = Hay::new(page.to_string());
        let mut needles: Vec<&str> = vec![
            "",
            "<",
            "ab",
            "abc",
            "bad gateway",
            "nginx/1.22.1",
            "é ü",
            "not there",
            "gatewax",
            "502 bad gateway</h1>",
        ];
        // every substring of a part of the page is found, and only what is there
        for i in 0..40 {
            for j in i..40 {
                needles.push(&page[i..j]);
            }
        }
        for n in needles {
            assert_eq!(hay.contains(n), page.contains(n), "{n:?}");
            assert_eq!(hay.find(n), page.find(n), "{n:?}");
        }
        // a long page has a larger set of runs: the same answers
        let long: String = (0..3000).map(|i| format!("w{i} ")).collect();
        let hay = Hay::new(long.clone());
        for n in ["w1 w2", "w2999 ", "w3000", "w12 w14", " w7 w8 w9 "] {
            assert_eq!(hay.contains(n), long.contains(n), "{n:?}");
            assert_eq!(hay.find(n), long.find(n), "{n:?}");
        }
        assert!(!Hay::default().contains("a"));
        assert!(Hay::default().contains(""));
    }
    use super::*;

    #[test]
    fn bars_are_found_where_they_are() {
        let lists = [
            "",
            "|",
            "a",
            "a|",
            "|a",
            "abcdefgh|ijk",
            "abcdefghijklmnop|q",
            "ab|cd|ef|gh|ij",
            "0123456789abcdef0123456789|x",
            "\u{7c}\u{fc}|\u{1fc}é|ü",
            "}}}}}}}}|{{{{{{{{|",
        ];
        for l in lists {
            let b = l.as_bytes();
            for from in 0..=b.len() {
                let want = b[from..]
                    .iter()
                    .position(|&c| c == b'|')
                    .map_or(b.len(), |p| from + p);
                assert_eq!(next_bar(b, from), want, "{l:?} from {from}");
            }
            for from in 0..=b.len() {
                let want = b[from..]
                    .iter()
                    .position(|&c| c == b'}' || c == 0xbc)
                    .map_or(b.len(), |p| from + p);
                assert_eq!(find_either(b, from, b'}', 0xbc), want, "{l:?} from {from}");
            }
            let words: Vec<&str> = l.split('|').collect();
            for hay in ["", "a", "cd", "ijk", "q", "x", "é", "zzz"] {
                let want = words.iter().any(|w| hay.contains(w));
                assert_eq!(hay.has_any(l), want, "{hay:?} in {l:?}");
                assert_eq!(
                    Hay::new(hay.to_string()).has_any(l),
                    want,
                    "{hay:?} in {l:?}"
                );
            }
        }
    }

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
    fn visible_text_of_pages() {
        assert_eq!(
            visible_text("<html><head><title>502 Bad Gateway</title><style>b{}</style></head>\n<body><center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.18.0</center></body></html>"),
            "502 Bad Gateway 502 Bad Gateway nginx/1.18.0"
        );
        assert_eq!(
            visible_text("Our services aren&#39;t available<script>x</script> now"),
            "Our services aren't available now"
        );
        assert_eq!(visible_text("a <unclosed"), "a");
        // every ASCII space that char::is_whitespace knows, entities, non-ASCII text
        assert_eq!(
            visible_text("  a\t\x0b\x0cb\r\n&amp;c&x; é\u{2019}s\u{a0}<b>x</b>y\u{3000}z  "),
            "a b &c&x; é's x y z"
        );
    }

    #[test]
    fn parse_u64_is_std() {
        let cases = [
            "",
            "+",
            "-",
            "0",
            "+0",
            "-0",
            "++1",
            "+-1",
            "42",
            " 42",
            "42 ",
            "4_2",
            "00017",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999999",
            "ff",
            "FF",
            "+fF",
            "0x1f",
            "1f",
            "g",
            "é",
            "1é",
        ];
        for s in cases {
            for radix in [10, 16] {
                assert_eq!(
                    parse_u64(s, radix),
                    u64::from_str_radix(s, radix).ok(),
                    "{s:?} {radix}"
                );
            }
            assert_eq!(
                parse_u64(s, 10).and_then(|n| u8::try_from(n).ok()),
                s.parse::<u8>().ok(),
                "{s:?} as u8"
            );
        }
    }

    #[test]
    fn char_count_is_chars_count() {
        for s in [
            "",
            "abc",
            "héllo",
            "例え.jp",
            "a\u{10FFFF}b",
            "\u{200B}x\u{FEFF}",
        ] {
            assert_eq!(char_count(s), s.chars().count(), "{s}");
        }
    }

    #[test]
    fn clip_respects_char_boundaries() {
        assert_eq!(clip("héllo", 2), "h");
        assert_eq!(clip("héllo", 3), "hé");
        assert_eq!(clip("abc", 10), "abc");
    }
}

/// The most bits of [`Hay`]'s set of 4-byte runs: 8 KiB, made once per page.
const RUN_BITS: u32 = 1 << 16;

/// The bit of a run of 4 bytes (as a big-endian `u32`) in a set of `1 << (32 - shift)`
/// bits: a multiplicative hash.
fn run_bit(run: u32, shift: u32) -> usize {
    (run.wrapping_mul(0x9E37_79B1) >> shift) as usize
}

/// A lowercase page and the set of the 4-byte runs that occur in it, made in one pass over
/// the page. A phrase with a run that the page lacks cannot be in it, so
/// [`Hay::contains`] rules out almost every phrase of the catalogue and the rules with a
/// few bit tests of the phrase's own bytes, and reads the page again only for the few that
/// are (almost surely) there: the cost of a diagnosis grows with the page once, not with
/// the page times the number of phrases. Everything else of `str` is reached through
/// `Deref`.
#[derive(Clone)]
pub struct Hay {
    text: String,
    runs: Vec<u64>,
    /// 32 minus the log2 of the number of bits in `runs`.
    shift: u32,
}

impl Hay {
    pub fn new(text: String) -> Hay {
        // about four bits per run of the page, so that a run's bit is rarely another's:
        // 512 bits for a short page, [`RUN_BITS`] for the longest
        let bits = (text.len() * 4)
            .next_power_of_two()
            .clamp(512, RUN_BITS as usize);
        let shift = 32 - bits.trailing_zeros();
        let mut runs = vec![0u64; bits / 64];
        let mut run = 0u32;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            run = (run << 8) | u32::from(b);
            if i >= 3 {
                let bit = run_bit(run, shift);
                runs[bit / 64] |= 1 << (bit % 64);
            }
        }
        Hay { text, runs, shift }
    }

    /// Whether `needle` is in the page (an exact, case-sensitive substring test).
    pub fn contains(&self, needle: &str) -> bool {
        self.maybe(needle) && self.text.contains(needle)
    }

    /// The position of `needle` in the page, as `str::find`, read only when every 4-byte run
    /// of `needle` is in the page.
    pub fn find(&self, needle: &str) -> Option<usize> {
        if self.maybe(needle) {
            self.text.find(needle)
        } else {
            None
        }
    }

    /// Whether every 4-byte run of `needle` occurs in the page (always, for a needle
    /// shorter than 4 bytes).
    fn maybe(&self, needle: &str) -> bool {
        needle.as_bytes().windows(4).all(|w| {
            let bit = run_bit(u32::from_be_bytes([w[0], w[1], w[2], w[3]]), self.shift);
            self.runs[bit / 64] & (1 << (bit % 64)) != 0
        })
    }
}

impl Default for Hay {
    fn default() -> Hay {
        Hay::new(String::new())
    }
}

impl std::fmt::Debug for Hay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text.fmt(f)
    }
}

impl Deref for Hay {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

/// A text to look for phrases in: a plain `str`, or a [`Hay`] that answers faster.
pub trait Has {
    fn has(&self, needle: &str) -> bool;

    /// Whether any of the `|`-separated `words` is in the text (`""` is in every text). The
    /// rules ask this a few hundred times per response: `split('|')` set up a char searcher
    /// each time, and a byte loop read every byte of every list; [`next_bar`] reads eight
    /// at a time.
    fn has_any(&self, words: &str) -> bool {
        let b = words.as_bytes();
        let mut start = 0;
        loop {
            let end = next_bar(b, start);
            if self.has(&words[start..end]) {
                return true;
            }
            if end >= b.len() {
                return false;
            }
            start = end + 1;
        }
    }
}

/// The position of the first `|` in `b` from `from` on, or `b.len()`.
fn next_bar(b: &[u8], from: usize) -> usize {
    find_either(b, from, b'|', b'|')
}

/// The position of the first `x` or `y` in `b` from `from` on, or `b.len()`: eight bytes
/// per step (a word holds `x` when one of its bytes XOR `x` is zero; the lowest such byte
/// is the first, and the test is exact for it).
pub(crate) fn find_either(b: &[u8], from: usize, x: u8, y: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let zero_byte = |w: u64| w.wrapping_sub(ONES) & !w & (ONES << 7);
    let (xs, ys) = (ONES * u64::from(x), ONES * u64::from(y));
    let mut i = from;
    while let Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) = b.get(i..i + 8) {
        // one 8-byte load (copy_from_slice stays a memcpy call at opt-level "z")
        let w = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]);
        let zero = zero_byte(w ^ xs) | zero_byte(w ^ ys);
        if zero != 0 {
            return i + (zero.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i] != x && b[i] != y {
        i += 1;
    }
    i
}

impl Has for str {
    fn has(&self, needle: &str) -> bool {
        self.contains(needle)
    }
}

impl Has for Hay {
    fn has(&self, needle: &str) -> bool {
        self.contains(needle)
    }
}
