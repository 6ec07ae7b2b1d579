// Drives Debian's Chromium with the unpacked extension through playwright-core, behind the
// interface that tests/e2e/scenarios.mjs uses.
import { chromium } from 'playwright-core';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './servers.mjs';
import { PANEL_FNS, AXE_CLONE, LOOKALIKE_DOMAIN } from './panel.mjs';

/** The flags every Chromium in the tests and benchmarks runs with. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export const EXECUTABLE = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p));

export function available() {
  return EXECUTABLE ? { ok: true } : { ok: false, why: 'chromium is not installed (apt-get install chromium)' };
}

/** Whether NSS's `certutil` is there (Debian's libnss3-tools; build.sh installs it): the
 * `trustedCa` launch option needs it. */
export function certutilAvailable() {
  try {
    execFileSync('certutil', ['-H'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    // `certutil -H` prints its help and exits 1: only a missing program is missing.
    return e?.code !== 'ENOENT';
  }
}

/** A new HOME whose NSS database trusts `caPem` (PEM text) to identify sites. Chromium on
 * Linux takes the CAs a person imported from `$HOME/.pki/nssdb`, besides its own root store;
 * its user data directory does not move that database. */
function homeTrusting(caPem) {
  if (!certutilAvailable()) throw new Error('certutil is needed to trust a test CA in Chromium (apt-get install libnss3-tools)');
  const home = mkdtempSync(join(tmpdir(), 'gd-chromium-home-'));
  try {
    const db = join(home, '.pki', 'nssdb');
    mkdirSync(db, { recursive: true });
    const ca = join(home, 'ca.pem');
    writeFileSync(ca, caPem);
    const certutil = (args) => execFileSync('certutil', [...args, '-d', `sql:${db}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    certutil(['-N', '--empty-password']);
    // "C,,": a CA trusted to issue server certificates (nothing for mail or code).
    certutil(['-A', '-n', 'gd-test-ca', '-t', 'C,,', '-i', ca]);
    return home;
  } catch (e) {
    rmSync(home, { recursive: true, force: true });
    throw e;
  }
}

/** Tag names render.js creates; anything else inside the panel's shadow root is foreign. */
export const PANEL_TAGS = ['style', 'div', 'section', 'header', 'h2', 'button', 'ul', 'ol', 'li', 'p', 'span', 'code', 'details', 'summary', 'textarea'];

/** Chromium's ID for an unpacked extension without a `key`: the SHA-256 of its real path, the
 * first 32 hex digits written with the letters a-p. */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** `ready`: a function run in the extension's worker until it returns true (by default: its
 * webRequest listener is there). `extraExtensions` are loaded beside it. `trustedCa` (PEM
 * text): a CA this Chromium trusts to identify sites, as one a person added (it runs with a
 * HOME of its own whose NSS database holds it; needs `certutil`). `lang` ("de"): the browser's language (needs Debian's chromium-l10n). Certificate errors happen
 * (playwright's ignoreHTTPSErrors stays off). `args`: more command-line switches. */
export async function launch({ extensionDir, privateAccess = true, extraExtensions = [], hostRules = [], trustedCa = null, args = [], lang = null, ready = () => chrome.webRequest.onHeadersReceived.hasListeners() }) {
  const extensions = [extensionDir, ...extraExtensions].join(',');
  const home = trustedCa ? homeTrusting(trustedCa) : null;
  const userDataDir = mkdtempSync(join(tmpdir(), 'gd-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: EXECUTABLE,
    // `lang` ("de"): the browser's language, as Chromium on Linux takes it from the
    // environment (its locale files installed: Debian's chromium-l10n).
    ...(home || lang ? { env: { ...process.env, ...(home ? { HOME: home } : {}), ...(lang ? { LANGUAGE: lang } : {}) } } : {}),
    headless: false,
    args: [
      ...CHROMIUM_ARGS,
      // Real-looking hostnames for the tests (isolation.scenarios.mjs), all served locally.
      // `hostRules`: more "MAP <name> <address>" rules (person.scenarios.mjs: a DNS filter's 0.0.0.0).
      `--host-resolver-rules=${[`MAP *.${LOOKALIKE_DOMAIN} 127.0.0.1`, ...hostRules].join(',')}`,
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      // `args`: more switches (person.scenarios.mjs: a proxy that is down).
      ...(lang ? [`--lang=${lang}`] : []),
      ...args,
    ],
    viewport: { width: 1100, height: 640 },
  });

  // The extension's own worker, not one of the extra extensions'.
  const extensionId = unpackedExtensionId(extensionDir);
  const isOurs = (w) => w.url().startsWith(`chrome-extension://${extensionId}/`);
  const workerOf = () => context.serviceWorkers().find(isOurs);
  let worker = workerOf() || (await context.waitForEvent('serviceworker', { timeout: 15_000, predicate: isOurs }));

  /** Runs `fn(arg)` in the extension's service worker, waking it up when it was stopped. */
  async function inWorker(fn, arg) {
    for (let i = 0; ; i++) {
      worker = workerOf() || worker;
      try {
        return await worker.evaluate(fn, arg);
      } catch (e) {
        if (i >= 3) throw e;
        // The worker was stopped: opening an extension page starts it again.
        const p = await context.newPage();
        await p.goto(`chrome-extension://${extensionId}/options.html`).catch(() => {});
        await p.close();
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  }

  if (privateAccess) {
    // Allow the extension in incognito, as a person would on chrome://extensions.
    const p = await context.newPage();
    await p.goto('chrome://extensions');
    await p.evaluate(async (id) => {
      await chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
      await chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true });
    }, extensionId);
    await p.close();
    // The extension restarts with its new access.
    await waitFor(async () => (await inWorker(() => chrome.extension.isAllowedIncognitoAccess())) === true, {
      what: 'incognito access',
    });
  }

  // The worker is reported before its module has run: wait until its listeners are there.
  await waitFor(async () => inWorker(ready), {
    what: "the extension's listeners",
  });

  let page = context.pages()[0] || (await context.newPage());

  async function tabId() {
    const url = page.url();
    return inWorker(async (u) => {
      const tabs = await chrome.tabs.query({});
      return (tabs.find((t) => t.url === u && t.active) || tabs.find((t) => t.url === u))?.id ?? null;
    }, url);
  }

  /** Runs `fn(root, arg)` (source text) in the page with the panel's closed shadow root, which
   * the DevTools protocol reaches (DOM.getDocument with pierce), or null when there is none. */
  async function inPanel(fn, arg = null) {
    const s = await context.newCDPSession(page);
    try {
      // The host is a child of <html>: three levels (document, html, host with its shadow
      // root) reach it, where the whole tree of a page 10,000 elements deep is too deep for
      // the protocol's own encoder (CBOR: stack limit exceeded).
      const { root } = await s.send('DOM.getDocument', { depth: 3, pierce: true });
      const find = (n) => {
        const a = n.attributes || [];
        for (let i = 0; i < a.length; i += 2) if (a[i] === 'id' && a[i + 1] === 'gateway-doctor-root') return n;
        for (const c of n.children || []) {
          const f = find(c);
          if (f) return f;
        }
        return null;
      };
      const shadow = find(root)?.shadowRoots?.[0];
      const call = { functionDeclaration: `function (arg) { return (${fn})(this, arg); }`, arguments: [{ value: arg }], returnByValue: true, awaitPromise: true };
      let r;
      if (shadow) {
        const { object } = await s.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
        r = await s.send('Runtime.callFunctionOn', { ...call, objectId: object.objectId });
      } else {
        r = await s.send('Runtime.evaluate', { expression: `(${fn})(null, ${JSON.stringify(arg)})`, returnByValue: true, awaitPromise: true });
      }
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description || r.exceptionDetails.text);
      return r.result.value;
    } finally {
      await s.detach().catch(() => {});
    }
  }

  const panelText = () => inPanel(PANEL_FNS.text).catch(() => null);

  /** A blank page on http://127.0.0.1 (a secure context that may be granted the clipboard). */
  let blank = null;
  /** Runs `fn(page)` on a page that may use navigator.clipboard: the test's page where it is an
   * http(s) page in a secure context, else a blank page of 127.0.0.1, in front meanwhile (the
   * clipboard wants a focused page). */
  async function clipboard(fn) {
    const secure = /^https?:/.test(page.url()) && (await page.evaluate(() => globalThis.isSecureContext && Boolean(navigator.clipboard)).catch(() => false));
    if (secure) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin }).catch(() => {});
      return fn(page);
    }
    if (!blank) {
      const server = createServer((req, res) => res.end('<!doctype html><title>clipboard</title>'));
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      blank = { server, origin: `http://127.0.0.1:${server.address().port}` };
    }
    const p = await context.newPage();
    try {
      await p.goto(`${blank.origin}/`);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: blank.origin });
      await p.bringToFront();
      return await fn(p);
    } finally {
      await p.close().catch(() => {});
      await page.bringToFront().catch(() => {});
    }
  }

  let extPage = null;
  let viewportBefore = null;
  const offlineSessions = new Map();
  const driver = {
    name: 'chromium',
    extensionId,
    context,
    page: () => page,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => {});
    },
    async url() {
      return page.url();
    },
    async back() {
      await page.goBack({ waitUntil: 'load', timeout: 20_000 }).catch(() => {});
    },
    async reload() {
      await page.reload({ waitUntil: 'load', timeout: 20_000 }).catch(() => {});
    },
    async fieldValue(selector) {
      return page.locator(selector).inputValue({ timeout: 10_000 }).catch(() => null);
    },
    async hasPanel() {
      return Boolean(await inPanel(PANEL_FNS.has).catch(() => false));
    },
    async panel({ timeout = 10_000 } = {}) {
      const end = Date.now() + timeout;
      for (;;) {
        const text = await panelText();
        if (typeof text === 'string') return { text };
        if (Date.now() > end) return null;
        await new Promise((r) => setTimeout(r, 150));
      }
    },
    /** A real click (mouse events at the button's centre) once the panel takes clicks; again
     * if the panel redrew in between and said so. */
    async clickPanel(action) {
      for (let i = 0; ; i++) {
        const at = await waitFor(() => inPanel(PANEL_FNS.button, action).catch(() => null), { what: `the panel's ${action} button`, timeoutMs: 10_000 });
        await page.mouse.click(at.x, at.y);
        await new Promise((r) => setTimeout(r, 100));
        const said = await inPanel(PANEL_FNS.message).catch(() => '');
        if (i >= 3 || !/^Click again/.test(said)) return;
      }
    },
    async panelMessage() {
      return (await inPanel(PANEL_FNS.message).catch(() => '')) || '';
    },
    /** Runs `fn(root, arg)` (source text) with the panel's closed root (tests/e2e/isolation). */
    inPanel,
    async inspectPanel() {
      return inPanel(PANEL_FNS.inspect, PANEL_TAGS);
    },
    async pageText() {
      return page.evaluate(() => document.body?.innerText || '').catch(() => '');
    },
    /** Shows one of the extension's own pages (e.g. "popup.html") in the test's tab. */
    async openOwnPage(path) {
      await page.goto(`chrome-extension://${extensionId}/${path}`, { waitUntil: 'load', timeout: 20_000 });
    },
    async clickPage(selector) {
      await page.locator(selector).click({ timeout: 10_000 });
    },
    async badge() {
      const id = await tabId();
      if (id === null) return '';
      return inWorker((tab) => chrome.action.getBadgeText({ tabId: tab }), id);
    },
    async storedRecords() {
      return inWorker(async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('tab:')).length);
    },
    /** Every window's pages, through the DevTools protocol: it also sees private windows that
     * the extension itself may not see. Pages of another browser context are private ones. */
    async windows() {
      const s = await context.newCDPSession(page);
      try {
        const { targetInfos } = await s.send('Target.getTargets');
        const mine = targetInfos.find((t) => t.type === 'page' && t.url === page.url())?.browserContextId;
        const byContext = new Map();
        for (const t of targetInfos.filter((i) => i.type === 'page')) {
          const key = t.browserContextId;
          if (!byContext.has(key)) byContext.set(key, { incognito: key !== mine, urls: [] });
          byContext.get(key).urls.push(t.url);
        }
        return [...byContext.values()];
      } finally {
        await s.detach().catch(() => {});
      }
    },
    /** Whether an extension is enabled, by name (null when not installed). */
    async extensionEnabled(name) {
      const p = await context.newPage();
      try {
        await p.goto('chrome://extensions');
        return await p.evaluate(async (n) => {
          const all = await chrome.developerPrivate.getExtensionsInfo();
          const e = all.find((x) => x.name === n);
          return e ? e.state === 'ENABLED' : null;
        }, name);
      } finally {
        await p.close();
      }
    },
    /** Runs axe-core (its source text) on the page, or only inside `selector`; resolves to
     * {violations: [{id, impact, help, nodes}], passes: number of rules that passed}. */
    async axe(source, selector) {
      // axe cannot enter the panel's closed root: it examines an open-root copy of it.
      if (selector === '#gateway-doctor-root') {
        await inPanel(AXE_CLONE);
        selector = '#gd-axe-clone';
      }
      await page.evaluate(source);
      return page.evaluate(async (sel) => {
        const r = await globalThis.axe.run(sel ? { include: [[sel]] } : document);
        document.getElementById('gd-axe-clone')?.remove();
        return {
          violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })),
          passes: r.passes.length,
        };
      }, selector || null);
    },
    /** Sizes the page to `width`x`height` (null: back to the launch size). */
    async viewport(size) {
      viewportBefore ??= page.viewportSize();
      await page.setViewportSize(size || viewportBefore);
    },
    /** The clipboard's text, read by the test's page once permission is granted (by our
     * options page, brought to the front, where the test's page is no secure context). */
    async readClipboard() {
      return clipboard((p) => p.evaluate(() => navigator.clipboard.readText())).catch((e) => `error: ${e.message}`);
    },
    /** The browser's own prompt before a form is sent again: Chrome's tabs.reload() sends
     * it without one (null: no prompt). */
    async acceptPrompt() {
      return null;
    },
    /** Puts `text` on the clipboard, as readClipboard() reads it. */
    async writeClipboard(text) {
      return clipboard((p) => p.evaluate((t) => navigator.clipboard.writeText(t).then(() => true), text));
    },
    async setColorScheme(scheme) {
      await page.emulateMedia({ colorScheme: scheme });
    },
    async pressKey(key) {
      await page.keyboard.press(key);
    },
    /** The data-action of the focused element inside the panel, or null. */
    async focusedInPanel() {
      return inPanel(PANEL_FNS.focused);
    },
    async screenshot(path) {
      writeFileSync(path, await page.screenshot());
    },
    /** A store screenshot (lib/store-shots.mjs): `width`x`height`, in `scheme` ('light' or 'dark'). */
    async storeScreenshot(path, { width, height, scheme }) {
      const size = page.viewportSize();
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      try {
        writeFileSync(path, await page.screenshot());
      } finally {
        await page.emulateMedia({ colorScheme: null });
        await page.setViewportSize(size);
      }
    },
    /** Stops the extension's service worker, as Chrome does when it is idle. */
    async stopWorker() {
      const s = await context.newCDPSession(page);
      const { targetInfos } = await s.send('Target.getTargets');
      const t = targetInfos.find((i) => i.type === 'service_worker' && i.url.includes(extensionId));
      if (t) await s.send('Target.closeTarget', { targetId: t.targetId });
      await s.detach();
    },
    /** Runs `fn(arg)` in one of the extension's own pages (options.html, kept open in a tab of
     * its own): unlike the worker, it may message the background like the popup does. */
    async ext(fn, arg) {
      return (await driver.ownPage()).evaluate(fn, arg);
    },
    /** Our options page, in a tab of its own kept open (opened behind the test's page). */
    async ownPage() {
      if (!extPage || extPage.isClosed()) {
        extPage = await context.newPage();
        await extPage.goto(`chrome-extension://${extensionId}/options.html`);
        await page.bringToFront().catch(() => {});
      }
      return extPage;
    },
    /** Emulates the network going offline or back online in every tab (CDP
     * Network.emulateNetworkConditions, one session per tab kept while it is offline, since
     * closing the session ends the emulation): the tabs' navigations fail with
     * ERR_INTERNET_DISCONNECTED, and their pages hear `offline` / `online`. */
    async setOffline(offline) {
      const conditions = { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
      // Tabs the extension just opened reach playwright a moment later: every tab first.
      const count = await inWorker(async () => (await chrome.tabs.query({})).length);
      await waitFor(async () => context.pages().length >= count, { what: 'every tab known to playwright' });
      await Promise.all(
        context.pages().map(async (p) => {
          let s = offlineSessions.get(p);
          if (!s && !offline) return;
          if (!s) {
            s = await context.newCDPSession(p);
            offlineSessions.set(p, s);
            await s.send('Network.enable');
          }
          await s.send('Network.emulateNetworkConditions', conditions);
        }),
      );
      if (!offline) {
        // The pages hear `online` first; closing the sessions then changes nothing more.
        await new Promise((r) => setTimeout(r, 500));
        for (const s of offlineSessions.values()) await s.detach().catch(() => {});
        offlineSessions.clear();
      }
    },
    /** Stops the background (the service worker) and waits until it is gone. */
    async stopBackground() {
      await driver.stopWorker();
      await waitFor(
        async () => {
          const s = await context.newCDPSession(page);
          try {
            const { targetInfos } = await s.send('Target.getTargets');
            return !targetInfos.some((i) => i.type === 'service_worker' && i.url.includes(extensionId));
          } finally {
            await s.detach().catch(() => {});
          }
        },
        { what: 'the service worker to stop', timeoutMs: 10_000 },
      );
    },
    async close() {
      blank?.server.close();
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
      if (home) rmSync(home, { recursive: true, force: true });
    },
  };
  return driver;
}
