// The shell's one rule of its own (extension/fastpath.js: healthy responses and aborted
// navigations never load the wasm) agrees with the core's `diagnose`. The policy functions
// (src/policy.rs) are no wasm exports since the machine (`step`) replaced them in the shell:
// tests/policy.rs checks them natively.
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
