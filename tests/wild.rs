//! The wild corpus (tests/wild/cases/*.json): real error pages people met and pasted into
//! public issue trackers, with labels known from the page and the thread (see
//! tests/wild/README.md). Reports accuracy per split, per gateway and per form, and fails
//! under the floors below. `GWD_PRINT=1 cargo test --test wild -- --nocapture` lists every
//! miss.

use gateway_doctor::diagnose::in_context;
use gateway_doctor::model::{Environment, Failure, ProxySettings};
use std::collections::BTreeMap;

#[path = "support/wild.rs"]
mod wild;
use wild::load;

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

/// The environment a case's labels imply, as the shell would pass it: a page labelled the
/// person's proxy's came through a proxy this browser is set to use (`fixed_servers`, what the
/// shell passes when Firefox reports the proxy that carried the request); a network's sign-in
/// (a 511) was met on a plain `http:` address, the only kind a captive portal can answer;
/// every other page in an environment that says nothing.
fn implied(c: &wild::Case) -> (Failure, Environment) {
    let mut f = c.failure.clone();
    let mut env = Environment::default();
    match c.labels["culprit"].as_str() {
        Some("proxy") => {
            env.proxy = Some(ProxySettings {
                mode: Some("fixed_servers".into()),
                ..Default::default()
            })
        }
        Some("network") => f.url = f.url.replacen("https:", "http:", 1),
        _ => {}
    }
    (f, env)
}

/// The diagnosis the person is shown (`in_context`, which takes away a person-side culprit
/// that only the page names: tests/spoof.rs) keeps every culprit the page reading got right,
/// in the environment the case implies; and without that environment, no person-side page
/// keeps its culprit.
#[test]
fn the_person_side_pages_keep_their_culprit_in_the_environment_they_imply() {
    let mut kept = 0;
    let mut problems = Vec::new();
    for c in &load() {
        let (f, env) = implied(c);
        let d = gateway_doctor::diagnose(&f).unwrap();
        let want = c.labels["culprit"].as_str().unwrap();
        if d.culprit.as_str() != want {
            continue;
        }
        let shown = in_context(&d, &env);
        if shown.culprit != d.culprit {
            problems.push(format!(
                "{}: {want} became {}",
                c.id,
                shown.culprit.as_str()
            ));
        }
        if matches!(want, "proxy" | "network") {
            kept += 1;
            let bare = gateway_doctor::diagnose(&c.failure).unwrap();
            let alone = in_context(&bare, &Environment::default());
            if alone.culprit.as_str() == want {
                problems.push(format!("{}: {want} without an environment", c.id));
            }
        }
    }
    assert!(kept >= 20, "only {kept} person-side cases");
    assert!(problems.is_empty(), "{problems:#?}");
}
