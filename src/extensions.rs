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
use crate::text::clip;

/// At most this many extensions are returned.
pub const MAX_RANKED: usize = 100;

const AD_BLOCKERS: &[&str] = &[
    "ublock",
    "adblock",
    "ad block",
    "adguard",
    "ad blocker",
    "adblocker",
    "ads blocker",
    "stands fair",
    "ghostery ad",
    "poper blocker",
    "total adblock",
    "adlock",
    "1blocker",
];

const PRIVACY_TOOLS: &[&str] = &[
    "ghostery",
    "privacy badger",
    "noscript",
    "duckduckgo",
    "disconnect",
    "umatrix",
    "scriptsafe",
    "script blocker",
    "privacy possum",
    "clearurls",
    "cookie autodelete",
    "decentraleyes",
    "localcdn",
    "https everywhere",
    "tracker block",
    "anti-tracking",
    "privacy",
];

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

/// (reason, risk, weight)
type Trait = (&'static str, Risk, u32);

fn traits(e: &ExtensionInfo) -> Vec<Trait> {
    let perms = |name: &str| e.permissions.iter().any(|p| p.trim() == name);
    let broad = e
        .host_permissions
        .iter()
        .chain(e.permissions.iter())
        .take(1000)
        .any(|p| is_broad(p));
    let name = clip(&e.name, 200).to_ascii_lowercase();
    let mut text = name.clone();
    text.push(' ');
    text.push_str(&clip(e.description.as_deref().unwrap_or(""), 300).to_ascii_lowercase());
    let mut out = Vec::new();
    if perms("proxy") {
        out.push(("proxy", Risk::High, 100));
    }
    if has_word(&text, "vpn") {
        out.push(("vpn", Risk::High, 90));
    }
    if perms("webRequestBlocking") {
        out.push(("blocking-webrequest", Risk::High, 80));
    }
    if perms("declarativeNetRequest") || perms("declarativeNetRequestWithHostAccess") {
        out.push(("declarative-net-request", Risk::Medium, 60));
    }
    if AD_BLOCKERS.iter().any(|w| name.contains(w)) {
        out.push(("ad-blocker", Risk::Medium, 50));
    } else if PRIVACY_TOOLS.iter().any(|w| name.contains(w)) {
        out.push(("privacy-tool", Risk::Medium, 45));
    }
    if perms("webRequest") && broad && !perms("webRequestBlocking") {
        out.push(("webrequest", Risk::Medium, 40));
    }
    if broad {
        out.push(("all-sites-access", Risk::Low, 10));
    }
    out
}

pub fn rank_extensions(exts: &[ExtensionInfo]) -> Vec<RankedExtension> {
    // (sort key, index into `exts`, traits), kept sorted as they come: the index makes every
    // key different, so the order is the one a stable sort by (risk, weight) gives
    let mut ranked: Vec<(u32, usize, Vec<Trait>)> = Vec::new();
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
        let t = traits(e);
        let Some(risk) = t.iter().map(|x| x.1).min() else {
            continue;
        };
        // the strongest trait first, then all of them together (both at most 0xFFF)
        let strongest = t.iter().map(|x| x.2).max().unwrap_or(0);
        let all: u32 = t.iter().map(|x| x.2).sum();
        let key = (risk as u32) << 24 | (0xFFF - strongest) << 12 | (0xFFF - all);
        let at = ranked.partition_point(|x| (x.0, x.1) < (key, i));
        ranked.insert(at, (key, i, t));
    }
    ranked
        .into_iter()
        .take(MAX_RANKED)
        .map(|(_, i, t)| {
            let e = &exts[i];
            RankedExtension {
                id: clip(&e.id, 128).to_string(),
                name: clip(&e.name, 200).to_string(),
                risk: t.iter().map(|x| x.1).min().unwrap_or(Risk::Low),
                reasons: t.iter().map(|x| x.0.to_string()).collect(),
            }
        })
        .collect()
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
}
