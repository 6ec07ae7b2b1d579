// Cost on healthy pages in Firefox (firefox-esr through geckodriver, the e2e suite's launch()):
// the load time (navigation timing loadEventEnd) of small 200 pages on 127.0.0.1 with
// Gateway Doctor and without it, in one browser that turns the add-on on and off (the add-on
// manager, as about:addons does) every `block` navigations, like tools/bench/browser.mjs does
// in Chromium. The profile has full timer precision (privacy.reduceTimerPrecision off):
// Firefox otherwise rounds page timings to 1 ms, too coarse for a ratio of ~40 ms loads.
//
//   node tools/bench/firefox.mjs [--healthy 200] [--json] [--extension DIR (with a gecko id; default dist/firefox)]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, available } from '../../tests/e2e/lib/firefox.mjs';
import { upstream, freePort } from '../../tests/e2e/lib/servers.mjs';
import { alternate, median } from './browser.mjs';

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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--healthy');
  const e = process.argv.indexOf('--extension');
  const r = await healthyFirefox({ n: i >= 0 ? Number(process.argv[i + 1]) : 200, extensionDir: e >= 0 ? process.argv[e + 1] : EXT });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else console.log(JSON.stringify({ ...r, with: undefined, without: undefined, medians: r.with && [median(r.with), median(r.without)] }, null, 1));
  process.exit(0);
}
