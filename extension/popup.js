// @ts-check
// The toolbar popup: the current tab's diagnosis, or a word that all is well.
import { addStyles, localize, renderView, showText, actionRunner, byId } from './page.js';
import { MSG } from './constants.js';

addStyles();
localize();

const container = byId('view');
const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });

/** @param {GdRenderOptions} [options] @param {boolean} [fresh] advise anew */
async function show(options = {}, fresh = false) {
  /** @type {GdView | null} */
  const view = tab?.id !== undefined ? await chrome.runtime.sendMessage({ type: MSG.VIEW, tabId: tab.id, fresh }) : null;
  if (view?.diagnosis?.failed && onAction) renderView(container, view, onAction, options);
  else showText(container, 'ui_no_failure');
}

const onAction = tab?.id !== undefined ? actionRunner(tab.id, (result) => show({ message: result }, true)) : null;
await show();

// Every site being watched ("Notify me when it's back"), each with Cancel (watch.js answers).
const watches = document.createElement('div');
watches.dataset.gd = 'watch-list';
document.body.append(watches);
async function showWatches() {
  /** @type {GdWatchListItem[] | undefined} */
  const list = await chrome.runtime.sendMessage({ type: MSG.WATCH_LIST }).catch(() => []);
  globalThis.GatewayDoctorRender.renderWatches(watches, list || [], async (origin) => {
    await chrome.runtime.sendMessage({ type: MSG.WATCH_CANCEL, origin }).catch(() => {});
    await showWatches();
    await show();
  });
}
await showWatches();
