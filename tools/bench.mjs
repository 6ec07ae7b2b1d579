// Every benchmark of BENCHMARKS.md in one run, one table at the end. Run by `./build.sh bench`
// after the build (it needs dist/). Takes a few minutes on 2 cores.
//
//   node tools/bench.mjs [--quick] [--skip size,criterion,node,browser,versus,firefox] [--failures N]
//
// --quick: fewer samples everywhere (a smoke run of the tooling, not figures to publish).
// Measures only; no figure fails the run. The raw results go to target/bench-results.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as size from './bench/size.mjs';
import * as nodeCore from './bench/node-core.mjs';
import * as browser from './bench/browser.mjs';
import * as firefox from './bench/firefox.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const skipArg = process.argv.indexOf('--skip');
const skip = new Set(skipArg >= 0 ? process.argv[skipArg + 1].split(',') : []);
const num = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};

const KiB = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => `${n.toFixed(1)} ms`;
/** " (95% interval a-b)" for a healthy-page result's ratio, or nothing. */
const interval = (r) => (r.ratioCI ? ` (95% interval ${r.ratioCI.map((x) => x.toFixed(3)).join('-')})` : '');
const us = (n) => (n >= 1000 ? `${(n / 1000).toFixed(2)} ms` : `${n.toFixed(n < 10 ? 2 : 1)} µs`);
const rows = [];
const row = (section, what, value, goal = '', met = undefined) => rows.push({ section, what, value, goal, met });
const say = (s) => console.error(`==> bench: ${s}`);
mkdirSync(join(ROOT, 'target'), { recursive: true });
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), loadavgAtStart: loadavg() },
};

// ------------------------------------------------------------------ 1. size
if (!skip.has('size')) {
  say('sizes');
  const s = size.sizes();
  results.sizes = s;
  const wasm = s.find((r) => r.what.endsWith('.wasm'));
  const glue = s.find((r) => r.what.endsWith('gateway_doctor.js'));
  row('size', 'core .wasm raw', KiB(wasm.raw));
  row('size', 'core .wasm gzip -9', KiB(wasm.gzip), '< 60 KiB', wasm.gzip < 60 * 1024);
  row('size', 'core .wasm brotli', KiB(wasm.brotli));
  row('size', 'JS glue raw / gzip', `${KiB(glue.raw)} / ${KiB(glue.gzip)}`);
  for (const z of s.filter((r) => r.zip)) row('size', z.what, KiB(z.raw), '< 150 KiB', z.raw < 150 * 1024);
  if (!skip.has('twiggy')) {
    say('names-keeping wasm build for twiggy (target/bench-names)');
    try {
      results.twiggy = size.twiggy(size.namesBuild());
      for (const g of results.twiggy.groups.slice(0, 8)) row('wasm parts', g.what, KiB(g.bytes));
    } catch (e) {
      row('wasm parts', 'twiggy', `failed: ${e.message.split('\n')[0]}`);
    }
  }
}

// ------------------------------------------------------------------ 2. core speed
if (!skip.has('criterion')) {
  say('criterion (cargo bench --bench core, target/bench)');
  const target = join(ROOT, 'target/bench');
  const args = ['bench', '--quiet', '--bench', 'core', '--', '--noplot'];
  if (quick) args.push('--warm-up-time', '0.1', '--measurement-time', '0.3');
  execFileSync('cargo', args, { cwd: ROOT, env: { ...process.env, CARGO_TARGET_DIR: target }, stdio: ['ignore', 'ignore', 'inherit'] });
  const crit = join(target, 'criterion');
  const found = [];
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) {
        if (f === 'new' && existsSync(join(p, 'estimates.json')) && existsSync(join(p, 'benchmark.json'))) {
          const b = JSON.parse(readFileSync(join(p, 'benchmark.json'), 'utf8'));
          const e = JSON.parse(readFileSync(join(p, 'estimates.json'), 'utf8'));
          found.push({ id: b.full_id, ns: e.median.point_estimate, elements: b.throughput?.Elements });
        } else walk(p);
      }
    }
  };
  if (existsSync(crit)) walk(crit);
  results.criterion = found;
  const order = ['diagnose', 'advise', 'retryPlan', 'suggestHost'];
  found.sort((a, b) => order.indexOf(a.id.split('/')[0]) - order.indexOf(b.id.split('/')[0]) || a.id.localeCompare(b.id));
  for (const f of found) {
    const per = f.elements > 1 ? `, ${us(f.ns / 1000 / f.elements)} per failure` : '';
    row('native (criterion, median)', f.id, `${us(f.ns / 1000)}${per}`);
  }
}

