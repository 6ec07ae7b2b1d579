// The outputs through the wasm (src/json.rs, written as JSON and read by JSON.parse) keep every
// number as it is, those JSON cannot spell included, and every string as it is.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../dist/chrome/pkg/', import.meta.url));
const core = await import(pkg + 'gateway_doctor.js');
core.initSync({ module: readFileSync(pkg + 'gateway_doctor_bg.wasm') });

const diagnosis = core.diagnose({ url: 'https://shop.example.com/', error: 'net::ERR_CONNECTION_REFUSED', timeStamp: 1_795_000_000_000 });

test('numbers come back as they went in: NaN, ±Infinity, -0, fractions, tiny and huge ones', () => {
  for (const x of [NaN, Infinity, -Infinity, -0, 0.1 + 0.2, 1 / 3, 1e-300, 5e-324, 1.7976931348623157e308, 2 ** 60, 1_795_000_000_123.456, 0.95]) {
    const d = core.inContext({ ...diagnosis, confidence: x, retryAfterSeconds: x }, {});
    assert.ok(Object.is(d.confidence, x), `confidence ${x}: ${d.confidence}`);
    assert.ok(Object.is(d.retryAfterSeconds, x), `retryAfterSeconds ${x}: ${d.retryAfterSeconds}`);
  }
  // inside an array of objects
  const list = core.noteFailure([{ host: 'a.example', at: 1_795_000_000_000.5, cause: 'dns' }], diagnosis, [], 1_795_000_000_001.25);
  assert.deepEqual(list.map((r) => r.at), [1_795_000_000_000.5, 1_795_000_000_001.25]);
});

test('strings come back as they went in, every character JSON escapes included', () => {
  const weird = 'a"b\\c\u0000\u0001\u001f\u007f\n\r\t\u2028\u2029é😀\ufffd';
  const d = core.inContext({ ...diagnosis, error: weird, evidence: [weird, '', '"'] }, {});
  assert.equal(d.error, weird);
  assert.deepEqual(d.evidence, [weird, '', '"']);
  // a lone surrogate cannot be a Rust string: it arrives as U+FFFD, and is never taken for NaN
  const lone = core.inContext({ ...diagnosis, error: '\ud800' }, {});
  assert.equal(lone.error, '\ufffd');
});
