//! The core's speed, natively: diagnose over the captured fixtures (tests/fixtures), advise,
//! retryPlan and suggestHost with 1,000 known hosts. Run by `node tools/bench.mjs` (short
//! measurement times); alone: `cargo bench --bench core -- --noplot`. Figures: BENCHMARKS.md.
//! No assertions here: a benchmark measures, the tests judge.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gateway_doctor::model::{
    Diagnosis, Environment, ExtensionInfo, Failure, Header, History, RecentFailure,
};
use std::hint::black_box;
use std::time::Duration;

#[path = "../tests/support/http.rs"]
mod http;
use http::{fixture_failure, fixtures_dir};

fn response(status: u16, line: &str, headers: &[(&str, &str)], body: &str) -> Failure {
    Failure {
        url: "https://www.example.com/some/page".into(),
        method: Some("GET".into()),
        status_code: Some(status),
        status_line: Some(line.into()),
        response_headers: headers
            .iter()
            .map(|(n, v)| Header {
                name: (*n).into(),
                value: Some((*v).into()),
            })
            .collect(),
        body_text: Some(body.into()),
        time_stamp: Some(1_795_000_000_000.0),
        ..Failure::default()
    }
}

fn no_response(error: &str) -> Failure {
    Failure {
        url: "https://www.example.com/some/page".into(),
        method: Some("GET".into()),
        error: Some(error.into()),
        time_stamp: Some(1_795_000_000_000.0),
        ..Failure::default()
    }
}

const NGINX_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n";

/// Realistic failures that do not depend on the fixtures: used when tests/fixtures is empty,
/// and always for the named cases.
fn inline_failures() -> Vec<(String, Failure)> {
    vec![
        (
            "nginx-502".into(),
            response(
                502,
                "HTTP/1.1 502 Bad Gateway",
                &[
                    ("Server", "nginx/1.22.1"),
                    ("Date", "Tue, 24 Nov 2026 17:57:26 GMT"),
                    ("Content-Type", "text/html"),
                    ("Content-Length", "157"),
                ],
                NGINX_502,
            ),
        ),
        (
            "cloudflare-522".into(),
            response(
                522,
                "HTTP/2 522",
                &[
                    ("Server", "cloudflare"),
                    ("CF-RAY", "8f1c2d3e4f5a6b7c-FRA"),
                    ("Content-Type", "text/html; charset=UTF-8"),
                ],
                "<!DOCTYPE html><html><head><title>example.com | 522: Connection timed out</title></head><body><div id=\"cf-error-details\"><h1>Connection timed out</h1><span>Error code 522</span><p>Visit cloudflare.com for more information.</p><p>Cloudflare Ray ID: 8f1c2d3e4f5a6b7c</p></div></body></html>",
            ),
        ),
        (
            "app-503-retry-after".into(),
            response(
                503,
                "HTTP/1.1 503 Service Unavailable",
                &[("Retry-After", "120"), ("Content-Type", "text/html")],
                "<h1>Down for maintenance</h1><p>We'll be back shortly.</p>",
            ),
        ),
        (
            "chromium-refused".into(),
            no_response("net::ERR_CONNECTION_REFUSED"),
        ),
        (
            "firefox-tls-message".into(),
            no_response("Peer’s Certificate issuer is not recognized."),
        ),
    ]
}

