// Drives Firefox ESR with the extension installed as a temporary add-on, through geckodriver
// (WebDriver classic over HTTP, with Node's fetch: no extra dependency), behind the interface
// that tests/e2e/scenarios.mjs uses.
//
// The extension's API is reached from one of its own pages (options.html) kept open in a
// second window: WebDriver's scripts run beside the selected page, and on a moz-extension://
// page that page's `window.browser` answers badge and storage questions. What only the browser
// knows (every window, private ones too; add-on states), and opening that page (WebDriver may
// not navigate to moz-extension:// URLs), goes through Marionette's chrome context, which
// geckodriver allows with --allow-system-access.
//
// GD_FIREFOX_CONSOLE=1 puts the extension's console (background included) in the log of each
// launch, tests/e2e/artifacts/firefox/geckodriver-<n>.log.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PANEL_FNS, AXE_CLONE, LOOKALIKE_HOSTS } from './panel.mjs';

const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
const GECKODRIVER = [
  process.env.GECKODRIVER,
  join(process.env.HOME || '/root', '.cargo/bin/geckodriver'),
  '/root/.cargo/bin/geckodriver',
  '/usr/local/bin/geckodriver',
  '/usr/bin/geckodriver',
].find((p) => p && existsSync(p));

export const ADDON_ID = 'gateway-doctor@gateway-doctor.org';
/** Pinned, so the extension's pages are moz-extension://<this>/... */
export const EXTENSION_UUID = '6f1f3a52-3c0b-4d52-9d7e-2a1f0e6b7c11';
const OWN = `moz-extension://${EXTENSION_UUID}/`;

/** Tag names render.js creates; anything else inside the panel's shadow root is foreign. */
export const PANEL_TAGS = ['style', 'div', 'section', 'header', 'h2', 'button', 'ul', 'ol', 'li', 'p', 'span', 'code', 'details', 'summary', 'textarea'];

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
const SHADOW_KEY = 'shadow-6066-11e4-a52e-4f735466cecf';

/** geckodriver's and Firefox's output of the n-th launch in this process: geckodriver-<n>.log
 * (git-ignored, overwritten by the next run). */
const ARTIFACTS = fileURLToPath(new URL('../artifacts/firefox/', import.meta.url));

const HTTP_TIMEOUT_MS = 30_000;
const PAGE_LOAD_MS = 20_000;
const SCRIPT_MS = 15_000;

export function available() {
  if (!FIREFOX) return { ok: false, why: 'firefox-esr is not installed (apt-get install firefox-esr)' };
  if (!GECKODRIVER) return { ok: false, why: 'geckodriver is not installed (cargo install geckodriver --locked)' };
  return { ok: true };
}

const PREFS = {
  // MV3 host permissions are opt-in in Firefox: grant them at install, as a person would.
  'extensions.originControls.grantByDefault': true,
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
  'extensions.autoDisableScopes': 0,
  'extensions.enabledScopes': 5,
  'xpinstall.signatures.required': false,
  // permissions.request() is granted without a prompt (no automation can answer it).
  'extensions.webextOptionalPermissionPrompts': false,
  // A test extension's proxy applies to 127.0.0.1 too (tests/e2e/fixtures/suspect-vpn).
  'network.proxy.allow_hijacking_localhost': true,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  // Nothing leaves this machine.
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': 'http://127.0.0.1:9/',
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.proxy.type': 0,
  'network.dns.disablePrefetch': true,
  // Real-looking hostnames for the tests (isolation.scenarios.mjs), all served locally.
  'network.dns.localDomains': LOOKALIKE_HOSTS.join(','),
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.search.geoip.url': '',
  'browser.search.update': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'geo.provider.network.url': '',
  'media.gmp-manager.updateEnabled': false,
  'dom.ipc.reportProcessHangs': false,
  // No HTTPS-first upgrade of our http://127.0.0.1 pages, no "fixing" of failed URLs.
  'dom.security.https_first': false,
  'dom.security.https_only_mode': false,
  'browser.fixup.alternate.enabled': false,
  'network.stricttransportsecurity.preloadlist': false,
  // Private windows from the extension are allowed to open.
  'browser.privatebrowsing.autostart': false,
  'browser.tabs.warnOnClose': false,
  'browser.warnOnQuit': false,
  'ui.prefersReducedMotion': 1,
  // Notifications in Firefox's own alert windows: with no desktop notification service (a
  // headless machine), the system backend closes them at once (retry.scenarios.mjs).
  'alerts.useSystemBackend': false,
};

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class WebDriverError extends Error {
  constructor(status, value) {
    super(`${value?.error || status}: ${value?.message || ''}`.trim());
    this.error = value?.error;
  }
}

