// The retry and watch machine through the built wasm (dist/chrome/pkg), as extension/watch.js
// calls it: the shapes of its state, effects and answers (docs/core-api.md, step), the state
// passed back as it came, and malformed input refused with the field named.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../dist/chrome/pkg/', import.meta.url));
const core = await import(pkg + 'gateway_doctor.js');
core.initSync({ module: readFileSync(pkg + 'gateway_doctor_bg.wasm') });

const T0 = 1_795_000_000_000;
const URL_ = 'https://shop.example.com/cart';
const ctx = (now = T0) => ({ autoRetry: true, maxAttempts: null, notifications: true, panel: true, ignoredSites: [], now, scale: 1, seed: 0.5 });
const diagnosis = core.diagnose({ url: URL_, method: 'GET', statusCode: 502, statusLine: 'HTTP/1.1 502 Bad Gateway', timeStamp: T0 });

test('a failure schedules a retry; its alarm, the look, the reload and the stored state round-trip', () => {
  const a = core.step(null, { type: 'failure', tab: 4, url: URL_, at: T0, attempts: 0, diagnosis }, ctx());
  assert.deepEqual(Object.keys(a.state).sort(), ['buckets', 'fired', 'involved', 'notices', 'tabs', 'watches']);
  assert.equal(a.state.tabs[0].state, 'scheduled');
  assert.deepEqual(a.state.involved, [4]);
  assert.equal(a.answer, null);
  const [alarm] = a.effects;
  assert.equal(alarm.type, 'alarm');
  assert.equal(alarm.name, 'gd-auto:4');
  assert.ok(alarm.at > T0 && alarm.at <= T0 + 15_000, String(alarm.at - T0));
  // Stored as JSON and read back, the state is the same to the machine.
  const stored = JSON.parse(JSON.stringify(a.state));
  const b = core.step(stored, { type: 'due', name: alarm.name }, ctx(alarm.at));
  assert.deepEqual(b.effects, [{ type: 'look', tabs: [{ tab: 4, url: URL_ }], then: { type: 'auto', tab: 4 } }]);
  const seen = { tab: 4, exists: true, shows: true, onOurPage: false, loading: false, active: true, visible: true, recordUrl: URL_, recordAt: T0, recordMethod: 'GET' };
  const c = core.step(b.state, { type: 'seen', then: b.effects[0].then, tabs: [seen], online: true }, ctx(alarm.at));
  assert.deepEqual(c.effects.find((e) => e.type === 'reload'), { type: 'reload', tab: 4, url: URL_, get: false, onOurPage: false });
  assert.equal(c.state.tabs[0].state, 'fired');
  const back = { type: 'went-back', tab: 4, url: URL_, onOurPage: true, prevUrl: URL_, retrying: false };
  assert.equal(core.step(c.state, back, ctx(alarm.at + 10)).answer, false, 'our own reload is no Back');
  const view = core.step(c.state, { type: 'retry-of', tab: 4, url: URL_ }, ctx(alarm.at + 10)).answer;
  assert.equal(view.state, 'fired');
  assert.equal(view.attempts, 0);
  const healthy = core.step(c.state, { type: 'healthy', tab: 4 }, ctx(alarm.at + 20));
  assert.deepEqual(healthy.state.tabs, []);
});

test('the panel\'s actions answer for the status line; the popup lists and cancels', () => {
  const post = core.diagnose({ url: URL_, method: 'POST', statusCode: 502, timeStamp: T0 });
  const a = core.step(null, { type: 'failure', tab: 1, url: URL_, at: T0, attempts: 0, diagnosis: post }, ctx());
  assert.equal(a.effects.length, 0, 'a POST is not retried');
  const w = core.step(a.state, { type: 'action', tab: 1, action: 'watch', url: URL_, at: T0, method: 'POST' }, ctx());
  assert.deepEqual(w.answer, { ok: true, redraw: true, started: true });
  assert.equal(w.state.watches[0].tabs[0].get, true);
  assert.equal(core.step(w.state, { type: 'action', tab: 1, action: 'open-incognito', url: URL_, at: T0, method: 'POST' }, ctx()).answer, null);
  assert.deepEqual(core.step(w.state, { type: 'list-watches' }, ctx()).answer, [{ origin: 'https://shop.example.com', host: 'shop.example.com', tabs: 1 }]);
  const cancelled = core.step(w.state, { type: 'cancel-site', origin: 'https://shop.example.com' }, ctx());
  assert.equal(cancelled.answer, true);
  assert.deepEqual(cancelled.state.watches, []);
});

test('malformed input is refused with the field named, and the machine keeps working', () => {
  assert.throws(() => core.step(null, { type: 'nonsense' }, ctx()), /event\.type/);
  assert.throws(() => core.step(null, null, ctx()), /event: missing/);
  assert.throws(() => core.step({ tabs: [{ tab: 'x' }] }, { type: 'online' }, ctx()), /state\.tabs\[0\]\.tab/);
  assert.throws(() => core.step(null, { type: 'online' }, { now: 'soon' }), /ctx\.now/);
  const many = { tabs: Array.from({ length: 5000 }, (_, i) => ({ tab: i, url: URL_, state: 'off' })) };
  assert.equal(core.step(many, { type: 'online' }, ctx()).state.tabs.length, 1000, 'lists are read up to their bound');
  assert.equal(core.step(null, { type: 'online' }, ctx()).effects.length, 0);
});

test('a refined diagnosis that retrying does not help clears the retry the first frame scheduled', () => {
  const headers = [{ name: 'Content-Type', value: 'text/html; charset=UTF-8' }];
  const bare = core.diagnose({ url: URL_, method: 'GET', statusCode: 503, responseHeaders: headers, timeStamp: T0 });
  const a = core.step(null, { type: 'failure', tab: 8, url: URL_, at: T0, attempts: 0, diagnosis: bare }, ctx());
  assert.equal(a.state.tabs[0].state, 'scheduled');
  const page = '<html><head><title>Web Page Blocked</title></head><body><h1>Web Page Blocked</h1><p>Access to the web page you were trying to visit has been blocked in accordance with company policy.</p></body></html>';
  const blocked = core.diagnose({ url: URL_, method: 'GET', statusCode: 503, responseHeaders: headers, bodyText: page, timeStamp: T0 });
  assert.equal(blocked.cause, 'blocked');
  const b = core.step(JSON.parse(JSON.stringify(a.state)), { type: 'refined', tab: 8, url: URL_, at: T0, diagnosis: blocked }, ctx(T0 + 300));
  assert.deepEqual(b.effects, [{ type: 'alarm', name: 'gd-auto:8' }], 'the alarm is cleared');
  assert.equal(b.state.tabs[0].state, 'off');
  assert.equal(core.step(b.state, { type: 'retry-of', tab: 8, url: URL_ }, ctx(T0 + 300)).answer.state, 'off');
  // still retried: nothing changes
  const c = core.step(a.state, { type: 'refined', tab: 8, url: URL_, at: T0, diagnosis: bare }, ctx(T0 + 300));
  assert.deepEqual([c.effects, c.state.tabs], [[], a.state.tabs]);
  assert.throws(() => core.step(a.state, { type: 'refined', tab: 8, url: URL_, at: T0 }, ctx()), /event\.diagnosis/);
});
