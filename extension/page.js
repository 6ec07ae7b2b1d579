// @ts-check
// Shared by the extension's own pages (popup, diagnosis page, options): renders a view with the
// same renderer and styles as the in-page panel, and the pages' one formatter and messages.
import { permissionFor } from './actions.js';
import { MSG } from './constants.js';

const R = globalThis.GatewayDoctorRender;

/** The one message formatter (format.js). */
export const msg = globalThis.GatewayDoctorFormat.msg;

/** The element with `id` of this page (its HTML has it).
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @returns {T} */
export function byId(id) {
  const e = document.getElementById(id);
  if (!e) throw new Error(`no #${id} on this page`);
  return /** @type {T} */ (e);
}

/** Fills the elements that name a message (`data-i18n`) and the page's language and title.
 * @param {ParentNode} [root] */
export function localize(root = document) {
  for (const e of root.querySelectorAll('[data-i18n]')) e.textContent = msg(/** @type {HTMLElement} */ (e).dataset.i18n || '');
  document.documentElement.lang = chrome.i18n.getUILanguage();
  document.title = msg(document.documentElement.dataset.titleKey || 'ext_name');
}

export function addStyles() {
  const style = document.createElement('style');
  style.textContent = R.CSS;
  document.head.append(style);
}

/** @param {Element} container @param {GdView} view @param {GdOnAction} onAction @param {GdRenderOptions} [options] */
export function renderView(container, view, onAction, options) {
  return R.render(container, view, onAction, options);
}

/**
 * The click handler of the extension's own pages: asks for the optional permission an action
 * needs first (the click is the user gesture the browser requires, so nothing may be awaited
 * before it), then runs the action in the background. After an action that changes what the
 * advice can know, `rerender(result)` draws the view anew.
 * @param {number} tabId
 * @param {(result: GdResult) => Promise<void>} rerender
 * @param {(action: GdAction) => Promise<GdResult | undefined>} [before] handles an action itself
 * @returns {GdOnAction}
 */
export function actionRunner(tabId, rerender, before) {
  return async (action) => {
    const permission = permissionFor(action);
    if (permission) {
      let granted = false;
      try {
        granted = await chrome.permissions.request({ permissions: [permission] });
      } catch {
        granted = false;
      }
      if (!granted) return { ok: false, messageKey: 'ui_permission_refused' };
    }
    const handled = before ? await before(action) : undefined;
    if (handled) return handled;
    /** @type {GdResult | undefined} */
    const result = await chrome.runtime.sendMessage({ type: MSG.ACTION, tabId, action });
    if (result?.ok && (permission || result.refresh)) {
      await rerender(result);
      return undefined;
    }
    return result;
  };
}

/** @param {Element} container @param {string} key @param {GdParams} [params] */
export function showText(container, key, params) {
  const p = document.createElement('p');
  p.dataset.gd = 'empty';
  p.textContent = msg(key, params);
  container.replaceChildren(p);
}
