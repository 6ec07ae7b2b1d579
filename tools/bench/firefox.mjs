// Cost on healthy pages in Firefox (firefox-esr through geckodriver, the e2e suite's launch()):
// the load time (navigation timing loadEventEnd) of small 200 pages on 127.0.0.1 with
// Gateway Doctor and without it, in one browser that turns the add-on on and off (the add-on
// manager, as about:addons does) every `block` navigations, like tools/bench/browser.mjs does
// in Chromium. The profile has full timer precision (privacy.reduceTimerPrecision off):
// Firefox otherwise rounds page timings to 1 ms, too coarse for a ratio of ~40 ms loads.
//
//   node tools/bench/firefox.mjs [--healthy 200] [--json] [--extension DIR (with a gecko id; default dist/firefox)]
//   node tools/bench/firefox.mjs --versus-control [--n 60] [--block 5] [--extension DIR] [--json]
//       from the 502's navigation start to the panel on screen against the control
//       (control.mjs), interleaved in one Firefox, and the first failure after the background
//       was terminated (as browser.mjs --versus-control does in Chromium)
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, available } from '../../tests/e2e/lib/firefox.mjs';
import { upstream, freePort, startNginx, nginxAvailable } from '../../tests/e2e/lib/servers.mjs';
import { alternate, median, p95, ratioInterval } from './browser.mjs';
import { makeControl, makeClock } from './control.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXT = join(ROOT, 'dist/firefox');

/** Turns the add-on on or off in the browser's add-on manager; resolves once it is (in)active. */
async function setEnabled(driver, id, on) {
  await driver.cmd('POST', '/moz/context', { context: 'chrome' });
  try {
    const active = await driver.exec(
      `const [id, on, done] = arguments;
       const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
       (async () => {
         const addon = await AddonManager.getAddonByID(id);
         if (on) await addon.enable();
         else await addon.disable();
         return addon.isActive;
       })().then(done, (e) => done('error: ' + e));`,
      [id, on],
      true,
    );
    if (active !== on) throw new Error(`the add-on did not turn ${on ? 'on' : 'off'}: ${active}`);
  } finally {
    await driver.cmd('POST', '/moz/context', { context: 'content' });
  }
}