// ------------------------------------------------------------------ 2b. core speed in Node
if (!skip.has('node')) {
  say('the built wasm in Node');
  const r = await nodeCore.run({ n: quick ? 200 : 2000 });
  results.node = r;
  for (const x of r) row('wasm in Node (median per call)', x.what, us(x.us));
}

// ------------------------------------------------------------------ 3-5. the browser
if (!skip.has('browser')) {
  say('headless Chromium (failure -> help, healthy pages, memory, storage)');
  const r = await browser.run({
    warm: quick ? 10 : 60,
    cold: quick ? 3 : 10,
    calls: quick ? 100 : 1000,
    failures: num('--failures', quick ? 40 : 400),
    healthy: quick ? 20 : 200,
  });
  results.browser = r;
  if (r.skipped) row('browser', 'skipped', r.skipped);
  else {
    const f = r.failure;
    const m = browser.median(f.warm);
    row('failure -> help', `502 headers -> panel in the DOM, median (n=${f.warm.length})`, ms(m), '< 100 ms', m < 100);
    row('failure -> help', `  p95`, ms(browser.p95(f.warm)));
    row('failure -> help', `  -> the frame after it, median`, ms(browser.median(f.frame)));
    row('failure -> help', `  of which after the load event, median`, ms(browser.median(f.afterLoad)));
    row('failure -> help', `first failure after browser start (wasm init)`, ms(f.firstAfterLaunch ?? NaN));
    row('failure -> help', `cold: worker stopped first, median (n=${f.cold.length})`, ms(browser.median(f.cold)));
    const h = r.healthy;
    const a = browser.median(h.with);
    const b = browser.median(h.without);
    row('healthy pages', `load (loadEventEnd) with the extension, median (n=${h.with.length}; one browser, turned on/off every 10)`, ms(a));
    row('healthy pages', `load without the extension, median (n=${h.without.length})`, ms(b));
    row('healthy pages', `ratio with / without${interval(h)}`, h.ratio.toFixed(3), '< 1.02', h.ratio < 1.02);
    row('healthy pages', `  first load after turning it on (its worker starts), median (n=${h.afterSwitch.with.length})`, ms(browser.median(h.afterSwitch.with)));
    const hb = r.healthyBeside;
    if (hb) {
      row('healthy pages', `beside an extension that holds webRequest, observes nothing (stands for a content blocker): with / without${interval(hb)}`, hb.ratio.toFixed(3));
    }
    const inst = [...h.wasmChecks, ...(hb?.wasmChecks || [])].filter((c) => c.worker).reduce((s, c) => s + c.instances + c.memories, 0);
    const checked = h.wasmChecks.length + (hb?.wasmChecks.length || 0);
    row('healthy pages', 'wasm instantiated in the worker during them', inst === 0 ? `never (checked ${checked}x)` : `YES (${inst})`, 'never', inst === 0);
    const mem = f.memory;
    row('memory', `worker JS heap after GC, after the navigations above`, KiB(mem.before.heap.usedSize));
    row('memory', `worker JS heap after GC, +${f.calls.answered} diagnose+advise via the worker`, KiB(mem.after.heap.usedSize));
    row('memory', `wasm memory, before / after`, `${KiB(mem.before.wasm[0] ?? 0)} / ${KiB(mem.after.wasm[0] ?? 0)}`);
    if (mem.afterStorm) row('memory', `worker JS heap / wasm memory after the failing navigations`, `${KiB(mem.afterStorm.heap.usedSize)} / ${KiB(mem.afterStorm.wasm[0] ?? 0)}`);
    const last = f.storage[f.storage.length - 1];
    row('storage', `storage.session after ${last.failures} failing navigations (4 tabs)`, `${KiB(last.session)} (${last.recent} recent, ${last.records} tab records)`, 'bounded');
    row('storage', `storage.local`, `${KiB(last.local)} (${last.knownHosts} known hosts)`, 'bounded');
  }
}

