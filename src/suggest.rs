//! `suggestHost`: the known host the person most likely meant.
//!
//! Each known host gets a score (lower is more alike) and the lowest wins, ties going to the
//! one listed first:
//!
//! | match | score |
//! |---|---|
//! | the same name in look-alike letters (Cyrillic `о` for `o`, a punycode `xn--` label, fullwidth forms, accents) | 0.25 |
//! | equal once digits and letter pairs that look alike are folded (`0`/`o`, `1`/`l`/`i`, `rn`/`m`, `vv`/`w`) | 0.5 |
//! | differs only by a leading `www.` | 0.75 |
//! | a typo: Damerau distance (optimal string alignment: a swap of two neighbours counts 1) after folding, at most 1 for short names (5 letters or fewer before the public suffix), at most 2 for longer ones | the distance (+0.5 when only the look-alike form is that close) |
//! | the same name (4 letters or more) and subdomains under another public suffix (`example.de` for `example.com`) | 2.5 |
//!
//! The host itself (also in its punycode or Unicode form) is never suggested, nor is anything
//! for an IP address. Work is bounded: hosts are cut to 253 bytes, the edit distance runs in a
//! band of width 2 (so it costs O(length) per known host) and only after a length prefilter.

use crate::domain;
use crate::punycode;
use crate::text::{clip, rfind_byte};

/// The longest host name (DNS).
pub const MAX_HOST: usize = 253;

/// Look-alike letters from other scripts and forms, each followed by the Latin letter it
/// imitates.
const LOOK_ALIKES: &str = concat!(
    // Cyrillic
    "аaеeёeоoрpсcхxуyкkіiїiјjѕsԁdԛqԝwһhӏl",
    // Greek
    "αaοoρpνvιiκkυuχxεe",
    // Armenian and Latin extensions
    "ոnսuɡgıiɑa",
    // accented Latin
    "àaáaâaãaäaåaèeéeêeëeìiíiîiïiòoóoôoõoöoùuúuûuüuýyÿyñnçc",
);

/// Look-alike letters from other scripts and forms, as the Latin letter they imitate.
fn fold_char(c: char) -> char {
    match c {
        'a'..='z' | '0'..='9' | '.' | '-' => c,
        // fullwidth ASCII
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{3002}' | '\u{FF61}' => '.',
        _ => {
            let mut pairs = LOOK_ALIKES.chars();
            while let (Some(alike), Some(latin)) = (pairs.next(), pairs.next()) {
                if alike == c {
                    return latin;
                }
            }
            c
        }
    }
}

/// Whether `s` has an `xn--` label start, in any letter case.
fn has_xn(s: &str) -> bool {
    s.as_bytes()
        .windows(4)
        .any(|w| w[0] | 0x20 == b'x' && w[1] | 0x20 == b'n' && w[2] == b'-' && w[3] == b'-')
}

/// Appends ASCII `s` in lowercase.
fn push_lower_ascii(s: &str, out: &mut Vec<char>) {
    for b in s.bytes() {
        out.push(char::from(b.to_ascii_lowercase()));
    }
}

/// Appends `chars`.
fn push_chars(chars: &[char], out: &mut String) {
    for &c in chars {
        out.push(c);
    }
}

/// Lowercase, without a trailing dot, `xn--` labels decoded, look-alike letters folded:
/// into `out`, which is cleared first.
fn fold_into(host: &str, out: &mut Vec<char>) {
    out.clear();
    let host = clip(host.trim(), MAX_HOST).trim_end_matches('.');
    if host.is_ascii() && !has_xn(host) {
        push_lower_ascii(host, out);
        return;
    }
    let lower = host.to_ascii_lowercase();
    let unicode = if has_xn(&lower) {
        punycode::host_to_unicode(&lower)
    } else {
        lower
    };
    for c in unicode.chars() {
        out.push(fold_char(lower_char(c)));
    }
}

fn fold(host: &str) -> Vec<char> {
    let mut out = Vec::new();
    fold_into(host, &mut out);
    out
}

/// `fold` and then digits and letter pairs that look alike as one letter: into `out`, which
/// is cleared first.
fn skeleton_into(folded: &[char], out: &mut Vec<char>) {
    out.clear();
    let mut i = 0;
    while let Some(&c) = folded.get(i) {
        let next = folded.get(i + 1).copied();
        i += 1;
        out.push(match (c, next) {
            ('r', Some('n')) => {
                i += 1;
                'm'
            }
            ('v', Some('v')) => {
                i += 1;
                'w'
            }
            ('0', _) => 'o',
            ('1' | 'i' | '|', _) => 'l',
            _ => c,
        });
    }
}

fn skeleton(folded: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(folded.len());
    skeleton_into(folded, &mut out);
    out
}

fn strip_www(s: &[char]) -> &[char] {
    match s {
        ['w', 'w', 'w', '.', rest @ ..] if !rest.is_empty() => rest,
        _ => s,
    }
}

