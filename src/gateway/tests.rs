use super::*;

#[test]
fn records_are_well_formed() {
    let ids: Vec<&str> = known_ids().collect();
    for (i, id) in ids.iter().enumerate() {
        assert!(!id.is_empty() && *id == id.to_ascii_lowercase(), "{id}");
        assert!(!ids[..i].contains(id), "duplicate id {id}");
        assert_eq!(usize::from(id_of(id)), i, "{id}");
    }
    let mut ranks = Vec::new();
    for r in &RECORDS {
        assert!(!r.vendor.is_empty() && !r.name.is_empty(), "{}", r.id);
        assert!(r.status_page.is_empty() || r.status_page.starts_with("https://"));
        for (name, label) in r.references.iter().chain(r.page_references) {
            assert_eq!(*name, name.to_ascii_lowercase(), "{}", r.id);
            assert!(!label.is_empty());
        }
        if let Some((rank, _)) = r.page {
            assert!(
                !ranks.contains(&rank),
                "{}: two readers with rank {rank}",
                r.id
            );
            assert!(rank < 64, "{}: PAGE_ORDER reads ranks under 64", r.id);
            ranks.push(rank);
        }
    }
    assert_eq!(PAGE_ORDER.1, ranks.len(), "every reader is in PAGE_ORDER");
    assert_eq!(RECORDS.len(), 27, "the contract's 27 gateways");
}

#[test]
fn status_pages_of_the_providers() {
    assert_eq!(
        status_page("cloudflare"),
        Some("https://www.cloudflarestatus.com/")
    );
    assert_eq!(status_page("nginx"), None);
    assert_eq!(status_page("kong"), None);
}
