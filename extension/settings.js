// @ts-check
// The person's settings (storage.sync), and the developer `clockScale` that divides every
// retry and watch delay (the tests run minutes in seconds; store builds: 1).
import { storedValue } from './stored.js';
import { DEV } from './dev.js';
import { KEY } from './constants.js';

/** maxAttempts null: the core's most (it bounds any other number). @type {Readonly<GdSettings>} */
export const DEFAULTS = Object.freeze({ autoRetry: true, maxAttempts: null, notifications: true, panel: true, ignoredSites: [] });
export const MAX_IGNORED_SITES = 200;
const api = globalThis.chrome;

/** Defaults and bounds, whatever storage holds. @param {Record<string, any>} [raw] @returns {GdSettings} */
export function normalize(raw = {}) {
  const s = { ...DEFAULTS, ignoredSites: [...DEFAULTS.ignoredSites] };
  for (const k of /** @type {const} */ (['autoRetry', 'notifications', 'panel'])) if (typeof raw[k] === 'boolean') s[k] = raw[k];
  const n = Number(raw.maxAttempts);
  if (raw.maxAttempts != null && Number.isFinite(n)) s.maxAttempts = Math.max(1, Math.round(n));
  if (Array.isArray(raw.ignoredSites)) s.ignoredSites = [...new Set(raw.ignoredSites.map(siteOf).filter(Boolean))].slice(0, MAX_IGNORED_SITES);
  return s;
}

const settingsValue = storedValue('sync', null, () => api.storage.sync.get(Object.keys(DEFAULTS)).then(normalize, () => ({ ...DEFAULTS })));

/** A copy for each caller. @returns {Promise<GdSettings>} */
export async function getSettings() {
  return structuredClone(await settingsValue.get());
}

/** @param {Partial<GdSettings>} partial */
export async function setSettings(partial) {
  const s = normalize({ ...(await getSettings()), ...partial });
  await api.storage.sync.set(s);
  return s;
}

/** "example.com", "https://a.example.com/x", "*.example.com" as a hostname pattern, or "". @param {unknown} text @returns {string} */
export function siteOf(text) {
  const t = String(text ?? '').trim().toLowerCase();
  const wildcard = t.startsWith('*.');
  const rest = wildcard ? t.slice(2) : t;
  const url = /^[a-z][a-z0-9+.-]*:\/\//.test(rest) ? rest : `http://${rest}`;
  const host = rest && URL.canParse(url) ? new URL(url).hostname : '';
  return host ? (wildcard ? '*.' : '') + host : '';
}

const scaleValue = storedValue('session', KEY.CLOCK_SCALE, () => api.storage.session.get(KEY.CLOCK_SCALE).then((got) => Number(got[KEY.CLOCK_SCALE]) || 1, () => 1));

/** The core bounds it. @returns {Promise<number>} */
export const clockScale = () => (DEV ? scaleValue.get() : Promise.resolve(1));
