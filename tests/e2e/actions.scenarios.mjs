// The one-click fixes beyond retry, in real browsers: clear this site's data, and turn a
// suspect extension off and retry (then back on). Written once for both browsers; a driver
// adds, besides the interface in scenarios.mjs, `extensionEnabled(name)` where the browser lets
// extensions be switched (Chrome).
//
// Optional permissions: Chrome's permission prompt cannot be answered by automation, so the
// Chrome run installs a copy of the build with them granted (lib/granted.mjs); Firefox
// grants them without a prompt through a test pref, so its run also walks the hand-off from the
// in-page panel to the extension's page, where the permission is asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { upstream, startNginx, freePort, waitFor, nginxAvailable, OK_PAGE } from './lib/servers.mjs';
import { grantedCopy, SUSPECT_EXTENSION } from './lib/granted.mjs';
import { manualRetryOnly } from './scenarios.mjs';
import { openSteps } from './lib/panel.mjs';
import { storeShots } from './lib/store-shots.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT = 120_000;

/** Clicks `action` in the in-page panel, which hands off to the extension's own page (to
 * confirm, and ask for a permission where needed), and clicks it again there. Resolves to the status line's text afterwards. */
async function clickFix(d, action, expect) {
  // Over a page the panel folds its steps; the rest are under "More things to try".
  await d.panel({ timeout: 5_000 });
  await openSteps(d, { more: true });
  await d.clickPanel(action);
  const where = await waitFor(
    async () => {
      if ((await d.url()).includes('/diagnosis.html')) return 'page';
      const m = await d.panelMessage();
      return expect.test(m) && 'panel';
    },
    { what: `the result of ${action}`, timeoutMs: 15_000 },
  );
  // A change to the person's setup is never made from the panel over a page: it is confirmed
  // on the extension's own page (issue 12).
  assert.equal(where, 'page', `${action} handed to the extension's page, not run from the panel`);
  const selector = `[data-gd="panel"] button[data-action="${action}"]`;
  await waitFor(async () => (await d.pageText()).length > 0, { what: 'the diagnosis page' });
  await d.clickPage(selector);
  return waitFor(
    async () => {
      const t = await d.pageText();
      return expect.test(t) && t;
    },
    { what: `the result of ${action} on the diagnosis page`, timeoutMs: 15_000 },
  );
}

async function retry(d) {
  if ((await d.url()).includes('/diagnosis.html')) await d.clickPage('[data-gd="panel"] button[data-action="retry"]');
  else await d.clickPanel('retry');
}

export function defineActionScenarios({ browser, launch, available, canSwitchExtensions }) {
  const built = join(ROOT, 'dist', browser === 'firefox' ? 'firefox' : 'chrome');
  const extensionDir = () => (browser === 'firefox' ? built : grantedCopy(built));

  const why = [available(), nginxAvailable()].find((a) => !a.ok)?.why;
  if (why) {
    test(`${browser}: prerequisites`, () => assert.fail(why));
    return;
  }

  test(`${browser}: Clear this site's data → its cookies are gone on the retry`, { timeout: TIMEOUT }, async () => {
    const up = upstream(await freePort());
    up.handler = (req, res) => {
      const headers = { 'Content-Type': 'text/html; charset=utf-8' };
      if (req.url === '/login') headers['Set-Cookie'] = 'session=abc123; Path=/; Max-Age=3600';
      res.writeHead(200, headers);
      res.end(OK_PAGE);
    };
    await up.start();
    const gw = await startNginx({ upstreamPort: up.port });
    const d = await launch({ extensionDir: extensionDir(), privateAccess: false });
    try {
      await manualRetryOnly(d);
      await d.goto(gw.url('/login'));
      await d.goto(gw.url('/account'));
      assert.match(up.requests.at(-1).headers.cookie || '', /session=abc123/, 'the browser holds the cookie');

      await up.stop();
      await d.goto(gw.url('/account'));
      assert.ok(await d.panel({ timeout: 20_000 }), 'the panel appears over the 502');
      const said = await clickFix(d, 'clear-site-data', /[Cc]leared/);
      assert.match(said, /[Cc]leared/);

      await up.start();
      const before = up.requests.length;
      await retry(d);
      await waitFor(async () => (await d.pageText()).includes('The real page'), { what: 'the real page' });
      const after = up.requests.slice(before).filter((r) => r.url === '/account');
      assert.ok(after.length >= 1, 'the retry reached the site');
      assert.doesNotMatch(after.at(-1).headers.cookie || '', /session=abc123/, 'the cookie was cleared');
    } finally {
      await d.close();
      await gw.stop();
      await up.stop();
    }
  });

  test(`${browser}: a broken VPN extension → proxy diagnosis → ${canSwitchExtensions ? 'Turn off and retry → the page → Turn it back on' : 'it is named, with where to turn it off'}`, { timeout: TIMEOUT }, async () => {
    const up = upstream(await freePort());
    await up.start();
    const d = await launch({ extensionDir: extensionDir(), privateAccess: false, extraExtensions: [SUSPECT_EXTENSION] });
    try {
      await manualRetryOnly(d);
      await d.goto(up.url('/behind-vpn'));
      await waitFor(async () => (await d.url()).includes('/diagnosis.html'), { what: 'the diagnosis page', timeoutMs: 20_000 });
      const text = await waitFor(async () => {
        const t = await d.pageText();
        return /proxy/i.test(t) && t;
      }, { what: 'the proxy diagnosis' });
      assert.match(text, /proxy/i);

      // Which extension: with the management permission (asked for at this click).
      if (!/Test VPN/.test(text)) {
        await d.clickPage('[data-gd="panel"] button[data-action="check-extensions"]');
      }
      await waitFor(async () => /Test VPN/.test(await d.pageText()), { what: 'Test VPN named as the suspect' });
      await d.screenshot(join(ROOT, 'docs', 'screenshots', `${browser === 'firefox' ? 'firefox' : 'chrome'}-advice-proxy.png`));
      await storeShots(d, `${browser === 'firefox' ? 'firefox' : 'chrome'}-advice-proxy`);

      if (canSwitchExtensions) {
        // With the proxy permission, the proxy step reads the browser's settings and names
        // the extension that controls them.
        await waitFor(async () => /set by the extension “Test VPN”/.test(await d.pageText()), {
          what: 'the proxy step naming Test VPN',
        });
        await d.clickPage('[data-gd="panel"] [data-step="check-proxy"] button[data-action="disable-extension"]');
        await waitFor(async () => (await d.pageText()).includes('The real page'), { what: 'the page, with the VPN off', timeoutMs: 20_000 });
        assert.equal(await d.extensionEnabled('Test VPN'), false);
        // The popup-less way back: the diagnosis page of another failure lists it; here we
        // use the extension's page for the tab again to turn it back on.
        await up.stop();
        await d.goto(up.url('/behind-vpn'));
        await waitFor(async () => (await d.url()).includes('/diagnosis.html'), { what: 'the diagnosis page again' });
        await waitFor(async () => /Test VPN/.test(await d.pageText()), { what: 'the turned-off extension listed' });
        await d.clickPage('[data-gd="disabled"] button[data-action="enable-extension"]');
        await waitFor(async () => (await d.extensionEnabled('Test VPN')) === true, { what: 'Test VPN on again' });
      } else {
        // Firefox opens no about:addons for an extension: no button, the words say where
        const t = await d.pageText();
        assert.match(t, /Add-ons and themes/, 'says where to turn it off');
        assert.doesNotMatch(t, /Open about:/, 'no button that Firefox refuses');
      }
    } finally {
      await d.close();
      await up.stop();
    }
  });
}
