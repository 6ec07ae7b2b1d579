// @ts-check
// The one place where Chrome and Firefox differ. Everything else uses `chrome.*`, which both
// browsers provide with promises in Manifest V3, and asks this module about the rest.

import { panelScript } from './panel-script.js';

export const api = globalThis.chrome;

/** "firefox" or "chrome", from the scheme of the extension's own URLs. */
export const browserName = api.runtime.getURL('').startsWith('moz-extension:') ? 'firefox' : 'chrome';

export const isFirefox = browserName === 'firefox';

/** Chrome's browsingData clears a site's cookies by registrable domain (the whole domain), not
 * by origin: the extension says so before the click. */
export const clearsWholeDomain = !isFirefox;

/** Sets the badge of a tab. Browsers reset it when a page loads: set it again on 'complete'.
 * @param {number} tabId
 * @param {string} text */
export async function setBadge(tabId, text) {
  try {
    await api.action.setBadgeText({ tabId, text });
    if (text) await api.action.setBadgeBackgroundColor({ tabId, color: '#b00020' });
  } catch {
    // The tab is gone.
  }
}

/**
 * Opens `url` in a private window. Resolves to {ok: true} or {ok: false, reason}, where reason
 * is "not-allowed" when the browser refuses because the extension may not use private windows.
 * @param {string} url
 * @returns {Promise<{ ok: boolean, reason?: 'not-allowed' | 'failed', detail?: string }>}
 */
export async function openPrivateWindow(url) {
  const allowed = await api.extension.isAllowedIncognitoAccess();
  if (!allowed && isFirefox) return { ok: false, reason: 'not-allowed' };
  try {
    await api.windows.create({ incognito: true, url });
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: allowed ? 'failed' : 'not-allowed', detail: String(/** @type {Error} */ (e)?.message || e) };
  }
}

/** Whether the extension can open a private window: Chrome lets any extension open an
 * incognito window (it only does not run there); Firefox needs "Run in Private Windows".
 * @returns {Promise<boolean>} */
export async function canOpenPrivateWindow() {
  if (!isFirefox) return true;
  return api.extension.isAllowedIncognitoAccess();
}

/** The message that tells how to allow private windows in this browser. */
export const privateAccessHelpKey = isFirefox ? 'ui_private_help_firefox' : 'ui_private_help_chrome';

/** Whether this browser lets an extension ask where a name points (Firefox's `dns`, a
 * permission of the Firefox build only: tools/manifest.mjs); Chrome has no such API. */
export const canResolveNames = isFirefox;

/** How long a name's lookup may take before the diagnosis goes on without it. */
const RESOLVE_LIMIT_MS = 1500;

/**
 * The addresses `host` resolves to (Firefox), at most 32, or undefined where the browser
 * cannot say (Chrome, an error, too slow).
 * `flags`: dns.resolve's, e.g. ["disable_trr"] (without the browser's secure DNS).
 * @param {string} host
 * @param {string[]} [flags]
 * @returns {Promise<string[] | undefined>}
 */
export async function resolveHost(host, flags = []) {
  if (!canResolveNames || !host) return undefined;
  /** @type {any} */
  const dns = /** @type {any} */ (api).dns;
  if (!dns?.resolve) return undefined;
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(undefined), RESOLVE_LIMIT_MS);
  });
  try {
    /** @type {any} */
    const r = await Promise.race([dns.resolve(host, flags), late]);
    return Array.isArray(r?.addresses) ? r.addresses.slice(0, 32).map(String) : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** Firefox's captive-portal detection (its `captivePortal` API, a permission of the Firefox
 * build only: tools/manifest.mjs; Firefox does not let it be optional). Chrome tells
 * extensions nothing about captive portals: there only a 511 says so. */
const portalApi = isFirefox ? /** @type {any} */ (api).captivePortal : undefined;

/**
 * The browser's captive-portal state ("unknown", "not_captive", "unlocked_portal",
 * "locked_portal") and the URL it checks, which the portal answers with its sign-in page
 * (Firefox opens the same for "Open network login page"); undefined where the browser does
 * not say (Chrome, or Firefox with its detection turned off: then the API throws).
 * @returns {Promise<{ state: string, url?: string } | undefined>}
 */
export async function captivePortal() {
  if (!portalApi) return undefined;
  try {
    const state = String(await portalApi.getState());
    const url = await portalApi.canonicalURL.get({}).then(
      (/** @type {{ value?: unknown }} */ s) => (typeof s?.value === 'string' ? s.value.slice(0, 2048) : undefined),
      () => undefined,
    );
    return { state, url };
  } catch {
    return undefined;
  }
}

/** `listener()` when the browser's captive portal lets the person through (Firefox:
 * "unlocked_portal" after "locked_portal"). Registered at the top level of the background.
 * @param {() => void} listener */
export function onPortalUnlocked(listener) {
  try {
    portalApi?.onStateChanged.addListener((/** @type {{ state?: string }} */ d) => {
      if (d?.state === 'unlocked_portal') listener();
    });
  } catch {
    // Firefox's detection is turned off (network.captive-portal-service.enabled): it throws.
  }
}

/** Where the person manages extensions. */
export const extensionsPageUrl = isFirefox ? 'about:addons' : 'chrome://extensions';

