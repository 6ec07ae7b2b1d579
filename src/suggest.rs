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
use crate::text::clip;

/// The longest host name (DNS).
pub const MAX_HOST: usize = 253;

/// Look-alike letters from other scripts and forms, as the Latin letter they imitate.
fn fold_char(c: char) -> char {
    match c {
        // Cyrillic
        'а' => 'a',
        'е' | 'ё' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'х' => 'x',
        'у' => 'y',
        'к' => 'k',
        'і' | 'ї' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'һ' => 'h',
        'ӏ' => 'l',
        // Greek
        'α' => 'a',
        'ο' => 'o',
        'ρ' => 'p',
        'ν' => 'v',
        'ι' => 'i',
        'κ' => 'k',
        'υ' => 'u',
        'χ' => 'x',
        'ε' => 'e',
        // Armenian and Latin extensions
        'ո' => 'n',
        'ս' => 'u',
        'ɡ' => 'g',
        'ı' => 'i',
        'ɑ' => 'a',
        // accented Latin
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ñ' => 'n',
        'ç' => 'c',
        // fullwidth ASCII
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{3002}' | '\u{FF61}' => '.',
        _ => c,
    }
}

/// Lowercase, without a trailing dot, `xn--` labels decoded, look-alike letters folded.
fn fold(host: &str) -> Vec<char> {
    let lower = clip(host.trim(), MAX_HOST)
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if lower.is_ascii() && !lower.contains("xn--") {
        return lower.chars().collect();
    }
    let unicode = if lower.contains("xn--") {
        punycode::host_to_unicode(&lower)
    } else {
        lower
    };
    unicode.chars().map(lower_char).map(fold_char).collect()
}

/// `fold` and then digits and letter pairs that look alike as one letter.
fn skeleton(folded: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(folded.len());
    let mut i = 0;
    while i < folded.len() {
        let c = folded[i];
        let next = folded.get(i + 1).copied();
        match (c, next) {
            ('r', Some('n')) => {
                out.push('m');
                i += 2;
                continue;
            }
            ('v', Some('v')) => {
                out.push('w');
                i += 2;
                continue;
            }
            _ => {}
        }
        out.push(match c {
            '0' => 'o',
            '1' | 'i' | '|' => 'l',
            _ => c,
        });
        i += 1;
    }
    out
}

fn strip_www(s: &[char]) -> &[char] {
    match s {
        ['w', 'w', 'w', '.', rest @ ..] if !rest.is_empty() => rest,
        _ => s,
    }
}

/// The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
/// substitutions and swaps of neighbours), or `None` when it is more than `k`. Runs in a band
/// of width `k`: O((len) * k) time, O(len) memory.
pub fn osa_within(a: &[char], b: &[char], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    // a common start and end cost nothing
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > k {
        return None;
    }
    let inf = k + 1;
    let mut prev2 = vec![inf; m + 1];
    let mut prev: Vec<usize> = (0..=m).map(|j| j.min(inf)).collect();
    let mut cur = vec![inf; m + 1];
    for i in 1..=n {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(m);
        // the cells next to the band count as too far
        cur[lo - 1] = if lo == 1 { i.min(inf) } else { inf };
        if hi < m {
            cur[hi + 1] = inf;
        }
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
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
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[m];
    (d <= k).then_some(d)
}

/// How many edits a name of this host may be off by and still count as a typo.
fn allowed_edits(host: &str) -> usize {
    if domain::name_label(host).chars().count() <= 5 {
        1
    } else {
        2
    }
}

/// The same name and subdomains under another public suffix ("example.de" for
/// "example.com"), for names of 4 letters or more.
fn other_suffix(a: &str, b: &str) -> bool {
    let (sa, sb) = (domain::public_suffix(a), domain::public_suffix(b));
    if sa == sb || sa.len() >= a.len() || sb.len() >= b.len() {
        return false;
    }
    let (ra, rb) = (&a[..a.len() - sa.len() - 1], &b[..b.len() - sb.len() - 1]);
    let label = ra.rsplit('.').next().unwrap_or(ra);
    ra == rb && label.chars().count() >= 4
}

/// The known host the person most likely meant by `host`, or `None`.
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
    s.chars().map(lower_char).collect()
}

pub fn suggest_host(host: &str, known: &[String]) -> Option<String> {
    let host_raw = clip(host.trim(), MAX_HOST)
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if host_raw.is_empty() || domain::is_ip(&host_raw) {
        return None;
    }
    let host_uni = lower(&punycode::host_to_unicode(&host_raw));
    let h_fold = fold(&host_raw);
    let h_nw = strip_www(&h_fold).to_vec();
    let h_skel = skeleton(&h_nw);
    let h_str: String = h_nw.iter().collect();
    let max_edits = allowed_edits(&h_str);

    let h_confusable = h_skel != h_nw;
    let mut best: Option<(f64, &String)> = None;
    for k in known {
        let k_raw = clip(k.trim(), MAX_HOST)
            .trim_end_matches('.')
            .to_ascii_lowercase();
        if k_raw.is_empty() || domain::is_ip(&k_raw) || k_raw == host_raw {
            continue;
        }
        let k_fold = fold(&k_raw);
        let k_nw = strip_www(&k_fold);
        // cheap prefilter: too different in length for a typo (else only another suffix)
        let len_close = k_nw.len().abs_diff(h_nw.len()) <= 2 || k_fold.len() == h_fold.len();
        let mut score = f64::INFINITY;
        if len_close {
            let k_uni = if k_raw.contains("xn--") || !k_raw.is_ascii() {
                lower(&punycode::host_to_unicode(&k_raw))
            } else {
                k_raw.clone()
            };
            if k_uni == host_uni {
                continue; // the same host, written another way
            }
            if k_fold == h_fold {
                score = 0.25;
            } else if k_nw == h_nw.as_slice() {
                score = 0.75;
            } else {
                let k_skel = skeleton(k_nw);
                if k_skel == h_skel {
                    score = 0.5;
                } else {
                    let k_str: String = k_nw.iter().collect();
                    let limit = max_edits.min(allowed_edits(&k_str));
                    if let Some(d) = osa_within(&h_nw, k_nw, limit) {
                        score = d as f64;
                    } else if h_confusable || k_skel != k_nw {
                        if let Some(d) = osa_within(&h_skel, &k_skel, limit) {
                            score = d as f64 + 0.5;
                        }
                    }
                }
            }
        }
        if score.is_infinite() && k_nw.len().abs_diff(h_nw.len()) <= 8 {
            let k_str: String = k_nw.iter().collect();
            if other_suffix(&h_str, &k_str) {
                score = 2.5;
            }
        }
        if score.is_finite() && best.is_none_or(|(s, _)| score < s) {
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
        for i in 1..=n {
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
    fn skeletons() {
        let s = |x: &str| skeleton(&fold(x)).into_iter().collect::<String>();
        assert_eq!(s("g00gle.com"), s("google.com"));
        assert_eq!(s("rnicrosoft.com"), s("microsoft.com"));
        assert_eq!(s("vvikipedia.org"), s("wikipedia.org"));
        assert_eq!(s("paypa1.com"), s("paypal.com"));
    }
}
