// A demanding new user's failures, written once and run in every browser against a real nginx
// and an upstream the test controls (the interface of scenarios.mjs and retry.scenarios.mjs):
// a 502 that is not the page's own (a picture, a frame, a fetch), a redirect chain that ends in
// a 502, a maintenance page whose Retry-After is an HTTP date by a server clock an hour off, an
// application's own error page, the same failure in a private window, Back onto a failed
// page, a body the browser will not show (binary, empty, an attachment) the first time and after
// every kind of retry, and the browser in German, French and Spanish. Names such as paypa1.example resolve to 127.0.0.1 in both browsers (lib/panel.mjs).
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { upstream, freePort, waitFor, nginxAvailable, failingGateway, OK_PAGE } from './lib/servers.mjs';
import { LOOKALIKE_HOSTS, openSteps } from './lib/panel.mjs';
import { configure as configureWith } from './lib/settings.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT = 120_000;
const REAL_PAGE = 'The real page';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Requests for `path` that reached a server. */
const hits = (server, path) => server.requests.filter((r) => r.url === path);
/** nginx access-log lines for `GET path`. */
const logged = (gw, path) => gw.accessLog().filter((l) => l.includes(`"GET ${path} `));

/** A real-looking name for 127.0.0.1 and `port`. */
const named = (host, port, path) => `http://${host}:${port}${path}`;

