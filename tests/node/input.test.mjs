// Hostile and malformed input through the built wasm (dist/chrome/pkg): every bad value
// throws a JavaScript Error that names the field (or, for what JSON.stringify refuses, the
// argument), nothing that a getter or Proxy throws escapes as-is, lists and strings are read
// only up to their bound, an argument too large is refused before it is copied into the wasm,
// and the module keeps working. How arguments are read: docs/core-api.md.
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
  // a BigInt: JSON.stringify refuses it, so the argument is named
  throwsAt(() => core.diagnose({ ...failure(), statusCode: 502n }), 'failure: cannot be read as JSON');
  throwsAt(() => core.diagnose({ ...failure(), url: 42 }), 'failure.url');
  throwsAt(() => core.diagnose({ ...failure(), responseHeaders: [{ name: 'A', value: 'b' }, { name: 5 }] }), 'failure.responseHeaders[1].name');
  throwsAt(() => core.diagnose({ ...failure(), responseHeaders: 'Server: nginx' }), 'failure.responseHeaders');
  throwsAt(() => core.diagnose({ ...failure(), proxy: { host: 'p', port: -1 } }), 'failure.proxy.port');
  throwsAt(() => core.diagnose({ ...failure(), timeStamp: true }), 'failure.timeStamp');
  throwsAt(() => core.diagnose({ ...failure(), url: null }), 'failure.url');
  // a symbol or a function is what JSON.stringify leaves out: the field is missing
  assert.equal(core.diagnose({ ...failure(), timeStamp: Symbol('t') }).failed, true);
  // NaN is null in JSON: an optional number is missing, a required one an error
  assert.equal(core.diagnose({ ...failure(), timeStamp: NaN }).failed, true);
  throwsAt(() => core.advise({ ...diagnosis(), confidence: NaN }, {}), 'diagnosis.confidence');
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
  throwsAt(() => core.step(null, { type: 'nope' }, { now: 1 }), 'event.type');
  throwsAt(() => core.step(null, { type: 'seen', then: { type: 'notice' } }, { now: 1 }), 'event.then.notice');
  const a = {};
  a.self = a;
  throwsAt(() => core.diagnose({ ...failure(), a }), 'failure: cannot be read as JSON');
  let deep = [];
  for (let i = 0; i < 40; i++) deep = [deep];
  throwsAt(() => core.diagnose({ ...failure(), deep }), 'failure: nested too deep');
  stillWorks();
});

test('throwing getters and Proxy traps become our Error, naming the argument', () => {
  const getter = { ...failure() };
  Object.defineProperty(getter, 'statusLine', { get() { throw new Error('boom'); }, enumerable: true });
  throwsAt(() => core.diagnose(getter), 'failure');

  const trapGet = new Proxy(failure(), { get() { throw new Error('boom'); } });
  throwsAt(() => core.diagnose(trapGet), 'failure');
  const trapKeys = new Proxy(failure(), { ownKeys() { throw new Error('boom'); } });
  throwsAt(() => core.diagnose(trapKeys), 'failure');

  const { proxy, revoke } = Proxy.revocable(failure(), {});
  revoke();
  throwsAt(() => core.diagnose(proxy), 'failure');
  const list = Proxy.revocable(['a.com'], {});
  list.revoke();
  throwsAt(() => core.suggestHost('a.com', list.proxy), 'knownHosts');

  const hosts = ['a.com', 'b.com'];
  Object.defineProperty(hosts, 1, { get() { throw new Error('boom'); } });
  throwsAt(() => core.suggestHost('a.com', hosts), 'knownHosts');
  const badJson = { toJSON() { throw new Error('boom'); } };
  throwsAt(() => core.suggestHost('a.com', badJson), 'knownHosts');
  const exts = [{ id: 'x', get name() { throw new Error('boom'); } }];
  throwsAt(() => core.rankExtensions(exts), 'extensions');
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
  // 1,000 known hosts are read; what follows is not (a wrong type there is no error)
  const hosts = Array.from({ length: 20_000 }, (_, i) => `host${i}.example.org`);
  hosts[1_500] = 42;
  hosts[999] = 'example.com';
  const verify = core.advise(d, { knownHosts: hosts }).steps.find((s) => s.id === 'verify-url');
  assert.equal(verify.params.suggestion, 'example.com');
  assert.equal(core.suggestHost('exmaple.com', hosts), 'example.com');
  hosts[999] = 'example.org';
  hosts[1_001] = 'example.com';
  assert.equal(core.suggestHost('exmaple.com', hosts) ?? null, null);
});

