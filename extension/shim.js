// @ts-check
// The one place where Chrome and Firefox differ: the rest uses `chrome.*` (both have it in MV3).
import { panelScript } from './panel-script.js';

export const api = globalThis.chrome;
export const browserName = api.runtime.getURL('').startsWith('moz-extension:') ? 'firefox' : 'chrome';
export const isFirefox = browserName === 'firefox';
/** Chrome's browsingData clears cookies by registrable domain, not origin. */
export const clearsWholeDomain = !isFirefox;
export const canDisableExtensions = !isFirefox;
/** Firefox's `dns` API (a permission of its build only: tools/manifest.mjs); Chrome has none. */
export const canResolveNames = isFirefox;

/** `promise`, or undefined after `ms` (a browser call may never settle). @template T @param {Promise<T> | undefined} promise @param {number} ms @returns {Promise<T | undefined>} */
export function within(promise, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

/** @param {number} tabId @param {string} text */
export async function setBadge(tabId, text) {
  try {
    await api.action.setBadgeText({ tabId, text });
    if (text) await api.action.setBadgeBackgroundColor({ tabId, color: '#b00020' });
  } catch {
    // the tab is gone
  }
}

/** Not allowed: how to allow it, in this browser's words. @param {string} url @returns {Promise<GdResult>} */
export async function openPrivateWindow(url) {
  const allowed = await api.extension.isAllowedIncognitoAccess();
  const help = { ok: false, messageKey: isFirefox ? 'ui_private_help_firefox' : 'ui_private_help_chrome' };
  if (!allowed && isFirefox) return help;
  try {
    await api.windows.create({ incognito: true, url });
    return { ok: true, messageKey: 'ui_private_opened' };
  } catch {
    return allowed ? { ok: false, messageKey: 'ui_private_failed' } : help;
  }
}

/** Firefox needs "Run in Private Windows"; Chrome lets any extension open one. @returns {Promise<boolean>} */
export async function canOpenPrivateWindow() {
  return !isFirefox || api.extension.isAllowedIncognitoAccess();
}

/** Where `host` resolves (Firefox), or undefined after 1.5 s; `flags`: dns.resolve's. @param {string} host @param {string[]} [flags] @returns {Promise<string[] | undefined>} */
export async function resolveHost(host, flags = []) {
  /** @type {any} */
  const dns = /** @type {any} */ (api).dns;
  if (!canResolveNames || !host || !dns?.resolve) return undefined;
  /** @type {any} */
  const r = await within(Promise.resolve().then(() => dns.resolve(host, flags)), 1500).catch(() => undefined);
  return Array.isArray(r?.addresses) ? r.addresses.slice(0, 32).map(String) : undefined;
}

/** Chrome tells extensions nothing about captive portals: there only a 511 says so. */
const portalApi = isFirefox ? /** @type {any} */ (api).captivePortal : undefined;

/** The state and the URL a portal answers with its sign-in page; undefined with detection off. @returns {Promise<{ state: string, url?: string } | undefined>} */
export async function captivePortal() {
  if (!portalApi) return undefined;
  try {
    const state = String(await portalApi.getState());
    /** @type {{ value?: unknown } | undefined} */
    const s = await portalApi.canonicalURL.get({}).catch(() => undefined);
    return { state, url: typeof s?.value === 'string' ? s.value.slice(0, 2048) : undefined };
  } catch {
    return undefined;
  }
}

/** @param {() => void} listener */
export function onPortalUnlocked(listener) {
  try {
    portalApi?.onStateChanged.addListener((/** @type {{ state?: string }} */ d) => d?.state === 'unlocked_portal' && listener());
  } catch {
    // Firefox's detection is turned off: it throws.
  }
}

/** `view`: shown once the page is parsed (null: it asks). Throws where the page cannot be scripted. @param {number} tabId @param {object | null} [view] */
export async function injectPanel(tabId, view = null) {
  await api.scripting.executeScript({ target: { tabId }, injectImmediately: true, func: panelScript, args: [view] });
}

/** Firefox filters the other changes out before they wake the background; Chrome cannot. @param {(tabId: number, changeInfo: chrome.tabs.OnUpdatedInfo, tab: chrome.tabs.Tab) => void} listener */
export function onTabStatus(listener) {
  const onUpdated = /** @type {{ addListener(l: typeof listener, filter?: { properties: string[] }): void }} */ (api.tabs.onUpdated);
  if (isFirefox) onUpdated.addListener(listener, { properties: ['status'] });
  else onUpdated.addListener(listener);
}

/** Firefox reports the proxy that carried a request. @param {object} details @returns {{ type: string, host?: string, port?: number } | undefined} */
export function proxyOf(details) {
  const p = /** @type {{ proxyInfo?: { type: string, host?: string, port?: number } }} */ (details).proxyInfo;
  return p && p.type !== 'direct' ? { type: p.type, host: p.host, port: p.port } : undefined;
}

/** Chrome by origin (both schemes); Firefox by hostname, not its HTTP cache. @param {string} url @returns {Promise<{ ok: boolean, cacheByHand?: boolean }>} */
export async function clearSiteData(url) {
  const u = new URL(url);
  if (isFirefox) {
    await api.browsingData.remove(/** @type {chrome.browsingData.RemovalOptions} */ ({ hostnames: [u.hostname] }), { cookies: true, localStorage: true, indexedDB: true, serviceWorkers: true });
    return { ok: true, cacheByHand: true };
  }
  const origins = /** @type {[string, string]} */ ([u.origin, `${u.protocol === 'https:' ? 'http:' : 'https:'}//${u.host}`]);
  await api.browsingData.remove({ origins }, { cookies: true, cache: true, cacheStorage: true, localStorage: true, indexedDB: true, serviceWorkers: true, fileSystems: true });
  return { ok: true };
}

/** @type {Record<string, string>} Firefox's proxyType as the core's (Chrome's) mode. */
const FIREFOX_PROXY_MODES = { none: 'direct', system: 'system', manual: 'fixed_servers', autoConfig: 'pac_script', autoDetect: 'auto_detect' };

/** @returns {Promise<{ mode: string | undefined, byExtension: boolean }>} */
export async function readProxySettings() {
  const s = await api.proxy.settings.get({});
  const value = /** @type {{ mode?: string, proxyType?: string } | undefined} */ (s.value);
  const mode = isFirefox ? FIREFOX_PROXY_MODES[value?.proxyType ?? ''] : value?.mode;
  return { mode, byExtension: s.levelOfControl === 'controlled_by_other_extensions' };
}
