// extension/samples.js: the clock samples and the time of the last public IPv4 response,
// noted from healthy responses, never from a private window, and at most once a minute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEY, CLOCK, IPV4 } from '../../extension/constants.js';

let fresh = 0;
/** The module with a session storage of its own (a fresh instance: its caches start empty),
 * and that storage's contents. */
async function load() {
  const data = {};
  globalThis.chrome = {
    storage: {
      session: {
        get: async (k) => (k in data ? { [k]: structuredClone(data[k]) } : {}),
        set: async (o) => void Object.assign(data, structuredClone(o)),
      },
    },
  };
  const m = await import(`../../extension/samples.js?fresh=${++fresh}`);
  return { m, data };
}

const NORMAL = async () => false;
const PRIVATE = async () => true;
const T0 = 1_700_000_000_000;
const publicV4 = (timeStamp) => ({ ip: '93.184.216.34', timeStamp });
const dated = (timeStamp) => ({ timeStamp, responseHeaders: [{ name: 'Content-Type', value: 'text/html' }, { name: 'date', value: 'Tue, 14 Nov 2023 22:13:20 GMT' }] });

test('IPv4: a public address in a normal window notes its time, at most once a minute', async () => {
  const { m, data } = await load();
  await m.rememberIpv4(publicV4(T0), NORMAL);
  assert.equal(data[KEY.IPV4_AT], T0);
  assert.equal(await m.lastIpv4(), T0);
  await m.rememberIpv4(publicV4(T0 + IPV4.EVERY_MS - 1), NORMAL);
  assert.equal(data[KEY.IPV4_AT], T0);
  await m.rememberIpv4(publicV4(T0 + IPV4.EVERY_MS), NORMAL);
  assert.equal(data[KEY.IPV4_AT], T0 + IPV4.EVERY_MS);
});

test('IPv4: nothing is noted from a private window', async () => {
  const { m, data } = await load();
  await m.rememberIpv4(publicV4(T0), PRIVATE);
  assert.equal(KEY.IPV4_AT in data, false, JSON.stringify(data));
  assert.equal(await m.lastIpv4(), 0);
  // Not even in memory: a normal window's response a moment later is still noted.
  await m.rememberIpv4(publicV4(T0 + 1000), NORMAL);
  assert.equal(data[KEY.IPV4_AT], T0 + 1000);
});

test('IPv4: loopback, IPv6 and no address are not noted, and ask nothing of the tab', async () => {
  const { m, data } = await load();
  let asked = 0;
  const ask = async () => (asked++, false);
  for (const ip of ['127.0.0.1', '127.1.2.3', '::1', '2001:db8::1', '', undefined, '1.2.3', 'a.b.c.d']) {
    await m.rememberIpv4({ ip, timeStamp: T0 }, ask);
  }
  assert.equal(KEY.IPV4_AT in data, false);
  assert.equal(asked, 0);
});

test('clock: a Date in a normal window is a sample, at most one a minute, the last few kept', async () => {
  const { m, data } = await load();
  await m.rememberClock(dated(T0), NORMAL);
  assert.deepEqual(data[KEY.CLOCK_SAMPLES], [{ date: 'Tue, 14 Nov 2023 22:13:20 GMT', at: T0 }]);
  await m.rememberClock(dated(T0 + CLOCK.EVERY_MS - 1), NORMAL);
  assert.equal(data[KEY.CLOCK_SAMPLES].length, 1);
  for (let i = 1; i <= CLOCK.KEEP + 3; i++) await m.rememberClock(dated(T0 + i * CLOCK.EVERY_MS), NORMAL);
  assert.equal(data[KEY.CLOCK_SAMPLES].length, CLOCK.KEEP);
  assert.equal(data[KEY.CLOCK_SAMPLES].at(-1).at, T0 + (CLOCK.KEEP + 3) * CLOCK.EVERY_MS);
});

test('clock: nothing is noted from a private window, nor without a Date', async () => {
  const { m, data } = await load();
  await m.rememberClock(dated(T0), PRIVATE);
  assert.equal(KEY.CLOCK_SAMPLES in data, false);
  assert.deepEqual(await m.clockSamples(), []);
  let asked = 0;
  await m.rememberClock({ timeStamp: T0, responseHeaders: [{ name: 'Server', value: 'x' }] }, async () => (asked++, false));
  assert.equal(asked, 0);
  assert.equal(KEY.CLOCK_SAMPLES in data, false);
});