// ------------------------------------------------------------------ 3, against the control
if (!skip.has('versus')) {
  say('navigation start -> panel on screen against a control extension (Chromium, then Firefox)');
  const c = await browser.versusControl({ n: quick ? 10 : 100 });
  const f = await firefox.versusControlFirefox({ n: quick ? 10 : 40 });
  results.versusControl = { chromium: c, firefox: f };
  if (c.skipped) row('panel vs control', 'Chromium', c.skipped);
  else {
    const s = c.summary;
    row('panel vs control', `Chromium: control / Gateway Doctor, medians (n=${s.ours.n} each, interleaved)`, `${ms(s.control.frame)} / ${ms(s.ours.frame)}`);
    row('panel vs control', `Chromium: ratio (95% interval ${s.ours.ratioCI?.join('-')})`, s.ours.ratio.toFixed(3), '<= 1.2', s.ours.ratio <= 1.2);
    row('panel vs control', `Chromium: the first failure after the worker stopped adds (n=${s.ours.cold.n})`, ms(s.ours.coldAdds), '< 150 ms', s.ours.coldAdds < 150);
  }
  if (f.skipped) row('panel vs control', 'Firefox', f.skipped);
  else {
    row('panel vs control', `Firefox: control / Gateway Doctor, medians (n=${f.ours.length} each)`, `${ms(f.summary.control.frame)} / ${ms(f.summary.ours.frame)}`);
    row('panel vs control', `Firefox: ratio (95% interval ${f.ratioCI?.join('-')})`, f.ratio.toFixed(3), '<= 1.2', f.ratio <= 1.2);
    row('panel vs control', `Firefox: the first failure after the background stopped adds (n=${f.cold.length})`, ms(f.coldAdds), '< 150 ms', f.coldAdds < 150);
  }
}

// ------------------------------------------------------------------ 4, in Firefox
if (!skip.has('firefox')) {
  say('headless Firefox (healthy pages)');
  const r = await firefox.healthyFirefox({ n: quick ? 20 : 200 });
  results.firefox = r;
  if (r.skipped) row('healthy pages, Firefox', 'skipped', r.skipped);
  else {
    row('healthy pages, Firefox', `load with the add-on, median (n=${r.with.length}; one browser, turned on/off every 10)`, ms(browser.median(r.with)));
    row('healthy pages, Firefox', `load without it, median (n=${r.without.length})`, ms(browser.median(r.without)));
    row('healthy pages, Firefox', `ratio with / without${interval(r)}`, r.ratio.toFixed(3), '< 1.02', r.ratio < 1.02);
    row('healthy pages, Firefox', 'after the switching, a 502 still gets the panel', r.panelAfter ? 'yes' : 'NO', 'yes', r.panelAfter);
  }
}

results.loadavgAtEnd = loadavg();
writeFileSync(join(ROOT, 'target/bench-results.json'), JSON.stringify(results, null, 1));

// ------------------------------------------------------------------ the table
const w1 = Math.max(...rows.map((r) => r.what.length));
const w2 = Math.max(...rows.map((r) => String(r.value).length));
let section;
console.log(`\nGateway Doctor benchmarks, ${results.date} (${results.machine.cpus} cores, ${results.machine.memGiB} GiB, load average at start ${results.machine.loadavgAtStart.map((x) => x.toFixed(2)).join(' ')})`);
for (const r of rows) {
  if (r.section !== section) {
    section = r.section;
    console.log(`\n${section}`);
  }
  const mark = r.met === undefined ? '' : r.met ? '  ok' : '  MISSED';
  console.log(`  ${r.what.padEnd(w1)}  ${String(r.value).padStart(w2)}  ${r.goal ? `goal ${r.goal}${mark}` : ''}`);
}
console.log('\nraw results: target/bench-results.json');
