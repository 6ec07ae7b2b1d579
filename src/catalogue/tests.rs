use super::*;

#[test]
fn records_are_well_formed() {
    for (i, rec) in RECORDS.iter().enumerate() {
        assert!(!rec.id.is_empty() && rec.id == rec.id.to_ascii_lowercase());
        assert_eq!(by_id(rec.id), Some(i), "duplicate id {}", rec.id);
        for (p, _) in rec.phrases {
            assert_eq!(
                *p,
                p.to_ascii_lowercase(),
                "{}: phrase not lowercase",
                rec.id
            );
        }
        for h in rec.headers {
            assert_eq!(*h, h.to_ascii_lowercase());
        }
        assert!(rec.status_page.is_empty() || rec.status_page.starts_with("https://"));
        assert!(!rec.vendor.is_empty());
    }
}

#[test]
fn built_on_names_known_gateways() {
    let known =
        |id: &str| by_id(id).is_some() || crate::gateway::RECORDS.iter().any(|r| r.id == id);
    for (on, g) in BUILT_ON {
        assert!(known(on) && known(g), "{on}/{g}: no such gateway");
    }
}

#[test]
fn own_answer_headers_name_known_gateways() {
    for (id, sig, _) in OWN_ANSWER {
        assert!(
            by_id(id).is_some() || crate::gateway::RECORDS.iter().any(|r| r.id == *id),
            "{id}: no such gateway"
        );
        assert_eq!(*sig, sig.to_ascii_lowercase());
    }
}