/// The three rows of the edit distance table, kept from one call to the next.
#[derive(Default)]
struct Rows {
    prev2: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

/// The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
/// substitutions and swaps of neighbours), or `None` when it is more than `k`. Runs in a band
/// of width `k`: O((len) * k) time, O(len) memory.
pub fn osa_within(a: &[char], b: &[char], k: usize) -> Option<usize> {
    osa_rows(a, b, k, &mut Rows::default())
}

fn osa_rows(a: &[char], b: &[char], k: usize, rows: &mut Rows) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    // a common start and end cost nothing
    let (mut a, mut b) = (a, b);
    while let ([x, a_rest @ ..], [y, b_rest @ ..]) = (a, b) {
        if x != y {
            break;
        }
        (a, b) = (a_rest, b_rest);
    }
    while let ([a_rest @ .., x], [b_rest @ .., y]) = (a, b) {
        if x != y {
            break;
        }
        (a, b) = (a_rest, b_rest);
    }
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > k {
        return None;
    }
    let inf = k + 1;
    let Rows { prev2, prev, cur } = rows;
    prev2.clear();
    prev2.resize(m + 1, inf);
    // the first row: j edits for the first j letters of `b` (at most `inf`)
    prev.clear();
    prev.resize(m + 1, inf);
    for (j, cell) in prev.iter_mut().enumerate().take(inf) {
        *cell = j;
    }
    cur.clear();
    cur.resize(m + 1, inf);
    for i in 1..n + 1 {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(m);
        // the cells next to the band count as too far
        cur[lo - 1] = if lo == 1 { i.min(inf) } else { inf };
        if hi < m {
            cur[hi + 1] = inf;
        }
        let mut row_min = cur[lo - 1];
        for j in lo..hi + 1 {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            let v = v.min(inf);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(prev2, prev);
        std::mem::swap(prev, cur);
    }
    let d = prev[m];
    (d <= k).then_some(d)
}

/// How many edits a name of this host may be off by and still count as a typo.
fn allowed_edits(host: &str) -> usize {
    if crate::text::char_count(domain::name_label(host)) <= 5 {
        1
    } else {
        2
    }
}

/// "The same name and subdomains under another public suffix" ("example.de" for
/// "example.com", names of 4 letters or more), with the host's side worked out once.
struct OtherSuffix<'a> {
    /// The host's public suffix.
    suffix: &'a str,
    /// The host without it.
    rest: &'a str,
    /// How many characters `rest` has.
    rest_chars: usize,
}

impl<'a> OtherSuffix<'a> {
    /// `None` when no other host can match (no suffix to swap, or a name under 4 letters).
    fn new(a: &'a str) -> Option<Self> {
        let suffix = domain::public_suffix(a);
        if suffix.len() >= a.len() {
            return None;
        }
        // (not at a character boundary when `a` ends with dots after a non-ASCII suffix)
        let rest = a.get(..a.len() - suffix.len() - 1)?;
        let label = rest.get(rfind_byte(rest, b'.').map_or(0, |p| p + 1)..)?;
        (crate::text::char_count(label) >= 4).then_some(OtherSuffix {
            suffix,
            rest,
            rest_chars: crate::text::char_count(rest),
        })
    }

    /// Whether `b`, which is `b_chars` as a string, can match: it starts with the host's
    /// `rest` (`a_chars` are the host's characters, `rest` their start).
    fn may_match(&self, a_chars: &[char], b_chars: &[char]) -> bool {
        let n = self.rest_chars;
        b_chars.len() > n && b_chars.get(..n) == a_chars.get(..n)
    }

    fn matches(&self, b: &str) -> bool {
        let suffix = domain::public_suffix(b);
        if suffix == self.suffix || suffix.len() >= b.len() {
            return false;
        }
        b.get(..b.len() - suffix.len() - 1) == Some(self.rest)
    }
}

/// Lowercase for the scripts whose look-alike letters `fold_char` knows (ASCII, Latin-1,
/// Greek, Cyrillic). Host names arrive lowercase from the browser; this covers the rest
/// without linking the whole Unicode case tables into the wasm.
fn lower_char(c: char) -> char {
    let u = c as u32;
    let lowered = match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x391..=0x3A9 if u != 0x3A2 => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        _ => u,
    };
    char::from_u32(lowered).unwrap_or(c)
}

fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push(lower_char(c));
    }
    out
}

/// What is reused from one known host to the next.
#[derive(Default)]
struct Scratch {
    fold: Vec<char>,
    skeleton: Vec<char>,
    name: String,
    rows: Rows,
}

