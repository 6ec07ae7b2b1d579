// @ts-check
// The hosts that loaded fine, for "did you mean?": most recent last, in storage.local until
// "Forget" (options page). Only a page the person saw counts: a top-level 2xx (never a redirect
// hop: a chain of look-alike hosts adds none), never private. Here: healthy pages load no wasm.
import { KEY } from './constants.js';

export const KNOWN_HOSTS_KEY = KEY.KNOWN_HOSTS;
/** The core takes no more than 1,000. */
export const MAX_KNOWN_HOSTS = 500;
/** The longest hostname DNS allows. */
const MAX_HOST_LENGTH = 253;
const api = globalThis.chrome;

/** `incognito` must be false. @param {{ statusCode: number, url: string, incognito?: boolean }} response @returns {string | null} */
export function hostToRemember({ statusCode, url, incognito }) {
  if (!(statusCode >= 200 && statusCode < 300) || incognito !== false) return null;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname && u.hostname.length <= MAX_HOST_LENGTH ? u.hostname : null;
  } catch {
    return null;
  }
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

/** @type {string[] | undefined} */
let hosts;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let flush;
const stored = () => api.storage.local.get(KNOWN_HOSTS_KEY).then((got) => cleanHosts(got[KNOWN_HOSTS_KEY]), () => []);

/** Read once per context. @returns {Promise<string[]>} */
export async function knownHosts() {
  if (!hosts) {
    const got = await stored();
    hosts ??= got;
  }
  return hosts;
}

/** `isPrivate()` asks the tab (Chrome's webRequest has no incognito field) only for a 2xx.
 * @param {{ statusCode: number, url: string, incognito?: boolean }} details @param {() => Promise<boolean>} isPrivate */
export async function rememberResponse(details, isPrivate) {
  if (!hostToRemember({ ...details, incognito: false })) return;
  const incognito = typeof details.incognito === 'boolean' ? details.incognito : await isPrivate();
  const host = hostToRemember({ statusCode: details.statusCode, url: details.url, incognito });
  if (!host) return;
  const list = withHost(await knownHosts(), host);
  clearTimeout(flush);
  flush = setTimeout(() => api.storage.local.set({ [KNOWN_HOSTS_KEY]: list }).catch(() => {}), 3000);
}

export const countKnownHosts = async () => (await stored()).length;

export const forgetKnownHosts = () => api.storage.local.remove(KNOWN_HOSTS_KEY);

// Forgotten elsewhere (the options page): forget here too, and drop a write still pending.
api?.storage?.onChanged?.addListener((changes, area) => {
  if (area === 'local' && KNOWN_HOSTS_KEY in changes && !changes[KNOWN_HOSTS_KEY].newValue) {
    clearTimeout(flush);
    hosts = [];
  }
});
