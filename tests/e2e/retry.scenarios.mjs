// Auto-retry, watch and notify (issue 5), written once and run in every browser against a real
// nginx and an upstream the test controls. Besides the interface of scenarios.mjs, the drivers
// give these methods:
//   ext(fn, arg)       runs `fn(arg)` in one of the extension's own pages (it may use `chrome.*`
//                      and must be self-contained: it is sent as source) and resolves to its
//                      JSON-shaped result
//   stopBackground()   stops the extension's background as the browser does when it is idle
//                      (Chromium: closes the service worker; Firefox: terminates the event page)
// Delays are sped up with the developer setting `clockScale` (storage.session, developer builds only), never slept out.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { openSteps } from './lib/panel.mjs';
import { configure as configureWith } from './lib/settings.mjs';
import { upstream, startNginx, freePort, waitFor, nginxAvailable, HOST, OK_PAGE, failingGateway } from './lib/servers.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REAL_PAGE = 'The real page';
const TEST_TIMEOUT = 120_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


/** Requests for `path` (no favicon) that reached the upstream. */
const hits = (up, path, method) => up.requests.filter((r) => r.url === path && (!method || r.method === method));

/** nginx access-log lines for `method path`. */
const logged = (gw, method, path) => gw.accessLog().filter((l) => l.includes(`"${method} ${path} `));

