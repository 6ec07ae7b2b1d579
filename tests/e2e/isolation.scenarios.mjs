// Nothing a hostile page can drive (issue 12), written once for both drivers: the page can
// neither read nor press the panel; pages in a private window and redirect hops through
// look-alike hosts leave nothing in storage; the options page forgets the known hosts.
// Besides scenarios.mjs's interface a driver gives `inPanel(fn, arg)` (runs the source text
// `fn(root, arg)` in the page with the panel's closed root) and `ext(fn, arg)`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { upstream, freePort, waitFor, nginxAvailable, OK_PAGE } from './lib/servers.mjs';
import { LOOKALIKE_HOSTS } from './lib/panel.mjs';
import { manualRetryOnly } from './scenarios.mjs';
import { USABLE, BEYOND, REMOVE_LOOP } from './lib/hostile-pages.mjs';
import { readPng } from './lib/png.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT = 90_000;
const PROBE_MS = 3000;

/** A 502 page whose script spends PROBE_MS trying to read, find, focus, press, hide, move and
 * remove the panel, then writes what it got into <html data-report>. */
const HOSTILE_502 = `<!doctype html><html><head><title>502 Bad Gateway</title></head><body>
<h1>502 Bad Gateway</h1><p>The upstream server is down.</p>
<script>
const report = { hostSeen: false, texts: [], shadowRoots: 0, buttons: 0, focused: 0, reattached: false, removed: false, restyled: 0 };
const t0 = Date.now();
function poke(el, x, y) {
  if (!el) return;
  // The panel takes focus itself when it opens (the host is then the active element): what
  // counts is the page moving focus anywhere by its own call.
  const before = document.activeElement;
  try { el.focus(); } catch {}
  if (document.activeElement && document.activeElement !== before && document.activeElement !== document.body) report.focused++;
  el.click?.();
  for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) {
    el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y, view: window }));
  }
  for (const type of ['keydown', 'keypress', 'keyup']) {
    el.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, composed: true, cancelable: true }));
    el.dispatchEvent(new KeyboardEvent(type, { key: ' ', code: 'Space', keyCode: 32, bubbles: true, composed: true, cancelable: true }));
  }
}
function probe() {
  const h = document.getElementById('gateway-doctor-root') || document.querySelector('body > div:last-of-type');
  if (h) {
    report.hostSeen = true;
    if (h.shadowRoot) report.shadowRoots++;
    const text = (h.textContent || '') + (h.innerText || '') + (h.innerHTML || '') + (h.getHTML ? h.getHTML({ serializableShadowRoots: true }) : '');
    if (text.trim()) report.texts.push(text.slice(0, 200));
    report.buttons += document.querySelectorAll('button, [data-action], [data-gd], details, summary').length;
    try { h.attachShadow({ mode: 'open' }); report.reattached = true; } catch {}
    const r = h.getBoundingClientRect();
    poke(h, r.left + r.width / 2, r.top + 20);
    for (let y = r.top + 4; y < r.bottom; y += 12) {
      for (const x of [r.left + 20, r.left + r.width / 2, r.right - 20]) poke(document.elementFromPoint(x, y), x, y);
    }
    // Hide it, move it, remove it: each is put back.
    h.style.setProperty('opacity', '0', 'important');
    h.style.setProperty('top', '400px', 'important');
    h.setAttribute('hidden', '');
    report.restyled++;
    if (!report.removed && Date.now() - t0 > 1000) { h.remove(); report.removed = true; }
  }
  if (Date.now() - t0 < ${PROBE_MS}) setTimeout(probe, 40);
  else document.documentElement.dataset.report = JSON.stringify(report);
}
probe();
</script></body></html>`;

/** Where the panel is, run on its closed root: connected, in the top layer, and Retry's edge
 * hit-tested to the host (nothing of the page over it). */
