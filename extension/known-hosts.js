// @ts-check
// The hosts that loaded fine, for "did you mean?" after a DNS failure: hostnames only, most
// recent last, in storage.local until the person clicks "Forget" (options page). Only a page
// the person saw counts: a top-level 2xx (never a redirect hop, so a chain of look-alike hosts
// adds none), never from a private window. Decided here, not in the core: healthy pages load
// no wasm.
import { KEY } from './constants.js';

export const KNOWN_HOSTS_KEY = KEY.KNOWN_HOSTS;
/** At most this many hosts are kept (the core takes no more than 1,000). */
export const MAX_KNOWN_HOSTS = 500;
/** The longest hostname DNS allows. */
const MAX_HOST_LENGTH = 253;
const api = globalThis.chrome;

/** The hostname a healthy main-frame response adds, or null: 2xx, http(s), not private
 * (`incognito` must be false), not too long to be real.
 * @param {{ statusCode: number, url: string, incognito?: boolean }} response @returns {string | null} */
export function hostToRemember({ statusCode, url, incognito }) {
  if (!(statusCode >= 200 && statusCode < 300) || incognito !== false) return null;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname && u.hostname.length <= MAX_HOST_LENGTH ? u.hostname : null;
  } catch {
    return null;
  }
}

/** `list` with `host` moved (or added) to its end, cut to `max`; the same array.
 * @param {string[]} list @param {string} host @param {number} [max] */
export function withHost(list, host, max = MAX_KNOWN_HOSTS) {
  if (list[list.length - 1] === host) return list;
  const i = list.indexOf(host);
  if (i >= 0) list.splice(i, 1);
  list.push(host);
  if (list.length > max) list.splice(0, list.length - max);
  return list;
}

/** A stored value made safe: hostname-length strings, at most the bound. @param {unknown} value @returns {string[]} */
export function cleanHosts(value) {
  return Array.isArray(value) ? value.slice(-MAX_KNOWN_HOSTS).filter((h) => typeof h === 'string' && h && h.length <= MAX_HOST_LENGTH) : [];
}

/** @type {string[] | undefined} */
let hosts;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let flush;
const stored = () => api.storage.local.get(KNOWN_HOSTS_KEY).then((got) => cleanHosts(got[KNOWN_HOSTS_KEY]), () => []);

/** The list, read once per context. @returns {Promise<string[]>} */
export async function knownHosts() {
  if (!hosts) {
    const got = await stored();
    hosts ??= got;
  }
  return hosts;
}

/** Adds the host of a healthy response; `isPrivate()` asks the tab where the details do not
 * say (Chrome's webRequest has no incognito field): most responses (redirects, 4xx) never ask.
 * @param {{ statusCode: number, url: string, incognito?: boolean }} details @param {() => Promise<boolean>} isPrivate */
export async function rememberResponse(details, isPrivate) {
  if (!hostToRemember({ ...details, incognito: false })) return;
  const incognito = typeof details.incognito === 'boolean' ? details.incognito : await isPrivate();
  const host = hostToRemember({ statusCode: details.statusCode, url: details.url, incognito });
  if (!host) return;
  const list = withHost(await knownHosts(), host);
  // Written at most every few seconds: a burst of navigations costs one write.
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
