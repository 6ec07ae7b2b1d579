//! `rankExtensions`: the installed extensions that can interfere with page loads.

use crate::model::{ExtensionInfo, RankedExtension, Risk};

pub fn rank_extensions(exts: &[ExtensionInfo]) -> Vec<RankedExtension> {
    exts.iter()
        .filter(|e| e.enabled.unwrap_or(true) && e.permissions.iter().any(|p| p == "proxy"))
        .map(|e| RankedExtension { id: e.id.clone(), name: e.name.clone(), risk: Risk::High, reasons: vec!["proxy".into()] })
        .collect()
}
