// Every button and link the panel offers, clicked, in real browsers: for a spread of real
// failures (nginx's 502 of a dead upstream and its 504 of a silent one, a 503 and a 429 with
// Retry-After, a refused local port, a name that does not resolve, a POST's 502), the suite
// lists the buttons the panel (or the diagnosis page, where the browser sends the tab there)
// actually shows, clicks each on a fresh failure, and checks that the click did what its words
// say. A button with no check fails the run: a new button cannot slip through untested.
// Written once for both browsers; a driver is the interface of scenarios.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { upstream, startNginx, freePort, waitFor, nginxAvailable, OK_PAGE, HOST } from './lib/servers.mjs';
import { grantedCopy } from './lib/granted.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT = 150_000;
const REAL_PAGE = 'The real page';
/** A public-looking name each browser resolves to 127.0.0.1 (the test files map it): a status
 * page and an outside checker are offered for it, as for a real site. */
export const PUBLIC_HOST = 'shop.gd-buttons-test.net';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every clickable thing in the panel (its closed root) or on our page (`root` null): its
 * action, a selector unique within the panel, its words, and the words of its step. */
const LIST = `(root) => {
  const scope = root || document;
  const panel = scope.querySelector('[data-gd="panel"]');
  const out = [];
  for (const e of scope.querySelectorAll('button, summary, a[href], input[type=submit], input[type=button], [role=button], [onclick]')) {
    const inPanel = panel && panel.contains(e);
    const step = e.closest('[data-step]');
    const holder = step ? '[data-step="' + step.getAttribute('data-step') + '"]' : (e.parentElement && e.parentElement.closest('[data-gd]:not([data-gd="panel"])')) ? '[data-gd="' + e.parentElement.closest('[data-gd]:not([data-gd="panel"])').getAttribute('data-gd') + '"]' : '';
    const action = e.getAttribute('data-action');
    let sel = action ? (holder ? holder + ' ' : '') + '[data-action="' + action + '"]' : null;
    if (!inPanel && e.closest('form[id]')) sel = 'form#' + e.closest('form[id]').id + ' ' + e.localName + (e.type ? '[type="' + e.type + '"]' : '');
    const count = sel ? (inPanel ? panel : scope).querySelectorAll(sel).length : 0;
    out.push({
      key: (inPanel ? '' : 'page:') + (action || (e.closest('form[id]') ? 'form:' + e.closest('form[id]').id : e.localName + ':' + (e.textContent || '').trim().slice(0, 30))) + (step ? '@' + step.getAttribute('data-step') : ''),
      action, step: step ? step.getAttribute('data-step') : null, sel, unique: count === 1, inPanel,
      text: (e.textContent || '').trim(), label: e.getAttribute('aria-label') || '',
      stepText: step ? (step.querySelector('.gd-step-text') || step).textContent : '',
      code: step?.querySelector('code')?.textContent || null,
    });
  }
  return out;
}`;

/** The panel's host box and state, or null. */
const BOX = `(root) => {
  if (!root) return null;
  const r = root.host.getBoundingClientRect();
  const g = root.querySelector('.gd-root');
  return { left: r.left, right: r.right, height: r.height, w: innerWidth, min: Boolean(g && g.classList.contains('gd-min')) };
}`;

/** Whether the elements matching `sel` are shown (have boxes). */
const SHOWN = `(root, sel) => [...(root || document).querySelectorAll(sel)].map((e) => (e.checkVisibility ? e.checkVisibility() : e.getClientRects().length > 0))`;
const OPEN = `(root, name) => Boolean((root || document).querySelector('details[data-gd="' + name + '"]')?.open)`;
const TEXT = `(root) => { const p = (root || document).querySelector('[data-gd="panel"]'); return p ? p.innerText || p.textContent : ''; }`;

