// One version, in Cargo.toml: both built manifests, the zips' names and the core's version()
// agree with it, and manifest.json has none of its own. (Run after ./build.sh.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { version } from '../../tools/version.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const json = (p) => JSON.parse(readFileSync(ROOT + p, 'utf8'));
const V = version();

test('Cargo.toml has the version; manifest.json has none', () => {
  assert.match(V, /^\d+\.\d+\.\d+$/);
  assert.equal('version' in json('manifest.json'), false);
  assert.throws(() => version('[package]\nname = "x"\n'), /no \[package\] version/);
  assert.equal(version('[package]\nname = "x"\nversion = "1.2.3"\n[dependencies]\nversion = "9.9.9"\n'), '1.2.3');
});

test('both built manifests carry it', () => {
  for (const b of ['chrome', 'firefox']) assert.equal(json(`dist/${b}/manifest.json`).version, V, b);
});

test("the core's version() returns it", async () => {
  const pkg = ROOT + 'dist/chrome/pkg/';
  const core = await import(pkg + 'gateway_doctor.js');
  core.initSync({ module: readFileSync(pkg + 'gateway_doctor_bg.wasm') });
  assert.equal(core.version(), V);
});

test("the zips' names carry it", () => {
  for (const z of ['chrome', 'firefox', 'source']) {
    assert.ok(existsSync(`${ROOT}dist/gateway-doctor-${V}-${z}.zip`), `dist/gateway-doctor-${V}-${z}.zip`);
  }
});

test('the Firefox manifest claims no Android (README: "Firefox for Android")', () => {
  assert.equal(json('dist/firefox/manifest.json').browser_specific_settings.gecko_android, undefined);
});

test("each manifest carries its own browser's minimum only (Chrome 120: URL.canParse)", () => {
  const chrome = json('dist/chrome/manifest.json');
  const firefox = json('dist/firefox/manifest.json');
  assert.equal(chrome.minimum_chrome_version, '120');
  assert.equal(chrome.browser_specific_settings, undefined);
  assert.equal(firefox.minimum_chrome_version, undefined);
  assert.equal(firefox.browser_specific_settings.gecko.strict_min_version, '140.0');
});
