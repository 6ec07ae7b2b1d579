//! suggestHost against a straightforward reference: the scoring of `src/suggest.rs` written
//! the obvious way (every form of every known host computed in full, the whole edit distance
//! table, no prefilters), over many generated hosts and known-host lists. The library's
//! version must give the same answer for every one.

use gateway_doctor::domain;
use gateway_doctor::punycode;
use gateway_doctor::suggest_host;
use gateway_doctor::text::clip;

mod reference {
    use super::*;

    fn fold_char(c: char) -> char {
        match c {
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
            'α' => 'a',
            'ο' => 'o',
            'ρ' => 'p',
            'ν' => 'v',
            'ι' => 'i',
            'κ' => 'k',
            'υ' => 'u',
            'χ' => 'x',
            'ε' => 'e',
            'ո' => 'n',
            'ս' => 'u',
            'ɡ' => 'g',
            'ı' => 'i',
            'ɑ' => 'a',
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ñ' => 'n',
            'ç' => 'c',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap(),
            '\u{3002}' | '\u{FF61}' => '.',
            _ => c,
        }
    }

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

    fn fold(host: &str) -> Vec<char> {
        let lower = clip(host.trim(), 253)
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

    fn skeleton(folded: &[char]) -> Vec<char> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < folded.len() {
            let pair = (folded[i], folded.get(i + 1).copied());
            if pair == ('r', Some('n')) {
                out.push('m');
                i += 2;
            } else if pair == ('v', Some('v')) {
                out.push('w');
                i += 2;
            } else {
                out.push(match folded[i] {
                    '0' => 'o',
                    '1' | 'i' | '|' => 'l',
                    c => c,
                });
                i += 1;
            }
        }
        out
    }

    fn strip_www(s: &[char]) -> &[char] {
        if s.len() > 4 && s[..4] == ['w', 'w', 'w', '.'] {
            &s[4..]
        } else {
            s
        }
    }

