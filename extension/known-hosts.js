// @ts-check
// The hosts that loaded fine, for "did you mean?" after a DNS failure: hostnames only, most
// recent last, at most MAX_KNOWN_HOSTS, in storage.local (kept until the person clicks
// "Forget" on the options page). Only a page the person saw counts: a top-level response with
// a 2xx status (never a redirect hop, so a chain of look-alike hosts adds none of them), never
// from a private window. The background writes the list; the options page counts and forgets it.

import { KEY } from './constants.js';

export const KNOWN_HOSTS_KEY = KEY.KNOWN_HOSTS;
/** At most this many hosts are kept (the core takes no more than 1,000). */
export const MAX_KNOWN_HOSTS = 500;
/** The longest hostname DNS allows. */
const MAX_HOST_LENGTH = 253;
const FLUSH_MS = 3000;

const api = globalThis.chrome;

/** The hostname a healthy main-frame response adds, or null: 2xx only, http(s) only, never
 * in a private window (`incognito` true), never a hostname too long to be real.
 * @param {{ statusCode: number, url: string, incognito?: boolean }} response
 * @returns {string | null} */
export function hostToRemember({ statusCode, url, incognito }) {
  if (!(statusCode >= 200 && statusCode < 300) || incognito !== false) return null;
  let u;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname || u.hostname.length > MAX_HOST_LENGTH) return null;
  return u.hostname;
}

/** `list` with `host` moved (or added) to its end, cut to the bound; the same array.
 * @param {string[]} list
 * @param {string} host
 * @param {number} [max] */
export function withHost(list, host, max = MAX_KNOWN_HOSTS) {
  if (list[list.length - 1] === host) return list;
  const i = list.indexOf(host);
  if (i >= 0) list.splice(i, 1);
  list.push(host);
  if (list.length > max) list.splice(0, list.length - max);
  return list;
}

/** A stored value made safe: strings of a hostname's length, at most the bound.
 * @param {unknown} value
 * @returns {string[]} */
export function cleanHosts(value) {
  if (!Array.isArray(value)) return [];
  return value.slice(-MAX_KNOWN_HOSTS).filter((h) => typeof h === 'string' && h && h.length <= MAX_HOST_LENGTH);
}

/** @type {string[] | undefined} */
let hosts;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let flush;

/** The list, read from storage once per context.
 * @returns {Promise<string[]>} */
export async function knownHosts() {
  if (!hosts) {
    const got = await api.storage.local.get(KNOWN_HOSTS_KEY).catch(() => /** @type {Record<string, unknown>} */ ({}));
    hosts ??= cleanHosts(got[KNOWN_HOSTS_KEY]);
  }
  return hosts;
}

/** Adds the host of a healthy response (webRequest details); `isPrivate()` says whether its
 * tab is in a private window where the details do not (Chrome's webRequest has no field).
 * @param {{ statusCode: number, url: string, incognito?: boolean }} details
 * @param {() => Promise<boolean>} isPrivate */
export async function rememberResponse(details, isPrivate) {
  // What the response says first: most responses (redirects, 4xx) cost no question to the tab.
  if (!hostToRemember({ statusCode: details.statusCode, url: details.url, incognito: false })) return;
  const incognito = typeof details.incognito === 'boolean' ? details.incognito : await isPrivate();
  const host = hostToRemember({ statusCode: details.statusCode, url: details.url, incognito });
  if (!host) return;
  const list = withHost(await knownHosts(), host);
  // Written at most every few seconds: a burst of navigations costs one write.
  clearTimeout(flush);
  flush = setTimeout(() => api.storage.local.set({ [KNOWN_HOSTS_KEY]: list }).catch(() => {}), FLUSH_MS);
}

/** How many hosts are kept (the options page). */
export async function countKnownHosts() {
  const got = await api.storage.local.get(KNOWN_HOSTS_KEY).catch(() => /** @type {Record<string, unknown>} */ ({}));
  return cleanHosts(got[KNOWN_HOSTS_KEY]).length;
}

/** Forgets them all (the options page's "Forget"). */
export async function forgetKnownHosts() {
  await api.storage.local.remove(KNOWN_HOSTS_KEY);
}

// Forgotten elsewhere (the options page): forget here too, and drop a write still pending.
api?.storage?.onChanged?.addListener((changes, area) => {
  if (area === 'local' && KNOWN_HOSTS_KEY in changes && !changes[KNOWN_HOSTS_KEY].newValue) {
    clearTimeout(flush);
    hosts = [];
  }
});
