// Sizes: the core's .wasm (raw, gzip -9, brotli), the JS glue, each zip in dist/, and what
// each part of the wasm costs (twiggy, on a build that keeps names).
//
//   node tools/bench/size.mjs [--json] [--twiggy]
//
// --twiggy builds a names-keeping variant in target/bench-names (cargo build --release for
// wasm32, wasm-bindgen, then the same wasm-opt -Oz as build.sh plus -g, which keeps the name
// section and changes the code by well under 1%) and prints `twiggy top`, grouped by crate
// and by what pulls the code in.
import { readFileSync, readdirSync, statSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { homedir } from 'node:os';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function sizes() {
  const rows = [];
  const pkg = join(ROOT, 'dist/chrome/pkg');
  for (const f of ['gateway_doctor_bg.wasm', 'gateway_doctor.js']) {
    const b = readFileSync(join(pkg, f));
    rows.push({ what: `dist/chrome/pkg/${f}`, raw: b.length, gzip: gz(b), brotli: br(b) });
  }
  for (const browser of ['chrome', 'firefox']) {
    const dir = join(ROOT, 'dist', browser);
    if (!existsSync(dir)) continue;
    const files = walk(dir);
    const raw = files.reduce((s, f) => s + statSync(f).size, 0);
    const other = files.filter((f) => !f.includes('/pkg/'));
    const b = Buffer.concat(other.map((f) => readFileSync(f)));
    rows.push({ what: `dist/${browser}/ without pkg/ (${other.length} files)`, raw: b.length, gzip: gz(b) });
    rows.push({ what: `dist/${browser}/ unpacked, all files`, raw });
  }
  for (const f of readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.zip')).sort()) {
    rows.push({ what: `dist/${f}`, raw: statSync(join(ROOT, 'dist', f)).size, zip: true });
  }
  return rows;
}

function bin(name) {
  for (const p of [join(ROOT, 'node_modules/.bin', name), join(homedir(), '.cargo/bin', name)]) if (existsSync(p)) return p;
  return name;
}

/** build.sh's environment for the wasm build (tools/wasm-nightly.env), unless GD_WASM_TOOLCHAIN=stable. */
export function wasmEnv() {
  if (process.env.GD_WASM_TOOLCHAIN === 'stable') return {};
  const env = {};
  for (const line of readFileSync(join(ROOT, 'tools/wasm-nightly.env'), 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  return env;
}

/** Builds the names-keeping variant; returns the path of its optimised wasm. */
export function namesBuild() {
  const target = join(ROOT, 'target/bench-names');
  const env = { ...process.env, ...wasmEnv(), CARGO_TARGET_DIR: target };
  // Nightly mangles with v0 (crate[hash]::, generic arguments spelled out): ask for the legacy
  // scheme so the names, and the groups below, read as on stable.
  const flags = 'CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS';
  if (env.RUSTUP_TOOLCHAIN?.startsWith('nightly')) env[flags] = `${env[flags] ?? ''} -Zunstable-options -Csymbol-mangling-version=legacy`.trim();
  execFileSync('cargo', ['build', '--quiet', '--target', 'wasm32-unknown-unknown', '--release'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const out = join(target, 'out');
  mkdirSync(out, { recursive: true });
  execFileSync(bin('wasm-bindgen'), ['--target', 'web', '--keep-debug', '--out-dir', out, join(target, 'wasm32-unknown-unknown/release/gateway_doctor.wasm')]);
  const opt = join(out, 'gateway_doctor_names.wasm');
  execFileSync(bin('wasm-opt'), ['-Oz', '-g', join(out, 'gateway_doctor_bg.wasm'), '-o', opt]);
  return opt;
}

/** What pulls an item in, by its name. */
function group(name) {
  if (/function names|custom section|producers/.test(name)) return 'names and custom sections (not shipped)';
  if (/^data segment/.test(name)) return 'data (.rodata: strings, tables)';
  if (/flt2dec|fmt::float|bignum|dec2flt|<f64 as core.*Display/.test(name)) return 'float formatting';
  if (/escape_debug|unicode::printable|grapheme_extend|<str as core.*Debug|<char as core.*Debug/.test(name)) return 'Debug of char/str (str slicing panics, {:?})';
  if (/to_lowercase|to_uppercase|unicode_data|conversions/.test(name)) return 'Unicode case tables (to_lowercase)';
  if (/serde_wasm_bindgen|static_str_to_js/.test(name)) return 'serde-wasm-bindgen';
  if (/gateway_doctor::model::_::|serde_core|serde::/.test(name)) return 'serde derive impls';
  const m = /gateway_doctor::([a-z_]+)/.exec(name);
  if (m) return `gateway_doctor::${m[1]}`;
  if (/externref shim|maybe_catch_unwind/.test(name)) return 'exports (wasm-bindgen shims, inlined callees)';
  if (/dlmalloc|__rdl|__rust_alloc|__rust_dealloc|__rust_realloc/.test(name)) return 'allocator (dlmalloc)';
  if (/wasm_bindgen|js_sys|__wbindgen|__externref|^import /.test(name)) return 'wasm-bindgen / js-sys';
  if (/btree|hashbrown|alloc::/.test(name)) return 'collections, alloc';
  if (/core.*fmt/.test(name)) return 'core::fmt';
  if (/core|std/.test(name)) return 'core, std';
  return 'other';
}

export function twiggy(wasm) {
  const csv = execFileSync(bin('twiggy'), ['top', '-n', '100000', '--format', 'csv', wasm], { maxBuffer: 64 << 20 }).toString();
  const lines = csv.trim().split('\n').slice(1);
  const items = [];
  for (const l of lines) {
    // Name may hold commas and quotes: the numbers are the last four fields (retained ones empty).
    const m = /^(.*),(\d+),([\d.]+),(\d*),([\d.]*)$/.exec(l);
    if (!m) continue;
    let name = m[1];
    if (name.startsWith('"')) name = name.slice(1, -1).replace(/""/g, '"');
    if (name.startsWith('Σ') || name.startsWith('... and')) continue;
    items.push({ name, bytes: Number(m[2]) });
  }
  const total = items.reduce((s, i) => s + i.bytes, 0);
  const groups = new Map();
  for (const i of items) groups.set(group(i.name), (groups.get(group(i.name)) || 0) + i.bytes);
  return {
    total,
    groups: [...groups].map(([what, bytes]) => ({ what, bytes })).sort((a, b) => b.bytes - a.bytes),
    top: items.sort((a, b) => b.bytes - a.bytes).slice(0, 20),
  };
}

const kb = (n) => (n === undefined ? '' : `${(n / 1024).toFixed(1)} KiB`);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = sizes();
  const result = { sizes: rows };
  if (process.argv.includes('--twiggy')) result.twiggy = twiggy(namesBuild());
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    for (const r of rows) console.log(`${r.what.padEnd(52)} ${kb(r.raw).padStart(11)} ${r.gzip ? `gzip ${kb(r.gzip)}` : ''} ${r.brotli ? `brotli ${kb(r.brotli)}` : ''}`);
    if (result.twiggy) {
      console.log(`\nwasm by part (twiggy top, -Oz -g build, ${kb(result.twiggy.total)} with names):`);
      for (const g of result.twiggy.groups) console.log(`  ${String(g.bytes).padStart(8)}  ${g.what}`);
      console.log('\nlargest items:');
      for (const t of result.twiggy.top) console.log(`  ${String(t.bytes).padStart(8)}  ${t.name.slice(0, 110)}`);
    }
  }
  writeFileSync(join(ROOT, 'target/bench-size.json'), JSON.stringify(result, null, 1));
}
