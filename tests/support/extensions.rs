//! An installed extension as `management.getAll()` reports it, for the advice tests.
use gateway_doctor::model::ExtensionInfo;

/// An enabled extension the person may turn off, with these permissions and host permissions.
pub fn ext(id: &str, name: &str, perms: &[&str], hosts: &[&str]) -> ExtensionInfo {
    ExtensionInfo {
        id: id.into(),
        name: name.into(),
        enabled: Some(true),
        kind: Some("extension".into()),
        permissions: perms.iter().map(|s| s.to_string()).collect(),
        host_permissions: hosts.iter().map(|s| s.to_string()).collect(),
        may_disable: Some(true),
        ..Default::default()
    }
}
