// Loads the built wasm package in Node, as the extension does, and calls every function of
// the contract (docs/core-api.md) once, plus the error paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../dist/chrome/pkg/', import.meta.url));
const core = await import(pkg + 'gateway_doctor.js');
core.initSync({ module: readFileSync(pkg + 'gateway_doctor_bg.wasm') });

const nginx502 = {
  url: 'http://127.0.0.1:8080/page',
  method: 'GET',
  statusCode: 502,
  statusLine: 'HTTP/1.1 502 Bad Gateway',
  responseHeaders: [{ name: 'Server', value: 'nginx/1.22.1' }],
  bodyText: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.22.1</center></body></html>',
  timeStamp: Date.now(),
};

test('diagnose: an nginx 502', () => {
  const d = core.diagnose(nginx502);
  assert.equal(d.failed, true);
  assert.equal(d.culprit, 'site');
  assert.equal(d.generatedBy, 'gateway');
  assert.equal(d.gateway.id, 'nginx');
  assert.equal(d.safeToRetry, true);
  assert.equal(typeof d.confidence, 'number');
  assert.ok('retryAfterSeconds' in d, 'retryAfterSeconds is present (null when absent)');
});

test('diagnose: no response', () => {
  const d = core.diagnose({ url: 'http://127.0.0.1:9/', error: 'net::ERR_CONNECTION_REFUSED' });
  assert.equal(d.failed, true);
  assert.equal(d.cause, 'connection-refused');
  assert.equal(d.generatedBy, 'browser');
  const aborted = core.diagnose({ url: 'http://x.test/', error: 'net::ERR_ABORTED' });
  assert.equal(aborted.failed, false);
});

test('a healthy response is no failure', () => {
  assert.equal(core.diagnose({ url: 'https://example.com/', statusCode: 200 }).failed, false);
});

test('advise, retryPlan, suggestHost, rankExtensions answer in the contract shape', () => {
  const d = core.diagnose(nginx502);
  const a = core.advise(d, { browser: 'chrome', platform: 'linux' });
  assert.equal(typeof a.summary.key, 'string');
  assert.ok(Array.isArray(a.steps) && a.steps.length > 0);
  assert.equal(a.steps[0].id, 'retry');
  const p = core.retryPlan(d, { attempts: 0, now: Date.now() });
  assert.equal(typeof p.auto, 'boolean');
  assert.equal(typeof p.reason, 'string');
  assert.equal(core.suggestHost('gooogle.com', ['google.com', 'example.org']), 'google.com');
  assert.strictEqual(core.suggestHost('example.net', ['google.com']), null, 'null, not undefined, when nothing is close');
  const ranked = core.rankExtensions([
    { id: 'a', name: 'Some VPN', enabled: true, permissions: ['proxy'], hostPermissions: ['<all_urls>'] },
    { id: 'b', name: 'Notes', enabled: true, permissions: ['storage'] },
  ]);
  assert.equal(ranked[0].id, 'a');
  assert.ok(['high', 'medium', 'low'].includes(ranked[0].risk));
});

test('bad input throws an Error and the module keeps working', () => {
  for (const bad of [undefined, null, 42, 'x', {}, { url: 'not a url', statusCode: 502 }, { url: 'http://a/', statusCode: 'x' }]) {
    assert.throws(() => core.diagnose(bad), (e) => e instanceof Error && e.message.length > 0);
  }
  assert.throws(() => core.diagnose({ url: 'http://a/' }), Error);
  assert.equal(core.diagnose(nginx502).failed, true);
});

test('hostile sizes stay bounded', () => {
  const d = core.diagnose({
    url: 'http://example.com/' + 'a'.repeat(100_000),
    statusCode: 502,
    responseHeaders: Array.from({ length: 10_000 }, (_, i) => ({ name: `X-H${i}`, value: 'v'.repeat(100) })),
    bodyText: '<script>'.repeat(150_000),
  });
  assert.equal(d.failed, true);
  assert.ok(JSON.stringify(d).length < 64 * 1024);
});

test('fields that are undefined or null count as missing', () => {
  const d = core.diagnose({ url: 'http://a.test/', statusCode: 502, responseHeaders: undefined, proxy: undefined, method: null });
  assert.equal(d.failed, true);
  const a = core.advise(d, { extensions: undefined, knownHosts: null, recentFailures: undefined, proxy: undefined, platform: undefined });
  assert.ok(a.steps.length > 0);
  assert.ok(core.rankExtensions([{ id: 'x', name: 'X', permissions: null, hostPermissions: undefined }]));
});

test('inContext: the person-side diagnosis (issue 16) at the boundary', () => {
  const d = core.diagnose({ url: 'https://shop.example.com/', error: 'net::ERR_CONNECTION_REFUSED' });
  const off = core.inContext(d, { online: false });
  assert.equal(off.cause, 'offline');
  assert.equal(off.culprit, 'network');
  assert.deepEqual(core.inContext(off, { online: false }), off);
  assert.equal(core.inContext(d, undefined).cause, 'connection-refused');
  assert.throws(() => core.inContext(d, { online: 'no' }), /environment\.online/);
});

test('the badge, the sites left alone, the buttons\' words and the retry line\'s kind cross the boundary', () => {
  assert.equal(core.diagnose(nginx502).badge, '502');
  assert.equal(core.diagnose({ url: 'http://127.0.0.1:9/', error: 'net::ERR_CONNECTION_REFUSED' }).badge, 'ERR');
  const alone = core.diagnose({ ...nginx502, ignoredSites: ['127.0.0.1'] });
  assert.equal(alone.ignored, true);
  assert.equal(alone.failed, false);
  assert.equal(core.diagnose({ ...nginx502, ignoredSites: ['other.test'] }).ignored, false);
  // a read-back diagnosis keeps its badge
  assert.equal(core.inContext(core.diagnose(nginx502), {}).badge, '502');

  const vpn = { id: 'vpn', name: 'Fast VPN', enabled: true, permissions: ['proxy'], hostPermissions: ['<all_urls>'], mayDisable: true };
  const env = { browser: 'chrome', proxy: { mode: 'fixed_servers', controlledBy: 'Fast VPN' }, extensions: [vpn] };
  /** @param {string} method */
  const turnOff = (method) => {
    const d = core.diagnose({ url: 'https://a.test/', method, error: 'net::ERR_CONNECTION_RESET' });
    const v = core.view(d, env, null);
    return [...v.steps, ...v.more].map((s) => s.action).find((a) => a?.type === 'disable-extension');
  };
  assert.deepEqual(turnOff('GET'), { type: 'disable-extension', id: 'vpn', retry: true, label: 'ui_action_disable_extension' });
  assert.deepEqual(turnOff('POST'), { type: 'disable-extension', id: 'vpn', retry: false, label: 'ui_action_disable_extension_only' });

  const d = core.diagnose(nginx502);
  const v = core.view(d, {}, { state: 'scheduled', due: Date.now() + 5000, now: Date.now(), attempts: 0 });
  assert.equal(v.retryKind, 'countdown');
  assert.equal(v.primary[0].label, 'ui_action_retry');
  const post = core.view(core.diagnose({ ...nginx502, method: 'POST' }), {}, null);
  assert.equal(post.retryKind, 'resubmit');
});
