// Accessibility of what Gateway Doctor shows, in real browsers: axe-core finds no serious or
// critical violation in the in-page panel (light and dark), the diagnosis page and the popup,
// and the panel works from the keyboard alone. A driver adds `axe(source, selector)`,
// `setColorScheme(scheme)`, `pressKey(key)` and `focusedInPanel()` to the interface of
// scenarios.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { upstream, startNginx, freePort, waitFor, nginxAvailable } from './lib/servers.mjs';
import { manualRetryOnly } from './scenarios.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TIMEOUT = 90_000;

/** The serious and critical violations of an axe run, which must have examined something. */
function serious(result) {
  assert.ok(result.passes > 5, `axe examined the content (${result.passes} rules passed)`);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function defineA11yScenarios({ browser, launch, available }) {
  const extensionDir = join(ROOT, 'dist', browser === 'firefox' ? 'firefox' : 'chrome');
  const why = [available(), nginxAvailable()].find((a) => !a.ok)?.why;
  if (why) {
    test(`${browser}: prerequisites`, () => assert.fail(why));
    return;
  }
  let d;
  before(async () => {
    d = await launch({ extensionDir, privateAccess: false });
    await manualRetryOnly(d);
  });
  after(async () => {
    await d?.close();
  });

  test(`${browser}: the panel has no serious accessibility violation, light and dark, and works by keyboard`, { timeout: TIMEOUT }, async () => {
    const up = upstream(await freePort());
    const gw = await startNginx({ upstreamPort: up.port });
    try {
      await d.goto(gw.url('/a11y'));
      assert.ok(await d.panel({ timeout: 20_000 }), 'the panel appears');
      // Dark mode is emulated where the driver can (Chromium); Firefox runs with its default.
      for (const scheme of d.setColorScheme ? ['light', 'dark'] : ['default']) {
        if (d.setColorScheme) await d.setColorScheme(scheme);
        const v = serious(await d.axe(AXE, '#gateway-doctor-root'));
        assert.deepEqual(v, [], `${scheme}: ${JSON.stringify(v)}`);
      }
      // Keyboard alone: Tab reaches Retry, Enter presses it, once the panel takes input (it
      // ignores a press in its first 400 ms and after it was redrawn or moved).
      await waitFor(() => d.inPanel(`(root) => Boolean(root?.querySelector('.gd-root[data-ready]'))`), { what: 'the panel taking input' });
      let focused = null;
      for (let i = 0; i < 12 && focused !== 'retry'; i++) {
        await d.pressKey('Tab');
        focused = await d.focusedInPanel();
      }
      assert.equal(focused, 'retry', 'Tab reaches the Retry button');
      await up.start();
      await d.pressKey('Enter');
      await new Promise((r) => setTimeout(r, 300));
      if (/^Click again/.test(await d.panelMessage())) await d.pressKey('Enter');
      await waitFor(async () => (await d.pageText()).includes('The real page'), { what: 'the page after Enter on Retry' });
    } finally {
      await gw.stop();
      await up.stop();
    }
  });

  test(`${browser}: the diagnosis page and the popup have no serious accessibility violation`, { timeout: TIMEOUT }, async () => {
    const port = await freePort();
    await d.goto(`http://127.0.0.1:${port}/a11y-refused`);
    await waitFor(async () => (await d.url()).includes('/diagnosis.html'), { what: 'the diagnosis page' });
    await waitFor(async () => (await d.pageText()).length > 20, { what: 'the diagnosis' });
    assert.deepEqual(serious(await d.axe(AXE)), []);
    const popup = (await d.url()).replace(/diagnosis\.html.*$/, 'popup.html');
    await d.goto(popup);
    await waitFor(async () => (await d.pageText()).length > 0, { what: 'the popup' });
    assert.deepEqual(serious(await d.axe(AXE)), []);
  });
}
