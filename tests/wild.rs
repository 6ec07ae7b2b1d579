//! The wild corpus (tests/wild/cases/*.json): real error pages people met and pasted into
//! public issue trackers, with labels known from the page and the thread (see
//! tests/wild/README.md). Reports accuracy per split, per gateway and per form, and fails
//! under the floors below. `GWD_PRINT=1 cargo test --test wild -- --nocapture` lists every
//! miss.

use gateway_doctor::model::{Failure, Header};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Floors on the measured part (percent): the goal, 90 / 90 / 85 / 97. Since
/// batch 12 (tests/wild/README.md) misses of measure cases are left as misses rather
/// than mended, so this part stays held out and its figure drifts down as batches come
/// in; a new case the rules do not yet know should not fail the build unless the part
/// falls under the goal; a rule change that breaks several known ones should.
const FLOOR_MEASURE: [(&str, f64); 4] = [
    ("gateway", 90.0),
    ("generatedBy", 90.0),
    ("cause", 85.0),
    ("culprit", 97.0),
];
/// Floors on the tuning part.
const FLOOR_TUNE: [(&str, f64); 4] = [
    ("gateway", 95.0),
    ("generatedBy", 95.0),
    ("cause", 95.0),
    ("culprit", 97.0),
];

struct Case {
    id: String,
    split: String,
    form: String,
    labels: Value,
    failure: Failure,
}

fn load() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wild/cases");
    let mut out = Vec::new();
    for f in std::fs::read_dir(&dir).unwrap() {
        let path = f.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let headers = v["headers"]
            .as_array()
            .map(|hs| {
                hs.iter()
                    .filter_map(|h| h.as_str()?.split_once(':'))
                    .map(|(n, val)| Header {
                        name: n.trim().into(),
                        value: Some(val.trim().into()),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let body = v["body"].as_str().unwrap_or("").to_string();
        let form = v["form"].as_str().unwrap().to_string();
        // HTML comes as the start of the page; text as what the content script reads
        // from the rendered page.
        let (body_text, page_text) = if form == "html" {
            (Some(body), None)
        } else {
            (None, Some(body))
        };
        out.push(Case {
            id: v["id"].as_str().unwrap().into(),
            split: v["split"].as_str().unwrap().into(),
            form,
            labels: v["labels"].clone(),
            failure: Failure {
                url: "https://www.example.com/page".into(),
                method: Some("GET".into()),
                status_code: v["status"].as_u64().map(|s| s as u16),
                // the status line as the browser reports it, where the source shows a
                // reason phrase of the gateway's own ("503 Service Unavailable: Back-end
                // server is at capacity")
                status_line: v["statusLine"].as_str().map(str::to_string),
                response_headers: headers,
                body_text,
                page_text,
                ..Failure::default()
            },
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

#[derive(Default)]
struct Tally {
    n: usize,
    ok: [usize; 4],
}

impl Tally {
    fn pct(&self, i: usize) -> f64 {
        if self.n == 0 {
            return 100.0;
        }
        100.0 * self.ok[i] as f64 / self.n as f64
    }
    fn line(&self) -> String {
        format!(
            "n={:3} gateway {:5.1}% generatedBy {:5.1}% cause {:5.1}% culprit {:5.1}%",
            self.n,
            self.pct(0),
            self.pct(1),
            self.pct(2),
            self.pct(3)
        )
    }
}

#[test]
fn the_wild_corpus_is_diagnosed_above_the_floors() {
    let cases = load();
    assert!(cases.len() >= 150, "only {} cases", cases.len());
    let print = std::env::var_os("GWD_PRINT").is_some();
    let mut total: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_gateway: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut by_form: BTreeMap<(String, String), Tally> = BTreeMap::new();
    for c in &cases {
        let d = gateway_doctor::diagnose(&c.failure).unwrap();
        let got_gw = d.gateway.as_ref().map(|g| g.id.as_str());
        let want_gw = c.labels["gateway"].as_str();
        let causes: Vec<&str> = c.labels["causes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|x| x.as_str())
            .collect();
        let ok = [
            got_gw == want_gw,
            d.generated_by.as_str() == c.labels["generatedBy"].as_str().unwrap(),
            causes.contains(&d.cause.as_str()),
            d.culprit.as_str() == c.labels["culprit"].as_str().unwrap(),
        ];
        if print && ok.contains(&false) {
            println!(
                "MISS {} [{}] {}: got {:?}/{}/{}/{} want {:?}/{}/{:?}/{}",
                c.id,
                c.split,
                c.form,
                got_gw,
                d.generated_by.as_str(),
                d.cause.as_str(),
                d.culprit.as_str(),
                want_gw,
                c.labels["generatedBy"],
                causes,
                c.labels["culprit"]
            );
        }
        let gw_key = want_gw.unwrap_or("(none)").to_string();
        for t in [
            total.entry(c.split.clone()).or_default(),
            by_gateway.entry((c.split.clone(), gw_key)).or_default(),
            by_form
                .entry((c.split.clone(), c.form.clone()))
                .or_default(),
        ] {
            t.n += 1;
            for (i, k) in ok.iter().enumerate() {
                t.ok[i] += usize::from(*k);
            }
        }
    }
    for (split, t) in &total {
        println!("{split:8} {}", t.line());
    }
    for ((split, form), t) in &by_form {
        println!("{split:8} form {form:8} {}", t.line());
    }
    for ((split, gw), t) in &by_gateway {
        println!("{split:8} {gw:20} {}", t.line());
    }
    let mut failures = Vec::new();
    for (split, floors) in [("measure", FLOOR_MEASURE), ("tune", FLOOR_TUNE)] {
        let t = total.get(split).expect("both splits have cases");
        for (i, (metric, floor)) in floors.iter().enumerate() {
            if t.pct(i) < *floor {
                failures.push(format!("{split} {metric}: {:.1}% < {floor}%", t.pct(i)));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