async function loadTime(driver, url) {
  await driver.goto(url);
  for (let i = 0; i < 50; i++) {
    const t = await driver.exec(`const n = performance.getEntriesByType('navigation')[0]; return n && n.loadEventEnd > 0 ? n.loadEventEnd : 0;`);
    if (t > 0) return t;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no load event for ${url}`);
}

export async function healthyFirefox({ n = 200, extensionDir = EXT, block = 10, settle = 2 } = {}) {
  const why = available();
  if (!why.ok) return { skipped: why.why };
  const id = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
  const up = await upstream(await freePort()).start();
  const driver = await launch({ extensionDir, privateAccess: false, prefs: { 'privacy.reduceTimerPrecision': false } });
  const out = { method: `one Firefox, the add-on turned on and off every ${block} navigations` };
  try {
    for (let i = 0; i < 10; i++) await loadTime(driver, up.url(`/warmup?${i}`));
    Object.assign(
      out,
      await alternate({ n, block, settle, setEnabled: (on) => setEnabled(driver, id, on), loadAt: (path) => loadTime(driver, up.url(path)) }),
    );
    // The add-on is really at work after all the switching: a failing response gets its panel.
    await setEnabled(driver, id, true);
    up.handler = (req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>502</title><h1>502 Bad Gateway</h1>');
    };
    await driver.goto(up.url('/failing'));
    out.panelAfter = Boolean(await driver.panel({ timeout: 10_000 }));
  } finally {
    await driver.close();
    await up.stop();
  }
  return out;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One failing navigation, from its start to the panel host added and the frame after it
 * (the clock add-on's marks on the page's window). */
async function timeFromStart(driver, url) {
  await driver.goto(url);
  for (let end = Date.now() + 15_000; Date.now() < end; ) {
    const t = await driver
      .exec(
        `if (window.__gdPanelFrame === undefined) return null;
         const n = performance.getEntriesByType('navigation')[0];
         return { at: window.__gdPanelAt, frame: window.__gdPanelFrame, who: window.__gdPanelWho, late: Boolean(window.__gdPanelLate),
                  responseStart: n.responseStart, domContentLoaded: n.domContentLoadedEventEnd,
                  marks: Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, Math.round(e.startTime * 10) / 10])) };`,
      )
      .catch(() => null);
    if (t) return t;
    await sleep(30);
  }
  return null;
}

/** Gateway Doctor against the control in Firefox: tools/bench/browser.mjs versusControl's
 * method (one browser, exactly one of the two on at a time, blocks taking turns, `settle`
 * navigations uncounted after each switch, a cold failure after each of our blocks with the
 * background terminated first). */
export async function versusControlFirefox({ n = 60, block = 5, settle = 2, cold = true, extensionDir = EXT } = {}) {
  const why = [available(), nginxAvailable()].find((a) => !a.ok);
  if (why) return { skipped: why.why };
  const id = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
  const up = upstream(await freePort()); // never started: nginx answers its own 502
  const nginx = await startNginx({ upstreamPort: up.port });
  const prefs = { 'privacy.reduceTimerPrecision': false };
  const clock = makeClock();
  let size = null;
  {
    const d = await launch({ extensionDir, privateAccess: false, prefs });
    try {
      for (let i = 0; i < 3; i++) {
        await d.goto(nginx.url(`/size?${i}`));
        await d.panel({ timeout: 15_000 });
        await sleep(500);
        size = await d.inPanel(`(root) => { const r = root.host.getBoundingClientRect(); return { width: r.width, height: r.height }; }`);
      }
    } finally {
      await d.close();
    }
  }
  const control = makeControl({ ...size, firefox: true });
  const controlId = 'gd-bench-control@gateway-doctor.org';
  // the clock's content script first, then the control's
  const driver = await launch({ extensionDir, privateAccess: false, prefs, extraExtensions: [clock, control] });
  const out = { size, n, block, settle, ours: [], control: [], cold: [], blocks: [], wrong: 0, late: 0, missed: 0 };
  try {
    const setOn = async (which) => {
      await setEnabled(driver, id, which === 'ours');
      await setEnabled(driver, controlId, which === 'control');
    };
    const sample = async (which, path) => {
      const t = await timeFromStart(driver, nginx.url(path));
      if (!t) out.missed++;
      else if (t.who !== which) out.wrong++;
      else if (t.late) out.late++;
      else return t;
      return null;
    };
    for (let b = 0; out.ours.length < n || out.control.length < n; b++) {
      const which = b % 2 === 0 ? 'ours' : 'control';
      await setOn(which);
      for (let j = 0; j < settle; j++) await sample(which, `/settle/${which}${b}?${j}`);
      const list = out[which];
      const loads = [];
      for (let j = 0; j < block && list.length + loads.length < n; j++) {
        const t = await sample(which, `/${which}/${b}?${j}`);
        if (t) loads.push(t);
      }
      list.push(...loads);
      out.blocks.push({ on: which === 'ours', loads: loads.map((t) => t.frame) });
      if (which === 'ours' && cold) {
        await driver.stopBackground();
        await sleep(300);
        const t = await sample('ours', `/cold/${b}`);
        if (t) out.cold.push(t);
      }
      if (b > 8 * Math.ceil(n / block) + 10) throw new Error(`too few samples: ${JSON.stringify({ ...out, ours: out.ours.length, control: out.control.length })}`);
    }
  } finally {
    await driver.close();
    await nginx.stop();
    rmSync(control, { recursive: true, force: true });
    rmSync(clock, { recursive: true, force: true });
  }
  const r1 = (x) => Math.round(x * 10) / 10;
  const m = (xs, k) => r1(median(xs.map((t) => t[k])));
  const q = (xs, k) => r1(p95(xs.map((t) => t[k])));
  const part = (xs) => ({ frame: m(xs, 'frame'), frameP95: q(xs, 'frame'), added: m(xs, 'at'), responseStart: m(xs, 'responseStart'), domContentLoaded: m(xs, 'domContentLoaded') });
  out.summary = { ours: part(out.ours), control: part(out.control), cold: { n: out.cold.length, frame: m(out.cold, 'frame'), added: m(out.cold, 'at') } };
  out.ratio = Math.round((median(out.ours.map((t) => t.frame)) / median(out.control.map((t) => t.frame))) * 1000) / 1000;
  out.ratioCI = ratioInterval(out.blocks)?.map((x) => Math.round(x * 1000) / 1000) ?? null;
  out.coldAdds = r1(out.summary.cold.frame - out.summary.ours.frame);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--versus-control')) {
    const num = (k, d) => (process.argv.includes(k) ? Number(process.argv[process.argv.indexOf(k) + 1]) : d);
    const r = await versusControlFirefox({ n: num('--n', 60), block: num('--block', 5), extensionDir: process.argv.includes('--extension') ? process.argv[process.argv.indexOf('--extension') + 1] : EXT });
    if (process.argv.includes('--json')) console.log(JSON.stringify(r));
    else {
      const { ours, control, cold, blocks, ...rest } = r;
      console.log(JSON.stringify(rest, null, 1));
    }
    process.exit(0);
  }
  const i = process.argv.indexOf('--healthy');
  const e = process.argv.indexOf('--extension');
  const r = await healthyFirefox({ n: i >= 0 ? Number(process.argv[i + 1]) : 200, extensionDir: e >= 0 ? process.argv[e + 1] : EXT });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else console.log(JSON.stringify({ ...r, with: undefined, without: undefined, medians: r.with && [median(r.with), median(r.without)] }, null, 1));
  process.exit(0);
}
