// The extension in headless Chromium (the e2e suite's launch() and its real nginx):
//
//   failure -> help   time from the 502 response's headers arriving at the browser
//                     (navigation timing responseStart) to the panel host being added to the
//                     page (a MutationObserver in an init script, performance.now(); both on
//                     the page's clock), warm and after the worker was stopped (cold)
//   healthy pages     load time (loadEventEnd) of small 200 pages on 127.0.0.1 with and
//                     without the extension, in one browser that turns the extension on and off
//                     every 10 navigations; whether the wasm was ever instantiated in the
//                     worker (WebAssembly.Memory objects in its heap, each worker lifetime);
//                     then the same beside an extension that holds webRequest and observes
//                     nothing (what Gateway Doctor adds for someone with a content blocker)
//   memory            the worker's JS heap (CDP Runtime.getHeapUsage after a GC) and the wasm
//                     memory, after N calls of the core through the worker
//   storage           storage.session / storage.local bytes in use after N failing navigations
//
//   node tools/bench/browser.mjs [--json] [--warm 60] [--cold 10] [--healthy 200]
//                                [--calls 1000] [--failures 2000]
//   node tools/bench/browser.mjs --latency-only [--warm 30] [--cold 5]
//       failure -> help only, with the page's own DOMContentLoaded/load times beside it
//   node tools/bench/browser.mjs --versus-control [--n 60] [--block 5] [--extension DIR] [--also DIR]...
//       from the 502's navigation start to the panel on screen, against a control extension
//       that only injects a fixed panel of the same size at document_start (control.mjs),
//       interleaved in one browser; plus the first failure after the worker was stopped;
//       --also: other builds (e.g. before a change) taking their turns in the same run
//   node tools/bench/browser.mjs --healthy-only [EXTENSION_DIR] [--healthy 200] [--beside DIR]
//       healthy pages only, with the given unpacked extension (controls: tools/bench/noop, a
//       webRequest listener that does nothing; tools/bench/proxy, webRequest held and nothing
//       observed; tools/bench/dnr, declarativeNetRequest with no rules); --beside DIR keeps
//       another extension on throughout (tools/bench/proxy: a content blocker already there);
//       --aa: an A/A run, the extension off throughout (what the method reads when nothing differs)
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, available, CHROMIUM_ARGS, EXECUTABLE, unpackedExtensionId } from '../../tests/e2e/lib/chromium.mjs';
import { makeControl, panelClock } from './control.mjs';
import { upstream, startNginx, freePort, nginxAvailable, waitFor } from '../../tests/e2e/lib/servers.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXT = join(ROOT, 'dist/chrome');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};

export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A DevTools session on the extension's service worker (attached through a page session). */
async function workerSession(driver) {
  const s = await driver.context.newCDPSession(driver.page());
  const { targetInfos } = await s.send('Target.getTargets');
  const t = targetInfos.find((i) => i.type === 'service_worker' && i.url.includes(driver.extensionId));
  if (!t) {
    await s.detach();
    return null;
  }
  const { sessionId } = await s.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
  let id = 0;
  const waiting = new Map();
  s.on('Target.receivedMessageFromTarget', (m) => {
    const r = JSON.parse(m.message);
    const w = waiting.get(r.id);
    if (w) {
      waiting.delete(r.id);
      if (r.error) w.reject(new Error(`${r.error.message}`));
      else w.resolve(r.result);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const i = ++id;
      waiting.set(i, { resolve, reject });
      s.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method, params }) }).catch(reject);
    });
  return {
    targetId: t.targetId,
    send,
    /** Runs `fn` (a function over the array of live objects) on every object in the worker
     * whose prototype is `proto` (an expression). */
    async overObjects(proto, fn) {
      const p = await send('Runtime.evaluate', { expression: proto });
      const q = await send('Runtime.queryObjects', { prototypeObjectId: p.result.objectId });
      const r = await send('Runtime.callFunctionOn', { objectId: q.objects.objectId, functionDeclaration: fn, returnByValue: true });
      return r.result.value;
    },
    /** How many live objects have this prototype (e.g. 'WebAssembly.Memory.prototype'). */
    async count(proto) {
      return this.overObjects(proto, 'function () { return this.length; }');
    },
    /** The byte length of every WebAssembly memory in the worker. */
    async wasmMemory() {
      return this.overObjects('WebAssembly.Memory.prototype', 'function () { return this.map((m) => m.buffer.byteLength); }');
    },
    async heap() {
      await send('HeapProfiler.collectGarbage');
      return send('Runtime.getHeapUsage');
    },
    async close() {
      await s.detach().catch(() => {});
    },
  };
}