const PLACE = `(root) => {
  const h = root?.host;
  if (!h || !h.isConnected) return { there: false };
  const b = root.querySelector('[data-action="retry"]');
  const r = b ? b.getBoundingClientRect() : { left: 0, top: 0, width: 0, height: 0, right: 0 };
  const at = document.elementFromPoint(r.left + 3, r.top + r.height / 2);
  return { there: true, top: h.matches(':popover-open'), hit: at === h, inView: r.width > 0 && r.top >= 0 && r.right <= innerWidth,
    min: Boolean(root.querySelector('.gd-min')), ready: Boolean(root.querySelector('.gd-root[data-ready]')),
    x: r.left + 6, y: r.top + r.height / 2, dpr: devicePixelRatio, color: b ? getComputedStyle(b).backgroundColor : '' };
}`;

/** Whether the person sees Retry: on a screenshot, the pixel inside its left edge has its colour. */
async function seen(d, p) {
  const file = join(tmpdir(), `gd-seen-${process.pid}.png`);
  await d.screenshot(file);
  const png = readPng(file);
  const got = png.at(Math.round(p.x * p.dpr), Math.round(p.y * p.dpr));
  const want = (p.color.match(/\d+/g) || []).slice(0, 3).map(Number);
  return want.length === 3 && got.every((v, i) => Math.abs(v - want[i]) <= 12) ? true : `pixel ${got} where Retry is ${want}`;
}
/** The page's own marks on <html> (what its attack counted), read in the page. */
const MARKS = `() => ({ ...document.documentElement.dataset })`;
const HIDDEN_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

/** The page requests the upstream saw, favicon aside. */
const pageRequests = (up) => up.requests.filter((r) => !r.url.startsWith('/favicon'));