/** The browser's own DNS cache page. */
export const dnsCachePageUrl = isFirefox ? 'about:networking#dns' : 'chrome://net-internals/#dns';

/** Injects the panel (render.js and content.js, made into one function by the build: see
 * tools/panel-script.mjs) into a tab's top frame, with `view` for it to show as soon as the
 * page is parsed (null: it asks the background). One call, at once (`injectImmediately`: not
 * waiting for the page to load). The content script decides whether the view is its page's.
 * Throws where the page cannot be scripted.
 * @param {number} tabId
 * @param {object | null} [view] what the background made for the panel (GdView) */
export async function injectPanel(tabId, view = null) {
  await api.scripting.executeScript({ target: { tabId }, injectImmediately: true, func: panelScript, args: [view] });
}

/** `listener(tabId, changeInfo, tab)` for a tab's loading status changes ('loading',
 * 'complete'). Firefox filters the other changes (title, favicon, audible, ...) out before they
 * reach the background, so a page costs fewer wake-ups; Chrome has no such filter, and the
 * listener ignores changes without a status there.
 * @param {(tabId: number, changeInfo: chrome.tabs.OnUpdatedInfo, tab: chrome.tabs.Tab) => void} listener */
export function onTabStatus(listener) {
  // Firefox's tabs.onUpdated takes a filter (not in Chrome's types).
  const onUpdated = /** @type {{ addListener(l: typeof listener, filter?: { properties: string[] }): void }} */ (api.tabs.onUpdated);
  if (isFirefox) onUpdated.addListener(listener, { properties: ['status'] });
  else api.tabs.onUpdated.addListener(listener);
}

/** The proxy that carried a request, where the browser reports it (Firefox only).
 * @param {object} details webRequest details
 * @returns {{ type: string, host?: string, port?: number } | undefined} */
export function proxyOf(details) {
  const p = /** @type {{ proxyInfo?: { type: string, host?: string, port?: number } }} */ (details).proxyInfo;
  if (!p || p.type === 'direct') return undefined;
  return { type: p.type, host: p.host, port: p.port };
}

/** The origins of a site that one click clears: the failing origin and its other scheme.
 * @param {string} url
 * @returns {[string, string]} */
function siteOrigins(url) {
  const u = new URL(url);
  const other = u.protocol === 'https:' ? 'http:' : 'https:';
  return [u.origin, `${other}//${u.host}`];
}

/**
 * Clears one site's cache, cookies and storage. Chrome filters by origin; Firefox by
 * hostname, and cannot clear the HTTP cache of one site only. Resolves to
 * {ok, cacheByHand?: true} where the cache must be cleared by hand.
 * @param {string} url
 * @returns {Promise<{ ok: boolean, cacheByHand?: boolean }>}
 */
export async function clearSiteData(url) {
  if (isFirefox) {
    const hostnames = [new URL(url).hostname];
    // Firefox filters by `hostnames` (not in Chrome's types).
    await api.browsingData.remove(/** @type {chrome.browsingData.RemovalOptions} */ ({ hostnames }), { cookies: true, localStorage: true, indexedDB: true, serviceWorkers: true });
    return { ok: true, cacheByHand: true };
  }
  await api.browsingData.remove(
    { origins: siteOrigins(url) },
    { cookies: true, cache: true, cacheStorage: true, localStorage: true, indexedDB: true, serviceWorkers: true, fileSystems: true },
  );
  return { ok: true };
}

/** Whether this browser lets an extension turn other extensions off. */
export const canDisableExtensions = !isFirefox;

/** Browser pages an action may open (besides http and https). */
export const BROWSER_PAGES = isFirefox
  ? ['about:addons', 'about:networking#dns', 'about:preferences#general', 'about:preferences#privacy']
  : ['chrome://extensions', 'chrome://net-internals/#dns', 'chrome://settings/security'];

/** @type {Record<string, string>} */
const FIREFOX_PROXY_MODES = {
  none: 'direct',
  system: 'system',
  manual: 'fixed_servers',
  autoConfig: 'pac_script',
  autoDetect: 'auto_detect',
};

/**
 * The browser's proxy settings as the core's environment takes them: {mode, controlledBy?}
 * (needs the optional "proxy" permission). Chrome reports Chrome's modes; Firefox reports a
 * proxyType, mapped here. `extensions` (management.getAll()-like) names an extension in control.
 * @param {{ name: string, enabled?: boolean, permissions?: string[] }[] | undefined} extensions
 * @returns {Promise<{ mode: string | undefined, controlledBy?: string }>}
 */
export async function readProxySettings(extensions) {
  const s = await api.proxy.settings.get({});
  // Firefox's value is {proxyType, ...} (not in Chrome's types).
  const value = /** @type {{ mode?: string, proxyType?: string } | undefined} */ (s.value);
  const mode = isFirefox ? FIREFOX_PROXY_MODES[value?.proxyType ?? ''] : value?.mode;
  let controlledBy;
  if (s.levelOfControl === 'controlled_by_other_extensions') {
    controlledBy = (extensions || []).find((e) => e.enabled !== false && (e.permissions || []).includes('proxy'))?.name;
    controlledBy ??= 'another extension';
  }
  return { mode, controlledBy };
}