export function defineButtonScenarios({ browser, launch, available, launchOptions = {} }) {
  const built = join(ROOT, 'dist', browser === 'firefox' ? 'firefox' : 'chrome');
  // Chrome's permission prompt cannot be answered by automation: its run has them granted
  // (lib/granted.mjs); Firefox grants them at the click through a test pref.
  const extensionDir = () => (browser === 'firefox' ? built : grantedCopy(built));
  let d;

  const why = [available(), nginxAvailable()].find((a) => !a.ok)?.why;
  if (why) {
    test(`${browser}: prerequisites`, () => assert.fail(why));
    return;
  }

  let home;
  before(async () => {
    home = await upstream(await freePort()).start();
    d = await launch({ extensionDir: extensionDir(), privateAccess: true, prompts: 'ignore', ...launchOptions });
    await d.ext(() => chrome.storage.sync.set({ autoRetry: false }));
  });
  after(async () => {
    await d?.close();
    await home?.stop();
  });

  // ------------------------------------------------------------------ what a click is checked against

  const onOurPage = async () => (await d.url()).includes('/diagnosis.html');
  /** The panel's text, over the page or on ours. */
  const shownText = async () => (await d.inPanel(TEXT).catch(() => '')) || '';
  const message = async () => (await onOurPage() ? (await d.inPanel(`() => document.querySelector('[data-gd="message"]')?.textContent || ''`)) : await d.panelMessage()) || '';
  const tabs = () => d.ext(async () => (await chrome.tabs.query({})).map((t) => ({ id: t.id, url: t.pendingUrl || t.url || '', incognito: t.incognito, windowId: t.windowId })));
  const watchOf = (origin) => d.ext(async (o) => ((await chrome.storage.session.get('machine')).machine?.watches || []).find((w) => w.origin === o) ?? null, origin);
  /** The failed address a tab shows (ours stands in for it with `url=`). */
  const shownUrl = (u) => {
    try {
      const x = new URL(u);
      return x.pathname.endsWith('/diagnosis.html') ? x.searchParams.get('url') || u : u;
    } catch {
      return u;
    }
  };

  /** Clicks an item of LIST where it is: in the panel (a real click, once it takes clicks)
   * or on our page. */
  async function click(item) {
    assert.ok(item.unique && item.sel, `${item.key}: one button to click (${item.sel})`);
    if (item.inPanel && !(await onOurPage())) await d.clickPanel(item.sel);
    else if (item.inPanel) await d.clickPage(`[data-gd="panel"] ${item.sel}`);
    else await d.clickPage(item.sel);
  }

  /** Opens what folds the item (steps, "more") by the person's clicks first. */
  async function reveal(item) {
    const isOpen = (n) => d.inPanel(OPEN, n);
    const folded = await d.inPanel(`(root, sel) => { const e = (root || document).querySelector('[data-gd="panel"] ' + sel); const out = []; for (let p = e && e.parentElement; p; p = p.parentElement) if (p.localName === 'details' && p.dataset.gd) out.unshift(p.dataset.gd); return out; }`, item.sel);
    for (const name of folded || []) {
      if (name === item.action) continue;
      if (!(await isOpen(name))) await click({ ...item, sel: `[data-gd="${name}"] > summary`, unique: true, key: name });
      await waitFor(() => isOpen(name), { what: `${name} open` });
    }
  }

  /** Each check: `c` = { s: the failure, item, seen(list) }. It clicks and says what it found. */
  const CHECKS = {
    async retry(c) {
      const { s } = c;
      if (s.post) {
        // Never resent on its own: one POST so far, after minutes of the sped-up clock.
        await sleep(4000);
        assert.equal(s.posts(), 1, 'one POST before the click');
        const words = await shownText();
        const resends = /sends the form (again|once more)/.test(words) && !/without (the form|sending the form)/.test(c.item.stepText);
        await s.recover();
        await click(c.item);
        // Firefox asks itself before it sends a form again: answered as a person would who
        // was just told so.
        let asked = null;
        await waitFor(async () => {
          asked ??= await d.acceptPrompt();
          return (await d.pageText()).includes(s.answer);
        }, { what: 'the answer after Retry', timeoutMs: 20_000 });
        if (asked !== null) console.log(`# the browser asked: ${asked}`);
        assert.ok(asked === null || resends, 'the browser asks before a form is sent again only where Retry says it is');
        assert.equal(s.posts(), resends ? 2 : 1, `Retry ${resends ? 'sends the form again, as it says' : 'loads the address without the form, as it says'}`);
        console.log(`# retry of the POST: ${resends ? 'sent again, as said' : 'loaded with GET, as said'}`);
        return;
      }
      if (!s.recover) {
        // Nothing can bring the name back: the click asks again (a new attempt on the record).
        const before = await s.attempts();
        await click(c.item);
        await waitFor(async () => (await s.attempts()) > before, { what: 'a new attempt after Retry', timeoutMs: 20_000 });
        await waitFor(onOurPage, { what: 'our page again' });
        return;
      }
      await s.recover();
      await click(c.item);
      await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the page back after Retry', timeoutMs: 20_000 });
      assert.equal(await d.url(), s.url, 'the same address');
    },
    'page:form:address': async (c) => {
      // "Load" on our page loads the address in the field (the failed one).
      await c.s.recover?.();
      const before = c.s.recover ? 0 : await c.s.attempts();
      await click(c.item);
      if (c.s.recover) {
        await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the page loaded from the field', timeoutMs: 20_000 });
        assert.equal(await d.url(), c.s.url);
      } else {
        await waitFor(async () => (await c.s.attempts()) > before, { what: 'the address asked again' });
      }
    },
    async 'open-incognito'(c) {
      const before = (await d.windows()).filter((w) => w.incognito).length;
      await click(c.item);
      await waitFor(async () => /private window/i.test(await message()), { what: 'what the click did' });
      const said = await message();
      if (/^Opened/.test(said)) {
        const win = await waitFor(async () => (await d.windows()).find((w) => w.incognito && w.urls.includes(c.s.url)), { what: 'a private window with the address' });
        assert.ok(win);
        assert.equal((await d.windows()).filter((w) => w.incognito).length, before + 1, 'one private window');
        await d.ext(async () => {
          for (const w of await chrome.windows.getAll()) if (w.incognito) await chrome.windows.remove(w.id);
          return true;
        });
      } else {
        assert.match(said, /To allow it/, 'it says how to allow private windows');
        assert.equal((await d.windows()).filter((w) => w.incognito).length, before, 'no private window');
      }
    },
    async watch(c) {
      await click(c.item);
      await waitFor(async () => /Watching/.test(await shownText()), { what: 'the panel says it is watching' });
      assert.ok(await watchOf(c.s.origin), 'a watch of the site');
      // Stop watching, in the panel.
      const stop = (await c.list()).find((i) => i.action === 'cancel-watch');
      assert.ok(stop, 'Stop watching offered');
      await click(stop);
      c.covered(stop);
      await waitFor(async () => (await watchOf(c.s.origin)) === null, { what: 'the watch stopped from the panel' });
      await waitFor(async () => !/Watching/.test(await shownText()), { what: 'the panel no longer watching' });
      // Again, and stopped from the toolbar popup, which lists it.
      const again = (await c.list()).find((i) => i.action === c.item.action && i.step === c.item.step);
      assert.ok(again, 'watch offered again');
      await click(again);
      await waitFor(async () => await watchOf(c.s.origin), { what: 'the watch again' });
      await d.openOwnPage('popup.html');
      await waitFor(async () => (await d.pageText()).includes(`${new URL(c.s.origin).host} (1 tabs waiting)`), { what: 'the popup lists the site' });
      const popup = (await c.list()).filter((i) => i.action === 'cancel-site-watch');
      assert.equal(popup.length, 1, 'one Stop watching in the popup');
      await d.clickPage(`[data-gd="watches"] [data-origin="${c.s.origin}"] [data-action="cancel-site-watch"]`);
      c.covered({ key: 'page:cancel-site-watch' });
      await waitFor(async () => (await watchOf(c.s.origin)) === null, { what: 'the watch stopped from the popup' });
    },
    async 'cancel-auto-retry'(c) {
      assert.match(await shownText(), /Retrying in/, 'a countdown');
      await click(c.item);
      await waitFor(async () => /cancelled/.test(await shownText()), { what: 'the retry line says cancelled' });
      assert.doesNotMatch(await shownText(), /Retrying in/, 'no countdown left');
      const alarms = await d.ext(async () => (await chrome.alarms.getAll()).map((a) => a.name));
      assert.ok(!alarms.some((n) => n.startsWith('gd-auto:')), `no retry alarm left: ${alarms}`);
    },
    async 'copy-report'(c) {
      await copied(c, /^Copied/);
    },
    async copy(c) {
      await copied(c, /^Copied/);
    },
    async minimise(c) {
      const before = await d.inPanel(BOX);
      assert.equal(before.min, false);
      await click(c.item);
      await waitFor(async () => (await d.inPanel(BOX))?.min, { what: 'minimised' });
      assert.ok((await d.inPanel(BOX)).height < before.height, 'smaller');
      // "Show" brings it back; Escape minimises it again.
      const show = (await c.list()).find((i) => i.action === 'restore');
      assert.deepEqual(await d.inPanel(SHOWN, show.sel), [true], 'Show is there once minimised');
      await click(show);
      c.covered(show);
      await waitFor(async () => (await d.inPanel(BOX))?.min === false, { what: 'shown again' });
      assert.equal((await d.inPanel(BOX)).height, before.height);
      await d.pressKey('Escape');
      await waitFor(async () => (await d.inPanel(BOX))?.min, { what: 'minimised by Escape' });
    },
    async restore(c) {
      // Only shown once minimised (the minimise check clicks it).
      assert.deepEqual(await d.inPanel(SHOWN, c.item.sel), [false], 'Show is hidden while the panel is open');
      await CHECKS.minimise({ ...c, item: (await c.list()).find((i) => i.action === 'minimise') });
    },
    async move(c) {
      const before = await d.inPanel(BOX);
      await click(c.item);
      await waitFor(async () => (await d.inPanel(BOX)).left < 20 && before.left > 20, { what: 'the panel on the other side' });
      await click(c.item);
      await waitFor(async () => (await d.inPanel(BOX)).right > before.w - 20, { what: 'the panel back' });
    },
    async close(c) {
      const url = await d.url();
      await click(c.item);
      await waitFor(async () => !(await d.hasPanel()), { what: 'the panel gone' });
      assert.equal(await d.url(), url, 'the page stays');
    },
    async 'show-steps'(c) {
      // Folded over a page, open on ours: a click toggles it; open, every step is shown.
      const was = await d.inPanel(OPEN, 'show-steps');
      await click(c.item);
      await waitFor(async () => (await d.inPanel(OPEN, 'show-steps')) === !was, { what: `the steps ${was ? 'folded' : 'open'}` });
      if (was) {
        assert.ok(!(await d.inPanel(SHOWN, '[data-gd="steps"] > li')).some(Boolean), 'the steps hidden once folded');
        await click(c.item);
        await waitFor(() => d.inPanel(OPEN, 'show-steps'), { what: 'the steps open again' });
      }
      const shown = await d.inPanel(SHOWN, '[data-gd="steps"] > li');
      assert.ok(shown.length > 0 && shown.every(Boolean), 'every step shown');
    },
    async more(c) {
      assert.equal(await d.inPanel(OPEN, 'more'), false);
      const hidden = await d.inPanel(SHOWN, '[data-gd="more"] li[data-step]');
      assert.ok(hidden.length > 0 && !hidden.some(Boolean), 'the rest hidden first');
      await click(c.item);
      await waitFor(async () => (await d.inPanel(SHOWN, '[data-gd="more"] li[data-step]')).every(Boolean), { what: 'the rest revealed' });
      const n = c.item.text.match(/\d+/);
      if (n) assert.equal(hidden.length, Number(n[0]), `"${c.item.text}" counts them`);
    },
    async details(c) {
      await click(c.item);
      await waitFor(() => d.inPanel(OPEN, 'details'), { what: 'the details open' });
      assert.ok((await shownText()).includes(c.s.url.replace(/\?.*/, '')), 'the details show the address');
    },
    async 'open-url'(c) {
      const where = c.item.text.replace(/^Open /, '');
      // Every window's pages as the browser has them (the extension may not see a browser
      // page's address), and the tabs the extension sees (to close the new one).
      const urls = async () => (await d.windows()).flatMap((w) => w.urls);
      const [before, beforeTabs] = [await urls(), await tabs()];
      const here = await d.url();
      await click(c.item);
      const added = () => urls().then((now) => {
        const left = [...before];
        return now.filter((u) => {
          const i = left.indexOf(u);
          if (i >= 0) left.splice(i, 1);
          return i < 0;
        });
      });
      await waitFor(async () => (await added()).some((u) => u && u !== 'about:blank'), { what: 'the opened page' });
      await sleep(300);
      const opened = (await added()).filter((u) => u !== 'about:blank');
      assert.equal(opened.length, 1, `one page opened: ${opened}`);
      const url = shownUrl(opened[0]);
      const parsed = new URL(url);
      assert.ok(/^https?:$/.test(parsed.protocol) ? parsed.host === where : url.startsWith(where), `it opens ${where}, as its words say: ${url}`);
      if (c.item.step === 'status-page') assert.ok(c.item.stepText.includes(/^https?:$/.test(parsed.protocol) ? parsed.hostname.replace(/^www\./, '') : url), `the step names ${url}: ${c.item.stepText}`);
      assert.equal(await d.url(), here, 'the tab of the failure stays');
      const newTabs = (await tabs()).filter((t) => !beforeTabs.some((b) => b.id === t.id)).map((t) => t.id);
      assert.equal(newTabs.length, 1, 'one tab');
      await d.ext(async (ids) => chrome.tabs.remove(ids).then(() => true), newTabs);
    },
    async 'clear-site-data'(c) {
      await handedToOwnPage(c, /Cleared|cleared/);
      // The cookie the page had is gone on the next load.
      if (c.s.recover && c.s.cookie) {
        await c.s.recover();
        await d.goto(c.s.url);
        await waitFor(async () => (await d.pageText()).includes(REAL_PAGE), { what: 'the page' });
        assert.doesNotMatch(c.s.lastCookie(), /gd-buttons=1/, 'the cookie was cleared');
      }
    },
    async 'check-extensions'(c) {
      await handedToOwnPage(c, null);
    },
    async 'check-proxy-settings'(c) {
      await handedToOwnPage(c, null);
    },
  };

  /** A change to the person's setup: from the panel, our page to confirm (nothing done yet);
   * there, the click does it and says so. */
  async function handedToOwnPage(c, done) {
    if (!(await onOurPage())) {
      if (c.s.cookie) await d.inPanel(`() => { document.cookie = 'gd-buttons=1; path=/; max-age=600'; return document.cookie; }`);
      await click(c.item);
      await waitFor(onOurPage, { what: 'our page to confirm', timeoutMs: 15_000 });
      const u = new URL(await d.url());
      assert.equal(u.searchParams.get('ask'), c.item.action, 'our page asks for the same button');
      await waitFor(async () => /to confirm|Click/.test(await message()), { what: 'the ask to confirm' });
      assert.doesNotMatch(await message(), /[Cc]leared|turned off/, 'nothing done from the panel');
      const focused = await d.inPanel(`(root, a) => document.activeElement?.getAttribute('data-action') === a`, c.item.action);
      assert.ok(focused, 'the same button, focused');
    }
    await d.clickPage(`[data-gd="panel"] ${c.item.sel}`);
    if (done) await waitFor(async () => done.test(await message()), { what: `${c.item.action} done on our page` });
    else await waitFor(async () => !(await d.inPanel(`(root, sel) => Boolean(document.querySelector('[data-gd="panel"] ' + sel))`, c.item.sel)), { what: 'the step answered once allowed' });
  }

  /** A step that shows a command copies it; else the short report (the reference ids, "Copy
   * report", "Contact the site"). Where the page keeps the copy from happening, the text is
   * shown, selected, to be copied by hand, and no "Copied" is claimed. */
  async function copied(c, said) {
    const sentinel = `nothing copied yet ${Date.now()}`;
    await d.writeClipboard(sentinel);
    assert.equal(await d.readClipboard(), sentinel);
    await click(c.item);
    await waitFor(async () => /^(Copied|Could not copy)/.test(await message()), { what: 'what the copy did' });
    const expected = (text) => {
      if (c.item.code) return assert.equal(text, c.item.code, 'the command the step shows');
      assert.equal(text.split('\n')[0], `Page failed: ${c.s.url.replace(/[?#].*/, '')}`, text);
      assert.match(text, c.s.reportLine, 'the report says what failed');
    };
    if (!c.s.blocksCopy) {
      assert.match(await message(), said);
      const text = await d.readClipboard();
      assert.notEqual(text, sentinel, 'the clipboard changed');
      expected(text);
      return;
    }
    assert.match(await message(), /^Could not copy: the text is selected/, 'no copy claimed where the page stopped it');
    assert.equal(await d.readClipboard(), sentinel, 'the clipboard untouched');
    const shown = await d.inPanel(`(root) => {
      const t = (root || document).querySelector('[data-gd="copy-text"]');
      const active = root ? root.activeElement : document.activeElement;
      return t && { value: t.value, selected: active === t && t.selectionStart === 0 && t.selectionEnd === t.value.length, visible: t.checkVisibility() };
    }`);
    assert.ok(shown, 'the text is shown');
    assert.ok(shown.visible && shown.selected, `shown and selected: ${JSON.stringify({ ...shown, value: undefined })}`);
    expected(shown.value);
  }

  // ------------------------------------------------------------------ the failures

  /** nginx in front of `handler` (null: the upstream is down), reached by PUBLIC_HOST. */
  async function gatewayFailure({ path, handler, settings, scale = 1 }) {
    const up = upstream(await freePort());
    const gw = await startNginx({ upstreamPort: up.port, readTimeout: '1s' });
    const cookies = [];
    const serve = (req, res) => {
      cookies.push(req.headers.cookie || '');
      if (req.url.startsWith(path) && failing && handler) return handler(req, res);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(OK_PAGE);
    };
    up.handler = serve;
    let failing = true;
    if (handler) await up.start();
    const url = `http://${PUBLIC_HOST}:${gw.port}${path}`;
    return {
      url, origin: new URL(url).origin, settings, scale, cookie: true,
      lastCookie: () => cookies.at(-1) || '',
      gw,
      async fail(to = url) {
        failing = true;
        if (!handler) await up.stop();
        else await up.start();
        await d.goto(to);
      },
      async recover() {
        failing = false;
        await up.start();
      },
      async stop() {
        await gw.stop();
        await up.stop();
      },
    };
  }

  const FAILURES = [
    {
      name: "nginx's 502 (the upstream is down)",
      make: () => gatewayFailure({ path: '/shop/cart?item=1', handler: null }),
      reportLine: /^Status: 502\b/m,
    },
    {
      name: "nginx's 504 (the upstream does not answer)",
      make: () => gatewayFailure({ path: '/slow/report', handler: () => {} }),
      reportLine: /^Status: 504\b/m,
    },
    {
      name: 'a 503 with Retry-After: 120 (automatic retry on)',
      make: () => gatewayFailure({
        path: '/busy',
        settings: { autoRetry: true },
        handler: (req, res) => {
          res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '120' });
          res.end('<!doctype html><title>Service Unavailable</title><h1>Service temporarily unavailable</h1><p>Please try again later.</p>');
        },
      }),
      reportLine: /^Status: 503\b/m,
    },
    {
      name: 'a 429 with Retry-After: 90 (automatic retry on)',
      make: () => gatewayFailure({
        path: '/api/search?q=x',
        settings: { autoRetry: true },
        handler: (req, res) => {
          res.writeHead(429, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '90' });
          res.end('<!doctype html><title>Too Many Requests</title><h1>Too many requests</h1><p>Slow down.</p>');
        },
      }),
      reportLine: /^Status: 429\b/m,
    },
    {
      name: "an app's own 502 page behind nginx that stops copying",
      make: async () => {
        const s = await gatewayFailure({
          path: '/article/42',
          handler: (req, res) => {
            res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
            // "copy protection": the page's own listener, first on the window, stops every copy
            res.end('<!doctype html><title>Error 502</title><script>addEventListener("copy", (e) => { e.stopImmediatePropagation(); e.preventDefault(); }, true);</script><h1>Bad gateway</h1><p>Our servers are having trouble. Please try again.</p>');
          },
        });
        return Object.assign(s, { blocksCopy: true });
      },
      reportLine: /^Status: 502\b/m,
    },
    {
      name: 'a refused local port',
      make: async () => {
        const port = await freePort();
        const up = upstream(port);
        const url = `http://${HOST}:${port}/app`;
        return {
          url, origin: new URL(url).origin,
          async fail() {
            await up.stop();
            await d.goto(url);
            await waitFor(onOurPage, { what: 'the diagnosis page', timeoutMs: 20_000 });
          },
          recover: () => up.start(),
          stop: () => up.stop(),
        };
      },
      reportLine: /refused/i,
    },
    {
      name: 'a name that does not resolve (.invalid)',
      make: async () => {
        const url = 'http://shop.gd-buttons.invalid/basket';
        return {
          url, origin: new URL(url).origin,
          async fail() {
            await d.goto(url);
            await waitFor(onOurPage, { what: 'the diagnosis page', timeoutMs: 20_000 });
          },
          /** The tab's record's attempts at this address. */
          attempts: () => d.ext(async (u) => Object.entries(await chrome.storage.session.get(null)).filter(([k, r]) => k.startsWith('tab:') && r?.url === u).map(([, r]) => r.attempts || 0).reduce((a, b) => Math.max(a, b), -1), url),
          stop: async () => {},
        };
      },
      reportLine: /not resolve|DNS|name/i,
      // every window shares the DNS, and no request carried the site's cookies
      absent: ['open-incognito', 'clear-site-data'],
    },
    {
      name: "a POST's 502",
      make: async () => {
        // automatic retries on, 30 times faster: a retry of the POST would come within seconds
        const s = await gatewayFailure({ path: '/order', handler: null, settings: { autoRetry: true }, scale: 30 });
        const posts = [];
        const formServer = createServer((req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          res.end(`<!doctype html><html><body><form method="post" action="${s.url}"><input name="item" value="1"><button id="send" type="submit">Send</button></form></body></html>`);
        });
        const formPort = await freePort();
        await new Promise((r) => formServer.listen(formPort, HOST, r));
        const fail = s.fail;
        const stopGateway = s.stop;
        let base = 0;
        const posted = () => s.gw.accessLog().filter((l) => /"POST \/order /.test(l)).length;
        return Object.assign(s, {
          post: true,
          answer: REAL_PAGE,
          /** POSTs nginx was sent since this failure's form was sent. */
          posts: () => posted() - base,
          async fail() {
            await fail.call(s, 'about:blank');
            base = posted();
            // on the site's own name: Firefox asks before a form of 127.0.0.1 (a secure
            // context) is sent to a plain-http name
            await d.goto(`http://${PUBLIC_HOST}:${formPort}/form`);
            await d.clickPage('#send');
            await waitFor(() => posted() > base, { what: 'the form sent' });
          },
          stop: async () => {
            formServer.closeAllConnections();
            await new Promise((r) => formServer.close(r));
            await stopGateway();
          },
        });
      },
      reportLine: /^Status: 502\b/m,
    },
  ];

  for (const f of FAILURES) {
    test(`${browser}: every button of ${f.name}, each clicked on a fresh failure, does what it says`, { timeout: TIMEOUT }, async () => {
      const s = await f.make();
      s.reportLine = f.reportLine;
      const seen = new Map();
      const covered = new Set();
      const started = Date.now();
      await d.ext(({ sync, scale }) => Promise.all([chrome.storage.sync.set({ autoRetry: false, ...sync }), chrome.storage.session.set({ clockScale: scale })]).then(() => true), { sync: s.settings || {}, scale: s.scale || 1 });
      /** The buttons shown now (recorded as seen). */
      const list = async () => {
        const items = (await d.inPanel(LIST)) || [];
        for (const i of items) if (!seen.has(i.key)) seen.set(i.key, i);
        return items;
      };
      const fresh = async () => {
        // From a page that loads (as a person comes to a site), which also ends the tab's
        // previous failure.
        await d.goto(home.url('/before'));
        await s.fail();
        if (!(await onOurPage())) assert.ok(await d.panel({ timeout: 20_000 }), 'the panel appears');
        else await waitFor(async () => (await d.inPanel(LIST)).some((i) => i.inPanel), { what: 'our page drawn' });
        // the page's text refines the view once: wait until it stands still
        let last = '';
        await waitFor(async () => {
          const now = JSON.stringify((await list()).map((i) => i.key));
          const same = now === last;
          last = now;
          return same;
        }, { what: 'the panel settled', intervalMs: 300 });
      };
      try {
        await fresh();
        const first = [...seen.values()];
        assert.ok(first.length >= 3, `buttons found: ${first.map((i) => i.key)}`);
        for (const a of f.absent || []) assert.ok(!first.some((i) => i.action === a), `no ${a} button for ${f.name}`);
        for (const item of first) {
          if (covered.has(item.key)) continue;
          const check = CHECKS[item.key] ?? CHECKS[item.action];
          assert.ok(check, `no check for the button ${item.key} ("${item.text || item.label}")`);
          if (item !== first[0]) await fresh();
          const now = (await list()).find((i) => i.key === item.key);
          assert.ok(now, `${item.key} still offered on a fresh failure`);
          await reveal(now);
          console.log(`# ${browser} ${f.name}: ${item.key}`);
          await check({ s, item: now, list, covered: (i) => covered.add(i.key) });
          covered.add(item.key);
        }
        // Buttons that appeared after a click were clicked by the check that made them appear.
        const unchecked = [...seen.keys()].filter((k) => !covered.has(k));
        assert.deepEqual(unchecked, [], 'every button found was clicked and checked');
        console.log(`# ${browser} ${f.name}: ${covered.size} buttons in ${((Date.now() - started) / 1000).toFixed(1)} s: ${[...covered].join(', ')}`);
      } finally {
        await d.goto('about:blank');
        await s.stop();
      }
    });
  }
}
