//! `rankExtensions`: the installed extensions that can interfere with page loads.
//!
//! Traits, strongest first (the reason ids name `reason_*` messages):
//!
//! | reason | trait | risk |
//! |---|---|---|
//! | `proxy` | the "proxy" permission: it can send every request through another server | high |
//! | `vpn` | "VPN" in its name or description | high |
//! | `blocking-webrequest` | "webRequestBlocking": it can stop or rewrite any request | high |
//! | `declarative-net-request` | "declarativeNetRequest" (also WithHostAccess): blocking and redirect rules | medium |
//! | `ad-blocker` | a known ad blocker by name (uBlock, AdBlock, AdGuard, ...) | medium |
//! | `privacy-tool` | a known privacy or script blocker by name (Ghostery, Privacy Badger, NoScript, DuckDuckGo, ...) | medium |
//! | `webrequest` | "webRequest" together with access to every site: it watches all requests | medium |
//! | `all-sites-access` | access to every site (host permissions, content scripts) | low |
//!
//! Skipped: disabled extensions, themes, apps, and extensions with none of the traits. The
//! order is by risk, then by the strongest trait, then by the weight of all traits together,
//! then by the input order (stable).

use crate::model::{ExtensionInfo, RankedExtension, Risk};
use crate::text::{clip, Has};

/// At most this many extensions are returned.
pub const MAX_RANKED: usize = 100;

/// `|`-separated (one string, no table of pointers in the wasm).
const AD_BLOCKERS: &str = concat!(
    "ublock|adblock|ad block|adguard|ad blocker|adblocker|ads blocker|stands fair|",
    "ghostery ad|poper blocker|total adblock|adlock|1blocker",
);

/// `|`-separated (one string, no table of pointers in the wasm).
const PRIVACY_TOOLS: &str = concat!(
    "ghostery|privacy badger|noscript|duckduckgo|disconnect|umatrix|scriptsafe|",
    "script blocker|privacy possum|clearurls|cookie autodelete|decentraleyes|localcdn|",
    "https everywhere|tracker block|anti-tracking|privacy",
);

fn has_word(text: &str, word: &str) -> bool {
    // bytes suffice: a byte of a character beyond ASCII is never ASCII alphanumeric
    let bytes = text.as_bytes();
    let alnum = |i: Option<usize>| {
        i.and_then(|i| bytes.get(i))
            .is_some_and(|b| b.is_ascii_alphanumeric())
    };
    text.match_indices(word)
        .any(|(i, _)| !alnum(i.checked_sub(1)) && !alnum(Some(i + word.len())))
}

/// Whether a host permission or match pattern covers every site.
fn is_broad(pattern: &str) -> bool {
    let p = pattern.trim();
    p == "<all_urls>" || p.contains("://*/") || p.ends_with("://*")
}

/// The traits, strongest first: (reason, risk, weight). Risks only grow and weights only
/// shrink down the list, so an extension's first trait is its risk and its strongest.
const TRAITS: [(&str, Risk, u32); 8] = [
    ("proxy", Risk::High, 100),
    ("vpn", Risk::High, 90),
    ("blocking-webrequest", Risk::High, 80),
    ("declarative-net-request", Risk::Medium, 60),
    ("ad-blocker", Risk::Medium, 50),
    ("privacy-tool", Risk::Medium, 45),
    ("webrequest", Risk::Medium, 40),
    ("all-sites-access", Risk::Low, 10),
];

/// The extension's traits: bit `n` for `TRAITS[n]`.
fn traits(e: &ExtensionInfo) -> u8 {
    let perms = |name: &str| e.permissions.iter().any(|p| p.trim() == name);
    let mut broad = false;
    for p in e.host_permissions.iter().chain(&e.permissions).take(1000) {
        if is_broad(p) {
            broad = true;
            break;
        }
    }
    let name = clip(&e.name, 200).to_ascii_lowercase();
    let mut text = name.clone();
    text.push(' ');
    text.push_str(&clip(e.description.as_deref().unwrap_or(""), 300).to_ascii_lowercase());
    let blocking = perms("webRequestBlocking");
    let ad_blocker = name.has_any(AD_BLOCKERS);
    u8::from(perms("proxy"))
        | u8::from(has_word(&text, "vpn")) << 1
        | u8::from(blocking) << 2
        | u8::from(perms("declarativeNetRequest") || perms("declarativeNetRequestWithHostAccess"))
            << 3
        | u8::from(ad_blocker) << 4
        | u8::from(!ad_blocker && name.has_any(PRIVACY_TOOLS)) << 5
        | u8::from(perms("webRequest") && broad && !blocking) << 6
        | u8::from(broad) << 7
}

pub fn rank_extensions(exts: &[ExtensionInfo]) -> Vec<RankedExtension> {
    // (sort key, index into `exts`, traits), kept sorted as they come: the index makes every
    // key different, so the order is the one a stable sort by (risk, weight) gives
    let mut ranked: Vec<(u32, usize, u8)> = Vec::new();
    for (i, e) in exts.iter().enumerate() {
        if e.enabled == Some(false) {
            continue;
        }
        // management.getAll() types: "extension", "hosted_app", "packaged_app",
        // "legacy_packaged_app", "theme", "login_screen_extension"
        if let Some(kind) = e.kind.as_deref() {
            if kind != "extension" {
                continue;
            }
        }
        let bits = traits(e);
        // by risk, then the strongest trait, then all of them together (at most 0xFFF): the
        // first trait has the risk and the strongest weight
        let mut key = 0;
        let mut all = 0;
        for (n, &(_, risk, weight)) in TRAITS.iter().enumerate().rev() {
            if bits >> n & 1 == 1 {
                all += weight;
                key = (risk as u32) << 24 | (0xFFF - weight) << 12;
            }
        }
        if bits != 0 {
            let key = key | (0xFFF - all);
            let at = ranked.partition_point(|x| (x.0, x.1) < (key, i));
            ranked.insert(at, (key, i, bits));
        }
    }
    let mut out = Vec::new();
    for &(key, i, bits) in ranked.iter().take(MAX_RANKED) {
        let Some(e) = exts.get(i) else { continue };
        let mut reasons = Vec::new();
        for (n, t) in TRAITS.iter().enumerate() {
            if bits >> n & 1 == 1 {
                reasons.push(t.0.to_string());
            }
        }
        out.push(RankedExtension {
            id: clip(&e.id, 128).to_string(),
            name: clip(&e.name, 200).to_string(),
            risk: match key >> 24 {
                0 => Risk::High,
                1 => Risk::Medium,
                _ => Risk::Low,
            },
            reasons,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert!(has_word("super vpn free", "vpn"));
        assert!(has_word("vpn", "vpn"));
        assert!(!has_word("devpna", "vpn"));
        assert!(is_broad("<all_urls>"));
        assert!(is_broad("*://*/*"));
        assert!(is_broad("https://*/*"));
        assert!(!is_broad("https://*.example.com/*"));
    }

    #[test]
    fn trait_table_is_ordered() {
        for w in TRAITS.windows(2) {
            assert!(w[0].1 <= w[1].1 && w[0].2 > w[1].2, "{w:?}");
        }
        // the sort key's fields have room for every weight and their sum
        assert!(TRAITS.iter().map(|t| t.2).sum::<u32>() < 0xFFF);
    }
}