async function workerGone(driver, id = driver.extensionId) {
  const s = await driver.context.newCDPSession(driver.page());
  try {
    const { targetInfos } = await s.send('Target.getTargets');
    return !targetInfos.some((i) => i.type === 'service_worker' && i.url.includes(id));
  } finally {
    await s.detach().catch(() => {});
  }
}

/** One failing navigation: ms from responseStart to the panel host (and to the frame after). */
async function timePanel(driver, url) {
  const page = driver.page();
  await driver.goto(url);
  const shown = await driver.panel({ timeout: 15_000 });
  if (!shown) return null;
  await page.waitForFunction(() => window.__gdPanelFrame !== undefined, null, { timeout: 5000 }).catch(() => {});
  const t = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return {
      responseStart: n.responseStart,
      domContentLoaded: n.domContentLoadedEventEnd,
      loadEventEnd: n.loadEventEnd,
      at: window.__gdPanelAt,
      frame: window.__gdPanelFrame,
    };
  });
  return {
    panel: t.at - t.responseStart,
    frame: (t.frame ?? t.at) - t.responseStart,
    toLoad: t.loadEventEnd - t.responseStart,
    toDomContentLoaded: t.domContentLoaded - t.responseStart,
    afterLoad: t.at - t.loadEventEnd,
  };
}

export async function failureToHelp({ warm = 60, cold = 10, calls = 1000, failures = 2000 } = {}) {
  const up = upstream(await freePort()); // never started: nginx answers its own 502
  const nginx = await startNginx({ upstreamPort: up.port });
  const driver = await launch({ extensionDir: EXT, privateAccess: false });
  const out = { warm: [], cold: [], afterLoad: [], frame: [] };
  try {
    await driver.context.addInitScript(panelClock);
    // the first failure instantiates the core; 3 more to settle, then the measured ones
    const first = await timePanel(driver, nginx.url('/first?0'));
    out.firstAfterLaunch = first?.panel ?? null;
    for (let i = 1; i <= 3; i++) await timePanel(driver, nginx.url(`/warmup?${i}`));
    let missed = 0;
    for (let i = 0; i < warm; i++) {
      const t = await timePanel(driver, nginx.url(`/warm/page?${i}`));
      if (!t) {
        missed++;
        continue;
      }
      out.warm.push(t.panel);
      out.frame.push(t.frame);
      out.afterLoad.push(t.afterLoad);
    }
    out.missedWarm = missed;

    // the core through the worker: counts, heap and wasm memory
    let ws = await workerSession(driver);
    out.wasmInstances = await ws.count('WebAssembly.Instance.prototype');
    const heap0 = await ws.heap();
    const mem0 = await ws.wasmMemory();
    const tabId = await driver.context.serviceWorkers().find((w) => w.url().includes(driver.extensionId))
      .evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, driver.page().url());
    const ext = await driver.context.newPage();
    await ext.goto(`chrome-extension://${driver.extensionId}/options.html`);
    const t0 = Date.now();
    const ok = await ext.evaluate(
      async ({ tabId, calls }) => {
        let ok = 0;
        for (let i = 0; i < calls; i++) {
          const v = await chrome.runtime.sendMessage({ type: 'gd:view', tabId, fresh: true });
          if (v?.diagnosis?.failed) ok++;
        }
        return ok;
      },
      { tabId, calls },
    );
    out.callsMs = Date.now() - t0;
    out.calls = { asked: calls, answered: ok };
    const heap1 = await ws.heap();
    const mem1 = await ws.wasmMemory();
    out.memory = { before: { heap: heap0, wasm: mem0 }, after: { heap: heap1, wasm: mem1 } };
    await ws.close();

    // storage after many failing navigations, in a few tabs at once
    const tabs = [driver.page(), ...(await Promise.all([1, 2, 3].map(() => driver.context.newPage())))];
    const bytes = async () =>
      ext.evaluate(async () => ({
        session: await chrome.storage.session.getBytesInUse(null),
        local: await chrome.storage.local.getBytesInUse(null),
        recent: ((await chrome.storage.session.get('recentFailures')).recentFailures || []).length,
        records: Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('tab:')).length,
        knownHosts: ((await chrome.storage.local.get('knownHosts')).knownHosts || []).length,
      }));
    out.storage = [{ failures: 0, ...(await bytes()) }];
    const t1 = Date.now();
    let n = 0;
    const checkpoints = new Set([100, 1000, 5000, 10000, failures]);
    while (n < failures) {
      await Promise.all(
        tabs.map((p, k) =>
          p.goto(nginx.url(`/storm/${k}?${n + k}`), { waitUntil: 'commit', timeout: 20_000 }).catch(() => {}),
        ),
      );
      n += tabs.length;
      if ([...checkpoints].some((c) => n >= c && n - tabs.length < c)) {
        await sleep(500);
        out.storage.push({ failures: n, ...(await bytes()) });
      }
    }
    out.stormMs = Date.now() - t1;
    await sleep(4000); // knownHosts is flushed after 3 s
    out.storage.push({ failures: n, settled: true, ...(await bytes()) });
    ws = await workerSession(driver);
    if (ws) {
      out.memory.afterStorm = { heap: await ws.heap(), wasm: await ws.wasmMemory() };
      await ws.close();
    }
    for (const p of tabs.slice(1)) await p.close();
    await ext.close();

    // cold: the worker stopped, then a failure (worker start, modules, wasm fetch + compile)
    for (let i = 0; i < cold; i++) {
      await driver.stopWorker();
      await waitFor(() => workerGone(driver), { what: 'the worker to stop', timeoutMs: 5000 }).catch(() => {});
      await sleep(300);
      const t = await timePanel(driver, nginx.url(`/cold/page?${i}`));
      if (t) out.cold.push(t.panel);
    }
  } finally {
    await driver.close();
    await nginx.stop();
  }
  return out;
}

