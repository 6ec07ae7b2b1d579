// Shared by the extension's own pages (popup, diagnosis page): renders a view with the same
// renderer and styles as the in-page panel.
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

export function renderView(container, view, onAction) {
  return R.render(container, view, onAction);
}

export function showText(container, key, params) {
  const p = document.createElement('p');
  p.dataset.gd = 'empty';
  p.textContent = R.msg(key, params);
  container.replaceChildren(p);
}

export const msg = R.msg;