/** Processes we started, killed on exit even when a test throws. */
const live = new Set();
function killGroup(proc) {
  if (!proc?.pid) return;
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  live.delete(proc);
}
/** Processes outside the group that belong to this launch (Firefox's crash helper starts its
 * own group): found by our unique temporary directory in their command line, killed by pid. */
function killStragglers(dir) {
  let pids = [];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Gone, or not ours to read.
    }
  }
}

process.once('exit', () => {
  for (const p of live) killGroup(p);
});

let launches = 0;

/**
 * Starts Firefox with the extension at `extensionDir` as a temporary add-on (allowed in private
 * windows when `privateAccess`), and `extraExtensions` (directories) as temporary add-ons too;
 * `prefs` are added to the profile's; `lang` ("de") is the browser's language. `acceptInsecureCerts: false` lets certificate errors
 * happen (WebDriver's default here accepts them). `trustedCa` (PEM text): a CA the profile's
 * certificate store trusts to identify sites (see trustCertificate).
 */
export async function launch({ extensionDir, privateAccess = true, artifactsDir = ARTIFACTS, extraExtensions = [], prefs: extraPrefs = {}, acceptInsecureCerts = true, trustedCa = null, lang = null, prompts = 'dismiss and notify' } = {}) {
  // `lang`: Firefox's language (its language pack installed: Debian's firefox-esr-l10n-<lang>).
  const prefs = lang ? { 'intl.locale.requested': lang, ...extraPrefs } : extraPrefs;
  const why = available();
  if (!why.ok) throw new Error(why.why);
  // Everything geckodriver and Firefox write (the profile, caches) lands under this dir.
  const nth = ++launches;
  const root = mkdtempSync(join(tmpdir(), 'gd-firefox-'));
  mkdirSync(join(root, 'tmp'));
  const port = await freePort();
  const log = [];
  const gecko = spawn(GECKODRIVER, ['--host', '127.0.0.1', '--port', String(port), '--binary', FIREFOX, '--log', 'warn',
    // The chrome context, to open the extension's own page (see openOwnPage).
    '--allow-system-access', '--profile-root', join(root, 'tmp')], {
    // Its own process group: Firefox and its content processes join it, and close() kills
    // the whole group.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: join(root, 'tmp'), MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1', HOME: root },
  });
  live.add(gecko);
  const keep = (b) => {
    if (process.env.GD_FIREFOX_CONSOLE && !artifactsDir) process.stderr.write(b);
    log.push(String(b));
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  gecko.stdout.on('data', keep);
  gecko.stderr.on('data', keep);
  const base = `http://127.0.0.1:${port}`;

  let session = null;
  let closed = false;

  async function http(method, path, body, timeoutMs = HTTP_TIMEOUT_MS) {
    const res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new WebDriverError(res.status, json.value);
    return json.value;
  }
  const cmd = (method, path, body, timeoutMs) => http(method, `/session/${session}${path}`, body, timeoutMs);

  async function cleanup() {
    if (closed) return;
    closed = true;
    if (session) {
      await cmd('DELETE', '', undefined, 10_000).catch(() => {});
      session = null;
    }
    if (gecko.exitCode === null) {
      const exited = new Promise((r) => gecko.once('exit', r));
      try {
        process.kill(-gecko.pid, 'SIGTERM');
      } catch {
        // gone
      }
      await Promise.race([exited, sleep(3000)]);
    }
    // Firefox's processes share the group even when geckodriver has exited.
    killGroup(gecko);
    killStragglers(root);
    // Wait (bounded) until the group is gone, so nothing writes into the dir we remove.
    for (const end = Date.now() + 5000; Date.now() < end; ) {
      try {
        process.kill(-gecko.pid, 0);
      } catch {
        break;
      }
      await sleep(50);
    }
    if (artifactsDir && log.length) {
      try {
        mkdirSync(artifactsDir, { recursive: true });
        writeFileSync(join(artifactsDir, `geckodriver-${nth}.log`), log.join(''));
      } catch {
        // ignore
      }
    }
    rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }

  try {
    // geckodriver listens within a moment.
    const until = Date.now() + 15_000;
    for (;;) {
      try {
        await http('GET', '/status', undefined, 2000);
        break;
      } catch (e) {
        if (gecko.exitCode !== null) throw new Error(`geckodriver exited: ${log.join('')}`);
        if (Date.now() > until) throw new Error(`geckodriver did not start: ${e.message}`);
        await sleep(100);
      }
    }

    const created = await http(
      'POST',
      '/session',
      {
        capabilities: {
          alwaysMatch: {
            browserName: 'firefox',
            acceptInsecureCerts,
            pageLoadStrategy: 'normal',
            // 'ignore' (buttons.scenarios.mjs): a prompt of Firefox's own stays until the test
            // answers it with acceptPrompt().
            unhandledPromptBehavior: prompts,
            'moz:firefoxOptions': {
              binary: FIREFOX,
              args: ['-headless', '-no-remote'],
              // GD_FIREFOX_CONSOLE=1: the browser's and the extension's console (the background's
              // console.log too) in geckodriver's output: artifactsDir/geckodriver-<n>.log,
              // or stderr with artifactsDir: null.
              prefs: process.env.GD_FIREFOX_CONSOLE
                ? { ...PREFS, ...prefs, 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true }
                : { ...PREFS, ...prefs },
              env: { MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
              log: { level: 'warn' },
            },
            timeouts: { implicit: 0, pageLoad: PAGE_LOAD_MS, script: SCRIPT_MS },
          },
        },
      },
      60_000,
    );
    session = created.sessionId;

    await cmd('POST', '/moz/addon/install', {
      path: resolve(extensionDir),
      temporary: true,
      allowPrivateBrowsing: Boolean(privateAccess),
    });
    for (const dir of extraExtensions) {
      await cmd('POST', '/moz/addon/install', { path: resolve(dir), temporary: true, allowPrivateBrowsing: false });
    }
    await cmd('POST', '/window/rect', { width: 1100, height: 740 }).catch(() => {});

    const testHandle = await cmd('GET', '/window');
    // A second window holding one of the extension's pages, to reach its API. The test tab is
    // the active tab of the first window; its id stays the same across navigations.
    const { handle: helperHandle } = await cmd('POST', '/window/new', { type: 'window' });
    await cmd('POST', '/window', { handle: helperHandle });
    await openOwnPage(`${OWN}options.html`);
    // The extension's pages answer once the add-on is started.
    const ids = await waitUntil(
      async () => {
        const r = await exec(
          `const done = arguments[arguments.length - 1];
           const browser = window.browser;
           (async () => {
             const me = await browser.tabs.getCurrent();
             const tabs = await browser.tabs.query({ active: true });
             return { me: me.id, others: tabs.filter((t) => t.windowId !== me.windowId).map((t) => t.id) };
           })().then(done, (e) => done({ error: String(e) }));`,
          [],
          true,
        );
        return r && !r.error && r.others.length === 1 ? r : null;
      },
      15_000,
      'the extension API on its own page',
    );
    const testTabId = ids.others[0];
    await cmd('POST', '/window', { handle: testHandle });

    // ------------------------------------------------------------ helpers

    async function navigate(url) {
      try {
        await cmd('POST', '/url', { url }, PAGE_LOAD_MS + 10_000);
      } catch (e) {
        // An error page ("Reached error page"), a page load timeout, or a navigation the
        // extension replaced: the caller looks at what the tab shows.
        if (!(e instanceof WebDriverError)) throw e;
      }
    }

    /** Back or reload (`/back`, `/refresh`): like navigate(), the caller looks at what the tab
     * shows afterwards. */
    async function historyStep(endpoint) {
      try {
        await cmd('POST', endpoint, {}, PAGE_LOAD_MS + 10_000);
      } catch (e) {
        if (!(e instanceof WebDriverError)) throw e;
      }
    }

    /** Runs a script in the browser's chrome (privileged), then returns to the page. */
    async function inChrome(script, args = [], isAsync = false) {
      await cmd('POST', '/moz/context', { context: 'chrome' });
      try {
        return await exec(script, args, isAsync);
      } finally {
        await cmd('POST', '/moz/context', { context: 'content' });
      }
    }

    /** WebDriver may not navigate to moz-extension:// URLs: load it from the browser's chrome. */
    async function openOwnPage(url) {
      await inChrome(
        `const url = arguments[0];
         const win = window.gBrowser ? window : Services.wm.getMostRecentWindow('navigator:browser');
         win.gBrowser.selectedBrowser.fixupAndLoadURIString(url, {
           triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
         });`,
        [url],
      );
      await waitUntil(async () => (await cmd('GET', '/url')) === url, 10_000, url);
    }

    async function exec(script, args = [], isAsync = false) {
      return cmd('POST', isAsync ? '/execute/async' : '/execute/sync', { script, args }, SCRIPT_MS + 10_000);
    }

    async function waitUntil(fn, timeoutMs, what) {
      const end = Date.now() + timeoutMs;
      let last;
      for (;;) {
        try {
          const v = await fn();
          if (v) return v;
        } catch (e) {
          last = e;
        }
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? ` (${last.message})` : ''}`);
        await sleep(150);
      }
    }

    /** Runs an async body (`return ...` allowed) on the extension's page; switches back. */
    let queue = Promise.resolve();
    function inExtension(body, arg) {
      const run = async () => {
        await cmd('POST', '/window', { handle: helperHandle });
        try {
          const r = await exec(
            `const done = arguments[arguments.length - 1];
             const arg = arguments[0];
             // WebDriver's script runs beside the page: the page's \`browser\` is on window.
             const browser = window.browser;
             (async () => { ${body} })().then((v) => done({ v }), (e) => done({ error: String(e && e.message || e) }));`,
            [arg ?? null],
            true,
          );
          if (r?.error) throw new Error(`extension page: ${r.error}`);
          return r?.v;
        } finally {
          await cmd('POST', '/window', { handle: testHandle });
        }
      };
      const p = queue.then(run, run);
      queue = p.catch(() => {});
      return p;
    }

    /** The panel's closed shadow root as a WebDriver reference (Marionette returns closed
     * roots to "Get Element Shadow Root"), or null. */
    async function panelRoot() {
      const host = await cmd('POST', '/element', { using: 'css selector', value: '#gateway-doctor-root' }).catch(() => null);
      if (!host?.[ELEMENT_KEY]) return null;
      const root = await cmd('GET', `/element/${host[ELEMENT_KEY]}/shadow`).catch(() => null);
      return root?.[SHADOW_KEY] ? root : null;
    }

    /** Runs `fn(root, arg)` (source text) in the page with the panel's closed root (or null). */
    async function inPanel(fn, arg = null) {
      const root = await panelRoot();
      return exec(`return (${fn})(arguments[0], arguments[1]);`, [root, arg]);
    }

    /** A button of the panel, once the panel takes clicks (`data-ready`). */
    async function panelElement(selector) {
      const root = await panelRoot();
      if (!root) return null;
      const found = await cmd('POST', `/shadow/${root[SHADOW_KEY]}/element`, { using: 'css selector', value: `.gd-root[data-ready] ${selector}` }).catch(() => null);
      return found?.[ELEMENT_KEY] || null;
    }

    /** Finds an element and clicks it, finding it again if it was redrawn in between (the
     * panel redraws once when the page's text refines its diagnosis), as Playwright's
     * locators do in the Chromium driver. */
    async function clickFound(find) {
      for (let i = 0; ; i++) {
        try {
          return await click(await find());
        } catch (e) {
          if (i >= 4 || !(e instanceof WebDriverError) || !/stale element/i.test(e.message)) throw e;
        }
      }
    }

    async function click(elementId) {
      try {
        await cmd('POST', `/element/${elementId}/click`, {}, PAGE_LOAD_MS + 10_000);
      } catch (e) {
        // The click started a navigation that ended on an error page: that is the page's
        // business, not the click's.
        if (e instanceof WebDriverError && /error page|Timeout/i.test(e.message)) return;
        throw e;
      }
    }

    let windowBefore = null;
    const driver = {
      name: 'firefox',
      extensionUuid: EXTENSION_UUID,
      testTabId,
      /** Raw WebDriver access, for debugging. */
      cmd,
      exec,
      inExtension,
      async goto(url) {
        await navigate(url);
      },
      async url() {
        return cmd('GET', '/url');
      },
      async back() {
        await historyStep('/back');
      },
      async reload() {
        await historyStep('/refresh');
      },
      async fieldValue(selector) {
        return exec(`return document.querySelector(arguments[0])?.value ?? null;`, [selector]).catch(() => null);
      },
      async hasPanel() {
        try {
          return Boolean(await inPanel(PANEL_FNS.has));
        } catch {
          return false;
        }
      },
      async panel({ timeout = 10_000 } = {}) {
        const end = Date.now() + timeout;
        for (;;) {
          try {
            const text = await inPanel(PANEL_FNS.text);
            if (text !== null && text !== undefined) return { text };
          } catch {
            // Navigating: try again.
          }
          if (Date.now() > end) return null;
          await sleep(150);
        }
      },
      async clickPanel(action) {
        for (let i = 0; ; i++) {
          const selector = action.startsWith('[') ? action : `[data-action="${action}"]`;
          await clickFound(() => waitUntil(() => panelElement(selector), 10_000, `the panel's ${action} button`));
          await sleep(100);
          const said = await inPanel(PANEL_FNS.message).catch(() => '');
          if (i >= 3 || !/^Click again/.test(said)) return;
        }
      },
      async panelMessage() {
        try {
          return (await inPanel(PANEL_FNS.message)) || '';
        } catch {
          return '';
        }
      },
      /** Runs `fn(root, arg)` (source text) with the panel's closed root (tests/e2e/isolation). */
      inPanel,
      async inspectPanel() {
        return inPanel(PANEL_FNS.inspect, PANEL_TAGS);
      },
      /** Shows one of the extension's own pages (e.g. "popup.html") in the test's tab. */
      async openOwnPage(path) {
        await openOwnPage(OWN + path);
      },
      async pageText() {
        try {
          return (await exec(`return document.body ? document.body.innerText : '';`)) || '';
        } catch {
          return '';
        }
      },
      async clickPage(selector) {
        await clickFound(() =>
          waitUntil(
            async () => {
              const r = await cmd('POST', '/element', { using: 'css selector', value: selector }).catch(() => null);
              return r?.[ELEMENT_KEY] || null;
            },
            10_000,
            selector,
          ),
        );
      },
      /** Runs axe-core (its source text) in the page, or only inside `selector`; resolves to
       * {violations, passes} as the Chromium driver does. */
      async axe(source, selector) {
        // axe cannot enter the panel's closed root: it examines an open-root copy of it.
        if (selector === '#gateway-doctor-root') {
          await inPanel(AXE_CLONE);
          selector = '#gd-axe-clone';
        }
        return exec(
          `${source}
           const done = arguments[arguments.length - 1];
           const sel = arguments[0];
           const axe = window.axe || globalThis.axe;
           axe.run(sel ? { include: [[sel]] } : document).then(
             (r) => (document.getElementById('gd-axe-clone')?.remove(), done({
               violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })),
               passes: r.passes.length,
             })),
             (e) => done({ error: String(e) }),
           );`,
          [selector || null],
          true,
        );
      },
      /** A real key press (WebDriver actions): "Tab", "Enter", "F5" or a character. */
      async pressKey(key) {
        const value = { Tab: '\uE004', Enter: '\uE007', F5: '\uE035', Escape: '\uE00C' }[key] ?? key;
        await cmd('POST', '/actions', {
          actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
        });
      },
      /** Sizes the window so that the page is `width`x`height` (null: back to the launch size). */
      async viewport(size) {
        windowBefore ??= await cmd('GET', '/window/rect');
        if (!size) {
          await cmd('POST', '/window/rect', { width: windowBefore.width, height: windowBefore.height });
          return;
        }
        for (let i = 0; i < 3; i++) {
          const [w, h] = await exec('return [window.innerWidth, window.innerHeight];');
          if (w === size.width && h === size.height) break;
          const r = await cmd('GET', '/window/rect');
          await cmd('POST', '/window/rect', { width: r.width + size.width - w, height: r.height + size.height - h });
        }
        await sleep(200);
      },
      async focusedInPanel() {
        return inPanel(PANEL_FNS.focused);
      },
      async badge() {
        return (await inExtension(`return browser.action.getBadgeText({ tabId: arg });`, testTabId)) ?? '';
      },
      async storedRecords() {
        return inExtension(
          `return Object.keys(await browser.storage.session.get(null)).filter((k) => k.startsWith('tab:')).length;`,
        );
      },
      /** Every browser window and its tabs' URLs, seen from the browser itself: private
       * windows too, whether or not the extension may see them. */
      async windows() {
        const run = () =>
          inChrome(
            `const { PrivateBrowsingUtils } = ChromeUtils.importESModule('resource://gre/modules/PrivateBrowsingUtils.sys.mjs');
             const out = [];
             for (const w of Services.wm.getEnumerator('navigator:browser')) {
               if (!w.gBrowser) continue;
               out.push({
                 incognito: PrivateBrowsingUtils.isWindowPrivate(w),
                 urls: w.gBrowser.browsers.map((b) => b.currentURI?.spec || ''),
               });
             }
             return out;`,
          );
        const p = queue.then(run, run);
        queue = p.catch(() => {});
        return p;
      },
      /** Whether an add-on is enabled, by name (null when not installed). */
      async extensionEnabled(name) {
        const run = () =>
          inChrome(
            `const done = arguments[arguments.length - 1];
             const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
             AddonManager.getAllAddons().then(
               (all) => {
                 const a = all.find((x) => x.name === arguments[0]);
                 done(a ? a.isActive : null);
               },
               () => done(null),
             );`,
            [name],
            true,
          );
        const p = queue.then(run, run);
        queue = p.catch(() => {});
        return p;
      },
      /** Takes the whole browser offline or back online (Firefox's offline mode, loopback
       * included: its pages and the background hear `offline` / `online`; navigations fail with
       * NS_ERROR_OFFLINE). */
      async setOffline(offline) {
        await inChrome(
          `Services.prefs.setBoolPref('network.manage-offline-status', false);
           // Offline mode lets loopback through unless told not to (the tests' servers are on it).
           Services.prefs.setBoolPref('network.disable-localhost-when-offline', true);
           Services.io.offline = arguments[0];`,
          [Boolean(offline)],
        );
      },
      /** Trusts a CA in this profile's certificate store (a test CA, `caBase64`: its DER in
       * base64), as importing it into the profile's cert9.db would. */
      async trustCertificate(caBase64) {
        return inChrome(
          `const db = Cc['@mozilla.org/security/x509certdb;1'].getService(Ci.nsIX509CertDB);
           db.addCertFromBase64(arguments[0], 'C,,');
           return true;`,
          [caBase64],
        );
      },
      /** Asks Firefox's captive-portal detection to check its URL now (it waits a minute
       * between checks otherwise: network.captive-portal-service.minInterval); returns its
       * state (nsICaptivePortalService: 0 unknown, 1 not captive, 2 unlocked, 3 locked). */
      async recheckCaptivePortal() {
        return inChrome(
          `const cps = Cc['@mozilla.org/network/captive-portal-service;1'].getService(Ci.nsICaptivePortalService);
           cps.recheckCaptivePortal();
           return cps.state;`,
        );
      },
      /** The text (text/plain) on the system clipboard (nsIClipboard.kGlobalClipboard), read
       * from the browser's chrome: the page itself may not read it without a prompt. */
      async readClipboard() {
        return inChrome(
          `const t = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
           t.init(null);
           t.addDataFlavor('text/plain');
           const ctx = window.browsingContext?.currentWindowContext;
           Services.clipboard.getData(t, Ci.nsIClipboard.kGlobalClipboard, ctx);
           const out = {};
           try {
             t.getTransferData('text/plain', out);
           } catch {
             return '';
           }
           return out.value ? out.value.QueryInterface(Ci.nsISupportsString).data : '';`,
        );
      },
      /** Accepts the prompt the page shows (Firefox's own "send the form again?"), as a person
       * would; its text, or null when there is none. */
      async acceptPrompt() {
        try {
          const text = await cmd('GET', '/alert/text');
          await cmd('POST', '/alert/accept', {});
          return text ?? '';
        } catch {
          return null;
        }
      },
      /** Puts `text` on the system clipboard, from the browser's chrome. */
      async writeClipboard(text) {
        return inChrome(
          `Cc['@mozilla.org/widget/clipboardhelper;1'].getService(Ci.nsIClipboardHelper).copyString(arguments[0]);
           return true;`,
          [String(text)],
        );
      },
      /** Runs `fn(arg)` (sent as source; it may use \`chrome.*\`) on the extension's own page
       * (retry.scenarios.mjs). */
      async ext(fn, arg) {
        return inExtension(`const chrome = window.browser; return (${fn.toString()})(arg);`, arg);
      },
      /** Terminates the background (the event page), as Firefox does when it is idle; the next
       * event (an alarm, a message) starts it again (retry.scenarios.mjs). */
      async stopBackground() {
        await cmd('POST', '/moz/context', { context: 'chrome' });
        try {
          const r = await exec(
            `const done = arguments[arguments.length - 1];
             const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
             const ext = ExtensionParent.GlobalManager.getExtension(arguments[0]);
             (async () => {
               await ext.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
               return String(ext.backgroundState);
             })().then((v) => done({ v }), (e) => done({ error: String(e) }));`,
            [ADDON_ID],
            true,
          );
          if (r?.error) throw new Error(`stopBackground: ${r.error}`);
          return r?.v;
        } finally {
          await cmd('POST', '/moz/context', { context: 'content' });
        }
      },
      async screenshot(path) {
        const b64 = await cmd('GET', '/screenshot');
        writeFileSync(path, Buffer.from(b64, 'base64'));
      },
      /** A store screenshot (lib/store-shots.mjs): the window sized so that the page is
       * `width`x`height`, in `scheme` (pref layout.css.prefers-color-scheme.content-override:
       * 0 dark, 1 light), both put back afterwards. */
      async storeScreenshot(path, { width, height, scheme }) {
        const scheme_ = (v) => inChrome(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${v});`);
        const rect = await cmd('GET', '/window/rect');
        await scheme_(scheme === 'dark' ? 0 : 1);
        try {
          for (let i = 0; i < 3; i++) {
            const [w, h] = await exec('return [window.innerWidth, window.innerHeight];');
            if (w === width && h === height) break;
            const r = await cmd('GET', '/window/rect');
            await cmd('POST', '/window/rect', { width: r.width + width - w, height: r.height + height - h });
          }
          await sleep(300);
          const b64 = await cmd('GET', '/screenshot');
          writeFileSync(path, Buffer.from(b64, 'base64'));
        } finally {
          await inChrome(`Services.prefs.clearUserPref('layout.css.prefers-color-scheme.content-override');`);
          await cmd('POST', '/window/rect', { width: rect.width, height: rect.height });
        }
      },
      async close() {
        await cleanup();
      },
    };
    if (trustedCa) await driver.trustCertificate(trustedCa.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''));
    return driver;
  } catch (e) {
    await cleanup();
    throw e;
  }
}