/** A Chromium like launch()'s, without any extension. */
async function launchPlain() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'gd-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: EXECUTABLE,
    headless: false,
    args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 640 },
  });
  const page = context.pages()[0] || (await context.newPage());
  return {
    page: () => page,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function loadTime(page, url) {
  await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
  // loadEventEnd is set just after the load event's handlers return
  await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0, null, { timeout: 5000 });
  return page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return { load: n.loadEventEnd, responseStart: n.responseStart, domContentLoaded: n.domContentLoadedEventEnd };
  });
}

/** A 95% interval for median(with) / median(without): a bootstrap that draws whole blocks
 * (so a slow moment of the machine stays within its block), 2,000 draws, fixed seed. */
export function ratioInterval(blocks, draws = 2000) {
  let seed = 0x9e3779b9;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const on = blocks.filter((b) => b.on && b.loads.length);
  const off = blocks.filter((b) => !b.on && b.loads.length);
  if (!on.length || !off.length) return null;
  const draw = (bs) => Array.from(bs, () => bs[Math.floor(rand() * bs.length)].loads).flat();
  const ratios = Array.from({ length: draws }, () => median(draw(on)) / median(draw(off))).sort((a, b) => a - b);
  return [ratios[Math.floor(0.025 * draws)], ratios[Math.ceil(0.975 * draws) - 1]];
}

/** Blocks of `block` navigations with the extension on and off in turn (`setEnabled(on)`),
 * until each half has `n` loads (`loadAt(path)` gives one's ms). After each switch `settle`
 * navigations are not counted; the first of them is reported apart (`afterSwitch`).
 * `afterBlock(on, withCount)` runs after each block. Used by this file and firefox.mjs. */
