// The core's speed through the built wasm, in Node, as the extension calls it (the JS glue
// converts the values in and out): compile + instantiate once, then each call warmed up and
// timed N times with process.hrtime.bigint(); the median per call is reported.
//
//   node tools/bench/node-core.mjs [--json] [--n 2000] [--pkg dist/chrome/pkg]
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { fixtureFailures, inline, knownHosts, environment } from './fixtures.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('--n', 2000));
const PKG = resolve(ROOT, arg('--pkg', 'dist/chrome/pkg'));

const ns = () => process.hrtime.bigint();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Times `fn` n times after a warm-up; microseconds per call. */
function time(fn, n = N) {
  for (let i = 0; i < Math.min(200, n); i++) fn();
  const xs = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = ns();
    fn();
    xs[i] = Number(ns() - t) / 1000;
  }
  return { median: median(xs), p95: pct(xs, 95), n };
}

export async function run({ n = N, pkg = PKG } = {}) {
  const bytes = readFileSync(join(pkg, 'gateway_doctor_bg.wasm'));
  const t0 = ns();
  const core = await import(pathToFileURL(join(pkg, 'gateway_doctor.js')).href);
  const t1 = ns();
  const module = new WebAssembly.Module(bytes);
  const t2 = ns();
  core.initSync({ module });
  const t3 = ns();
  const rows = [
    { what: 'import the JS glue', us: Number(t1 - t0) / 1000, n: 1 },
    { what: 'compile the wasm (WebAssembly.Module)', us: Number(t2 - t1) / 1000, n: 1 },
    { what: 'instantiate (initSync)', us: Number(t3 - t2) / 1000, n: 1 },
  ];

  const fixtures = fixtureFailures(ROOT);
  const all = fixtures.length ? fixtures.map((f) => f.failure) : Object.values(inline);
  let k = 0;
  const r = time(() => core.diagnose(all[k++ % all.length]), n);
  rows.push({ what: `diagnose, each of ${all.length} ${fixtures.length ? 'fixtures' : 'inline failures'} in turn`, us: r.median, p95: r.p95, n });
  for (const [name, f] of Object.entries(inline)) {
    const x = time(() => core.diagnose(f), n);
    rows.push({ what: `diagnose ${name}`, us: x.median, p95: x.p95, n });
  }
  const hosts = knownHosts(1000);
  const env = environment(hosts);
  const d502 = core.diagnose(inline['nginx-502']);
  const dns = core.diagnose({ url: 'https://www.example.com/', error: 'net::ERR_NAME_NOT_RESOLVED' });
  let x = time(() => core.advise(d502, env), n);
  rows.push({ what: 'advise nginx-502 (1,000 known hosts, 10 extensions)', us: x.median, p95: x.p95, n });
  x = time(() => core.advise(dns, env), n);
  rows.push({ what: 'advise dns (1,000 known hosts, 10 extensions)', us: x.median, p95: x.p95, n });
  x = time(() => core.advise(d502, {}), n);
  rows.push({ what: 'advise nginx-502 (empty environment)', us: x.median, p95: x.p95, n });
  const history = { attempts: 2, firstFailureAt: 1_795_000_000_000, now: 1_795_000_030_000 };
  x = time(() => core.retryPlan(d502, history), n);
  rows.push({ what: 'retryPlan nginx-502', us: x.median, p95: x.p95, n });
  x = time(() => core.suggestHost('githbu.com', hosts), n);
  rows.push({ what: 'suggestHost typo, 1,000 known hosts', us: x.median, p95: x.p95, n });
  x = time(() => core.suggestHost('completely-unrelated.example', hosts), n);
  rows.push({ what: 'suggestHost no match, 1,000 known hosts', us: x.median, p95: x.p95, n });
  x = time(() => {
    const d = core.diagnose(inline['nginx-502']);
    core.advise(d, env);
  }, n);
  rows.push({ what: 'diagnose + advise (what the background does per failure)', us: x.median, p95: x.p95, n });
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await run();
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else
    for (const r of rows)
      console.log(`${r.what.padEnd(62)} ${r.us.toFixed(1).padStart(9)} µs${r.p95 !== undefined ? `  (p95 ${r.p95.toFixed(1)} µs, n=${r.n})` : ''}`);
}
