// Shared by the extension's own pages (popup, diagnosis page): renders a view with the same
// renderer and styles as the in-page panel.
import { permissionFor } from './actions.js';

const R = globalThis.GatewayDoctorRender;

export function localize(root = document) {
  for (const e of root.querySelectorAll('[data-i18n]')) e.textContent = R.msg(e.dataset.i18n);
  document.documentElement.lang = chrome.i18n.getUILanguage();
  document.title = R.msg(document.documentElement.dataset.titleKey || 'ext_name');
}

export function addStyles() {
  const style = document.createElement('style');
  style.textContent = R.CSS;
  document.head.append(style);
}

export function renderView(container, view, onAction, options) {
  return R.render(container, view, onAction, options);
}

/**
 * The click handler of the extension's own pages: asks for the optional permission an action
 * needs first (the click is the user gesture the browser requires, so nothing may be awaited
 * before it), then runs the action in the background. After an action that changes what the
 * advice can know, `rerender(result)` draws the view anew.
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
    const result = await chrome.runtime.sendMessage({ type: 'gd:action', tabId, action });
    if (result?.ok && (permission || result.refresh)) {
      await rerender(result);
      return undefined;
    }
    return result;
  };
}

export function showText(container, key, params) {
  const p = document.createElement('p');
  p.dataset.gd = 'empty';
  p.textContent = R.msg(key, params);
  container.replaceChildren(p);
}

export const msg = R.msg;
