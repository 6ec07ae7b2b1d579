// Interleaved A/B of two builds of the core in one Node process: the same calls on each, in
// turns, so the machine's load falls on both alike. Medians per call (µs) of each round.
//
//   node tools/bench/ab.mjs PKG_A PKG_B [--rounds 7] [--n 300]
import { readFileSync, mkdtempSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { fixtureFailures, inline, knownHosts, environment } from './fixtures.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const [A, B] = process.argv.slice(2, 4);
const rounds = Number(arg('--rounds', 7));
const n = Number(arg('--n', 300));

async function load(pkg) {
  // each build from its own copy: the glue keeps one module per URL
  const dir = mkdtempSync(join(tmpdir(), 'gd-ab-'));
  cpSync(pkg, dir, { recursive: true });
  const core = await import(pathToFileURL(join(dir, 'gateway_doctor.js')).href);
  core.initSync({ module: new WebAssembly.Module(readFileSync(join(dir, 'gateway_doctor_bg.wasm'))) });
  return core;
}

function median(f) {
  const t = [];
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    f();
    t.push(Number(process.hrtime.bigint() - s) / 1000);
  }
  t.sort((a, b) => a - b);
  return t[t.length >> 1];
}

const cores = [await load(A), await load(B)];
const all = fixtureFailures(ROOT).map((f) => f.failure);
const hosts = knownHosts(1000);
const env = environment(hosts);
const cases = {
  'diagnose fixtures': (c) => { let k = 0; return () => c.diagnose(all[k++ % all.length]); },
  'diagnose nginx-502': (c) => () => c.diagnose(inline['nginx-502']),
  'advise dns, 1,000 hosts': (c) => { const d = c.diagnose({ url: 'https://www.example.com/', error: 'net::ERR_NAME_NOT_RESOLVED' }); return () => c.advise(d, env); },
  'advise nginx-502, empty env': (c) => { const d = c.diagnose(inline['nginx-502']); return () => c.advise(d, {}); },
  'suggestHost typo': (c) => () => c.suggestHost('githbu.com', hosts),
};
for (const [name, make] of Object.entries(cases)) {
  const res = [[], []];
  for (let r = 0; r < rounds; r++) for (const i of r % 2 ? [1, 0] : [0, 1]) res[i].push(median(make(cores[i])));
  const med = (v) => [...v].sort((a, b) => a - b)[v.length >> 1].toFixed(1);
  console.log(`${name.padEnd(30)} A ${med(res[0]).padStart(8)} µs   B ${med(res[1]).padStart(8)} µs`);
}
