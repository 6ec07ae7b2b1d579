// Checks tools/panel-script.mjs: the function it makes from format.js, render.js and content.js must run
// on its own, from its source text alone, as scripting.executeScript({ func, args }) runs it
// (no module scope, no imports). Run in a bare VM context with just enough of a page for the
// scripts to start; that the panel shows and works is proven by the end-to-end suites.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function made() {
  const dir = mkdtempSync(join(tmpdir(), 'gd-panel-script-'));
  for (const f of ['constants.js', 'url.js', 'panel.css', 'format.js', 'render.js', 'content.js']) copyFileSync(join(root, 'extension', f), join(dir, f));
  execFileSync(process.execPath, [join(root, 'tools/panel-script.mjs'), dir]);
  const mod = await import(pathToFileURL(join(dir, 'panel-script.js')).href);
  return { dir, mod };
}

/** A context with a page that is still loading: the content script waits for DOMContentLoaded. */
function page() {
  const waiting = [];
  const document = {
    readyState: 'loading',
    addEventListener: (type, fn) => waiting.push([type, fn]),
    getElementById: () => null,
  };
  const chrome = { i18n: { getMessage: () => '' }, runtime: { sendMessage: async () => null } };
  // the window's own listeners (pageshow: a page back from the back-forward cache)
  const addEventListener = (type, fn) => waiting.push([`window:${type}`, fn]);
  const ctx = vm.createContext({ document, chrome, addEventListener, location: { href: 'http://127.0.0.1/x' }, performance: { getEntriesByType: () => [] } });
  return { ctx, waiting };
}

// (through JSON: the context's objects have its own prototypes)
const offered = (ctx) => JSON.parse(vm.runInContext('JSON.stringify(globalThis.__gatewayDoctorOffered)', ctx));
const inject = (ctx, fn, view) => vm.runInContext(`(${fn.toString()})(${JSON.stringify(view)})`, ctx);

test('panel-script.js replaces content.js and exports one function', async () => {
  const { dir, mod } = await made();
  try {
    assert.equal(typeof mod.panelScript, 'function');
    assert.equal(existsSync(join(dir, 'content.js')), false);
    assert.equal(existsSync(join(dir, 'render.js')), true, 'the extension pages still load render.js');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the function runs from its source alone: view set aside, renderer and content script started once', async () => {
  const { dir, mod } = await made();
  try {
    const { ctx, waiting } = page();
    const view = { url: 'http://127.0.0.1/x', diagnosis: { failed: true }, responseAt: 1 };
    inject(ctx, mod.panelScript, view);
    assert.deepEqual(offered(ctx), view);
    assert.equal(vm.runInContext('typeof GatewayDoctorRender.render', ctx), 'function');
    assert.equal(vm.runInContext('typeof GatewayDoctorFormat.msg', ctx), 'function');
    assert.equal(vm.runInContext('globalThis.__gatewayDoctorPanel', ctx), true);
    assert.equal(waiting.filter(([t]) => t === 'DOMContentLoaded').length, 1);
    assert.equal(waiting.filter(([t]) => t === 'window:pageshow').length, 1);
    // A second injection in the same document (the one on 'complete') starts nothing again
    // but hands over its view; without one (null) it leaves the first view in place.
    const second = { ...view, responseAt: 2 };
    inject(ctx, mod.panelScript, second);
    assert.deepEqual(offered(ctx), second);
    inject(ctx, mod.panelScript, null);
    assert.deepEqual(offered(ctx), second);
    assert.equal(waiting.filter(([t]) => t === 'DOMContentLoaded').length, 1);
    assert.equal(waiting.filter(([t]) => t === 'window:pageshow').length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
