// What the background's watch module (dist/chrome/watch.js, as built) costs a healthy page: with
// a mocked browser API, the navigations of tabs the machine does not know read session storage
// once per worker at most, whether a state is stored or not, and never load the wasm
// (BENCHMARKS.md section 4: "No storage read per navigation, and the core is never loaded").
// Run: node --test tests/node/healthy.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../dist/chrome/', import.meta.url));
const N = 50;
const { KEY } = await import(`${DIST}constants.js`);

/** A fresh copy of watch.js over a mocked `chrome` whose session storage holds `stored`; the
 * calls it makes are counted. */
async function watchModule(stored) {
  const calls = { sessionGet: 0, wasmFetch: 0 };
  const event = () => ({ addListener() {}, removeListener() {} });
  globalThis.chrome = {
    runtime: { getURL: (p = '') => `chrome-extension://gd/${p}`, id: 'gd', onMessage: event() },
    storage: {
      session: {
        get: async (k) => (calls.sessionGet++, k in stored ? { [k]: structuredClone(stored[k]) } : {}),
        set: async () => {},
        remove: async () => {},
      },
      sync: { get: async () => ({}), set: async () => {} },
      local: { get: async () => ({}), set: async () => {} },
      onChanged: event(),
    },
    notifications: { onClicked: event(), onClosed: event() },
    alarms: { clear: async () => {}, create() {}, onAlarm: event() },
    tabs: { get: async () => ({}), onUpdated: event(), onRemoved: event() },
    i18n: { getMessage: () => '', getUILanguage: () => 'en' },
  };
  globalThis.fetch = async () => {
    calls.wasmFetch++;
    throw new Error('no network in this test');
  };
  // A query string makes a new module instance (a new worker's state) for each call.
  const watch = await import(`${DIST}watch.js?worker=${Math.random()}`);
  return { watch, calls };
}

for (const [name, stored] of [
  ['nothing stored (no retry or watch ever started)', {}],
  ['a stored state that does not involve the tab', { [KEY.MACHINE]: { involved: [3], tabs: [], watches: [], buckets: [], fired: [], notices: [] } }],
]) {
  test(`healthy navigations, ${name}: one storage read per worker, no wasm`, async () => {
    const { watch, calls } = await watchModule(stored);
    for (let i = 0; i < N; i++) {
      await watch.onHealthy(7);
      await watch.onNavigated(7, `https://example.com/${i}`);
    }
    await watch.onTabRemoved(7);
    await Promise.all([watch.onHealthy(8), watch.onHealthy(9), watch.onNavigated(10, 'https://example.com/')]);
    assert.equal(calls.sessionGet, 1, `${2 * N + 4} navigations read session storage ${calls.sessionGet} times`);
    assert.equal(calls.wasmFetch, 0, 'the wasm was not loaded');
    if (stored[KEY.MACHINE]) {
      // The stored state was read: its tab's navigation goes to the machine (the core loads).
      await watch.onHealthy(3);
      assert.equal(calls.wasmFetch, 1, 'a tab the machine knows loads the core');
      assert.equal(calls.sessionGet, 1);
    }  });
}
