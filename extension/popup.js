// The toolbar popup: the current tab's diagnosis, or a word that all is well.
import { addStyles, localize, renderView, showText, actionRunner } from './page.js';

addStyles();
localize();

const container = document.getElementById('view');
const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });

async function show(options = {}, fresh = false) {
  const view = tab ? await chrome.runtime.sendMessage({ type: 'gd:view', tabId: tab.id, fresh }) : null;
  if (view?.diagnosis?.failed) renderView(container, view, onAction, options);
  else showText(container, 'ui_no_failure');
}

const onAction = tab ? actionRunner(tab.id, (result) => show({ message: result }, true)) : null;
await show();

// Every site being watched ("Notify me when it's back"), each with Cancel (watch.js answers).
const watches = document.createElement('div');
watches.dataset.gd = 'watch-list';
document.body.append(watches);
async function showWatches() {
  const list = await chrome.runtime.sendMessage({ type: 'gdw:list' }).catch(() => []);
  globalThis.GatewayDoctorRender.renderWatches(watches, list || [], async (origin) => {
    await chrome.runtime.sendMessage({ type: 'gdw:cancel', origin }).catch(() => {});
    await showWatches();
    await show();
  });
}
await showWatches();
