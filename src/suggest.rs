//! `suggestHost`: the known host the person most likely meant.

pub fn suggest_host(host: &str, known: &[String]) -> Option<String> {
    let host = host.to_ascii_lowercase();
    known.iter().find(|k| k.as_str() != host && k.len().abs_diff(host.len()) <= 1 && k.ends_with(&host[host.len().min(3)..])).cloned()
}
