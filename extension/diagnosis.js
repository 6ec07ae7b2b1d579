// @ts-check
// The extension's own page for a failure the browser drew its own page for (no response, or
// an empty 5xx body), which no extension can script. It stands in for the page it replaced:
// the failed address is in an editable field with a button that loads it, a reload (F5,
// Ctrl+R, Cmd+R or the toolbar's button) retries the site rather than this page, and Retry
// goes back to the failed URL. The in-page panel also sends the person here for a fix that
// needs a permission, since only the extension's own pages may ask for one (`ask` names the
// button to click again).
import { addStyles, localize, renderView, showText, actionRunner, msg, byId } from './page.js';
import { MSG } from './constants.js';
import { clearsWholeDomain } from './shim.js';

addStyles();
localize();

const params = new URLSearchParams(location.search);
const tabId = Number(params.get('tab'));
const failedUrl = params.get('url') || '';
const ask = params.get('ask') || undefined;
// `confirm`: the in-page panel handed over an action that changes the person's setup.
const confirming = params.get('confirm') === '1';
/** @type {HTMLInputElement} */
const field = byId('url');
field.value = failedUrl.slice(0, 2000);

/** Whether `url` is a web address this page may load again.
 * @param {string} url */
function isWeb(url) {
  try {
    return /^(https?|ftp):$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The address to load for what the person typed: a web address only (a scheme-less one
 * is taken as http, as the address bar does), or null.
 * @param {string} text
 * @returns {string | null} */
function webAddress(text) {
  const t = String(text).trim();
  if (!t) return null;
  for (const candidate of [t, `http://${t}`]) {
    try {
      const u = new URL(candidate);
      if (isWeb(u.href) && u.hostname) return u.href;
    } catch {
      // Not a URL as typed: try the next form.
    }
  }
  return null;
}

let leaving = false;

/** Leaves this page for `url`, replacing it in the history so Back does not come here again.
 * @param {string} url */
async function go(url) {
  leaving = true;
  await chrome.runtime.sendMessage({ type: MSG.LEAVING, tabId, retrying: url === failedUrl }).catch(() => {});
  location.replace(url);
}

/** @param {GdAction} action @returns {Promise<GdResult | undefined>} */
async function retryHere(action) {
  if (action.type !== 'retry') return undefined;
  if (!isWeb(failedUrl)) return { ok: false, messageKey: 'ui_action_unavailable' };
  await go(failedUrl);
  return { ok: true, messageKey: 'ui_retrying' };
}

// A reload of this page is the person asking for the site again, as on the page it replaced.
const navigation = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
const reloaded = navigation?.type === 'reload' && isWeb(failedUrl);
if (reloaded) go(failedUrl);

addEventListener('keydown', (e) => {
  const reloadKey = e.key === 'F5' || ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'r' || e.key === 'R'));
  if (!reloadKey || !isWeb(failedUrl)) return;
  e.preventDefault();
  go(failedUrl);
});

byId('address').addEventListener('submit', (e) => {
  e.preventDefault();
  const url = webAddress(field.value);
  const message = byId('address-message');
  if (!url) {
    message.textContent = msg('ui_address_invalid');
    field.setAttribute('aria-invalid', 'true');
    return;
  }
  message.textContent = '';
  field.removeAttribute('aria-invalid');
  go(url);
});

// The connection is back: the background reloads the tabs that wait for it, this one among
// them, in the core's order (the one the person looks at first).
addEventListener('online', () => {
  if (Number.isInteger(tabId)) chrome.runtime.sendMessage({ type: MSG.ONLINE, tabId }).catch(() => {});
});

addEventListener('pagehide', () => {
  if (!leaving) chrome.runtime.sendMessage({ type: MSG.LEAVING, tabId, retrying: false }).catch(() => {});
});

const container = byId('view');

/** @param {GdRenderOptions} [options] @param {boolean} [fresh] advise anew */
async function show(options = {}, fresh = false) {
  /** @type {GdView | null} */
  const view = Number.isInteger(tabId) ? await chrome.runtime.sendMessage({ type: MSG.VIEW, tabId, fresh }) : null;
  if (view?.diagnosis?.failed && view.url === failedUrl) {
    renderView(container, view, onAction, options);
  } else {
    showText(container, 'ui_no_record');
  }
}

const onAction = actionRunner(tabId, (result) => show({ message: result }, true), retryHere);
if (!reloaded) await show({ ask, ...(confirming ? confirmText(ask) : {}) });

/** What the page says before the person confirms a handed-over action.
 * @param {string | undefined} type
 * @returns {GdRenderOptions} */
function confirmText(type) {
  let host = '';
  try {
    host = new URL(failedUrl).hostname;
  } catch {
    // no host to name
  }
  // Chrome's browsingData clears cookies by registrable domain, not by origin: say so.
  if (type === 'clear-site-data' && clearsWholeDomain) {
    return { askKey: 'ui_confirm_clear_chrome', askParams: { host } };
  }
  return { askKey: 'ui_confirm_click' };
}
