// @ts-check
// Our page where the browser drew its own (no extension can script it): the failed address in
// a field, a reload retries the site. `ask`: the button the in-page panel sent the person for.
import { localize, render, showText, actionRunner, msg, byId, viewOf } from './page.js';
import { MSG } from './constants.js';
import { clearsWholeDomain } from './shim.js';

localize();
const params = new URLSearchParams(location.search);
const tabId = Number(params.get('tab'));
const failedUrl = params.get('url') || '';
const ask = params.get('ask') || undefined;
/** @type {HTMLInputElement} */
const field = byId('url');
field.value = failedUrl.slice(0, 2000);

/** @param {string} u */
const parse = (u) => (URL.canParse(u) ? new URL(u) : null);
/** @param {URL | null} u */
const isWeb = (u) => Boolean(u && /^(https?|ftp):$/.test(u.protocol));
/** Scheme-less is http, as in the address bar. @param {string} text */
function webAddress(text) {
  const t = String(text).trim();
  const u = t ? [parse(t), parse(`http://${t}`)].find((c) => isWeb(c) && c?.hostname) : null;
  return u ? u.href : null;
}
const failed = parse(failedUrl);
const retryable = isWeb(failed);

let leaving = false;
/** Replaces this page in the history. @param {string} url */
async function go(url) {
  leaving = true;
  await chrome.runtime.sendMessage({ type: MSG.LEAVING, tabId, retrying: url === failedUrl }).catch(() => {});
  location.replace(url);
}

// A reload of this page asks for the site again, as on the page it replaced.
const navigation = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
const reloaded = navigation?.type === 'reload' && retryable;
if (reloaded) go(failedUrl);
addEventListener('keydown', (e) => {
  if (!retryable || !(e.key === 'F5' || ((e.ctrlKey || e.metaKey) && !e.altKey && /^r$/i.test(e.key)))) return;
  e.preventDefault();
  go(failedUrl);
});

byId('address').addEventListener('submit', (e) => {
  e.preventDefault();
  const url = webAddress(field.value);
  byId('address-message').textContent = url ? '' : msg('ui_address_invalid');
  if (url) field.removeAttribute('aria-invalid');
  else field.setAttribute('aria-invalid', 'true');
  if (url) go(url);
});

addEventListener('online', () => {
  if (Number.isInteger(tabId)) chrome.runtime.sendMessage({ type: MSG.ONLINE, tabId }).catch(() => {});
});
addEventListener('pagehide', () => {
  if (!leaving) chrome.runtime.sendMessage({ type: MSG.LEAVING, tabId, retrying: false }).catch(() => {});
});

const container = byId('view');
/** @param {GdRenderOptions} [options] @param {boolean} [fresh] advise anew */
async function show(options = {}, fresh = false) {
  const view = Number.isInteger(tabId) ? await viewOf(tabId, fresh) : null;
  if (view?.diagnosis?.failed && view.url === failedUrl) render(container, view, onAction, options);
  else showText(container, 'ui_no_record');
}
const onAction = actionRunner(tabId, (result) => show({ message: result }, true), async (action) => {
  if (action.type !== 'retry') return undefined;
  if (!retryable) return { ok: false, messageKey: 'ui_action_unavailable' };
  await go(failedUrl);
  return { ok: true, messageKey: 'ui_retrying' };
});
const confirmText = params.get('confirm') !== '1' ? {} : ask === 'clear-site-data' && clearsWholeDomain
  ? { askKey: 'ui_confirm_clear_chrome', askParams: { host: failed?.hostname ?? '' } }
  : { askKey: 'ui_confirm_click' };
if (!reloaded) await show({ ask, ...confirmText });