/// The known host the person most likely meant by `host`, or `None`.
pub fn suggest_host(host: &str, known: &[String]) -> Option<String> {
    let host_raw = clip(host.trim(), MAX_HOST)
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if host_raw.is_empty() || domain::is_ip(&host_raw) {
        return None;
    }
    // the host's side, once
    let host_uni = lower(&punycode::host_to_unicode(&host_raw));
    let h_fold = fold(&host_raw);
    let h_nw = strip_www(&h_fold);
    let h_skel = skeleton(h_nw);
    let mut h_str = String::new();
    push_chars(h_nw, &mut h_str);
    let max_edits = allowed_edits(&h_str);
    let h_other = OtherSuffix::new(&h_str);
    let h_confusable = h_skel != h_nw;

    let mut s = Scratch::default();
    let mut best: Option<(f64, &String)> = None;
    for k in known {
        // `k_raw` of the reference: this, in lowercase
        let k_raw = clip(k.trim(), MAX_HOST).trim_end_matches('.');
        if k_raw.is_empty() || domain::is_ip(k_raw) || k_raw.eq_ignore_ascii_case(&host_raw) {
            continue;
        }
        // plain ASCII folds to itself: its lengths are known before folding
        let plain = k_raw.is_ascii() && !has_xn(k_raw);
        if plain {
            // what `fold_into` does to it, without the checks
            let f = k_raw.trim().trim_end_matches('.');
            let www = f.len() > 4 && f.as_bytes()[..4].eq_ignore_ascii_case(b"www.");
            let nw_len = if www { f.len() - 4 } else { f.len() };
            if nw_len.abs_diff(h_nw.len()) > 8 && f.len() != h_fold.len() {
                continue; // too different in length for any match
            }
            s.fold.clear();
            push_lower_ascii(f, &mut s.fold);
        } else {
            fold_into(k_raw, &mut s.fold);
        }
        let k_fold = &s.fold[..];
        let k_nw = strip_www(k_fold);
        let len_diff = k_nw.len().abs_diff(h_nw.len());
        // cheap prefilter: too different in length for a typo (else only another suffix)
        let len_close = len_diff <= 2 || k_fold.len() == h_fold.len();
        let mut score = f64::INFINITY;
        if len_close {
            let same = if plain {
                k_raw.eq_ignore_ascii_case(&host_uni)
            } else {
                lower(&punycode::host_to_unicode(&k_raw.to_ascii_lowercase())) == host_uni
            };
            if same {
                continue; // the same host, written another way
            }
            if k_fold == h_fold {
                score = 0.25;
            } else if k_nw == h_nw {
                score = 0.75;
            } else {
                skeleton_into(k_nw, &mut s.skeleton);
                let k_skel = &s.skeleton[..];
                if k_skel == h_skel {
                    score = 0.5;
                } else {
                    // a name of 5 letters or fewer allows one edit
                    let limit = if max_edits == 1 || k_nw.len() <= 5 {
                        1
                    } else {
                        s.name.clear();
                        push_chars(k_nw, &mut s.name);
                        allowed_edits(&s.name)
                    };
                    if let Some(d) = osa_rows(h_nw, k_nw, limit, &mut s.rows) {
                        score = d as f64;
                    } else if h_confusable || k_skel != k_nw {
                        if let Some(d) = osa_rows(&h_skel, k_skel, limit, &mut s.rows) {
                            score = d as f64 + 0.5;
                        }
                    }
                }
            }
        }
        if score.is_infinite() && len_diff <= 8 {
            if let Some(o) = h_other.as_ref().filter(|o| o.may_match(h_nw, k_nw)) {
                s.name.clear();
                push_chars(k_nw, &mut s.name);
                if o.matches(&s.name) {
                    score = 2.5;
                }
            }
        }
        if score.is_finite() && best.is_none_or(|(b, _)| score < b) {
            best = Some((score, k));
        }
    }
    best.map(|(_, k)| k.trim().trim_end_matches('.').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_osa(a: &[char], b: &[char]) -> usize {
        let (n, m) = (a.len(), b.len());
        let mut d = vec![vec![0usize; m + 1]; n + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..n + 1 {
            for j in 1..=m {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[n][m]
    }

    #[test]
    fn banded_distance_matches_full_table() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..3000 {
            let la = (next() % 9) as usize;
            let lb = (next() % 9) as usize;
            let a: Vec<char> = (0..la)
                .map(|_| (b'a' + (next() % 3) as u8) as char)
                .collect();
            let b: Vec<char> = (0..lb)
                .map(|_| (b'a' + (next() % 3) as u8) as char)
                .collect();
            let full = naive_osa(&a, &b);
            for k in 0..4 {
                let want = (full <= k).then_some(full);
                assert_eq!(osa_within(&a, &b, k), want, "{a:?} {b:?} k={k}");
            }
        }
    }

    #[test]
    fn look_alikes_come_in_pairs() {
        let chars: Vec<char> = LOOK_ALIKES.chars().collect();
        assert_eq!(chars.len() % 2, 0);
        for pair in chars.chunks(2) {
            assert!(
                !pair[0].is_ascii() && pair[1].is_ascii_lowercase(),
                "{pair:?}"
            );
            assert_eq!(fold_char(pair[0]), pair[1]);
        }
        assert_eq!(fold_char('\u{FF47}'), 'g');
        assert_eq!(fold_char('\u{3002}'), '.');
        assert_eq!(fold_char('ß'), 'ß');
    }

    #[test]
    fn skeletons() {
        let s = |x: &str| skeleton(&fold(x)).into_iter().collect::<String>();
        assert_eq!(s("g00gle.com"), s("google.com"));
        assert_eq!(s("rnicrosoft.com"), s("microsoft.com"));
        assert_eq!(s("vvikipedia.org"), s("wikipedia.org"));
        assert_eq!(s("paypa1.com"), s("paypal.com"));
    }
}