test('lists inside items are cut too: headers, permissions, evidence', () => {
  const many = (n, make) => Array.from({ length: n }, (_, i) => make(i));
  // 200 headers are read; a wrong one after them is not
  const headers = many(1000, (i) => ({ name: `X-${i}`, value: 'v' }));
  headers[500] = { name: 5 };
  assert.equal(core.diagnose({ ...failure(), responseHeaders: headers }).failed, true);
  headers[100] = { name: 5 };
  assert.throws(() => core.diagnose({ ...failure(), responseHeaders: headers }), /failure.responseHeaders\[100\].name/);
  const ext = { id: 'a', name: 'Some VPN', enabled: true, permissions: many(1000, (i) => (i === 3 ? 'proxy' : `p${i}`)), hostPermissions: many(1000, () => '<all_urls>') };
  assert.equal(core.rankExtensions([ext])[0].id, 'a');
  const dd = diagnosis();
  assert.ok(core.advise({ ...dd, evidence: many(1000, (i) => `e${i}`) }, {}).steps.length > 0);
});

test('an argument over 2 Mi characters of JSON is refused before it is copied into the wasm; long strings are cut', () => {
  const huge = 'x'.repeat(10 * 1024 * 1024);
  const before = wasm.memory.buffer.byteLength;
  for (const f of [
    { ...failure(), bodyText: huge },
    { ...failure(), statusLine: huge },
    { ...failure(), url: `https://shop.example.com/${huge}` },
    { ...failure(), responseHeaders: [{ name: 'Server', value: huge }, { name: huge, value: 'x' }] },
  ]) {
    throwsAt(() => core.diagnose(f), 'failure: too large');
  }
  throwsAt(() => core.advise(diagnosis(), { knownHosts: [huge, huge, 'example.com'] }), 'environment: too large');
  // a string argument is cut (at 1,024) instead
  assert.equal(core.suggestHost(huge, ['example.com']) ?? null, null);
  // Never copied whole: the module's memory grew by far less than one copy.
  assert.ok(wasm.memory.buffer.byteLength - before < 2 * 1024 * 1024, `memory grew by ${wasm.memory.buffer.byteLength - before}`);
  // under the bound, a long string is read up to 16 KiB
  const long = 'y'.repeat(512 * 1024);
  assert.equal(core.diagnose({ ...failure(), bodyText: `${long}nginx`, statusLine: long }).failed, true);
  stillWorks();
  // A cut never splits a surrogate pair into something that breaks the decoder.
  const emoji = '😀'.repeat(9000);
  assert.equal(core.diagnose({ ...failure(), bodyText: emoji }).failed, true);
});

test('a list is an array: a Set or another iterable is not one (JSON.stringify makes it {})', () => {
  throwsAt(() => core.suggestHost('gooogle.com', new Set(['google.com', 'example.org'])), 'knownHosts: expected a list');
  throwsAt(() => core.rankExtensions(new Set([{ id: 'a' }])), 'extensions: expected a list');
  function* hosts() {
    yield 'google.com';
  }
  throwsAt(() => core.suggestHost('gooogle.com', hosts()), 'knownHosts: expected a list');
  assert.equal(core.suggestHost('gooogle.com', ['google.com', 'example.org']), 'google.com');
});

test('params keep a fixed key order (by name)', () => {
  const a = core.advise(diagnosis(), { browser: 'chrome', platform: 'linux', knownHosts: ['example.com'] });
  for (const m of [a.summary, ...a.steps]) {
    const keys = Object.keys(m.params ?? {});
    assert.deepEqual(keys, [...keys].sort(), JSON.stringify(m));
  }
  assert.deepEqual(Object.keys(a.summary.params), ['gateway', 'host', 'status', 'statusText']);
});