export function defineIsolationScenarios({ browser, launch, available }) {
  const extensionDir = join(ROOT, 'dist', browser === 'firefox' ? 'firefox' : 'chrome');
  const why = [available(), nginxAvailable()].find((a) => !a.ok)?.why;
  if (why) {
    test(`${browser}: prerequisites`, () => assert.fail(why));
    return;
  }
  let d;
  before(async () => {
    d = await launch({ extensionDir, privateAccess: true });
    await manualRetryOnly(d);
  });
  after(async () => {
    await d?.close();
  });

  const storedHosts = async () => (await d.ext(() => chrome.storage.local.get('knownHosts')))?.knownHosts || [];
  /** Every value the extension stores, local and session, as one string. */
  const everythingStored = () =>
    d.ext(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]));

  test(`${browser}: a hostile 502 page reads nothing of the panel, reaches none of its buttons, causes no request; a real click on Retry still works`, { timeout: TIMEOUT }, async () => {
    const up = upstream(await freePort());
    up.handler = (req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(HOSTILE_502);
    };
    await up.start();
    try {
      await d.goto(up.url('/hostile'));
      const panel = await d.panel({ timeout: 20_000 });
      assert.ok(panel, 'the panel appears over the hostile 502 page');
      const raw = await waitFor(() => d.inPanel('() => document.documentElement.dataset.report || null'), {
        what: "the hostile page's report",
        timeoutMs: PROBE_MS + 10_000,
      });
      const report = JSON.parse(raw);
      assert.equal(report.hostSeen, true, 'the page did find the host element (the probe ran)');
      assert.deepEqual(report.texts, [], 'the page read nothing of the panel');
      assert.equal(report.shadowRoots, 0, 'the shadow root is closed');
      assert.equal(report.buttons, 0, 'the page found none of its buttons');
      assert.equal(report.focused, 0, 'the page focused nothing');
      assert.equal(report.reattached, false);
      assert.equal(report.removed, true, 'the page removed the host once');
      assert.equal(pageRequests(up).length, 1, `no request but the page's own: ${JSON.stringify(pageRequests(up).map((r) => r.url))}`);
      assert.ok(!(await d.windows()).some((w) => w.incognito), 'no private window opened');
      // The host is back, where it belongs, whole.
      const host = await d.inPanel(`(root) => root && root.host.isConnected ? { style: root.host.getAttribute('style'), attrs: root.host.attributes.length } : null`);
      assert.ok(host, 'the panel was put back');
      assert.match(host.style, /opacity: 1 !important/);
      assert.match(host.style, /top: 12px !important/);
      assert.equal(host.attrs, 3, 'id, style and popover only');
      assert.match((await d.panel()).text, /502/);

      // A person's click on Retry still works.
      up.handler = (req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(OK_PAGE);
      };
      await d.clickPanel('retry');
      await waitFor(async () => (await d.pageText()).includes('The real page'), { what: 'the page after Retry', timeoutMs: 20_000 });
      assert.equal(pageRequests(up).length, 2, 'Retry made one request');
    } finally {
      await up.stop();
    }
  });


  /** Serves `page` as a 502 at every path until `ok()` turns it into the real page. */
  async function hostileServer(page, headers = {}) {
    const up = upstream(await freePort());
    let ok = false;
    up.handler = (req, res) => {
      res.writeHead(ok ? 200 : 502, { 'Content-Type': 'text/html; charset=utf-8', ...(ok ? {} : headers) });
      res.end(ok ? OK_PAGE : page);
    };
    await up.start();
    return { up, ok: () => (ok = true) };
  }
  const tabOf = (url) => d.ext(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);
  const marks = () => d.inPanel(MARKS).catch(() => ({}));

  for (const [name, page] of Object.entries(USABLE)) {
    test(`${browser}: a 502 page that ${name}: the panel stays on top, whole, and a person's Retry works`, { timeout: TIMEOUT }, async () => {
      const { up, ok } = await hostileServer(page);
      try {
        await d.goto(up.url('/attack'));
        assert.ok(await d.panel({ timeout: 20_000 }), 'the panel appears');
        await waitFor(async () => (await marks()).done, { what: 'the attack to end', timeoutMs: 20_000 }).catch(() => {});
        const at = await waitFor(async () => {
          const p = await d.inPanel(PLACE).catch(() => null);
          return p?.there && p.hit && p.inView && p.ready && (await seen(d, p)) === true && p;
        }, { what: `the panel on top and whole (${name})`, timeoutMs: 10_000 }).catch(async () => d.inPanel(PLACE).catch((e) => String(e)));
        const { there, hit, inView, min, ready } = at;
        assert.deepEqual({ there, hit, inView, min, ready }, { there: true, hit: true, inView: true, min: false, ready: true }, `in view, nothing over Retry, not minimised: ${JSON.stringify(at)}`);
        assert.equal(await seen(d, at), true, 'Retry is seen as it is drawn');
        assert.equal(pageRequests(up).length, 1, 'the attack made no request');
        ok();
        await d.clickPanel('retry');
        await waitFor(async () => (await d.pageText()).includes('The real page'), { what: 'the page after Retry', timeoutMs: 20_000 });
        assert.equal(pageRequests(up).length, 2, 'the person\'s Retry made one request');
      } finally {
        await up.stop();
      }
    });
  }

  for (const [name, page] of Object.entries(BEYOND)) {
    test(`${browser}: a 502 page with ${name}: the toolbar badge and popup still give the help`, { timeout: TIMEOUT }, async () => {
      const { up, ok } = await hostileServer(page);
      try {
        const url = up.url('/beyond');
        await d.goto(url);
        await waitFor(async () => (await marks()).done, { what: 'the attack to end', timeoutMs: 20_000 });
        await waitFor(async () => (await d.badge()) === '502', { what: 'the badge saying 502', timeoutMs: 15_000 });
        const tabId = await tabOf(url);
        const view = await d.ext((t) => chrome.runtime.sendMessage({ type: 'gd:view', tabId: t }), tabId);
        assert.equal(view?.diagnosis?.failed, true, 'the popup gets the same view');
        assert.equal(view.diagnosis.statusCode, 502);
        assert.ok(!(await marks()).clicks, 'nothing was clicked');
        if (name.includes('filter') || name.includes('zoom')) {
          // a person's click where Retry is drawn (maybe unseen) does nothing
          await d.clickPanel('retry');
          assert.match(await d.panelMessage(), /^Click again/, 'the panel says why it took no click');
          assert.equal(pageRequests(up).length, 1, 'no click on a panel that may not be seen');
        }
        if (name.includes('dialog')) {
          // Escape closes a modal dialog (the browser's, not the page's, to refuse): the panel is usable again.
          await d.pressKey('Escape');
          ok();
          await d.clickPanel('retry');
          await waitFor(async () => (await d.pageText()).includes('The real page'), { what: 'the page after Escape and Retry', timeoutMs: 20_000 });
        }
      } finally {
        await up.stop();
      }
    });
  }

  test(`${browser}: a 502 page that removes the panel each time it comes back: put back a bounded number of times, back for good when the page stops`, { timeout: TIMEOUT }, async () => {
    const { up, ok } = await hostileServer(REMOVE_LOOP);
    try {
      await d.goto(up.url('/remove-loop'));
      const m = await waitFor(async () => {
        const x = await marks();
        return x.done && x;
      }, { what: 'the loop to end', timeoutMs: 25_000 });
      const added = Number(m.added || 0);
      // 3 s of removing: at most MAX_PUT_BACK (30) in a second, and once a second after that
      assert.ok(added >= 1 && added <= 4 * 31, `put back ${added} times in 3 s`);
      await waitFor(async () => (await d.inPanel(PLACE).catch(() => null))?.there, { what: 'the panel back after the loop', timeoutMs: 5000 });
      ok();
      await d.clickPanel('retry');
      await waitFor(async () => (await d.pageText()).includes('The real page'), { what: 'the page after Retry', timeoutMs: 20_000 });
    } finally {
      await up.stop();
    }
  });

  test(`${browser}: a 30 MB page 10,000 elements deep with 5,000 headers: the panel comes, what is stored stays small`, { timeout: TIMEOUT }, async () => {
    const up = upstream(await freePort());
    up.handler = (req, res) => {
      const headers = [['Content-Type', 'text/html; charset=utf-8'], ['Server', 'nginx']];
      for (let i = 0; i < 5000; i++) headers.push([`X-Junk-${i}`, `v${i}`]);
      res.writeHead(502, headers.flat());
      res.write('<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>');
      res.write('<div>'.repeat(10_000) + 'deep' + '</div>'.repeat(10_000));
      const chunk = '<p>' + 'x'.repeat(1020) + '</p>\n';
      let left = 30 * 1024;
      const more = () => {
        while (left > 0) {
          left--;
          if (!res.write(chunk)) return res.once('drain', more);
        }
        res.end('<center>nginx</center></body></html>');
      };
      more();
    };
    await up.start();
    try {
      await d.goto(up.url('/huge'));
      // it comes once the page's HTML is parsed (after 30 MB have arrived)
      const panel = await d.panel({ timeout: 60_000 });
      assert.ok(panel, 'the panel appears over the huge page');
      assert.match(panel.text, /502/);
      const stored = (await everythingStored()).length;
      assert.ok(stored < 256 * 1024, `the stored records stay small: ${stored} characters`);
    } finally {
      await up.stop();
    }
  });

  test(`${browser}: bidi overrides, zero-width and control characters in the status line, headers and page reach none of the panel's text; a look-alike host is shown as xn--`, { timeout: TIMEOUT }, async () => {
    // Header bytes as the site sends them (UTF-8), which Node writes byte for byte as latin1.
    const raw = (s) => Buffer.from(s, 'utf8').toString('latin1');
    const up = upstream(await freePort());
    up.handler = (req, res) => {
      res.writeHead(502, raw('Bad\u202e Gateway\u200b'), {
        'Content-Type': 'text/html; charset=utf-8',
        Server: raw('cloudflare\u202e'),
        'CF-RAY': raw('8a1b\u202ec2d3\u2066-AMS'),
        'X-Request-Id': raw('abc\u202edef'),
      });
      res.end('<!doctype html><title>502 Bad\u202e Gateway</title><h1>Error\u202e 502\u0007</h1><p>Ray ID: \u202e8a1b\u200bc2d3</p>'
        + '<p>See <a href="javascript:alert(1)">status</a> or <a href="data:text/html,x">here</a>.</p>');
    };
    await up.start();
    try {
      // "pаypal" with a Cyrillic "а": the browser asks for xn--pypal-4ve.example
      await d.goto(`http://p\u0430ypal.${LOOKALIKE_HOSTS[3].split('.')[1]}:${up.port}/bidi`);
      assert.ok(await d.panel({ timeout: 20_000 }), 'the panel appears');
      const all = await d.inPanel(`(root) => root.querySelector('[data-gd="panel"]').textContent + [...root.querySelectorAll('[title], [aria-label]')].map((e) => e.title + e.getAttribute('aria-label')).join(' ')`);
      assert.match(all, /Cloudflare/i, 'the headers were read');
      assert.doesNotMatch(all, HIDDEN_CHARS, `no hidden character in the panel: ${JSON.stringify(all.match(HIDDEN_CHARS))}`);
      assert.ok(!all.includes('p\u0430ypal'), 'the look-alike host is never shown in its look-alike letters');
      assert.ok(all.includes('xn--pypal-4ve.example'), 'the host as the browser asked for it');
      const links = await d.inPanel(`(root) => [...root.querySelectorAll('a, [href], [src]')].length`);
      assert.equal(links, 0, 'the panel shows no link at all: a javascript: or data: address from the page is text at most');
    } finally {
      await up.stop();
    }
  });

  test(`${browser}: a content script speaks only for its own tab and only what its failure offered`, { timeout: TIMEOUT }, async () => {
    const up = upstream(await freePort());
    up.handler = (req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>502</title><h1>502 Bad Gateway</h1>');
    };
    await up.start();
    try {
      const url = up.url('/probe');
      await d.goto(url);
      assert.ok(await d.panel({ timeout: 20_000 }), 'the panel appears');
      // A script in the content scripts' world of that tab (injected by the extension's own
      // page): what a page that owned its renderer could send.
      const fromContent = (messages, pageUrl) =>
        d.ext(
          async ({ messages, pageUrl }) => {
            const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
            const [r] = await chrome.scripting.executeScript({
              target: { tabId: tab.id },
              args: [messages.map((m) => ({ ...m, tabId: m.tabId === 'own' ? tab.id : m.tabId }))],
              func: async (list) => {
                const out = [];
                for (const m of list) {
                  try {
                    out.push((await chrome.runtime.sendMessage(m)) ?? null);
                  } catch (e) {
                    out.push({ refused: String(e && e.message || e) });
                  }
                }
                return JSON.stringify(out);
              },
            });
            return { tabId: tab.id, answers: JSON.parse(r.result) };
          },
          { messages, pageUrl },
        );
      const { tabId, answers } = await fromContent(
        [
          { type: 'gd:view', tabId: 'own' },
          { type: 'gd:watch-list' },
          { type: 'gd:leaving', tabId: 'own', retrying: true },
          { type: 'gd:action', action: { type: 'open-url', url: up.url('/not-offered') } },
          { type: 'gd:action', action: { type: 'disable-extension', id: 'abcdefghijklmnopabcdefghijklmnop' } },
          { type: 'gd:action', action: { type: 'enable-extension', id: 'abcdefghijklmnopabcdefghijklmnop' } },
          { type: 'gd:action', tabId: 123456, action: { type: 'retry-status' } },
        ],
        url,
      );
      const [view, list, leaving, openUrl, disable, enable, status] = answers;
      assert.ok(!view?.diagnosis, `no view for a content script: ${JSON.stringify(view)}`);
      assert.ok(!Array.isArray(list), `no watch list for a content script: ${JSON.stringify(list)}`);
      assert.ok(leaving === null || leaving?.refused, JSON.stringify(leaving));
      for (const r of [openUrl, disable, enable]) assert.equal(r?.messageKey, 'ui_action_unavailable', JSON.stringify(r));
      assert.ok(status && !status.refused, `an offered action runs, for its own tab: ${JSON.stringify(status)}`);
      assert.ok(!up.requests.some((r) => r.url === '/not-offered'), 'nothing opened');
      // The same question from the extension's own page is answered (the check above can fail).
      const own = await d.ext((t) => chrome.runtime.sendMessage({ type: 'gd:view', tabId: t }), tabId);
      assert.equal(own?.diagnosis?.failed, true, 'our own page gets the view');
      const rec = await d.ext((t) => chrome.storage.session.get(`tab:${t}`), tabId);
      assert.ok(!rec[`tab:${tabId}`]?.retrying, 'gd:leaving from the content script changed nothing');
    } finally {
      await up.stop();
    }
  });

  test(`${browser}: pages in a private window add nothing to storage; Forget on the options page empties the list`, { timeout: TIMEOUT }, async () => {
    const up = upstream(await freePort());
    await up.start();
    try {
      // "localhost" only in the private window, 127.0.0.1 only in the normal one.
      const privateUrl = `http://localhost:${up.port}/private-visit`;
      await d.ext((url) => chrome.windows.create({ incognito: true, url }), privateUrl);
      await waitFor(() => up.requests.some((r) => r.url === '/private-visit'), { what: 'the private page loaded' });
      await new Promise((r) => setTimeout(r, 1000));
      await d.goto(up.url('/normal-visit'));
      // The list is written a few seconds after a visit: the normal one shows it was.
      const hosts = await waitFor(async () => {
        const h = await storedHosts();
        return h.includes('127.0.0.1') && h;
      }, { what: 'the normal visit remembered', timeoutMs: 15_000 });
      assert.ok(!hosts.includes('localhost'), `the private visit is not in the list: ${JSON.stringify(hosts)}`);
      assert.ok(!(await everythingStored()).includes('localhost'), 'nothing about the private visit is stored anywhere');
      await d.ext(async () => {
        for (const w of await chrome.windows.getAll()) if (w.incognito) await chrome.windows.remove(w.id);
      });

      await d.openOwnPage('options.html');
      await waitFor(async () => /Kept now: [1-9]/.test(await d.pageText()), { what: 'the options page counting the hosts' });
      await d.clickPage('#forgetHosts');
      await waitFor(async () => (await storedHosts()).length === 0, { what: 'the list emptied' });
      await waitFor(async () => /Kept now: 0/.test(await d.pageText()), { what: 'the options page saying none is kept' });
      // Forgotten in the background too: the next visit starts a new list.
      await d.goto(`http://${LOOKALIKE_HOSTS[0]}:${up.port}/after-forget`);
      const after = await waitFor(async () => {
        const h = await storedHosts();
        return h.length > 0 && h;
      }, { what: 'the next visit remembered', timeoutMs: 15_000 });
      assert.deepEqual(after, [LOOKALIKE_HOSTS[0]]);
      await d.openOwnPage('options.html');
      await d.clickPage('#forgetHosts');
      await waitFor(async () => (await storedHosts()).length === 0, { what: 'the list emptied again' });
    } finally {
      await up.stop();
    }
  });

  test(`${browser}: a redirect chain through look-alike hosts adds none of them`, { timeout: TIMEOUT }, async () => {
    const up = upstream(await freePort());
    const [a, b, c] = LOOKALIKE_HOSTS;
    const chain = {
      '/start': [301, `http://${a}:${up.port}/hop1`],
      '/hop1': [302, `http://${b}:${up.port}/hop2`],
      '/hop2': [307, `http://${c}:${up.port}/hop3`],
      '/hop3': [308, `http://127.0.0.1:${up.port}/landed`],
    };
    up.handler = (req, res) => {
      const hop = chain[req.url];
      if (hop) {
        res.writeHead(hop[0], { Location: hop[1], 'Content-Type': 'text/html' });
        res.end('<!doctype html><title>moved</title>');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(OK_PAGE);
    };
    await up.start();
    try {
      await d.ext(() => chrome.storage.local.remove('knownHosts'));
      await d.goto(`http://${a}:${up.port}/start`);
      await waitFor(async () => (await d.pageText()).includes('The real page'), { what: 'the end of the chain', timeoutMs: 20_000 });
      assert.ok(up.requests.some((r) => r.url === '/hop3'), 'every hop was followed');
      const hosts = await waitFor(async () => {
        const h = await storedHosts();
        return h.includes('127.0.0.1') && h;
      }, { what: 'the landing host remembered', timeoutMs: 15_000 });
      for (const h of LOOKALIKE_HOSTS) assert.ok(!hosts.includes(h), `${h} is not remembered: ${JSON.stringify(hosts)}`);
    } finally {
      await up.stop();
    }
  });
}