export async function alternate({ n, block, settle, setEnabled, loadAt, afterBlock = async () => {} }) {
  const out = { with: [], without: [], afterSwitch: { with: [], without: [] } };
  const blocks = [];
  for (let b = 0; out.with.length < n || out.without.length < n; b++) {
    const on = b % 2 === 0;
    await setEnabled(on);
    const tag = on ? 'a' : 'b';
    for (let j = 0; j < settle; j++) {
      const t = await loadAt(`/settle/${tag}${b}?${j}`);
      if (j === 0) (on ? out.afterSwitch.with : out.afterSwitch.without).push(t);
    }
    const list = on ? out.with : out.without;
    const loads = [];
    for (let j = 0; j < block && list.length + loads.length < n; j++) loads.push(await loadAt(`/page/${tag}${b}?${j}`));
    list.push(...loads);
    blocks.push({ on, loads });
    await afterBlock(on, out.with.length);
  }
  out.ratio = median(out.with) / median(out.without);
  out.ratioCI = ratioInterval(blocks);
  return out;
}

/** Turns an extension on or off from chrome://extensions (kept open in a tab of its own), as
 * a person would, and waits until its worker is gone or running again. */
async function extensionSwitch(driver) {
  const ctl = await driver.context.newPage();
  await ctl.goto('chrome://extensions');
  await driver.page().bringToFront();
  return async (on) => {
    await ctl.evaluate(([id, on]) => new Promise((r) => chrome.management.setEnabled(id, on, r)), [driver.extensionId, on]);
    await waitFor(async () => (await workerGone(driver)) !== on, { what: `the worker to ${on ? 'start' : 'stop'}`, timeoutMs: 10_000 });
  };
}

/** `extensionDir`: the extension to compare against no extension (default: dist/chrome; a
 * do-nothing MV3 extension gives the cost of any extension at all, as a control).
 *
 * One browser: the extension is turned on and off (chrome://extensions, as a person would) in
 * blocks of `block` navigations, with and without alternating, so both halves share the same
 * browser process, caches and moment; two separate browsers differ by several per cent on their
 * own on this machine. After each switch, `settle` navigations are not counted (the first one
 * with the extension starts its worker); they are reported apart. `beside`: extension folders
 * kept on throughout. `aa`: the extension stays off and the blocks are only labelled with and
 * without, to see what the method reads when nothing differs. */
export async function healthy({ n = 200, extensionDir = EXT, beside = [], block = 10, settle = 2, aa = false } = {}) {
  const up = await upstream(await freePort()).start();
  // A control may have no webRequest listener (tools/bench/proxy) or no webRequest at all (dnr).
  const ready = () => !self.chrome?.webRequest || self.ready === true || chrome.webRequest.onHeadersReceived.hasListeners();
  const driver = await launch({ extensionDir, privateAccess: false, extraExtensions: beside, ready });
  const out = {
    method: aa
      ? `A/A: one browser, the extension off throughout, blocks of ${block} navigations labelled with and without in turn`
      : `one browser, the extension turned on and off every ${block} navigations`,
    beside,
  };
  try {
    const page = driver.page();
    const setEnabled = await extensionSwitch(driver);
    for (let i = 0; i < 10; i++) await loadTime(page, up.url(`/warmup?${i}`));
    const checks = [];
    Object.assign(
      out,
      await alternate({
        n,
        block,
        settle,
        setEnabled: (on) => setEnabled(on && !aa),
        loadAt: async (path) => (await loadTime(page, up.url(path))).load,
        afterBlock: async (on, withCount) => {
          if (!on || aa) return;
          // this worker started with the block: whatever it instantiated is from healthy navigations
          const ws = await workerSession(driver);
          checks.push(ws ? { after: withCount, worker: true, memories: await ws.count('WebAssembly.Memory.prototype'), instances: await ws.count('WebAssembly.Instance.prototype') } : { after: withCount, worker: false });
          await ws?.close();
        },
      }),
    );
    out.wasmChecks = checks;
    await setEnabled(true);
    out.badge = await driver.badge().catch(() => null);
    out.records = await driver.storedRecords().catch(() => null);
  } finally {
    await driver.close();
    await up.stop();
  }
  return out;
}

/** Failure -> help only, with where the time goes (for working on it): medians of the
 * panel, of the page's own DOMContentLoaded and load, and of the panel after load. */
