// @ts-check
// The hosts that loaded fine, for "did you mean?": most recent last, until "Forget". Only a
// top-level 2xx (never a redirect hop), never private. Here: healthy pages load no wasm.
import { KEY } from './constants.js';

export const KNOWN_HOSTS_KEY = KEY.KNOWN_HOSTS;
/** The core takes no more than 1,000. */
export const MAX_KNOWN_HOSTS = 500;
/** The longest hostname DNS allows. */
const MAX_HOST_LENGTH = 253;
const api = globalThis.chrome;

/** `incognito` must be false. @param {{ statusCode: number, url: string, incognito?: boolean }} response @returns {string | null} */
export function hostToRemember({ statusCode, url, incognito }) {
  if (!(statusCode >= 200 && statusCode < 300) || incognito !== false || !URL.canParse(url)) return null;
  const u = new URL(url);
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname && u.hostname.length <= MAX_HOST_LENGTH ? u.hostname : null;
}

/** The same array, `host` moved (or added) to its end. @param {string[]} list @param {string} host @param {number} [max] */
export function withHost(list, host, max = MAX_KNOWN_HOSTS) {
  if (list[list.length - 1] === host) return list;
  const i = list.indexOf(host);
  if (i >= 0) list.splice(i, 1);
  list.push(host);
  if (list.length > max) list.splice(0, list.length - max);
  return list;
}

/** @param {unknown} value @returns {string[]} */
export function cleanHosts(value) {
  return Array.isArray(value) ? value.slice(-MAX_KNOWN_HOSTS).filter((h) => typeof h === 'string' && h && h.length <= MAX_HOST_LENGTH) : [];
}

/** @type {Promise<string[]> | undefined} */
let hosts;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let flush;
const stored = () => api.storage.local.get(KNOWN_HOSTS_KEY).then((got) => cleanHosts(got[KNOWN_HOSTS_KEY]), () => []);

export const knownHosts = () => (hosts ??= stored());

/** `isPrivate()` (asked only for a host to remember): the background asks the tab where
 * Chrome's webRequest has no incognito field. @param {{ statusCode: number, url: string }} details @param {() => Promise<boolean>} isPrivate */
export async function rememberResponse(details, isPrivate) {
  const host = hostToRemember({ ...details, incognito: false });
  if (!host || (await isPrivate())) return;
  const list = withHost(await knownHosts(), host);
  clearTimeout(flush);
  flush = setTimeout(() => api.storage.local.set({ [KNOWN_HOSTS_KEY]: list }).catch(() => {}), 3000);
}

export const countKnownHosts = async () => (await stored()).length;

export const forgetKnownHosts = () => api.storage.local.remove(KNOWN_HOSTS_KEY);

// Forgotten on the options page: here too, and no write still pending.
api?.storage?.onChanged?.addListener((changes, area) => {
  if (area === 'local' && KNOWN_HOSTS_KEY in changes && !changes[KNOWN_HOSTS_KEY].newValue) {
    clearTimeout(flush);
    hosts = Promise.resolve([]);
  }
});