    /// The whole optimal-string-alignment table.
    fn osa(a: &[char], b: &[char]) -> usize {
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

    fn allowed_edits(host: &str) -> usize {
        if domain::name_label(host).chars().count() <= 5 {
            1
        } else {
            2
        }
    }

    fn other_suffix(a: &str, b: &str) -> bool {
        let (sa, sb) = (domain::public_suffix(a), domain::public_suffix(b));
        if sa == sb || sa.len() >= a.len() || sb.len() >= b.len() {
            return false;
        }
        // (the cut is not at a character boundary when a name ends with dots after a
        // non-ASCII suffix: no match then)
        let (Some(ra), Some(rb)) = (
            a.get(..a.len() - sa.len() - 1),
            b.get(..b.len() - sb.len() - 1),
        ) else {
            return false;
        };
        let label = ra.rsplit('.').next().unwrap_or(ra);
        ra == rb && label.chars().count() >= 4
    }

    pub fn suggest_host(host: &str, known: &[String]) -> Option<String> {
        let host_raw = clip(host.trim(), 253)
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
        let mut best: Option<(f64, &String)> = None;
        for k in known {
            let k_raw = clip(k.trim(), 253)
                .trim_end_matches('.')
                .to_ascii_lowercase();
            if k_raw.is_empty() || domain::is_ip(&k_raw) || k_raw == host_raw {
                continue;
            }
            let k_uni = lower(&punycode::host_to_unicode(&k_raw));
            let k_fold = fold(&k_raw);
            let k_nw = strip_www(&k_fold).to_vec();
            let k_skel = skeleton(&k_nw);
            let k_str: String = k_nw.iter().collect();
            let len_close = k_nw.len().abs_diff(h_nw.len()) <= 2 || k_fold.len() == h_fold.len();
            let mut score = f64::INFINITY;
            if len_close {
                if k_uni == host_uni {
                    continue;
                }
                let limit = allowed_edits(&h_str).min(allowed_edits(&k_str));
                let typo = osa(&h_nw, &k_nw);
                let look_alike = osa(&h_skel, &k_skel);
                score = if k_fold == h_fold {
                    0.25
                } else if k_nw == h_nw {
                    0.75
                } else if k_skel == h_skel {
                    0.5
                } else if typo <= limit {
                    typo as f64
                } else if (h_skel != h_nw || k_skel != k_nw) && look_alike <= limit {
                    look_alike as f64 + 0.5
                } else {
                    f64::INFINITY
                };
            }
            if score.is_infinite()
                && k_nw.len().abs_diff(h_nw.len()) <= 8
                && other_suffix(&h_str, &k_str)
            {
                score = 2.5;
            }
            if score.is_finite() && best.is_none_or(|(s, _)| score < s) {
                best = Some((score, k));
            }
        }
        best.map(|(_, k)| k.trim().trim_end_matches('.').to_string())
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const BASES: &[&str] = &[
    "github.com",
    "google.com",
    "wikipedia.org",
    "example.com",
    "paypal.com",
    "microsoft.com",
    "bbc.co.uk",
    "amazon.de",
    "news.ycombinator.com",
    "me.github.io",
    "x.com",
    "ab.io",
    "mail.yahoo.co.jp",
    "bücher.de",
    "пример.рф",
    "docs.rs",
    "shop.example.com.au",
    "localhost",
    "abcdefghijklmnopqrstuvwxyz.com",
];

/// A near miss of `base`: typos, look-alike letters, punycode, case, dots, other suffixes.
fn mutate(r: &mut Rng, base: &str) -> String {
    let mut c: Vec<char> = base.chars().collect();
    for _ in 0..r.below(3) + 1 {
        let len = c.len();
        match r.below(15) {
            0 if len > 1 => {
                let i = r.below(len - 1);
                c.swap(i, i + 1);
            }
            1 if len > 0 => {
                c.remove(r.below(len));
            }
            2 => {
                let i = r.below(len + 1);
                c.insert(
                    i,
                    *r.pick(&['a', 'o', '.', '-', '0', '1', 'n', 'r', 'v', 'w']),
                );
            }
            3 if len > 0 => {
                let i = r.below(len);
                c[i] = *r.pick(&['a', 'o', '0', 'l', '1', 'i', '|', 'm', 'w']);
            }
            4 => {
                let s: String = c.iter().collect();
                c = s.replace('m', "rn").replace('w', "vv").chars().collect();
            }
            5 => {
                for x in c.iter_mut() {
                    *x = match *x {
                        'o' => 'о',
                        'a' => 'а',
                        'e' => 'е',
                        y => y,
                    };
                }
            }
            6 => c.splice(0..0, "www.".chars()).for_each(drop),
            7 => c.push(*r.pick(&['.', '\u{3002}'])),
            8 => c.iter_mut().for_each(|x| *x = x.to_ascii_uppercase()),
            9 => {
                let s: String = c.iter().collect();
                let to = *r.pick(&[".de", ".co.uk", ".net", ".com.au", ".io"]);
                c = s.replace(".com", to).chars().collect();
            }
            10 => {
                c.insert(0, ' ');
                c.push(' ');
            }
            11 => {
                for x in c.iter_mut() {
                    if x.is_ascii_lowercase() && r.chance(20) {
                        *x = char::from_u32(*x as u32 - 0x61 + 0xFF41).unwrap();
                    }
                }
            }
            12 => {
                let s: String = c.iter().collect();
                c = s
                    .replace("google", "xn--ggle-55da")
                    .replace("пример", "xn--e1afmkfd")
                    .replace("bücher", "xn--bcher-kva")
                    .chars()
                    .collect();
            }
            13 => {
                for x in c.iter_mut() {
                    *x = match *x {
                        'a' => 'á',
                        'u' => 'ü',
                        'A' => 'Á',
                        y => y,
                    };
                }
            }
            _ => {
                let i = r.below(len + 1);
                c.insert(i, *r.pick(&['x', 'Σ', 'Д', '\u{3002}', 'ß', ':', '1']));
            }
        }
    }
    c.into_iter().collect()
}

fn host(r: &mut Rng, base: &str) -> String {
    match r.below(10) {
        0 => r
            .pick(&[
                "",
                " ",
                "127.0.0.1",
                "::1",
                "1.2.3.4.",
                "xn--",
                "xn--!!.com",
                ".",
                "a",
            ])
            .to_string(),
        1 => "a".repeat(r.below(300)) + ".com",
        2 => base.to_string(),
        _ => mutate(r, base),
    }
}

#[test]
fn suggest_host_matches_the_reference() {
    let mut r = Rng(0x2545_F491_4F6C_DD1D);
    let (mut pairs, mut suggested) = (0, 0);
    for _ in 0..4000 {
        let base = r.pick(BASES).to_string();
        let h = host(&mut r, &base);
        let known: Vec<String> = (0..r.below(12))
            .map(|_| {
                let b = if r.chance(70) {
                    base.clone()
                } else {
                    r.pick(BASES).to_string()
                };
                host(&mut r, &b)
            })
            .collect();
        pairs += known.len();
        let want = reference::suggest_host(&h, &known);
        suggested += usize::from(want.is_some());
        assert_eq!(suggest_host(&h, &known), want, "{h:?} {known:?}");
    }
    // the generator reaches the interesting cases
    assert!(pairs > 15_000 && suggested > 1000, "{pairs} {suggested}");
}

#[test]
fn a_name_ending_in_dots_after_a_non_ascii_suffix_does_not_panic() {
    // "。" folds to "." after the trailing dots are cut: the name part of "a.ßß.." is not at a
    // character boundary
    let odd = "a.\u{df}\u{df}\u{3002}\u{3002}".to_string();
    assert_eq!(suggest_host(&odd, &["b.xyz".to_string()]), None);
    assert_eq!(suggest_host("b.xyz", std::slice::from_ref(&odd)), None);
    assert_eq!(
        reference::suggest_host(&odd, &["b.xyz".to_string()]),
        suggest_host(&odd, &["b.xyz".to_string()])
    );
}
