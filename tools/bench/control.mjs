// The control for "from the 502's navigation start to the panel on screen" (BENCHMARKS.md
// section 3): a minimal MV3 extension that only shows a fixed panel of a given size, at the
// earliest moment an extension can (a content script at document_start, before the page's own
// HTML is parsed), in a closed shadow root on a host with the same id and place as Gateway
// Doctor's. It injects on every page of the hosts it is given: in the benchmark those pages
// are always nginx's 502, so it never has to ask what the page is. Generated for each run
// with the size Gateway Doctor's compact panel has in that run, into a temporary directory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The control's content script: `width` x `height` CSS pixels, top right like ours. The
 * host carries `data-gd-control` so the benchmark can tell whose panel it saw. */
export function controlScript({ width, height }) {
  const w = Math.round(width);
  const h = Math.round(height);
  return `(() => {
  const host = document.createElement('div');
  host.id = 'gateway-doctor-root';
  host.setAttribute('data-gd-control', '');
  host.setAttribute('style', 'all: initial; position: fixed !important; top: 12px !important; right: 12px !important; z-index: 2147483647 !important; display: block !important;');
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('style', 'display: block; box-sizing: border-box; width: ${w}px; height: ${h}px; padding: 12px; overflow: hidden; background: #fff; color: #1a1a1a; font: 14px/1.4 system-ui, sans-serif; border-radius: 10px; box-shadow: 0 4px 24px rgba(0,0,0,.25);');
  box.textContent = 'Gateway Doctor (control): a fixed panel of ${w} x ${h} px';
  root.append(box);
  const put = () => (document.documentElement || document).append(host);
  if (document.documentElement) put();
  else new MutationObserver((_, o) => { if (document.documentElement) { o.disconnect(); put(); } }).observe(document, { childList: true });
})();
`;
}

/** Writes an MV3 extension with one document_start content script (`file`, `code`) into a new
 * temporary directory named after `prefix`, and returns its path. */
function writeExtension(prefix, manifest, file, code) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, file), code);
  return dir;
}

/** Writes the control extension for pages matching `matches` into a new temporary directory
 * and returns its path (`firefox`: with the add-on id Firefox wants). */
export function makeControl({ width, height, matches = ['http://127.0.0.1/*'], firefox = false }) {
  const manifest = {
    manifest_version: 3,
    name: 'Gateway Doctor bench control (fixed panel)',
    version: '0.0.1',
    description: 'A control for tools/bench/browser.mjs --versus-control: a fixed panel at document_start, nothing else.',
    content_scripts: [{ matches, js: ['content.js'], run_at: 'document_start' }],
  };
  if (firefox) manifest.browser_specific_settings = { gecko: { id: 'gd-bench-control@gateway-doctor.org' } };
  return writeExtension('gd-control-', manifest, 'content.js', controlScript({ width, height }));
}

/** Records, on the page's clock (ms since the navigation started), when the panel host is
 * added and the frame after it, and whose it is (the control's host says so). A host that is
 * already there when this runs was added before the clock could see it: flagged. Chromium runs
 * it as the page's init script; in Firefox, a content script, it writes to the page's window
 * (`wrappedJSObject`), where WebDriver reads it. */
export function panelClock() {
  const w = window.wrappedJSObject || window;
  const found = () => {
    const host = document.getElementById('gateway-doctor-root');
    if (!host) return false;
    w.__gdPanelAt = performance.now();
    w.__gdPanelWho = host.hasAttribute('data-gd-control') ? 'control' : 'ours';
    requestAnimationFrame(() => {
      w.__gdPanelFrame = performance.now();
    });
    return true;
  };
  if (found()) {
    w.__gdPanelLate = true;
    return;
  }
  new MutationObserver((_, obs) => {
    if (found()) obs.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/** Firefox has no init script for the page: [`panelClock`] as a content script of an add-on of
 * its own, installed before the control, at document_start. */
export function makeClock({ matches = ['http://127.0.0.1/*'] } = {}) {
  const manifest = {
    manifest_version: 3,
    name: 'Gateway Doctor bench clock',
    version: '0.0.1',
    description: 'Records when the panel host is added to the page, and the frame after it.',
    content_scripts: [{ matches, js: ['clock.js'], run_at: 'document_start' }],
    browser_specific_settings: { gecko: { id: 'gd-bench-clock@gateway-doctor.org' } },
  };
  return writeExtension('gd-clock-', manifest, 'clock.js', `(${panelClock})();\n`);
}