export async function latency({ warm = 30, cold = 5 } = {}) {
  const up = upstream(await freePort());
  const nginx = await startNginx({ upstreamPort: up.port });
  const driver = await launch({ extensionDir: EXT, privateAccess: false });
  const rows = [];
  const cold_ = [];
  try {
    await driver.context.addInitScript(panelClock);
    for (let i = 0; i < 4; i++) await timePanel(driver, nginx.url(`/warmup?${i}`));
    for (let i = 0; i < warm; i++) {
      const t = await timePanel(driver, nginx.url(`/warm/page?${i}`));
      if (t) rows.push(t);
    }
    for (let i = 0; i < cold; i++) {
      await driver.stopWorker();
      await waitFor(() => workerGone(driver), { what: 'the worker to stop', timeoutMs: 5000 }).catch(() => {});
      await sleep(300);
      const t = await timePanel(driver, nginx.url(`/cold/page?${i}`));
      if (t) cold_.push(t.panel);
    }
  } finally {
    await driver.close();
    await nginx.stop();
  }
  // The browser's own part: the same pages in a browser without any extension.
  const plainDcl = { failing: [], ok: [] };
  const plain = await launchPlain();
  const up2 = await upstream(await freePort()).start();
  const nginx2 = await startNginx({ upstreamPort: up2.port });
  const nginx3 = await startNginx({ upstreamPort: (await freePort()) });
  try {
    const p = plain.page();
    const dcl = async (url) => {
      const t = await loadTime(p, url);
      return t.domContentLoaded - t.responseStart;
    };
    for (let i = 0; i < Math.max(10, warm); i++) {
      plainDcl.failing.push(await dcl(nginx3.url(`/plain/failing?${i}`)));
      plainDcl.ok.push(await dcl(nginx2.url(`/plain/ok?${i}`)));
    }
  } finally {
    await plain.close();
    await nginx2.stop();
    await nginx3.stop();
    await up2.stop();
  }
  const m = (k) => Math.round(median(rows.map((r) => r[k])) * 10) / 10;
  return {
    withoutExtension: {
      failingToDomContentLoaded: Math.round(median(plainDcl.failing) * 10) / 10,
      okToDomContentLoaded: Math.round(median(plainDcl.ok) * 10) / 10,
    },
    n: rows.length,
    panel: m('panel'),
    p95: Math.round(p95(rows.map((r) => r.panel)) * 10) / 10,
    toDomContentLoaded: m('toDomContentLoaded'),
    toLoad: m('toLoad'),
    afterLoad: m('afterLoad'),
    cold: Math.round(median(cold_) * 10) / 10,
  };
}

/** One failing navigation, timed from the navigation's start (the page's time origin) to the
 * panel host added and to the frame after it (the panel on screen), with whose panel it was. */
async function timeFromStart(page, url) {
  await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => {});
  const ok = await page.waitForFunction(() => window.__gdPanelFrame !== undefined, null, { timeout: 15_000 }).then(() => true, () => false);
  if (!ok) return null;
  return page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return {
      at: window.__gdPanelAt,
      frame: window.__gdPanelFrame,
      who: window.__gdPanelWho,
      late: Boolean(window.__gdPanelLate),
      responseStart: n.responseStart,
      domContentLoaded: n.domContentLoadedEventEnd,
      // performance.mark()s an instrumented copy of the extension may leave (where the time goes)
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, Math.round(e.startTime * 10) / 10])),
    };
  });
}

/** The size of Gateway Doctor's compact panel over nginx's 502 (CSS pixels), measured in a
 * browser of its own, so that the control draws a panel of the same size. */
async function panelSize(nginx, extensionDir) {
  const driver = await launch({ extensionDir, privateAccess: false });
  try {
    let size = null;
    for (let i = 0; i < 3; i++) {
      await driver.goto(nginx.url(`/size?${i}`));
      await driver.panel({ timeout: 15_000 });
      await sleep(500); // the redraw with the page's text
      size = await driver.inPanel(`(root) => { const r = root.host.getBoundingClientRect(); return { width: r.width, height: r.height }; }`);
    }
    return size;
  } finally {
    await driver.close();
  }
}

