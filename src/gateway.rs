//! Which gateway, CDN or proxy wrote a response: identified from its headers and its
//! error-page template.

use crate::model::{Gateway, Role};
use crate::text::Evidence;

/// Identifies the gateway that handled (or wrote) a response.
pub fn identify(ev: &Evidence) -> Option<Gateway> {
    let server = ev.header("server").unwrap_or("");
    let lower = server.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("nginx") {
        let version = rest.strip_prefix('/').map(|v| v.split_whitespace().next().unwrap_or("").to_string());
        return Some(Gateway {
            id: "nginx".into(),
            name: "nginx".into(),
            version: version.filter(|v| !v.is_empty()),
            role: Role::ReverseProxy,
            evidence: vec![format!("Server: {}", crate::text::clip(server, 80))],
        });
    }
    if ev.body_lower.contains("<center>nginx") {
        return Some(Gateway {
            id: "nginx".into(),
            name: "nginx".into(),
            version: None,
            role: Role::ReverseProxy,
            evidence: vec!["nginx error page".into()],
        });
    }
    None
}