export function defineNewUserScenarios({ browser, launch, available }) {
  const extensionDir = join(process.env.GD_DIST || join(ROOT, 'dist'), browser === 'firefox' ? 'firefox' : 'chrome');
  let d;

  const why = [available(), nginxAvailable()].find((a) => !a.ok)?.why;
  if (why) {
    test(`${browser}: prerequisites`, () => assert.fail(why));
    return;
  }

  /** The developer time-scale and the person's settings (lib/settings.mjs). */
  const configure = (settings) => configureWith(d, settings);

  /** The view the background gives for the first tab whose URL `match`es. */
  const viewOf = (match) =>
    d.ext(async (src) => {
      const re = new RegExp(src);
      const t = (await chrome.tabs.query({})).find((x) => re.test(String(x.url)));
      return t ? { tabId: t.id, v: await chrome.runtime.sendMessage({ type: 'gd:view', tabId: t.id }) } : null;
    }, match.source);

  /** The machine's state as stored: `tabs` (each tab's automatic retry), `watches`, ... */
  const machine = () => d.ext(async () => (await chrome.storage.session.get('machine')).machine ?? {});
  /** The automatic retries the machine has scheduled. */
  const scheduled = async () => ((await machine()).tabs || []).filter((t) => t.state === 'scheduled');

  /** Everything the extension keeps, in every storage area, as one string. */
  const everythingStored = () =>
    d.ext(async () =>
      JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]),
    );

  before(async () => {
    d = await launch({ extensionDir, privateAccess: true });
  });
  after(async () => {
    await d
      ?.ext(async () => {
        await chrome.storage.session.remove('clockScale');
        await chrome.storage.sync.clear();
        return true;
      })
      .catch(() => {});
    await d?.close();
  });
  afterEach(async () => {
    await d.goto('about:blank');
  });

  test(`${browser} newuser 1: nginx's 502 and a refused connection in a private window → the panel and our page there → the window closed → nothing about the site kept anywhere`, { timeout: TIMEOUT }, async () => {
    await configure({ clockScale: 10 });
    const s = await failingGateway();
    // First here: no other failure of this name is kept from before.
    const host = LOOKALIKE_HOSTS[2];
    const urls = [named(host, s.gw.port, '/private-cart'), named(host, await freePort(), '/private-login')];
    try {
      assert.ok(!(await everythingStored()).includes(host), 'nothing about it before');
      const windowId = await d.ext(async (url) => (await chrome.windows.create({ incognito: true, url })).id, urls);
      const views = await waitFor(async () => {
        const a = await viewOf(/\/private-cart$/);
        const b = await viewOf(/private-login$/);
        return a?.v?.panel && b?.v?.panel && [a.v, b.v];
      }, { what: "the private tabs' views", timeoutMs: 20_000 });
      assert.equal(views[0].diagnosis.badge, '502');
      assert.equal(views[1].diagnosis.cause, 'connection-refused', JSON.stringify(views[1].diagnosis));
      const onDisk = await d.ext(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]));
      assert.ok(!onDisk.includes(host), `nothing on disk about the private failures: ${onDisk}`);
      await d.ext(async (id) => {
        await chrome.windows.remove(id);
        return true;
      }, windowId);
      await waitFor(async () => !(await everythingStored()).includes(host), { what: `nothing about ${host} kept after the window closed`, timeoutMs: 10_000 }).catch(
        async (e) => assert.fail(`${e.message}: ${await everythingStored()}`),
      );
    } finally {
      await d.ext(async () => {
        for (const w of await chrome.windows.getAll()) if (w.incognito) await chrome.windows.remove(w.id);
        return true;
      }).catch(() => {});
      await s.stop();
    }
  });

  test(`${browser} newuser 2: a healthy page whose picture, frame and fetch get nginx's 502 → no panel, no badge, nothing stored, nothing retried`, { timeout: TIMEOUT }, async () => {
    // Any automatic retry would come within a second and a half.
    await configure({ clockScale: 10 });
    const s = await failingGateway();
    const page = upstream(await freePort());
    const cdn = named(LOOKALIKE_HOSTS[1], s.gw.port, '');
    page.handler = (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html><head><title>Shop</title></head><body><h1>${REAL_PAGE}</h1>` +
          `<img src="${cdn}/logo.png" alt="logo"><iframe src="${cdn}/frame"></iframe>` +
          `<script>fetch('${cdn}/api/cart', { mode: 'no-cors' }).catch(() => {});</script></body></html>`,
      );
    };
    await page.start();
    try {
      await d.goto(named(LOOKALIKE_HOSTS[0], page.port, '/shop'));
      await waitFor(() => ['/logo.png', '/frame', '/api/cart'].every((p) => logged(s.gw, p).length === 1), {
        what: `the picture, frame and fetch through nginx (${s.gw.accessLog().join(' | ')})`,
        timeoutMs: 20_000,
      });
      assert.ok((await d.pageText()).includes(REAL_PAGE));
      await sleep(4000);
      assert.equal(await d.hasPanel(), false, 'no panel over the healthy page');
      assert.equal(await d.badge(), '', 'no badge');
      assert.equal(await d.storedRecords(), 0, 'no failure kept');
      const m = await machine();
      assert.equal((m.tabs || []).length, 0, `no tab's retry: ${JSON.stringify(m)}`);
      assert.equal((m.watches || []).length, 0, `no watch: ${JSON.stringify(m)}`);
      for (const p of ['/logo.png', '/frame', '/api/cart']) assert.equal(logged(s.gw, p).length, 1, `${p} was not requested again`);
    } finally {
      await page.stop();
      await s.stop();
    }
  });

  test(`${browser} newuser 3: a redirect chain (301, 302) that ends in nginx's 502 → the panel for the last address → upstream back → Retry → that page`, { timeout: TIMEOUT }, async () => {
    await configure({ autoRetry: false });
    const s = await failingGateway();
    const start = upstream(await freePort());
    const landing = named(LOOKALIKE_HOSTS[2], s.gw.port, '/landing?from=chain');
    start.handler = (req, res) => {
      const to = req.url === '/old' ? named(LOOKALIKE_HOSTS[0], start.port, '/moved') : landing;
      res.writeHead(req.url === '/old' ? 301 : 302, { Location: to, 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>moved</title>');
    };
    await start.start();
    try {
      await d.goto(named(LOOKALIKE_HOSTS[0], start.port, '/old'));
      const panel = await d.panel({ timeout: 20_000 });
      assert.ok(panel, 'the panel over the 502 at the end of the chain');
      assert.match(panel.text, /502/);
      assert.match(panel.text, /nginx/i);
      assert.equal(await d.url(), landing);
      const got = await viewOf(/\/landing\?from=chain$/);
      assert.equal(got?.v?.url, landing, 'the failure is the last address, not a hop');
      assert.equal(got.v.diagnosis.badge, '502');
      assert.ok(hits(start, '/moved').length === 1, 'both hops followed');
      await s.up.start();
      await d.clickPanel('retry');
      await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the page after Retry', timeoutMs: 20_000 });
      assert.equal(await d.url(), landing);
      assert.equal(hits(start, '/old').length, 1, 'Retry loaded the last address, not the chain again');
      assert.equal(await d.storedRecords(), 0);
    } finally {
      await start.stop();
      await s.stop();
    }
  });

  /** A maintenance page from the site's own server (a gateway would put its own Date), whose
   * clock is `aheadMs` ahead, asking to come back `waitS` seconds after its Date; then, from
   * the second request on, the real page. */
  const maintenance = (up, path, { aheadMs, waitS }) => (req, res) => {
    if (hits(up, path).length <= 1) {
      // An HTTP date has whole seconds: the date is waitS after the server's now, to the second.
      const serverNow = Math.floor((Date.now() + aheadMs) / 1000) * 1000;
      res.writeHead(503, {
        'Content-Type': 'text/html; charset=utf-8',
        Date: new Date(serverNow).toUTCString(),
        'Retry-After': new Date(serverNow + waitS * 1000).toUTCString(),
      });
      res.end(
        '<!doctype html><html><head><title>Down for maintenance</title></head><body><h1>Down for scheduled maintenance</h1>' +
          "<p>We're performing scheduled maintenance and will be back shortly.</p></body></html>",
      );
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(OK_PAGE);
    }
  };

  test(`${browser} newuser 4: a 503 maintenance page, Retry-After an HTTP date 8 s after its Date, the server's clock an hour ahead → the maintenance wording, the retry after 8 s`, { timeout: TIMEOUT }, async () => {
    await configure({ clockScale: 1 });
    const up = upstream(await freePort());
    const path = '/account';
    const WAIT_S = 8;
    up.handler = maintenance(up, path, { aheadMs: 3600_000, waitS: WAIT_S });
    await up.start();
    try {
      await d.goto(named(LOOKALIKE_HOSTS[1], up.port, path));
      const text = await waitFor(
        async () => {
          const p = await d.panel({ timeout: 1000 });
          return p && /Retrying in \d+ s/.test(p.text) && p.text;
        },
        { what: 'the countdown', timeoutMs: 20_000 },
      );
      const got = await viewOf(/\/account$/);
      assert.equal(got?.v?.diagnosis?.cause, 'maintenance', JSON.stringify(got?.v?.diagnosis));
      assert.ok(Math.abs(got.v.diagnosis.retryAfterSeconds - WAIT_S) <= 1, `Retry-After against the response's Date: ${got.v.diagnosis.retryAfterSeconds}`);
      assert.match(got.v.panel.headline.key, /^summary_maintenance/);
      const secs = Number(/Retrying in (\d+) s/.exec(text)[1]);
      assert.ok(secs >= WAIT_S - 3 && secs <= 20, `the countdown from the date (${secs} s)`);
      await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the page after the date', timeoutMs: 40_000 });
      const [first, second, third] = hits(up, path);
      assert.ok(second.at - first.at >= (WAIT_S - 1) * 1000, `the retry waited for the date (${second.at - first.at} ms)`);
      assert.equal(third, undefined, 'one retry');
    } finally {
      await up.stop();
    }
  });

  test(`${browser} newuser 4b: a 503 maintenance page, Retry-After an HTTP date two hours after its Date → the wait in words, a quiet watch from then, no retry claimed, none sent`, { timeout: TIMEOUT }, async () => {
    await configure({ clockScale: 1 });
    const up = upstream(await freePort());
    const path = '/billing';
    up.handler = maintenance(up, path, { aheadMs: 0, waitS: 7200 });
    await up.start();
    try {
      await d.goto(named(LOOKALIKE_HOSTS[3], up.port, path));
      // (the panel's first frame has only the response: the page's text says maintenance)
      const { v } = await waitFor(async () => {
        const got = await viewOf(/\/billing$/);
        return got?.v?.panel?.retry && got.v.diagnosis.cause === 'maintenance' && got;
      }, { what: 'the refined view with its retry line', timeoutMs: 20_000 });
      assert.equal(v.diagnosis.cause, 'maintenance', JSON.stringify(v.diagnosis));
      assert.ok(Math.abs(v.diagnosis.retryAfterSeconds - 7200) <= 1, String(v.diagnosis.retryAfterSeconds));
      // Nothing was retried: the line says when it is checked, not how many retries failed.
      assert.equal(v.panel.retry.key, 'ui_retry_watch_after', JSON.stringify(v.panel.retry));
      const text = (await d.panel({ timeout: 10_000 }))?.text || '';
      assert.doesNotMatch(text, /Retried 0 times|without luck/, text);
      assert.match(text, /Not retried before the time the site asked for/, text);
      await sleep(3000);
      assert.equal(hits(up, path).length, 1, 'no request before the date');
    } finally {
      await up.stop();
    }
  });

  test(`${browser} newuser 5: the application's own 500 page (Rails) through nginx → the site's error, nginx not blamed, no step about the person's setup first, no automatic retry`, { timeout: TIMEOUT }, async () => {
    await configure({ clockScale: 10 });
    const s = await failingGateway();
    const path = '/orders/42';
    s.up.handler = (req, res) => {
      res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8', 'X-Request-Id': '5f1c9a2e-7b1d-4c3a-9f7e-2b8d1e6a0c4f', 'X-Runtime': '0.012' });
      res.end(
        "<!DOCTYPE html><html><head><title>We're sorry, but something went wrong (500)</title></head><body>" +
          "<div class=\"dialog\"><div><h1>We're sorry, but something went wrong.</h1></div>" +
          '<p>If you are the application owner check the logs for more information.</p></div></body></html>',
      );
    };
    await s.up.start();
    try {
      await d.goto(named(LOOKALIKE_HOSTS[3], s.gw.port, path));
      const panel = await waitFor(
        async () => {
          const p = await d.panel({ timeout: 1000 });
          return p && /500/.test(p.text) && p.text;
        },
        { what: 'the panel over the 500', timeoutMs: 20_000 },
      );
      const { v } = await waitFor(async () => {
        const got = await viewOf(/\/orders\/42$/);
        return got?.v?.diagnosis?.generatedBy === 'origin' && got;
      }, { what: 'the view of the page read' });
      assert.equal(v.diagnosis.cause, 'origin-error', JSON.stringify(v.diagnosis));
      assert.equal(v.diagnosis.culprit, 'site');
      assert.equal(v.diagnosis.transient, false);
      const chain = v.panel.chain.map((n) => `${n.id}:${n.state}`);
      assert.ok(!chain.some((n) => /^(gateway|you|network|proxy):failed/.test(n)), `only the server failed: ${chain}`);
      assert.ok(chain.includes('server:failed'), JSON.stringify(chain));
      const first = v.panel.steps.map((s) => s.id);
      for (const own of ['disable-extensions', 'check-proxy', 'flush-dns', 'change-dns', 'clear-site-data', 'incognito']) {
        assert.ok(!first.includes(own), `${own} among the first steps: ${first}`);
      }
      assert.doesNotMatch(panel, /Bad Gateway|gateway failed/i);
      await sleep(4000);
      assert.deepEqual(await scheduled(), [], 'no automatic retry of an application error');
      assert.equal(logged(s.gw, path).length, 1, 'nginx saw one request');
    } finally {
      await s.stop();
    }
  });

  test(`${browser} newuser 6: nginx's 502 → another page → Back onto the 502 → its panel, the badge, and Retry works`, { timeout: TIMEOUT }, async () => {
    await configure({ autoRetry: false });
    const s = await failingGateway();
    const other = upstream(await freePort());
    await other.start();
    const failing = named(LOOKALIKE_HOSTS[0], s.gw.port, '/news');
    try {
      await d.goto(failing);
      assert.ok(await d.panel({ timeout: 20_000 }), 'the panel over the 502');
      await d.goto(named(LOOKALIKE_HOSTS[1], other.port, '/elsewhere'));
      await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the other page' });
      assert.equal(await d.badge(), '');
      await d.back();
      await waitFor(async () => (await d.url()) === failing, { what: 'back on the failed address' });
      const panel = await d.panel({ timeout: 20_000 });
      assert.ok(panel, 'the panel over the 502 again');
      assert.match(panel.text, /502/);
      await waitFor(async () => (await d.badge()) === '502', { what: 'the badge again' });
      // the background knows the failure again (Retry needs it): this page's, not the one before
      const got = await viewOf(/\/news$/);
      assert.equal(got?.v?.url, failing, JSON.stringify(got?.v));
      await s.up.start();
      await d.clickPanel('retry');
      await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the page after Retry', timeoutMs: 20_000 });
      assert.equal(await d.url(), failing);
    } finally {
      await other.stop();
      await s.stop();
    }
  });

  /** The failed tab's record as the background stored it (one test tab). */
  const storedRecord = () =>
    d.ext(async () => Object.entries(await chrome.storage.session.get(null)).find(([k]) => k.startsWith('tab:'))?.[1] ?? null);
  /** Retry where the diagnosis is: our page's button, or the panel's. */
  const retry = async () => {
    if ((await d.url()).includes('/diagnosis.html')) await d.clickPage('[data-gd="panel"] button[data-action="retry"]');
    else await d.clickPanel('retry');
  };

  // Bodies the browser will not draw: Chromium shows its own chrome-error page (an empty body's
  // "HTTP ERROR 502"; a download's ERR_INVALID_RESPONSE), Firefox ends the request with
  // NS_ERROR_NET_ERROR_RESPONSE.
  const UNDRAWN = [
    ['binary', { 'Content-Type': 'application/octet-stream' }, Buffer.from([0x50, 0x4b, 3, 4, 0, 0xff, 0xfe, 0, 1, 2, 3])],
    ['empty', {}, Buffer.alloc(0)],
    ['attachment', { 'Content-Type': 'text/html; charset=utf-8', 'Content-Disposition': 'attachment; filename="export.html"' }, Buffer.from('<h1>502 Bad Gateway</h1>')],
  ];
  /** A site whose /export answers 502 with `headers` and `body` (other paths: a page), and
   * `shown(when, since)`: a failure recorded after `since` is shown, with its badge, on our page
   * or in the panel, and still a moment later (not replaced by the browser's own error page). */
  const undrawnSite = async (headers, body) => {
    const up = upstream(await freePort());
    up.handler = (req, res) => {
      if (req.url === '/export') {
        res.writeHead(502, { ...headers, 'Content-Length': String(body.length), Server: 'nginx/1.22.1' });
        res.end(body);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(OK_PAGE);
    };
    const failing = named(LOOKALIKE_HOSTS[0], up.port, '/export');
    /** @param {string} when @param {number} since */
    const shown = async (when, since) => {
      await waitFor(async () => (await storedRecord())?.at > since, { what: `the failure recorded ${when}`, timeoutMs: 20_000 });
      for (const settle of [0, 1500]) {
        await sleep(settle);
        const where = await waitFor(async () => {
          const url = await d.url();
          if (url.includes('/diagnosis.html')) return /502/.test(await d.pageText()) && 'page';
          return url === failing && /502/.test((await d.panel({ timeout: 500 }))?.text || '') && 'panel';
        }, { what: `the 502 on our page or in the panel ${when} (${await d.url()})`, timeoutMs: 20_000 });
        await waitFor(async () => (await d.badge()) === '502', { what: `the badge ${when} (${where}: ${await d.badge()})` });
      }
      const { v } = await waitFor(async () => {
        const got = await viewOf(/export/);
        return got?.v?.panel && got;
      }, { what: `the view ${when}` });
      assert.equal(v.kind, 'response', JSON.stringify(v.diagnosis));
      assert.equal(v.diagnosis.statusCode, 502, JSON.stringify(v.diagnosis));
      assert.equal(v.diagnosis.error, null, `no network error took its place ${when}`);
    };
    /** Waits for the site's `n`th request, saying what the machine held if it never came. */
    const request = (n, what, timeoutMs = 10_000) =>
      waitFor(async () => hits(up, '/export').length >= n, { what, timeoutMs }).catch(async (e) => {
        throw new Error(`${e.message}: ${JSON.stringify({ machine: await machine(), url: await d.url(), rec: await storedRecord() })}`);
      });
    return { up, failing, shown, request };
  };

  for (const [name, headers, body] of UNDRAWN) {
    test(`${browser} newuser 7 (${name}): a 502 with a body the browser will not show (${name}) → the 502 diagnosed with its badge (our page or the panel, never the browser's error page), the first time, after the person's Retry and after the browser's Reload`, { timeout: TIMEOUT }, async () => {
      await configure({ autoRetry: false });
      const { up, failing, shown, request } = await undrawnSite(headers, body);
      await up.start();
      try {
        await d.goto(named(LOOKALIKE_HOSTS[0], up.port, '/start'));
        let since = Date.now();
        await d.goto(failing);
        await shown('the first time', since);
        assert.equal(hits(up, '/export').length, 1, 'nothing sent again');
        since = Date.now();
        await retry();
        await request(2, "the person's Retry at the site");
        await shown("after the person's Retry", since);
        // The browser's Reload where the diagnosis is (our page asks the site again).
        since = Date.now();
        await d.reload();
        await request(3, "the browser's Reload at the site");
        await shown("after the browser's Reload", since);
        assert.equal(hits(up, '/export').length, 3, 'one request each time, none sent again');
      } finally {
        await configure({ autoRetry: false });
        await up.stop();
      }
    });

    test(`${browser} newuser 7b (${name}): the same 502 with automatic retries on → each automatic retry's failure diagnosed with its badge, never the browser's error page`, { timeout: TIMEOUT }, async () => {
      // Eight times as fast: the first retries come within seconds.
      await configure({ clockScale: 8 });
      const { up, failing, shown, request } = await undrawnSite(headers, body);
      await up.start();
      try {
        await d.goto(named(LOOKALIKE_HOSTS[0], up.port, '/start'));
        const since = Date.now();
        await d.goto(failing);
        await shown('the first time', since);
        for (const n of [1, 2]) {
          // the failure shown now, then the next automatic retry's
          const before = (await storedRecord()).at;
          await request(hits(up, '/export').length + 1, `automatic retry ${n}`, 20_000);
          await shown(`after automatic retry ${n}`, before);
        }
      } finally {
        await configure({ autoRetry: false });
        await up.stop();
      }
    });
  }

  test(`${browser} newuser 9: nginx's 502 with a retry counting down → the site is back and the person clicks Retry with the panel open → the page, the panel gone, the scheduled retry never fires`, { timeout: TIMEOUT }, async () => {
    // Twice as fast: the first retry is due within 7.5 s.
    await configure({ clockScale: 2 });
    const s = await failingGateway();
    const path = '/basket';
    try {
      await d.goto(named(LOOKALIKE_HOSTS[3], s.gw.port, path));
      await waitFor(async () => /Retrying in \d+ s/.test((await d.panel({ timeout: 1000 }))?.text || ''), { what: 'the countdown', timeoutMs: 20_000 });
      const due = (await scheduled())[0]?.due;
      assert.ok(Number.isFinite(due), JSON.stringify(await machine()));
      await s.up.start();
      await d.clickPanel('retry');
      await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the page after Retry', timeoutMs: 20_000 });
      assert.equal(await d.hasPanel(), false);
      assert.deepEqual(await scheduled(), [], 'the retry is gone');
      // past the retry's due time: no reload came
      await sleep(Math.max(0, due - Date.now()) + 2000);
      assert.equal(hits(s.up, path).length, 1, "only the person's Retry reached the site");
      assert.equal(logged(s.gw, path).length, 2, 'nginx saw the failure and the Retry');
      assert.equal(await d.badge(), '');
    } finally {
      await s.stop();
    }
  });

  /** A locale's messages: key -> text. */
  const messages = (lang) =>
    Object.fromEntries(Object.entries(JSON.parse(readFileSync(join(ROOT, 'extension', '_locales', lang, 'messages.json'), 'utf8'))).map(([k, v]) => [k, v.message]));
  /** What must never reach a person: a message key or a `{param}` left as it is. */
  const RAW = /\b(ui|step|summary|fact|cause|culprit|action)_[a-z0-9_]{3,}\b|\{[A-Za-z]+\}/;

  for (const lang of ['de', 'fr', 'es']) {
    test(`${browser} newuser 8 (${lang}): the browser in ${lang} → nginx's 502 panel, every step opened, and our page for a refused connection in ${lang}: no key or {param} shown raw, none of the English words`, { timeout: TIMEOUT }, async () => {
      const en = messages('en');
      const here = messages(lang);
      const s = await failingGateway();
      let b;
      try {
        b = await launch({ extensionDir, privateAccess: true, lang });
        await b.ext(() => chrome.storage.sync.set({ autoRetry: false }));
        assert.equal(await b.ext(() => chrome.i18n.getMessage('ui_action_retry')), here.ui_action_retry, `the extension speaks ${lang}`);
        await b.goto(named(LOOKALIKE_HOSTS[0], s.gw.port, '/produkte'));
        assert.ok(await b.panel({ timeout: 20_000 }), 'the panel');
        await openSteps(b, { more: true });
        // the view after the page was read (its text refines it)
        const panel = await waitFor(async () => {
          const t = (await b.panel({ timeout: 1000 }))?.text;
          return t && t.includes(here.ui_details) && t.includes(here.ui_action_retry) && t;
        }, { what: `the panel in ${lang}`, timeoutMs: 15_000 });
        const refused = named(LOOKALIKE_HOSTS[1], await freePort(), '/konto');
        await b.goto(refused);
        await waitFor(async () => (await b.url()).includes('/diagnosis.html'), { what: 'our page', timeoutMs: 20_000 });
        const page = await waitFor(async () => {
          const t = await b.pageText();
          return t.includes(here.ui_action_retry) && t;
        }, { what: `our page in ${lang}` });
        // English words of the interface that this locale says otherwise (and that none of its
        // own messages contains)
        const ours = Object.values(here).join('\n');
        const english = Object.entries(en)
          .filter(([k, m]) => k.startsWith('ui_') && !m.includes('{') && m.length >= 8 && here[k] !== m && !ours.includes(m))
          .map(([, m]) => m);
        assert.ok(english.length > 50, `${english.length} English phrases to look for`);
        for (const [what, text] of [['panel', panel], ['page', page]]) {
          assert.doesNotMatch(text, RAW, `${what}: ${text}`);
          const found = english.filter((m) => text.includes(m));
          assert.deepEqual(found, [], `${what}: English in ${text}`);
        }
      } finally {
        await b?.close();
        await s.stop();
      }
    });
  }
}
