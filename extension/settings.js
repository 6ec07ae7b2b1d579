// @ts-check
// The person's settings (options page, storage.sync), kept until storage reports a change: a
// change applies at once, and a navigation costs no storage read. The developer setting
// `clockScale` (storage.session, default 1) divides every retry and watch delay so the tests
// run minutes in seconds; content scripts cannot reach it, and store builds (DEV false) ignore it.
import { storedValue } from './stored.js';
import { DEV } from './dev.js';
import { KEY } from './constants.js';

/** maxAttempts null: the core's most (it bounds any other number). @type {Readonly<GdSettings>} */
export const DEFAULTS = Object.freeze({ autoRetry: true, maxAttempts: null, notifications: true, panel: true, ignoredSites: [] });
export const MAX_IGNORED_SITES = 200;
const api = globalThis.chrome;

/** The settings with defaults and bounds applied, whatever storage holds.
 * @param {Record<string, any>} [raw] @returns {GdSettings} */
export function normalize(raw = {}) {
  const s = { ...DEFAULTS, ignoredSites: [...DEFAULTS.ignoredSites] };
  for (const k of /** @type {const} */ (['autoRetry', 'notifications', 'panel'])) if (typeof raw[k] === 'boolean') s[k] = raw[k];
  const n = Number(raw.maxAttempts);
  if (raw.maxAttempts != null && Number.isFinite(n)) s.maxAttempts = Math.max(1, Math.round(n));
  if (Array.isArray(raw.ignoredSites)) s.ignoredSites = [...new Set(raw.ignoredSites.map(siteOf).filter(Boolean))].slice(0, MAX_IGNORED_SITES);
  return s;
}

const settingsValue = storedValue('sync', null, () => api.storage.sync.get(Object.keys(DEFAULTS)).then(normalize, () => ({ ...DEFAULTS })));

/** A copy: callers may not change what the next caller gets. @returns {Promise<GdSettings>} */
export async function getSettings() {
  return structuredClone(await settingsValue.get());
}

/** @param {Partial<GdSettings>} partial */
export async function setSettings(partial) {
  const s = normalize({ ...(await getSettings()), ...partial });
  await api.storage.sync.set(s);
  return s;
}

/** A site as the person types it ("example.com", "https://shop.example.com/x", "*.example.com")
 * as a lowercase hostname pattern; "" when it is no host. @param {unknown} text @returns {string} */
export function siteOf(text) {
  const t = String(text ?? '').trim().toLowerCase();
  const wildcard = t.startsWith('*.');
  const rest = wildcard ? t.slice(2) : t;
  if (!rest) return '';
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(rest) ? rest : `http://${rest}`).hostname;
    return host ? (wildcard ? '*.' : '') + host : '';
  } catch {
    return '';
  }
}

const scaleValue = storedValue('session', KEY.CLOCK_SCALE, () => api.storage.session.get(KEY.CLOCK_SCALE).then((got) => Number(got[KEY.CLOCK_SCALE]) || 1, () => 1));

/** The developer time-scale: 1 unless set in a developer build (the core bounds it). @returns {Promise<number>} */
export const clockScale = () => (DEV ? scaleValue.get() : Promise.resolve(1));