/** Gateway Doctor against the control (tools/bench/control.mjs: a fixed panel of the same size
 * at document_start), from the 502's navigation start to the panel on screen. One browser with
 * both installed, exactly one of them on at a time (chrome://extensions, as a person would), in
 * blocks of `block` navigations taking turns; after each switch `settle` navigations are not
 * counted (Gateway Doctor's worker starts with the switch). At the end of each of Gateway
 * Doctor's blocks its worker is stopped (DevTools Target.closeTarget, as Chrome does when it is
 * idle) and one more failure is timed: the cold start. `n`: measured navigations each.
 * `alternatives`: other builds of Gateway Doctor (e.g. the one before a change), installed too
 * and taking their turns in the same rotation, so a before/after is measured in the same run. */
export async function versusControl({ n = 60, block = 5, settle = 2, cold = true, extensionDir = EXT, alternatives = [] } = {}) {
  const why = [available(), nginxAvailable()].find((a) => !a.ok);
  if (why) return { skipped: why.why };
  const up = upstream(await freePort()); // never started: nginx answers its own 502
  const nginx = await startNginx({ upstreamPort: up.port });
  const size = await panelSize(nginx, extensionDir);
  const control = makeControl(size);
  const driver = await launch({ extensionDir, privateAccess: false, extraExtensions: [...alternatives, control] });
  // who takes turns: ours, each alternative, the control
  const builds = [
    { key: 'ours', dir: extensionDir, id: driver.extensionId },
    ...alternatives.map((dir, i) => ({ key: `alternative${i + 1}`, dir, id: unpackedExtensionId(dir) })),
  ];
  const turns = [...builds.map((b) => b.key), 'control'];
  const controlId = unpackedExtensionId(control);
  const out = { size, n, block, settle, builds: builds.map(({ key, dir }) => ({ key, dir })), samples: {}, cold: {}, blocks: [], wrong: 0, late: 0, missed: 0 };
  for (const k of turns) out.samples[k] = [];
  for (const b of builds) out.cold[b.key] = [];
  try {
    await driver.context.addInitScript(panelClock);
    const page = driver.page();
    const ctl = await driver.context.newPage();
    await ctl.goto('chrome://extensions');
    await page.bringToFront();
    const setOn = async (which) => {
      const all = [...builds.map((b) => [b.id, b.key === which]), [controlId, which === 'control']];
      await ctl.evaluate((all) => Promise.all(all.map(([id, on]) => new Promise((r) => chrome.management.setEnabled(id, on, r)))), all);
      for (const b of builds) {
        await waitFor(async () => (await workerGone(driver, b.id)) !== (b.key === which), { what: `the worker of ${b.key} ${b.key === which ? 'running' : 'stopped'}`, timeoutMs: 10_000 });
      }
    };
    const stopWorker = async (id) => {
      const s = await driver.context.newCDPSession(page);
      const { targetInfos } = await s.send('Target.getTargets');
      const t = targetInfos.find((i) => i.type === 'service_worker' && i.url.includes(id));
      if (t) await s.send('Target.closeTarget', { targetId: t.targetId });
      await s.detach();
    };
    const sample = async (which, path) => {
      const t = await timeFromStart(page, nginx.url(path));
      if (!t) out.missed++;
      else if (t.who !== (which === 'control' ? 'control' : 'ours')) out.wrong++;
      else if (t.late) out.late++;
      else return t;
      return null;
    };
    const enough = () => turns.every((k) => out.samples[k].length >= n);
    for (let b = 0; !enough(); b++) {
      const which = turns[b % turns.length];
      await setOn(which);
      for (let j = 0; j < settle; j++) await sample(which, `/settle/${which}${b}?${j}`);
      const list = out.samples[which];
      const loads = [];
      for (let j = 0; j < block && list.length + loads.length < n; j++) {
        const t = await sample(which, `/${which}/${b}?${j}`);
        if (t) loads.push(t);
      }
      list.push(...loads);
      out.blocks.push({ key: which, loads: loads.map((t) => t.frame) });
      const build = builds.find((x) => x.key === which);
      if (build && cold) {
        await stopWorker(build.id);
        await waitFor(() => workerGone(driver, build.id), { what: 'the worker to stop', timeoutMs: 5000 }).catch(() => {});
        await sleep(300);
        const t = await sample(which, `/cold/${which}${b}`);
        if (t) out.cold[which].push(t);
      }
      if (b > turns.length * (4 * Math.ceil(n / block) + 10)) throw new Error(`too few samples: ${JSON.stringify({ ...out, samples: Object.keys(out.samples).map((k) => out.samples[k].length) })}`);
    }
    await ctl.close();
  } finally {
    await driver.close();
    await nginx.stop();
    rmSync(control, { recursive: true, force: true });
  }
  const r1 = (x) => Math.round(x * 10) / 10;
  const m = (xs, k) => r1(median(xs.map((t) => t[k])));
  const q = (xs, k) => r1(p95(xs.map((t) => t[k])));
  const part = (xs) => ({ n: xs.length, frame: m(xs, 'frame'), frameP95: q(xs, 'frame'), added: m(xs, 'at'), responseStart: m(xs, 'responseStart'), domContentLoaded: m(xs, 'domContentLoaded') });
  out.summary = {};
  for (const k of turns) out.summary[k] = part(out.samples[k]);
  const controlFrame = median(out.samples.control.map((t) => t.frame));
  for (const b of builds) {
    const s = out.summary[b.key];
    s.ratio = Math.round((median(out.samples[b.key].map((t) => t.frame)) / controlFrame) * 1000) / 1000;
    // blocks of this build (on) against the control's (off)
    s.ratioCI = ratioInterval(out.blocks.filter((x) => x.key === b.key || x.key === 'control').map((x) => ({ on: x.key === b.key, loads: x.loads })))?.map((x) => Math.round(x * 1000) / 1000) ?? null;
    s.cold = part(out.cold[b.key]);
    s.coldAdds = r1(s.cold.frame - s.frame);
  }
  return out;
}

