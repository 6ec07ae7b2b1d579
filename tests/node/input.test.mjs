// Hostile and malformed input through the built wasm (dist/chrome/pkg): every bad value
// throws a JavaScript Error that names the field, nothing that a getter or Proxy throws
// escapes as-is, lists are read only up to their bound, and the module keeps working.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../dist/chrome/pkg/', import.meta.url));
const core = await import(pkg + 'gateway_doctor.js');
const wasm = core.initSync({ module: readFileSync(pkg + 'gateway_doctor_bg.wasm') });

const failure = () => ({
  url: 'https://shop.example.com/cart',
  method: 'GET',
  statusCode: 502,
  statusLine: 'HTTP/1.1 502 Bad Gateway',
  responseHeaders: [{ name: 'Server', value: 'nginx/1.22.1' }],
  bodyText: '<html><head><title>502 Bad Gateway</title></head><body><center>nginx/1.22.1</center></body></html>',
  timeStamp: 1_795_000_000_000,
});
const diagnosis = () => core.diagnose(failure());

/** `fn` throws an Error (not whatever a getter threw) whose message contains `where`. */
function throwsAt(fn, where) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, `an Error, got ${String(e)}`);
    assert.ok(e.message.includes(where), `"${e.message}" names ${where}`);
    assert.ok(!e.message.includes('boom'), `"${e.message}" is ours, not the getter's`);
    return true;
  });
}

function stillWorks() {
  const d = diagnosis();
  assert.equal(d.gateway.id, 'nginx');
  assert.ok(core.advise(d, { knownHosts: ['example.com'] }).steps.length > 0);
}

test('wrong types name the field', () => {
  throwsAt(() => core.diagnose({ ...failure(), statusCode: 502.5 }), 'failure.statusCode');
  throwsAt(() => core.diagnose({ ...failure(), statusCode: '502' }), 'failure.statusCode');
  throwsAt(() => core.diagnose({ ...failure(), statusCode: 70_000 }), 'failure.statusCode');
  throwsAt(() => core.diagnose({ ...failure(), statusCode: 502n }), 'failure.statusCode');
  throwsAt(() => core.diagnose({ ...failure(), url: 42 }), 'failure.url');
  throwsAt(() => core.diagnose({ ...failure(), responseHeaders: [{ name: 'A', value: 'b' }, { name: 5 }] }), 'failure.responseHeaders[1].name');
  throwsAt(() => core.diagnose({ ...failure(), responseHeaders: 'Server: nginx' }), 'failure.responseHeaders');
  throwsAt(() => core.diagnose({ ...failure(), proxy: { host: 'p', port: -1 } }), 'failure.proxy.port');
  throwsAt(() => core.diagnose({ ...failure(), timeStamp: Symbol('t') }), 'failure.timeStamp');
  throwsAt(() => core.diagnose('https://example.com/'), 'failure');
  const d = diagnosis();
  throwsAt(() => core.advise({ ...d, cause: 'nope' }, {}), 'diagnosis.cause');
  throwsAt(() => core.advise({ ...d, gateway: { ...d.gateway, role: 'cdn ' } }, {}), 'diagnosis.gateway.role');
  throwsAt(() => core.advise({ ...d, evidence: [1] }, {}), 'diagnosis.evidence[0]');
  const { url, ...noUrl } = d;
  assert.equal(typeof url, 'string');
  throwsAt(() => core.retryPlan(noUrl, {}), 'diagnosis.url');
  throwsAt(() => core.advise(d, { knownHosts: ['a.com', 1] }), 'environment.knownHosts[1]');
  throwsAt(() => core.advise(d, { extensions: [{ id: 'x', permissions: [null] }] }), 'environment.extensions[0].permissions[0]');
  throwsAt(() => core.advise(d, { attempts: 1.5 }), 'environment.attempts');
  throwsAt(() => core.retryPlan(d, { attempts: -1 }), 'history.attempts');
  throwsAt(() => core.suggestHost(['a.com'], []), 'host');
  throwsAt(() => core.rankExtensions({ id: 'x' }), 'extensions');
  stillWorks();
});

test('throwing getters and Proxy traps become our Error', () => {
  const getter = { ...failure() };
  Object.defineProperty(getter, 'statusLine', { get() { throw new Error('boom'); } });
  throwsAt(() => core.diagnose(getter), 'failure.statusLine');

  const trapGet = new Proxy(failure(), { get() { throw new Error('boom'); } });
  throwsAt(() => core.diagnose(trapGet), 'failure.');
  // `has` is asked for a missing field (missing and undefined differ for some fields)
  const trapHas = new Proxy(failure(), { has() { throw new Error('boom'); } });
  throwsAt(() => core.diagnose(trapHas), 'failure.');

  const { proxy, revoke } = Proxy.revocable(failure(), {});
  revoke();
  throwsAt(() => core.diagnose(proxy), 'failure');
  const list = Proxy.revocable(['a.com'], {});
  list.revoke();
  throwsAt(() => core.suggestHost('a.com', list.proxy), 'knownHosts');

  const hosts = ['a.com', 'b.com'];
  Object.defineProperty(hosts, 1, { get() { throw new Error('boom'); } });
  throwsAt(() => core.suggestHost('a.com', hosts), 'knownHosts[1]');
  const badIterable = { [Symbol.iterator]() { return { next() { throw new Error('boom'); } }; } };
  throwsAt(() => core.suggestHost('a.com', badIterable), 'knownHosts[0]');
  const exts = [{ id: 'x', get name() { throw new Error('boom'); } }];
  throwsAt(() => core.rankExtensions(exts), 'extensions[0].name');
  stillWorks();
});