export function defineRetryScenarios({ browser, launch, available }) {
  // GD_DIST: another build directory (a private copy while someone rebuilds dist/).
  const extensionDir = join(process.env.GD_DIST || join(ROOT, 'dist'), browser === 'firefox' ? 'firefox' : 'chrome');
  let d;

  const why = [available(), nginxAvailable()].find((a) => !a.ok)?.why;
  if (why) {
    test(`${browser}: prerequisites`, () => assert.fail(why));
    return;
  }

  /** The developer time-scale and the person's settings (lib/settings.mjs). */
  const configure = (settings) => configureWith(d, settings);

  /** Tabs showing `url` (or its diagnosis page): [{id, title, url}]. */
  const tabsOf = (url) =>
    d.ext(async (u) => (await chrome.tabs.query({})).filter((t) => t.url === u || (t.url || '').includes(encodeURIComponent(u))).map((t) => ({ id: t.id, title: t.title, url: t.url })), url);

  /** The site's one watch as the retry machine's stored state holds it, or null. */
  const watchStateOf = (origin) =>
    d.ext(async (o) => ((await chrome.storage.session.get('machine')).machine?.watches || []).find((w) => w.origin === o) ?? null, origin);

  /** Opens the failing `url`, clicks the panel's "Notify me when it's back", and waits until
   * the panel says it is watching. */
  async function watchFromPanel(url) {
    await d.goto(url);
    assert.ok(await d.panel({ timeout: 20_000 }), 'the panel appears');
    await openSteps(d, { more: true });
    await d.clickPanel('watch');
    await waitFor(async () => /Watching/.test((await d.panel())?.text || ''), { what: 'the panel says it is watching' });
  }

  before(async () => {
    d = await launch({ extensionDir, privateAccess: false, artifactsDir: process.env.GD_ARTIFACTS || undefined });
  });
  after(async () => {
    await d?.ext(async () => {
      await chrome.storage.session.remove('clockScale');
      await chrome.storage.sync.clear();
      return true;
    }).catch(() => {});
    await d?.close();
  });
  afterEach(async () => {
    await d.goto('about:blank');
    await d
      .ext(async () => {
        for (const n of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(n);
        return true;
      })
      .catch(() => {});
  });

  test(`${browser} retry 1: upstream down, back a few seconds later → the page recovers with no click`, { timeout: TEST_TIMEOUT }, async () => {
    // The core's backoff spreads the first retries over 1-15 s, 3-45 s, ...: 10 times faster.
    await configure({ clockScale: 10 });
    const s = await failingGateway();
    try {
      const path = '/recover?x=1';
      await d.goto(s.gw.url(path));
      const countdown = await waitFor(
        async () => {
          const p = await d.panel({ timeout: 1000 });
          return p && /Retrying (in \d+ s|now) \(attempt \d of 6\)/.test(p.text) && p.text;
        },
        { what: 'the countdown in the panel', timeoutMs: 20_000 },
      );
      assert.match(countdown, /Cancel/);
      await sleep(2500);
      await s.up.start();
      await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the real page, with no click', timeoutMs: 40_000 });
      assert.equal(await d.hasPanel(), false);
      assert.ok(hits(s.up, path).length >= 1, 'the automatic retry reached the upstream');
      // The site's request budget is kept only while it is in use: once the core says it is
      // full again, the machine has dropped it.
      const buckets = () =>
        d.ext(async () => ((await chrome.storage.session.get('machine')).machine?.buckets || []).length);
      await waitFor(async () => (await buckets()) === 0, { what: 'the request budget forgotten once full', timeoutMs: 30_000 });
    } finally {
      await s.stop();
    }
  });

  test(`${browser} retry 2: 503 with Retry-After: 5 → no retry reaches the gateway before 5 s`, { timeout: TEST_TIMEOUT }, async () => {
    await configure({ clockScale: 1 });
    const s = await failingGateway();
    const path = '/busy';
    s.up.handler = (req, res) => {
      if (hits(s.up, path).length <= 1) {
        res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '5' });
        res.end('<!doctype html><html><body><h1>Busy, come back in 5 seconds</h1></body></html>');
      } else {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(OK_PAGE);
      }
    };
    await s.up.start();
    try {
      await d.goto(s.gw.url(path));
      const text = await waitFor(
        async () => {
          const p = await d.panel({ timeout: 1000 });
          return p && /Retrying in \d+ s/.test(p.text) && p.text;
        },
        { what: 'the countdown', timeoutMs: 20_000 },
      );
      const secs = Number(/Retrying in (\d+) s/.exec(text)[1]);
      // Retry-After (plus a spread), or the core's first backoff (1-15 s) when that is longer;
      // the panel shows it a moment after the failure.
      assert.ok(secs >= 4 && secs <= 16, `the countdown starts at Retry-After or later (${secs})`);
      await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the page after Retry-After', timeoutMs: 30_000 });
      const [first, second] = hits(s.up, path);
      assert.ok(second, 'the retry came');
      assert.ok(second.at - first.at >= 5000, `the retry waited for Retry-After (${second.at - first.at} ms)`);
      assert.equal(logged(s.gw, 'GET', path).length, 2, 'nginx saw the navigation and one retry');
    } finally {
      await s.stop();
    }
  });

  test(`${browser} retry 2b: 429 with Retry-After: 90 → the rate-limit panel, the wait in words, and no retry before it`, { timeout: TEST_TIMEOUT }, async () => {
    await configure({ clockScale: 1 });
    const up = upstream(await freePort());
    const path = '/limited';
    up.handler = (req, res) => {
      res.writeHead(429, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '90' });
      res.end('<!doctype html><html><body><h1>Too many requests</h1></body></html>');
    };
    await up.start();
    try {
      await d.goto(up.url(path));
      const text = await waitFor(
        async () => {
          const p = await d.panel({ timeout: 1000 });
          return p && /Retrying in about/.test(p.text) && p.text;
        },
        { what: 'the rate-limit panel with its countdown', timeoutMs: 20_000 },
      );
      assert.match(text, /limiting requests: wait about (a minute|2 minutes); reloading makes it longer/);
      // "about a minute" (90 s and a spread) or "about 2 minutes", with the time of day
      assert.match(text, /Retrying in about (a minute|2 minutes), at \d/);
      assert.doesNotMatch(text, /\d{2,} s\b/, 'no wait in seconds');
      // the chain: the server answered and limits requests; no part of the way failed
      const chain = await d.inPanel(
        `(root) => [...root.querySelectorAll('[data-gd="chain"] li')].map((n) => [n.dataset.node, n.dataset.state, n.querySelector('.gd-node-state').textContent].join(': '))`,
      );
      // (a server on this computer: no network node in between, unless the browser has a proxy)
      assert.equal(chain[0], 'you: working: working', JSON.stringify(chain));
      assert.equal(chain.at(-1), 'server: limiting: limiting requests', JSON.stringify(chain));
      assert.ok(chain.every((n) => !n.includes(': failed')), `no part failed: ${JSON.stringify(chain)}`);
      await sleep(8000);
      assert.equal(hits(up, path).length, 1, 'no retry before Retry-After');
    } finally {
      await up.stop();
    }
  });

  test(`${browser} retry 3: a form POST to the failing site → exactly one POST; manual retry warns it resends`, { timeout: TEST_TIMEOUT }, async () => {
    // Sped up 20 times: any automatic retry would come within a second.
    await configure({ clockScale: 20 });
    const s = await failingGateway();
    s.up.handler = (req, res) => {
      req.resume();
      res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><h1>Order service failed</h1></body></html>');
    };
    await s.up.start();
    const formPort = await freePort();
    const formServer = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html><body><form method="post" action="${s.gw.url('/order')}">` +
          '<input name="item" value="1"><button id="send" type="submit">Send</button></form></body></html>',
      );
    });
    await new Promise((r) => formServer.listen(formPort, HOST, r));
    try {
      await d.goto(`http://${HOST}:${formPort}/form`);
      await d.clickPage('#send');
      const panel = await d.panel({ timeout: 20_000 });
      assert.ok(panel, 'the panel appears over the 502 of the POST');
      assert.match(panel.text, /sends the form again/);
      assert.doesNotMatch(panel.text, /Retrying in/);
      await sleep(4000);
      assert.equal(hits(s.up, '/order', 'POST').length, 1, 'the upstream saw exactly one POST');
      assert.equal(logged(s.gw, 'POST', '/order').length, 1, 'nginx saw exactly one POST');
      // The manual retry is offered.
      assert.ok(await d.panel({ timeout: 2000 }), 'the panel is still there');
      assert.match((await d.panel()).text, /Retry/);
    } finally {
      await new Promise((r) => formServer.close(r));
      await s.stop();
    }
  });

  test(`${browser} retry 3b: 502 on GET → retry scheduled → the person reloads, the page loads, a form is sent there → no automatic reload; one POST`, { timeout: TEST_TIMEOUT }, async () => {
    await configure({ clockScale: 1 });
    const s = await failingGateway();
    const path = '/shop';
    s.up.handler = (req, res) => {
      req.resume();
      const html = (body) => `<!doctype html><html><body>${body}</body></html>`;
      if (req.method === 'GET' && hits(s.up, path, 'GET').length <= 1) {
        // Retry-After keeps the automatic retry a few seconds away while the person acts.
        res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '6' });
        res.end(html('<h1>Shop is down</h1>'));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        req.method === 'POST'
          ? html('<h1>Order received</h1>')
          : html(`<h1>${REAL_PAGE}</h1><form method="post" action="${path}"><input name="item" value="1"><button id="send" type="submit">Send</button></form>`),
      );
    };
    await s.up.start();
    try {
      await d.goto(s.gw.url(path));
      await waitFor(
        async () => {
          const p = await d.panel({ timeout: 1000 });
          return p && /Retrying in \d+ s/.test(p.text);
        },
        { what: 'the countdown', timeoutMs: 20_000 },
      );
      // The person reloads by hand, gets the page, and sends its form (to the same URL).
      await d.goto(s.gw.url(path));
      await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the page, reloaded by hand' });
      await d.clickPage('#send');
      await waitFor(async () => (await d.pageText()).includes('Order received'), { what: 'the form\'s answer' });
      // Longer than Retry-After and its spread: the old retry would have fired by now.
      await sleep(10_000);
      assert.equal(hits(s.up, path, 'POST').length, 1, 'the upstream saw exactly one POST');
      assert.equal(logged(s.gw, 'POST', path).length, 1, 'nginx saw exactly one POST');
      assert.equal(hits(s.up, path, 'GET').length, 2, 'no automatic GET either');
      assert.match(await d.pageText(), /Order received/);
    } finally {
      await s.stop();
    }
  });

  test(`${browser} retry 3c: a POST answered by 502 → Notify me → the site is back → one POST; the page loads with GET`, { timeout: TEST_TIMEOUT }, async () => {
    await configure({ clockScale: 30, autoRetry: false });
    const s = await failingGateway();
    const path = '/checkout';
    let down = true;
    s.up.handler = (req, res) => {
      req.resume();
      res.writeHead(down ? 502 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(down ? '<!doctype html><html><body><h1>Checkout failed</h1></body></html>' : OK_PAGE);
    };
    await s.up.start();
    const formPort = await freePort();
    const formServer = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html><body><form method="post" action="${s.gw.url(path)}">` +
          '<input name="item" value="1"><button id="send" type="submit">Send</button></form></body></html>',
      );
    });
    await new Promise((r) => formServer.listen(formPort, HOST, r));
    try {
      await d.goto(`http://${HOST}:${formPort}/form`);
      await d.clickPage('#send');
      assert.ok(await d.panel({ timeout: 20_000 }), 'the panel appears over the 502 of the POST');
      // After the warning about the form, "Notify me" is among the steps under "more".
      await openSteps(d, { more: true });
      await d.clickPanel('watch');
      const said = await waitFor(async () => d.panelMessage(), { what: 'the watch started' });
      assert.match(said, /without sending the form again/, 'the panel says the page loads with GET');
      down = false;
      await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the page, loaded with GET', timeoutMs: 45_000 });
      await sleep(1500);
      assert.equal(hits(s.up, path, 'POST').length, 1, 'the upstream saw exactly one POST');
      assert.equal(logged(s.gw, 'POST', path).length, 1, 'nginx saw exactly one POST');
      assert.ok(logged(s.gw, 'GET', path).length >= 1, 'the page came back by GET');
    } finally {
      await new Promise((r) => formServer.close(r));
      await s.stop();
    }
  });

  test(`${browser} retry 4: ten tabs watch one failing site → one check per interval; back → notification, tabs reload`, { timeout: TEST_TIMEOUT }, async () => {
    // 30 times faster: the first check after 2-4 s, then 4-8 s, ... (policy::watch_next)
    await configure({ clockScale: 30, autoRetry: false });
    const s = await failingGateway();
    const path = '/watched';
    const url = s.gw.url(path);
    let opened = [];
    try {
      await watchFromPanel(url);
      // Nine more tabs on the same site, each asking for its own watch.
      const started = await d.ext(
        async (u) => {
          const ids = [];
          for (let i = 0; i < 9; i++) ids.push((await chrome.tabs.create({ url: u, active: false })).id);
          const until = Date.now() + 20_000;
          for (;;) {
            const got = await chrome.storage.session.get(ids.map((id) => `tab:${id}`));
            if (Object.keys(got).length === ids.length) break;
            if (Date.now() > until) throw new Error('the nine tabs did not fail');
            await new Promise((r) => setTimeout(r, 100));
          }
          const results = [];
          for (const tabId of ids) results.push(await chrome.runtime.sendMessage({ type: 'gd:action', tabId, action: { type: 'watch' } }));
          return { ids, results };
        },
        url,
      );
      opened = started.ids;
      assert.equal(started.results.length, 9);
      assert.ok(started.results.every((r) => r?.ok), `every watch started: ${JSON.stringify(started.results)}`);
      const origin = new URL(url).origin;
      const watchState = () => watchStateOf(origin);
      const w = await watchState();
      assert.equal(Object.keys(w.tabs).length, 10, 'one watch for the site, ten tabs waiting on it');

      const t0 = Date.now();
      await sleep(6000);
      const heads = logged(s.gw, 'HEAD', path).length;
      const after = await watchState();
      assert.ok(heads >= 1, 'the site was checked');
      assert.equal(heads, after.checks, 'one request per scheduled check, however many tabs wait');
      // Scheduled: 2-4 s, then +4-8 s (scaled): at most 2 in 6 s (plus slack).
      assert.ok(heads <= 5, `at most one check per interval (${heads} checks in ${Date.now() - t0} ms)`);

      await s.up.start();
      const notes = await waitFor(
        async () => {
          const all = await d.ext(async () => chrome.notifications.getAll());
          return Object.keys(all).some((k) => k.startsWith('gd-back:')) && all;
        },
        { what: 'the notification', timeoutMs: 30_000 },
      );
      assert.ok(notes);
      await waitFor(
        async () => {
          const tabs = await tabsOf(url);
          return tabs.length === 10 && tabs.every((t) => t.title === 'Upstream OK') && tabs;
        },
        { what: 'all ten tabs reloaded to the real page', timeoutMs: 30_000 },
      );
      assert.equal(await watchState(), null, 'the watch ended');
    } finally {
      await d.ext(async (ids) => chrome.tabs.remove(ids).then(() => true, () => false), opened).catch(() => {});
      await s.stop();
    }
  });

  test(`${browser} retry 5: the background is stopped mid-watch → the watch still fires`, { timeout: TEST_TIMEOUT }, async () => {
    await configure({ clockScale: 30, autoRetry: false });
    const s = await failingGateway();
    const path = '/survives';
    const url = s.gw.url(path);
    try {
      await watchFromPanel(url);
      await waitFor(async () => logged(s.gw, 'HEAD', path).length >= 1, { what: 'a first check', timeoutMs: 15_000 });
      await d.stopBackground();
      await s.up.start();
      // Nothing but the alarm wakes the background now: the test only looks at the servers and
      // the page.
      await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the tab reloaded by the watch', timeoutMs: 45_000 });
      assert.ok(logged(s.gw, 'HEAD', path).some((l) => / 200 /.test(l)), 'a check after the restart found the site back');
      const notes = await d.ext(async () => chrome.notifications.getAll());
      assert.ok(Object.keys(notes).some((k) => k.startsWith('gd-back:')), 'the notification appeared');
    } finally {
      await s.stop();
    }
  });

  test(`${browser} retry 6: the options page → panel off, auto-retry off, a site left alone; applied at once`, { timeout: TEST_TIMEOUT }, async () => {
    await configure({ clockScale: 20 });
    const s = await failingGateway();
    try {
      // Turned off on the options page itself (its own change events save to storage.sync).
      const saved = await d.ext(async () => {
        if (!location.pathname.endsWith('/options.html')) throw new Error(`not the options page: ${location.href}`);
        for (const id of ['panel', 'autoRetry']) {
          const box = document.getElementById(id);
          if (box.checked) box.click();
        }
        const until = Date.now() + 5000;
        for (;;) {
          const got = await chrome.storage.sync.get(['panel', 'autoRetry']);
          if (got.panel === false && got.autoRetry === false) return got;
          if (Date.now() > until) throw new Error(`not saved: ${JSON.stringify(got)}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      });
      assert.deepEqual(saved, { panel: false, autoRetry: false });
      const path = '/no-panel';
      await d.goto(s.gw.url(path));
      await waitFor(async () => (await d.badge()) === '502', { what: 'badge 502', timeoutMs: 15_000 });
      await sleep(2000);
      assert.equal(await d.hasPanel(), false, 'no panel with the panel turned off');
      assert.equal(logged(s.gw, 'GET', path).length, 1, 'no automatic retry with auto-retry turned off');

      await d.ext(async () => chrome.storage.sync.set({ ignoredSites: ['127.0.0.1'], panel: true, autoRetry: true }));
      const path2 = '/left-alone';
      await d.goto(s.gw.url(path2));
      await sleep(2500);
      assert.equal(await d.hasPanel(), false, 'no panel on a site left alone');
      assert.equal(await d.badge(), '', 'no badge on a site left alone');
      assert.equal(await d.storedRecords(), 0, 'nothing stored for a site left alone');
      assert.equal(logged(s.gw, 'GET', path2).length, 1, 'no automatic retry of a site left alone');
    } finally {
      await s.stop();
    }
  });

  test(`${browser} retry 7: the popup lists the watched site; Stop watching there ends the watch and its checks`, { timeout: TEST_TIMEOUT }, async () => {
    // 30 times faster: a check after 1 s, then 1.5 s, 2.25 s, ...
    await configure({ clockScale: 30, autoRetry: false });
    const s = await failingGateway();
    const path = '/watched-from-popup';
    const url = s.gw.url(path);
    const origin = new URL(url).origin;
    const watchState = () => watchStateOf(origin);
    try {
      await watchFromPanel(url);
      await waitFor(async () => logged(s.gw, 'HEAD', path).length >= 1, { what: 'a first check', timeoutMs: 15_000 });

      // The popup's page, as the toolbar button shows it: the site, how many tabs wait on it.
      await d.openOwnPage('popup.html');
      const host = new URL(url).host;
      const listed = await waitFor(
        async () => {
          const t = await d.pageText();
          return t.includes('Waiting for sites to come back') && t.includes(`${host} (1 tabs waiting)`) && t;
        },
        { what: 'the watch list in the popup' },
      );
      assert.ok(listed);
      await d.clickPage(`[data-gd="watches"] li[data-origin="${origin}"] button[data-action="cancel-site-watch"]`);
      await waitFor(async () => (await watchState()) === null, { what: 'the watch to end' });
      await waitFor(async () => !(await d.pageText()).includes('Waiting for sites to come back'), { what: 'the list to empty' });

      // No more checks once it is stopped (the next ones were due within a few seconds).
      const checks = logged(s.gw, 'HEAD', path).length;
      await sleep(4000);
      assert.equal(logged(s.gw, 'HEAD', path).length, checks, 'no check after Stop watching');
    } finally {
      await s.stop();
    }
  });

  return { driver: () => d };
}
