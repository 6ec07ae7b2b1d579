// @ts-check
// What healthy main-frame responses tell about this computer and its connection, noted from
// the webRequest details the background sees anyway (nothing extra is sent), never from a
// private window, in session storage only: the `Date` of responses (the clock's offset) and
// when a page last loaded from a public IPv4 address (IPv4 works). Nothing is parsed here:
// healthy pages load no wasm; the core reads both (src/policy.rs clock_offset,
// src/diagnose/person.rs).

import { KEY, CLOCK, IPV4 } from './constants.js';

const api = globalThis.chrome;

/** @typedef {{ responseHeaders?: { name: string, value?: string }[], timeStamp: number, ip?: string }} ResponseDetails */

/** The clock samples, read from session storage once per worker; this module is their only
 * writer, so the list in memory stays the truth after that. */
/** @type {Promise<{ date: string, at: number }[]> | undefined} */
let clock;
export const clockSamples = () =>
  (clock ??= api.storage.session
    .get(KEY.CLOCK_SAMPLES)
    .then((got) => /** @type {{ date: string, at: number }[]} */ (Array.isArray(got[KEY.CLOCK_SAMPLES]) ? got[KEY.CLOCK_SAMPLES] : []))
    .catch(() => []));

/** Notes the response's `Date`, at most one a minute, the last CLOCK.KEEP.
 * @param {ResponseDetails} details @param {() => Promise<boolean>} isPrivate */
export async function rememberClock(details, isPrivate) {
  const date = (details.responseHeaders || []).find((h) => String(h.name).toLowerCase() === 'date')?.value;
  if (!date) return;
  const list = await clockSamples();
  const last = list[list.length - 1];
  if (last && Math.abs(details.timeStamp - last.at) < CLOCK.EVERY_MS) return;
  if (await isPrivate()) return;
  list.push({ date: String(date).slice(0, 64), at: details.timeStamp });
  list.splice(0, Math.max(0, list.length - CLOCK.KEEP));
  await api.storage.session.set({ [KEY.CLOCK_SAMPLES]: list }).catch(() => {});
}

/** When a page last loaded from a public IPv4 address: IPv4 works, so a site that only has
 * IPv6 and fails points at this connection's IPv6. A time only. */
/** @type {Promise<number> | undefined} */
let ipv4At;
export const lastIpv4 = () =>
  (ipv4At ??= api.storage.session
    .get(KEY.IPV4_AT)
    .then((got) => Number(got[KEY.IPV4_AT]) || 0)
    .catch(() => 0));

/** Notes the response's time when it came from a public IPv4 address, at most once a minute.
 * @param {ResponseDetails} details @param {() => Promise<boolean>} isPrivate */
export async function rememberIpv4(details, isPrivate) {
  const ip = String(details.ip || '');
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip) || ip.startsWith('127.')) return;
  if (details.timeStamp - (await lastIpv4()) < IPV4.EVERY_MS) return;
  if (await isPrivate()) return;
  ipv4At = Promise.resolve(details.timeStamp);
  await api.storage.session.set({ [KEY.IPV4_AT]: details.timeStamp }).catch(() => {});
}
