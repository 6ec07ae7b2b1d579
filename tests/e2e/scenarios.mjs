// The user flows, written once and run in every browser against a real nginx and an upstream
// the test controls. A driver (lib/chromium.mjs, lib/firefox.mjs) gives each browser the same
// small interface:
//   launch({extensionDir, privateAccess}) -> driver; available() -> {ok, why}
//   goto(url), url(), back(), reload(), fieldValue(selector), panel({timeout}) -> {text} | null, hasPanel(), clickPanel(action),
//   panelMessage() -> the panel's status line text, pageText(), clickPage(selector), badge(),
//   storedRecords(), windows() -> [{incognito, urls}], screenshot(path), close(),
//   inspectPanel() -> {pwned: <html data-pwned> or null, foreignElements: [tag names in the
//   panel's shadow root other than those render.js makes]}.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { upstream, startNginx, freePort, waitFor, nginxAvailable, failingGateway } from './lib/servers.mjs';
import { storeShots } from './lib/store-shots.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

const REAL_PAGE = 'The real page';
const TEST_TIMEOUT = 90_000;

/**
 * These flows test what a click does: automatic retries (on by default, with a first delay
 * of 1 to 15 s) would race the click, so they are switched off here, as the options page
 * does. retry.scenarios.mjs tests them.
 */
export async function manualRetryOnly(d) {
  await d.ext(() => chrome.storage.sync.set({ autoRetry: false }));
}

/** Waits until the current page is the upstream's real page. */
async function realPageLoaded(d) {
  return waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the real page', timeoutMs: 20_000 });
}


/**
 * `privateWithoutAccess`: what the browser does when the extension may not use private
 * windows and the person clicks "Open in a private window": "opens" (Chrome lets any
 * extension open an incognito window with a web URL) or "explains" (Firefox refuses, and
 * the panel must say how to allow it).
 */
