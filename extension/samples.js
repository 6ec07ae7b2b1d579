// @ts-check
// What healthy responses (never private) tell about this computer, in session storage: their
// `Date` (the clock's offset) and when a page last loaded over public IPv4. No wasm here.
import { KEY, CLOCK, IPV4 } from './constants.js';
import { sessionValue, listOf } from './stored.js';

const clock = sessionValue(KEY.CLOCK_SAMPLES, (v) => /** @type {{ date: string, at: number }[]} */ (listOf(v)));
const ipv4 = sessionValue(KEY.IPV4_AT, (v) => Number(v) || 0);
export const clockSamples = clock.get;
export const lastIpv4 = ipv4.get;

/** @param {GdResponseDetails} details @param {() => Promise<boolean>} isPrivate */
export async function rememberClock(details, isPrivate) {
  const date = (details.responseHeaders || []).find((h) => String(h.name).toLowerCase() === 'date')?.value;
  if (!date) return;
  const list = await clockSamples();
  const last = list[list.length - 1];
  if (last && Math.abs(details.timeStamp - last.at) < CLOCK.EVERY_MS) return;
  if (await isPrivate()) return;
  list.push({ date: String(date).slice(0, 64), at: details.timeStamp });
  list.splice(0, Math.max(0, list.length - CLOCK.KEEP));
  await clock.set(list);
}

/** @param {GdResponseDetails} details @param {() => Promise<boolean>} isPrivate */
export async function rememberIpv4(details, isPrivate) {
  const ip = String(details.ip || '');
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip) || ip.startsWith('127.')) return;
  if (details.timeStamp - (await lastIpv4()) < IPV4.EVERY_MS) return;
  if (await isPrivate()) return;
  await ipv4.set(details.timeStamp);
}
