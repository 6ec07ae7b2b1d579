// The wasm's memory stays bounded over many calls (src/bindings/arena.rs: each call's
// memory is reused by the next): every export with inputs of the largest sizes the decoder
// reads, malformed inputs and throwing getters, 10,000 calls after a warm-up; the memory
// after them is the memory after the warm-up.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = process.env.GD_PKG ?? fileURLToPath(new URL('../../dist/chrome/pkg/', import.meta.url));
const core = await import(pkg + 'gateway_doctor.js');
const wasm = core.initSync({ module: readFileSync(pkg + 'gateway_doctor_bg.wasm') });

const big = (n, s = 'x') => s.repeat(Math.ceil(n / s.length)).slice(0, n);
const host = (i) => `${big(40, 'h')}${i}.example.com`;
const hosts = Array.from({ length: 1200 }, (_, i) => host(i));
const failure = (i) => ({
  url: `https://shop${i}.example.com/${big(3000, 'p')}`,
  method: i % 2 ? 'POST' : 'GET',
  statusCode: 502 + (i % 3),
  statusLine: `HTTP/1.1 502 ${big(2000, 'Bad Gateway ')}`,
  responseHeaders: [
    { name: 'Server', value: 'nginx/1.22.1' },
    { name: 'Retry-After', value: '30' },
  ].concat(Array.from({ length: 300 }, (_, k) => ({ name: `X-H${k}`, value: big(5000, 'v') }))),
  bodyText: `<html><body><h1>502 Bad Gateway</h1>${big(100_000, '<p>upstream é😀 </p>')}</body></html>`,
  pageText: big(20_000, 'text '),
  ip: '2001:db8::1',
  timeStamp: 1_795_000_000_000 + i,
  ignoredSites: Array.from({ length: 300 }, (_, k) => `site${k}.example`),
});
const environment = {
  browser: 'chrome',
  knownHosts: hosts,
  extensions: Array.from({ length: 1200 }, (_, k) => ({
    id: `ext${k}`,
    name: big(200, 'Name '),
    permissions: Array.from({ length: 50 }, () => 'proxy'),
    hostPermissions: ['<all_urls>'],
  })),
  recentFailures: Array.from({ length: 1200 }, (_, k) => ({ host: host(k), at: 1_795_000_000_000 - k, cause: 'timeout' })),
  clockSamples: Array.from({ length: 1200 }, (_, k) => ({ date: 'Sat, 07 Nov 2026 08:00:00 GMT', at: 1_794_038_400_000 + k })),
  addresses: Array.from({ length: 1200 }, () => '2001:db8::1'),
  now: 1_795_000_000_000,
};
const throwing = { get url() { throw new Error('boom'); } };

const small = {
  url: 'https://shop.example.com/cart',
  statusCode: 502,
  responseHeaders: [{ name: 'Server', value: 'nginx/1.22.1' }],
  bodyText: '<html><body><h1>502 Bad Gateway</h1><center>nginx/1.22.1</center></body></html>',
  timeStamp: 1_795_000_000_000,
};
const smallEnv = { browser: 'firefox', knownHosts: hosts.slice(0, 20), extensions: environment.extensions.slice(0, 3), now: 1_795_000_000_000 };

/** One round: every export (17 calls); `large`: the largest inputs. */
function round(i, large) {
  const f = large ? failure(i) : { ...small, timeStamp: small.timeStamp + i };
  const env = large ? environment : smallEnv;
  const list = large ? hosts : smallEnv.knownHosts;
  const d = core.diagnose(f);
  const c = core.inContext(d, env);
  core.advise(c, env);
  core.view(c, env, { state: 'scheduled', reason: 'transient', due: 1_795_000_030_000, attempts: 1, max: 3, now: 1_795_000_000_000 });
  core.retryPlan(c, { attempts: 1, firstFailureAt: 1_795_000_000_000, now: 1_795_000_001_000, seed: i });
  core.suggestHost(large ? big(3000, 'githbu.com') : 'githbu.com', list);
  core.rankExtensions(env.extensions);
  core.noteFailure(large ? environment.recentFailures : [], c, list, 1_795_000_000_000);
  const ctx = { autoRetry: true, ignoredSites: large ? list : [], now: 1_795_000_000_000, scale: 1, seed: 0.5 };
  const s = core.step(null, { type: 'failure', tab: i % 50, url: f.url, at: 1_795_000_000_000, attempts: 0, diagnosis: c }, ctx);
  core.step(s.state, { type: 'due', name: `gd-auto:${i % 50}` }, ctx);
  core.limits();
  core.contentAction({ type: 'open-url', url: large ? big(3000, 'https://a.example/') : 'https://a.example/' }, c, ['x']);
  core.version();
  core.suggestHost('shop.example.com', list);
  assert.throws(() => core.diagnose(throwing));
  assert.throws(() => core.advise({ ...d, cause: 42 }, env));
  assert.throws(() => core.diagnose({ url: 'https://a.example/', responseHeaders: [{ name: 1 }] }));
}

test('10,000 calls, a tenth with the largest inputs, leave the memory where the warm-up left it', () => {
  for (let i = 0; i < 20; i++) round(i, i % 2 === 0);
  const after = wasm.memory.buffer.byteLength;
  let calls = 0;
  for (let i = 0; calls < 10_000; i++) {
    round(i, i % 10 === 0);
    calls += 17;
  }
  const grown = wasm.memory.buffer.byteLength - after;
  assert.equal(grown, 0, `grew by ${grown} bytes over ${calls} calls (${after} after the warm-up)`);
  if (process.env.GD_PKG) console.log(`memory ${after} bytes after the warm-up, ${wasm.memory.buffer.byteLength} after ${calls} calls`);
  // and the module still answers
  assert.equal(core.diagnose(failure(1)).gateway.id, 'nginx');
});