export function defineScenarios({ browser, launch, available, privateWithoutAccess }) {
  const extensionDir = join(ROOT, 'dist', browser === 'firefox' ? 'firefox' : 'chrome');
  const name = browser === 'firefox' ? 'firefox' : 'chrome';
  let d;

  const why = [available(), nginxAvailable()].find((a) => !a.ok)?.why;
  if (why) {
    // build.sh installs the browsers and nginx before it runs this suite; if they are still
    // missing, fail loudly instead of skipping.
    test(`${browser}: prerequisites`, () => assert.fail(why));
    return;
  }

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    d = await launch({ extensionDir, privateAccess: true });
    await manualRetryOnly(d);
  });
  after(async () => {
    await d?.close();
  });

  test(`${browser} 1: nginx's real 502 → panel naming 502 and nginx → upstream back → Retry → the page`, { timeout: TEST_TIMEOUT }, async () => {
    const s = await failingGateway();
    try {
      await d.goto(s.gw.url('/shop?item=1'));
      const panel = await d.panel({ timeout: 20_000 });
      assert.ok(panel, 'the panel appears over the 502 page');
      assert.match(panel.text, /502/);
      assert.match(panel.text, /nginx/i);
      await waitFor(async () => (await d.badge()) === '502', { what: 'badge 502' });
      await d.screenshot(join(SCREENSHOTS, `${name}-panel-502.png`));
      await storeShots(d, `${name}-panel-502`);

      await s.up.start();
      await d.clickPanel('retry');
      await realPageLoaded(d);
      assert.equal(await d.hasPanel(), false, 'no panel on the real page');
      await waitFor(async () => (await d.badge()) === '', { what: 'badge cleared' });
      assert.ok(s.up.requests.some((r) => r.url === '/shop?item=1'), 'the retry reached the upstream');
    } finally {
      await s.stop();
    }
  });

  test(`${browser} 2: nothing listening → diagnosis page says connection refused → server starts → Retry → the page`, { timeout: TEST_TIMEOUT }, async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/down`;
    const up = upstream(port);
    try {
      await d.goto(url);
      await waitFor(async () => (await d.url()).includes('/diagnosis.html'), { what: 'the diagnosis page', timeoutMs: 20_000 });
      const text = await waitFor(
        async () => {
          const t = await d.pageText();
          return /refused/i.test(t) && t;
        },
        { what: 'the connection-refused diagnosis' },
      );
      assert.match(text, /127\.0\.0\.1/);
      await waitFor(async () => (await d.badge()) === 'ERR', { what: 'badge ERR' });
      await d.screenshot(join(SCREENSHOTS, `${name}-diagnosis-refused.png`));
      await storeShots(d, `${name}-diagnosis-refused`);

      await up.start();
      await d.clickPage('[data-gd="panel"] button[data-action="retry"]');
      await realPageLoaded(d);
      assert.equal(await d.url(), url);
      await waitFor(async () => (await d.badge()) === '', { what: 'badge cleared' });
    } finally {
      await up.stop();
    }
  });

  test(`${browser} 2b: the diagnosis page stands in for the failed page: the address in a field, F5 and reload retry the site, Back goes to the page before`, { timeout: TEST_TIMEOUT }, async () => {
    const [port, beforePort] = await Promise.all([freePort(), freePort()]);
    const url = `http://127.0.0.1:${port}/down?q=1`;
    const up = upstream(port);
    const earlier = upstream(beforePort);
    earlier.handler = (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Before</title><p>The page before</p>');
    };
    const onDiagnosisPage = () => waitFor(async () => (await d.url()).includes('/diagnosis.html'), { what: 'the diagnosis page', timeoutMs: 20_000 });
    try {
      await earlier.start();
      await d.goto(earlier.url('/before'));
      await d.goto(url);
      await onDiagnosisPage();
      await waitFor(async () => (await d.fieldValue('#url')) === url, { what: 'the failed address in the field' });

      // Back: the page before the failure, not the browser's error page.
      await d.back();
      await waitFor(async () => (await d.pageText()).includes('The page before'), { what: 'the page before the failure', timeoutMs: 20_000 });

      // F5 on the diagnosis page asks the site again.
      await d.goto(url);
      await onDiagnosisPage();
      await up.start();
      await waitFor(async () => (await d.fieldValue('#url')) === url, { what: 'the diagnosis page ready' });
      await d.pressKey('F5');
      await realPageLoaded(d);
      assert.equal(await d.url(), url);

      // The browser's own reload does too.
      await up.stop();
      await d.goto(url);
      await onDiagnosisPage();
      await waitFor(async () => (await d.fieldValue('#url')) === url, { what: 'the diagnosis page ready' });
      await up.start();
      await d.reload();
      await realPageLoaded(d);
      assert.equal(await d.url(), url);
    } finally {
      await Promise.all([up.stop(), earlier.stop()]);
    }
  });

  test(`${browser} 3: a healthy 200 page → no panel, no badge, nothing stored`, { timeout: TEST_TIMEOUT }, async () => {
    const up = upstream(await freePort());
    await up.start();
    const gw = await startNginx({ upstreamPort: up.port });
    try {
      await d.goto(gw.url('/healthy'));
      await realPageLoaded(d);
      // Give the extension time to act, if it wrongly would.
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(await d.hasPanel(), false);
      assert.equal(await d.badge(), '');
      assert.equal(await d.storedRecords(), 0);
    } finally {
      await gw.stop();
      await up.stop();
    }
  });

  test(`${browser} 4: Open in a private window → a private window with the same URL`, { timeout: TEST_TIMEOUT }, async () => {
    const s = await failingGateway();
    try {
      const url = s.gw.url('/private-test');
      await d.goto(url);
      assert.ok(await d.panel({ timeout: 20_000 }), 'the panel appears');
      await d.clickPanel('open-incognito');
      const win = await waitFor(
        async () => (await d.windows()).find((w) => w.incognito && w.urls.some((u) => u === url)),
        { what: 'a private window with the URL' },
      );
      assert.ok(win);
    } finally {
      await s.stop();
    }
  });

  test(`${browser} 5: payloads in the status line, headers and body are shown as text; nothing runs`, { timeout: TEST_TIMEOUT }, async () => {
    const s = await failingGateway();
    const reason = '<img src=x onerror="document.documentElement.dataset.pwned=1">Bad';
    s.up.handler = (req, res) => {
      res.writeHead(502, reason, {
        'Content-Type': 'text/html; charset=utf-8',
        'X-Payload': '<script>document.documentElement.dataset.pwned=2</script>',
        Via: '1.1 <img src=x onerror="document.documentElement.dataset.pwned=3">',
      });
      // The payloads sit in a comment: the page itself never runs them, but the extension
      // reads the page's HTML and must never render it.
      res.end(
        '<!doctype html><html><head><title>Error</title></head><body><h1>Upstream failure</h1>' +
          '<!-- <script>document.documentElement.dataset.pwned=4</script>' +
          '<img src=x onerror="document.documentElement.dataset.pwned=5"> --></body></html>',
      );
    };
    await s.up.start();
    try {
      await d.goto(s.gw.url('/<script>alert(1)</script>'));
      const panel = await d.panel({ timeout: 20_000 });
      assert.ok(panel, 'the panel appears');
      assert.match(panel.text, /502/);
      const probe = await d.inspectPanel();
      assert.equal(probe.pwned, null, 'no payload ran in the page');
      assert.deepEqual(probe.foreignElements, [], 'the panel holds only elements the extension made');
      if (/onerror/.test(panel.text)) assert.ok(panel.text.includes(reason), 'a shown payload is shown as plain text');
    } finally {
      await s.stop();
    }
  });

  test(`${browser} 6: a 502 with an empty body (Caddy's kind) → the diagnosis names 502 → Retry → the page`, { timeout: TEST_TIMEOUT }, async () => {
    // Chrome draws its own page for an empty 5xx body, which no extension can script: the
    // extension must show its own page instead. Firefox shows an empty page: the panel goes on it.
    const up = upstream(await freePort());
    let failing = true;
    up.handler = (req, res) => {
      if (failing) {
        res.writeHead(502, { 'Content-Length': '0', Server: 'Caddy' });
        res.end();
      } else {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>ok</title><h1>The real page</h1>');
      }
    };
    await up.start();
    try {
      const url = up.url('/empty-502');
      await d.goto(url);
      const shown = await waitFor(
        async () => {
          if ((await d.url()).includes('/diagnosis.html')) {
            const t = await d.pageText();
            return /502/.test(t) && 'page';
          }
          const p = await d.panel({ timeout: 500 });
          return p && /502/.test(p.text) && 'panel';
        },
        { what: 'the 502 diagnosis', timeoutMs: 20_000 },
      );
      failing = false;
      if (shown === 'page') await d.clickPage('[data-gd="panel"] button[data-action="retry"]');
      else await d.clickPanel('retry');
      await realPageLoaded(d);
      assert.equal(await d.url(), url);
    } finally {
      await up.stop();
    }
  });

  test(`${browser} 4b: without private-window access → ${privateWithoutAccess === 'opens' ? 'the window still opens' : 'the panel explains how to allow it'}`, { timeout: TEST_TIMEOUT }, async () => {
    const s = await failingGateway();
    const d2 = await launch({ extensionDir, privateAccess: false });
    try {
      await manualRetryOnly(d2);
      const url = s.gw.url('/private-no-access');
      await d2.goto(url);
      assert.ok(await d2.panel({ timeout: 20_000 }), 'the panel appears');
      if (privateWithoutAccess === 'opens') {
        await d2.clickPanel('open-incognito');
        await waitFor(async () => (await d2.windows()).find((w) => w.incognito && w.urls.includes(url)), {
          what: 'a private window with the URL',
        });
      } else {
        // No button the browser would refuse; the step says how to open one by hand.
        const text = (await d2.panel()).text;
        assert.match(text, /private window by hand/);
        assert.doesNotMatch(text, /Open in a private window/);
        assert.ok(!(await d2.windows()).some((w) => w.incognito), 'no private window opened');
      }
    } finally {
      await d2.close();
      await s.stop();
    }
  });

  return { driver: () => d };
}
