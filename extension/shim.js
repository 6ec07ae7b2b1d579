// The one place where Chrome and Firefox differ. Everything else uses `chrome.*`, which both
// browsers provide with promises in Manifest V3, and asks this module about the rest.

export const api = globalThis.chrome;

/** "firefox" or "chrome", from the scheme of the extension's own URLs. */
export const browserName = api.runtime.getURL('').startsWith('moz-extension:') ? 'firefox' : 'chrome';

export const isFirefox = browserName === 'firefox';

/** Sets the badge of a tab. Browsers reset it when a page loads: set it again on 'complete'. */
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
 */
export async function openPrivateWindow(url) {
  const allowed = await api.extension.isAllowedIncognitoAccess();
  if (!allowed && isFirefox) return { ok: false, reason: 'not-allowed' };
  try {
    await api.windows.create({ incognito: true, url });
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: allowed ? 'failed' : 'not-allowed', detail: String(e?.message || e) };
  }
}

/** The message that tells how to allow private windows in this browser. */
export const privateAccessHelpKey = isFirefox ? 'ui_private_help_firefox' : 'ui_private_help_chrome';

/** Where the person manages extensions. */
export const extensionsPageUrl = isFirefox ? 'about:addons' : 'chrome://extensions';

/** The browser's own DNS cache page. */
export const dnsCachePageUrl = isFirefox ? 'about:networking#dns' : 'chrome://net-internals/#dns';

/** Injects the panel's scripts into a tab. Throws where the page cannot be scripted. */
export async function injectPanel(tabId) {
  await api.scripting.executeScript({ target: { tabId }, files: ['render.js', 'content.js'] });
}

/** The proxy that carried a request, where the browser reports it (Firefox only). */
export function proxyOf(details) {
  const p = details.proxyInfo;
  if (!p || p.type === 'direct') return undefined;
  return { type: p.type, host: p.host, port: p.port };
}
