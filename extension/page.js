// @ts-check
// Shared by the extension's own pages (popup, diagnosis page, options).
import { MSG } from './constants.js';

export const { msg } = globalThis.GatewayDoctorFormat;
export const { render } = globalThis.GatewayDoctorRender;

/** @template {HTMLElement} [T=HTMLElement] @param {string} id @returns {T} */
export function byId(id) {
  const e = document.getElementById(id);
  if (!e) throw new Error(`no #${id} on this page`);
  return /** @type {T} */ (e);
}

/** `data-i18n` elements, the page's language and title. */
export function localize() {
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = msg(/** @type {HTMLElement} */ (e).dataset.i18n || '');
  document.documentElement.lang = chrome.i18n.getUILanguage();
  document.title = msg(document.documentElement.dataset.titleKey || 'ext_name');
}

/** @param {number} tabId @param {boolean} fresh @returns {Promise<GdView | null>} */
export const viewOf = (tabId, fresh) => chrome.runtime.sendMessage({ type: MSG.VIEW, tabId, fresh });

/** The action's permission first (the click is the user gesture: nothing awaited before), then
 * `before` or the background; `rerender` after one the advice should know of.
 * @param {number} tabId @param {(result: GdResult) => Promise<void>} rerender @param {(action: GdAction) => Promise<GdResult | undefined>} [before] @returns {GdOnAction} */
export function actionRunner(tabId, rerender, before) {
  return async (action) => {
    const { permission } = action;
    if (permission && !(await chrome.permissions.request({ permissions: [permission] }).catch(() => false))) {
      return { ok: false, messageKey: 'ui_permission_refused' };
    }
    const handled = await before?.(action);
    if (handled) return handled;
    /** @type {GdResult | undefined} */
    const result = await chrome.runtime.sendMessage({ type: MSG.ACTION, tabId, action });
    if (!result?.ok || !(permission || result.refresh)) return result;
    await rerender(result);
    return undefined;
  };
}

/** @param {Element} container @param {string} key */
export function showText(container, key) {
  const p = document.createElement('p');
  p.dataset.gd = 'empty';
  p.textContent = msg(key);
  container.replaceChildren(p);
}