/** The extension that holds webRequest and observes nothing: beside Gateway Doctor it stands for
 * a content blocker already installed, so the ratio is what Gateway Doctor adds to it. */
export const PROXY_CONTROL = join(ROOT, 'tools/bench/proxy');

export async function run(opts = {}) {
  const why = [available(), nginxAvailable()].find((a) => !a.ok);
  if (why) return { skipped: why.why };
  const f = await failureToHelp(opts);
  const h = await healthy({ n: opts.healthy });
  const hBeside = await healthy({ n: opts.healthy, beside: [PROXY_CONTROL] });
  return { failure: f, healthy: h, healthyBeside: hBeside };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const control = process.argv.indexOf('--healthy-only');
  const r = process.argv.includes('--versus-control')
    ? {
        versusControl: await versusControl({
          n: arg('--n', 60),
          block: arg('--block', 5),
          extensionDir: process.argv.includes('--extension') ? process.argv[process.argv.indexOf('--extension') + 1] : EXT,
          alternatives: process.argv.flatMap((a, i) => (a === '--also' ? [process.argv[i + 1]] : [])),
        }),
      }
    : process.argv.includes('--latency-only')
    ? { latency: await latency({ warm: arg('--warm', 30), cold: arg('--cold', 5) }) }
    : control >= 0
      ? {
          healthy: await healthy({
            n: arg('--healthy', 200),
            extensionDir: process.argv[control + 1]?.startsWith('--') ? EXT : process.argv[control + 1] || EXT,
            beside: process.argv.includes('--beside') ? [process.argv[process.argv.indexOf('--beside') + 1]] : [],
            aa: process.argv.includes('--aa'),
          }),
        }
      : await run({ warm: arg('--warm', 60), cold: arg('--cold', 10), calls: arg('--calls', 1000), failures: arg('--failures', 2000), healthy: arg('--healthy', 200) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else if (r.versusControl) {
    // the samples are in --json
    const { samples, cold, blocks, ...rest } = r.versusControl;
    console.log(JSON.stringify({ versusControl: rest }, null, 1));
  } else console.log(JSON.stringify(r, null, 1));
}
