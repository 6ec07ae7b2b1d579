// The user flows, written once and run in every browser against a real nginx and an upstream
// the test controls. A driver (lib/chromium.mjs, lib/firefox.mjs) gives each browser the same
// small interface:
//   launch({extensionDir, privateAccess}) -> driver; available() -> {ok, why}
//   goto(url), url(), back(), reload(), fieldValue(selector), panel({timeout}) -> {text} | null, hasPanel(), clickPanel(action or a selector within the panel),
//   panelMessage() -> the panel's status line text, pageText(), clickPage(selector), badge(),
//   storedRecords(), windows() -> [{incognito, urls}], screenshot(path), close(),
//   readClipboard() -> the clipboard's text/plain, read from the browser itself, writeClipboard(text),
//   acceptPrompt() -> accepts the browser's own prompt (Firefox's "send the form again?"): its text or null,
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
          return /Nothing is listening/i.test(t) && t;
        },
        { what: 'the connection-refused diagnosis' },
      );
      assert.match(text, /127\.0\.0\.1/);
      // A port on this computer: said so, with no DNS, VPN or typo advice.
      assert.match(text, new RegExp(`Nothing is listening on port ${port} on this computer`));
      assert.doesNotMatch(text, /DNS|VPN|typo/);
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

  test(`${browser} 2c: the compact panel: fits 1280x800 and 400x700, scrolls to its last part, shows the reference id with Copy, Escape minimises`, { timeout: TEST_TIMEOUT }, async () => {
    const up = upstream(await freePort());
    const RAY = '8f1e2d3c4b5a6978-FRA';
    up.handler = (req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8', Server: 'cloudflare', 'CF-RAY': RAY });
      res.end(`<!doctype html><title>502 Bad gateway</title><h1>Bad gateway</h1><p>Error code 502</p><p>Cloudflare Ray ID: ${RAY}</p>` + '<p>filler</p>'.repeat(50));
    };
    await up.start();
    // Where the panel is, in the window's terms, and whether a part of it is visible there.
    const geometry = `(root) => {
      const r = root.host.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, w: innerWidth, h: innerHeight };
    }`;
    const reachable = `(root, sel) => {
      const e = root.querySelector(sel);
      if (!e) return 'missing';
      e.scrollIntoView({ block: 'nearest' });
      const r = e.getBoundingClientRect();
      if (r.bottom > innerHeight || r.top < 0 || r.height === 0) return 'outside ' + JSON.stringify([r.top, r.bottom, innerHeight]);
      const hit = root.elementFromPoint(r.left + Math.min(10, r.width / 2), r.top + r.height / 2);
      return hit && (hit === e || e.contains(hit)) ? 'ok' : 'covered by ' + (hit?.localName || 'nothing');
    }`;
    try {
      for (const size of [{ width: 1280, height: 800 }, { width: 400, height: 700 }]) {
        await d.viewport(size);
        await d.goto(up.url(`/compact-${size.width}`));
        const panel = await d.panel({ timeout: 20_000 });
        assert.ok(panel, 'the panel appears');
        assert.match(panel.text, /Gateway Doctor/);
        assert.match(panel.text, /Cloudflare/);
        // The reference id and its Copy button, without expanding anything.
        const ref = await d.inPanel(`(root) => { const e = root.querySelector('[data-gd="reference"]'); return e && e.getClientRects().length ? e.textContent : null; }`);
        assert.equal(ref, RAY);
        // Open the steps and "more": the panel stays inside the window and scrolls inside.
        await d.clickPanel('show-steps');
        const opened = await d.inPanel(`(root) => { for (const x of root.querySelectorAll('details')) x.open = true; return root.querySelectorAll('details[open]').length; }`);
        assert.ok(opened >= 2, 'steps, more and details open');
        await new Promise((r) => setTimeout(r, 200));
        const g = await d.inPanel(geometry);
        assert.ok(g.bottom <= g.h && g.right <= g.w && g.top >= 0 && g.left >= 0, `the panel fits ${g.w}x${g.h}: ${JSON.stringify(g)}`);
        // The last step and the last part (technical details) can be scrolled to and clicked.
        assert.equal(await d.inPanel(reachable, '.gd-more .gd-more li:last-child'), 'ok', 'the last step is reachable');
        assert.equal(await d.inPanel(reachable, '[data-action="details"]'), 'ok', 'the technical details are reachable');
        await d.inPanel(`(root) => { root.querySelector('[data-gd="details"]').open = false; }`);
        await d.clickPanel('details');
        assert.ok(await waitFor(() => d.inPanel(`(root) => root.querySelector('[data-gd="details"]').open`), { what: 'the details opened by a click' }));
      }
      await d.viewport(null);

      // Copy puts the short report on the clipboard (read by the driver from the browser
      // itself): UTC date and time, URL without its query, status, gateway, cause, id.
      await d.goto(up.url('/compact-copy?secret=1'));
      assert.ok(await d.panel({ timeout: 20_000 }));
      const clickedAt = Date.now();
      await d.clickPanel('copy-report');
      await waitFor(async () => /^Copied/.test(await d.panelMessage()), { what: 'the report copied' });
      const copied = await d.readClipboard();
      const lines = copied.split('\n');
      assert.equal(lines[0], `Page failed: ${up.url('/compact-copy')}`, copied);
      const when = copied.match(/^When: (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) UTC$/m);
      assert.ok(when, `a UTC date and time: ${copied}`);
      // the failure's time, within the test's minutes (the browser's clock is this machine's)
      const seen = Date.parse(`${when[1]}T${when[2]}Z`);
      assert.ok(Math.abs(seen - clickedAt) < 5 * 60_000, `${when[0]} is about now`);
      assert.match(copied, /^Status: 502\b/m);
      assert.match(copied, /^Gateway: Cloudflare$/m);
      assert.match(copied, /^Cause: [a-z][a-z_-]+$/m);
      assert.match(copied, new RegExp(`^Cloudflare Ray ID: ${RAY}$`, 'm'));
      assert.doesNotMatch(copied, /secret/);

      // Escape minimises the panel to its bar; the page's text is readable again.
      const before = await d.inPanel(geometry);
      await d.pressKey('Escape');
      await waitFor(() => d.inPanel(`(root) => Boolean(root.querySelector('.gd-root.gd-min'))`), { what: 'the panel minimised by Escape' });
      const after = await d.inPanel(geometry);
      assert.ok(after.bottom - after.top < 80 && after.bottom - after.top < before.bottom - before.top, `minimised: ${JSON.stringify(after)}`);
      // and it can be moved to the other side
      await d.clickPanel('move');
      await waitFor(async () => (await d.inPanel(geometry)).left < 20, { what: 'the panel on the left' });
    } finally {
      await d.viewport(null).catch(() => {});
      await up.stop();
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