/// Every captured response in tests/fixtures/<gateway>/<scenario>.http, as diagnose gets it.
fn fixture_failures() -> Vec<(String, Failure)> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(fixtures_dir()) else {
        return out;
    };
    for dir in dirs.flatten() {
        let dir = dir.path();
        if !dir.is_dir() || dir.file_name().is_some_and(|n| n == "capture") {
            continue;
        }
        let gw = dir.file_name().unwrap().to_string_lossy().to_string();
        for f in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let f = f.path();
            if f.extension().and_then(|e| e.to_str()) != Some("http") {
                continue;
            }
            let Ok(raw) = std::fs::read(&f) else { continue };
            let name = format!("{gw}/{}", f.file_stem().unwrap().to_string_lossy());
            let failure = fixture_failure(&gw, &raw);
            out.push((name, failure));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// 1,000 plausible, distinct hostnames (deterministic).
pub fn known_hosts(n: usize) -> Vec<String> {
    const WORDS: [&str; 20] = [
        "news", "shop", "mail", "docs", "cloud", "video", "bank", "travel", "music", "games",
        "photo", "sport", "health", "maps", "weather", "books", "jobs", "food", "home", "auto",
    ];
    const TLDS: [&str; 8] = ["com", "org", "net", "de", "co.uk", "io", "fr", "app"];
    let mut hosts = vec!["github.com".to_string(), "www.wikipedia.org".to_string()];
    let mut i = 0usize;
    while hosts.len() < n {
        let w = WORDS[i % WORDS.len()];
        let v = WORDS[(i / WORDS.len()) % WORDS.len()];
        let t = TLDS[i % TLDS.len()];
        let sub = if i.is_multiple_of(3) { "www." } else { "" };
        hosts.push(format!("{sub}{w}{v}{}.{t}", i / 400));
        i += 1;
    }
    hosts
}

fn environment(hosts: &[String]) -> Environment {
    Environment {
        url: Some("https://www.example.com/some/page".into()),
        method: Some("GET".into()),
        browser: Some("chrome".into()),
        platform: Some("linux".into()),
        known_hosts: hosts.to_vec(),
        recent_failures: (0..20)
            .map(|i| RecentFailure {
                host: format!("site{i}.example.org"),
                at: 1_795_000_000_000.0 - f64::from(i) * 30_000.0,
                cause: Some("upstream-unreachable".into()),
            })
            .collect(),
        extensions: (0..10)
            .map(|i| ExtensionInfo {
                id: format!("{i:0>32}"),
                name: if i == 3 {
                    "Fast VPN".into()
                } else {
                    format!("Helper {i}")
                },
                enabled: Some(true),
                kind: Some("extension".into()),
                permissions: if i == 3 {
                    vec!["proxy".into(), "storage".into()]
                } else {
                    vec!["storage".into(), "tabs".into()]
                },
                host_permissions: vec!["<all_urls>".into()],
                install_type: Some("normal".into()),
                may_disable: Some(true),
                ..ExtensionInfo::default()
            })
            .collect(),
        incognito_allowed: Some(true),
        attempts: Some(0),
        now: Some(1_795_000_000_000.0),
        ..Environment::default()
    }
}

fn diagnosis_of(f: &Failure) -> Diagnosis {
    gateway_doctor::diagnose(f).expect("a valid failure")
}

fn benches(c: &mut Criterion) {
    let fixtures = fixture_failures();
    let inline = inline_failures();
    let all: Vec<Failure> = if fixtures.is_empty() {
        inline.iter().map(|(_, f)| f.clone()).collect()
    } else {
        fixtures.iter().map(|(_, f)| f.clone()).collect()
    };

    let mut g = c.benchmark_group("diagnose");
    g.throughput(Throughput::Elements(all.len() as u64));
    g.bench_function(BenchmarkId::new("fixtures", all.len()), |b| {
        b.iter(|| {
            for f in &all {
                black_box(gateway_doctor::diagnose(black_box(f)).ok());
            }
        })
    });
    g.throughput(Throughput::Elements(1));
    for (name, f) in &inline {
        g.bench_function(name.as_str(), |b| {
            b.iter(|| gateway_doctor::diagnose(black_box(f)))
        });
    }
    g.finish();

    let hosts = known_hosts(1000);
    let env = environment(&hosts);
    let d502 = diagnosis_of(&inline[0].1);
    let dns = diagnosis_of(&no_response("net::ERR_NAME_NOT_RESOLVED"));
    let mut g = c.benchmark_group("advise");
    g.bench_function("nginx-502", |b| {
        b.iter(|| gateway_doctor::advise(black_box(&d502), black_box(&env)))
    });
    g.bench_function("dns-1000-known-hosts", |b| {
        b.iter(|| gateway_doctor::advise(black_box(&dns), black_box(&env)))
    });
    g.finish();

    let history = History {
        attempts: 2,
        first_failure_at: Some(1_795_000_000_000.0),
        now: Some(1_795_000_030_000.0),
        ..History::default()
    };
    c.bench_function("retryPlan/nginx-502", |b| {
        b.iter(|| gateway_doctor::retry_plan(black_box(&d502), black_box(&history)))
    });

    let mut g = c.benchmark_group("suggestHost");
    g.bench_function("typo-1000-hosts", |b| {
        b.iter(|| gateway_doctor::suggest_host(black_box("githbu.com"), black_box(&hosts)))
    });
    g.bench_function("no-match-1000-hosts", |b| {
        b.iter(|| {
            gateway_doctor::suggest_host(
                black_box("completely-unrelated.example"),
                black_box(&hosts),
            )
        })
    });
    g.finish();
}

fn config() -> Criterion {
    // Short by default so that the whole `./build.sh bench` takes minutes; the command line
    // (--measurement-time, --warm-up-time, --sample-size) overrides these.
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(20)
        .configure_from_args()
}

criterion_group! {
    name = core;
    config = config();
    targets = benches
}
criterion_main!(core);
