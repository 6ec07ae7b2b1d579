// The shell's one rule of its own (extension/fastpath.js: healthy responses and aborted
// navigations never load the wasm) agrees with the core's `diagnose`; and the policy
// functions the shell calls (src/policy.rs) answer as the shell expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isHealthyStatus, isAborted } from '../../extension/fastpath.js';

const pkg = fileURLToPath(new URL('../../dist/chrome/pkg/', import.meta.url));
const core = await import(pkg + 'gateway_doctor.js');
core.initSync({ module: readFileSync(pkg + 'gateway_doctor_bg.wasm') });

// Every error name the core's tables know, as the browsers report them.
// (the tables live in src/neterror/tables.rs, their parsing in src/neterror.rs)
const tables = ['../../src/neterror.rs', '../../src/neterror/tables.rs'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8')).join('\n');
const names = [...new Set(tables.match(/"(ERR|NS)_[A-Z0-9_]+"/g))].map((q) => q.slice(1, -1));
const ERRORS = names.map((n) => (n.startsWith('ERR_') ? `net::${n}` : n));

test('fast path: every status from 100 to 599 agrees with diagnose', () => {
  for (let status = 100; status < 600; status++) {
    const d = core.diagnose({ url: 'https://shop.example/', statusCode: status });
    // The fast path may only skip what diagnose calls no failure.
    if (isHealthyStatus(status)) assert.equal(d.failed, false, `status ${status}`);
    else assert.equal(d.failed, true, `status ${status}: the core sees a failure`);
  }
});

test('fast path: aborted navigations agree with diagnose, and nothing else is skipped', () => {
  for (const error of ERRORS) {
    const d = core.diagnose({ url: 'https://shop.example/', error });
    if (isAborted(error)) assert.equal(d.failed, false, error);
    else if (!d.failed) assert.equal(d.cause, 'aborted', `${error}: the core sees no failure, the fast path should skip it too`);
  }
  assert.ok(ERRORS.some(isAborted));
});

test('policy: autoRetry schedules a GET, never a POST, and stops', () => {
  const get = core.diagnose({ url: 'https://shop.example/', statusCode: 502, method: 'GET' });
  const now = 1_700_000_000_000;
  const a = core.autoRetry(get, { attempts: 0, now, enabled: true, seed: 0.5 });
  assert.equal(a.state, 'scheduled');
  assert.ok(a.due >= now + 1000 && a.due <= now + 15_000, String(a.due - now));
  const post = core.diagnose({ url: 'https://shop.example/', statusCode: 502, method: 'POST' });
  assert.deepEqual([core.autoRetry(post, { now, enabled: true }).state, core.autoRetry(post, { now }).reason], ['off', 'not-idempotent']);
  const last = core.autoRetry(get, { attempts: 6, now, enabled: true });
  assert.equal(last.state, 'exhausted');
  assert.ok(last.watchFrom > now);
  assert.equal(core.backAction('POST'), 'get');
  assert.equal(core.resendable('post'), false);
});

test('policy: delays are clamped, watches end, the bucket holds', () => {
  const now = 1_700_000_000_000;
  const n = core.watchNext({ startedAt: now, checks: 0, now, key: 'https://shop.example', retryAfter: Infinity });
  assert.ok(Number.isFinite(n.at) && n.at <= n.endsAt && n.at >= now);
  assert.equal(core.watchNext({ startedAt: now - 5 * 3600_000, now, key: 'x' }).end, 'expired');
  let bucket = null;
  let ok = 0;
  for (let i = 0; i < 10; i++) {
    const t = core.takeToken(bucket, now, 1);
    bucket = t.bucket;
    if (t.ok) ok++;
  }
  assert.equal(ok, core.limits().bucketSize);
  const r = core.backReloads(8, null, now, 1);
  assert.equal(new Set(r.at.map((t) => Math.floor(t / 1000))).size, 8, 'never two reloads in the same second');
  assert.equal(core.retryAfter('120', null, now), 120);
  assert.equal(core.retryAfter('2030-01-01T00:00:00Z', null, now), null, 'the one parser rejects what Date.parse took');
  assert.equal(core.sameFailure('https://a.example/#x', 5, 'https://a.example/', 5), true);
  assert.equal(core.sameFailure('https://a.example/', 5, 'https://a.example/', 6), false);
});
