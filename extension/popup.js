// @ts-check
// The toolbar popup: the current tab's diagnosis, and the sites being watched.
import { localize, render, showText, actionRunner, byId, viewOf } from './page.js';
import { MSG } from './constants.js';

localize();
const container = byId('view');
const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
const tabId = tab?.id ?? chrome.tabs.TAB_ID_NONE;

/** @param {GdRenderOptions} [options] @param {boolean} [fresh] */
async function show(options = {}, fresh = false) {
  const view = await viewOf(tabId, fresh);
  if (view?.diagnosis?.failed) render(container, view, actionRunner(tabId, (result) => show({ message: result }, true)), options);
  else showText(container, 'ui_no_failure');
}
await show();

const watches = document.createElement('div');
watches.dataset.gd = 'watch-list';
document.body.append(watches);
async function showWatches() {
  /** @type {GdWatchListItem[] | undefined} */
  const list = await chrome.runtime.sendMessage({ type: MSG.WATCH_LIST, tabId }).catch(() => []);
  globalThis.GatewayDoctorRender.renderWatches(watches, list || [], async (origin) => {
    await chrome.runtime.sendMessage({ type: MSG.WATCH_CANCEL, tabId, origin }).catch(() => {});
    await showWatches();
    await show();
  });
}
await showWatches();
