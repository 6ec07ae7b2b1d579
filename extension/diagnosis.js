// The extension's own page for a failure the browser drew its own page for (no response, or
// an empty 5xx body), which no extension can script. Retry goes back to the failed URL. The
// in-page panel also sends the person here for a fix that needs a permission, since only the
// extension's own pages may ask for one (`ask` names the button to click again).
import { addStyles, localize, renderView, showText, actionRunner } from './page.js';

addStyles();
localize();

const params = new URLSearchParams(location.search);
const tabId = Number(params.get('tab'));
const failedUrl = params.get('url') || '';
const ask = params.get('ask') || undefined;
// `confirm`: the in-page panel handed over an action that changes the person's setup.
const confirming = params.get('confirm') === '1';
document.getElementById('url').textContent = failedUrl.slice(0, 2000);

let retrying = false;

async function retryHere(action) {
  if (action.type !== 'retry') return undefined;
  if (!/^(https?|ftp):/i.test(failedUrl)) return { ok: false, messageKey: 'ui_action_unavailable' };
  retrying = true;
  await chrome.runtime.sendMessage({ type: 'gd:leaving', tabId, retrying: true });
  // Replace this page in the history, so Back does not come here again.
  location.replace(failedUrl);
  return { ok: true, messageKey: 'ui_retrying' };
}

addEventListener('pagehide', () => {
  if (!retrying) chrome.runtime.sendMessage({ type: 'gd:leaving', tabId, retrying: false }).catch(() => {});
});

const container = document.getElementById('view');

async function show(options = {}, fresh = false) {
  const view = Number.isInteger(tabId) ? await chrome.runtime.sendMessage({ type: 'gd:view', tabId, fresh }) : null;
  if (view?.diagnosis?.failed && view.url === failedUrl) {
    renderView(container, view, onAction, options);
  } else {
    showText(container, 'ui_no_record');
  }
}

const onAction = actionRunner(tabId, (result) => show({ message: result }, true), retryHere);
await show({ ask, ...(confirming ? confirmText(ask) : {}) });

/** What the page says before the person confirms a handed-over action. */
function confirmText(type) {
  let host = '';
  try {
    host = new URL(failedUrl).hostname;
  } catch {
    // no host to name
  }
  // Chrome's browsingData clears cookies by registrable domain, not by origin: say so.
  if (type === 'clear-site-data' && !chrome.runtime.getURL('').startsWith('moz-extension:')) {
    return { askKey: 'ui_confirm_clear_chrome', askParams: { host } };
  }
  return { askKey: 'ui_confirm_click' };
}