test('many rejected calls leave the module as it was', () => {
  const before = wasm.memory.buffer.byteLength;
  const hostile = new Proxy({}, { get() { throw new Error('boom'); } });
  for (let i = 0; i < 3000; i++) {
    assert.throws(() => core.diagnose(hostile), Error);
    assert.throws(() => core.advise(diagnosis(), { knownHosts: [i] }), Error);
  }
  stillWorks();
  assert.ok(wasm.memory.buffer.byteLength <= before + 65536, 'wasm memory did not grow');
});

test('lists are read only up to their bound', () => {
  const d = core.diagnose({ url: 'http://exmaple.com/', error: 'net::ERR_NAME_NOT_RESOLVED' });
  // 1,000 known hosts are read; what follows is never touched
  const hosts = Array.from({ length: 20_000 }, (_, i) => `host${i}.example.org`);
  Object.defineProperty(hosts, 1_500, { get() { throw new Error('boom'); } });
  hosts[999] = 'example.com';
  const verify = core.advise(d, { knownHosts: hosts }).steps.find((s) => s.id === 'verify-url');
  assert.equal(verify.params.suggestion, 'example.com');
  assert.equal(core.suggestHost('exmaple.com', hosts), 'example.com');
  // an endless iterable ends at the bound too
  function* endless() {
    for (let i = 0; ; i++) yield `h${i}.example.net`;
  }
  assert.equal(core.suggestHost('exmaple.com', endless()) ?? null, null);
  function* endlessExtensions() {
    for (let i = 0; ; i++) yield { id: `e${i}`, name: `VPN ${i}`, enabled: true, permissions: ['proxy'] };
  }
  assert.ok(core.rankExtensions(endlessExtensions()).length > 0);
});

test('lists inside items are cut too: headers, permissions, evidence', () => {
  function* endless(make) {
    for (let i = 0; ; i++) yield make(i);
  }
  // An endless list of headers: the decoder stops at its bound (this returns at all).
  const d = core.diagnose({ ...failure(), responseHeaders: endless((i) => ({ name: `X-${i}`, value: 'v' })) });
  assert.equal(d.failed, true);
  const ext = { id: 'a', name: 'Some VPN', enabled: true, permissions: endless((i) => (i === 3 ? 'proxy' : `p${i}`)), hostPermissions: endless(() => '<all_urls>') };
  assert.equal(core.rankExtensions([ext])[0].id, 'a');
  const dd = diagnosis();
  assert.ok(core.advise({ ...dd, evidence: endless((i) => `e${i}`) }, {}).steps.length > 0);
  // What throws beyond the bound is never read.
  const headers = Array.from({ length: 1000 }, (_, i) => ({ name: `X-${i}`, value: 'v' }));
  Object.defineProperty(headers, 500, { get() { throw new Error('boom'); } });
  assert.equal(core.diagnose({ ...failure(), responseHeaders: headers }).failed, true);
});

test('a 10 MiB string is cut before it is copied into the wasm', () => {
  const huge = 'x'.repeat(10 * 1024 * 1024);
  const before = wasm.memory.buffer.byteLength;
  for (const f of [
    { ...failure(), bodyText: huge },
    { ...failure(), statusLine: huge },
    { ...failure(), url: `https://shop.example.com/${huge}` },
    { ...failure(), responseHeaders: [{ name: 'Server', value: huge }, { name: huge, value: 'x' }] },
  ]) {
    assert.equal(core.diagnose(f).failed, true);
  }
  assert.equal(core.suggestHost(huge, ['example.com']) ?? null, null);
  assert.ok(core.advise(diagnosis(), { knownHosts: [huge, huge, 'example.com'] }).steps.length > 0);
  // Never copied whole: the module's memory grew by far less than one copy.
  assert.ok(wasm.memory.buffer.byteLength - before < 2 * 1024 * 1024, `memory grew by ${wasm.memory.buffer.byteLength - before}`);
  // A cut never splits a surrogate pair into something that breaks the decoder.
  const emoji = '😀'.repeat(9000);
  assert.equal(core.diagnose({ ...failure(), bodyText: emoji }).failed, true);
});

test('iterables other than arrays are lists', () => {
  assert.equal(core.suggestHost('gooogle.com', new Set(['google.com', 'example.org'])), 'google.com');
  const ranked = core.rankExtensions(new Set([{ id: 'a', name: 'Some VPN', enabled: true, permissions: ['proxy'] }]));
  assert.equal(ranked[0].id, 'a');
});

test('params keep a fixed key order (by name)', () => {
  const a = core.advise(diagnosis(), { browser: 'chrome', platform: 'linux', knownHosts: ['example.com'] });
  for (const m of [a.summary, ...a.steps]) {
    const keys = Object.keys(m.params ?? {});
    assert.deepEqual(keys, [...keys].sort(), JSON.stringify(m));
  }
  assert.deepEqual(Object.keys(a.summary.params), ['gateway', 'host', 'status', 'statusText']);
});
