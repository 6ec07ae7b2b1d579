// @ts-check
// The person's settings (options page), in storage.sync, read once per context and kept until
// storage reports a change: a change on the options page applies at once, with no restart,
// and a navigation costs no storage read. One developer setting, `clockScale` in
// storage.session (default 1), divides every auto-retry and watch delay; the end-to-end tests
// set it to run minutes of waiting in seconds. Content scripts cannot reach storage.session,
// and store builds (dev.js: DEV false) ignore it.
import { storedValue } from './stored.js';
import { DEV } from './dev.js';
import { KEY } from './constants.js';

/**
 * @typedef {{ autoRetry: boolean, maxAttempts: number | null, notifications: boolean, panel: boolean,
 *   ignoredSites: string[] }} Settings
 */

/** @type {Readonly<Settings>} */
export const DEFAULTS = Object.freeze({
  autoRetry: true,
  // null: the core's most (policy::limits().maxAttempts); the core bounds any other number
  maxAttempts: null,
  notifications: true,
  panel: true,
  ignoredSites: [],
});

export const MAX_IGNORED_SITES = 200;

const api = globalThis.chrome;

/** Settings with defaults and bounds applied, whatever storage holds.
 * @param {Record<string, any>} [raw]
 * @returns {Settings} */
export function normalize(raw = {}) {
  const s = { ...DEFAULTS, ignoredSites: [...DEFAULTS.ignoredSites] };
  if (typeof raw.autoRetry === 'boolean') s.autoRetry = raw.autoRetry;
  if (typeof raw.notifications === 'boolean') s.notifications = raw.notifications;
  if (typeof raw.panel === 'boolean') s.panel = raw.panel;
  const n = Number(raw.maxAttempts);
  if (raw.maxAttempts != null && Number.isFinite(n)) s.maxAttempts = Math.max(1, Math.round(n));
  if (Array.isArray(raw.ignoredSites)) {
    s.ignoredSites = [...new Set(raw.ignoredSites.map(siteOf).filter(Boolean))].slice(0, MAX_IGNORED_SITES);
  }
  return s;
}

const settingsValue = storedValue('sync', null, async () => {
  try {
    return normalize(await api.storage.sync.get(Object.keys(DEFAULTS)));
  } catch {
    return { ...DEFAULTS };
  }
});

/** @returns {Promise<Settings>} */
export async function getSettings() {
  // A copy: callers may not change what the next caller gets.
  return structuredClone(await settingsValue.get());
}

/** @param {Partial<Settings>} partial */
export async function setSettings(partial) {
  const s = normalize({ ...(await getSettings()), ...partial });
  await api.storage.sync.set(s);
  return s;
}

/**
 * A site as the person types it ("example.com", "https://shop.example.com/x", "*.example.com")
 * reduced to a lowercase hostname pattern; "" when it is no host.
 * @param {unknown} text
 * @returns {string}
 */
export function siteOf(text) {
  let t = String(text ?? '').trim().toLowerCase();
  if (!t) return '';
  let wildcard = false;
  if (t.startsWith('*.')) {
    wildcard = true;
    t = t.slice(2);
  }
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(t) ? t : `http://${t}`).hostname;
    if (!host) return '';
    return wildcard ? `*.${host}` : host;
  } catch {
    return '';
  }
}

/** Whether `url` belongs to a site the person asked to leave alone: the host itself or one of
 * its subdomains ("example.com" also covers "www.example.com").
 * @param {string} url
 * @param {Pick<Settings, 'ignoredSites'> | undefined} settings */
export function isIgnored(url, settings) {
  let host;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  for (const site of settings?.ignoredSites || []) {
    const base = site.startsWith('*.') ? site.slice(2) : site;
    if (host === base || host.endsWith(`.${base}`)) return true;
  }
  return false;
}

const scaleValue = storedValue('session', KEY.CLOCK_SCALE, () =>
  api.storage.session
    .get(KEY.CLOCK_SCALE)
    .then((got) => Number(got[KEY.CLOCK_SCALE]) || 1)
    .catch(() => 1),
);

/** The developer setting that speeds up every delay (tests): 1 unless set in a developer
 * build; the core bounds it (policy::scale_of).
 * @returns {Promise<number>} */
export function clockScale() {
  return DEV ? scaleValue.get() : Promise.resolve(1);
}
