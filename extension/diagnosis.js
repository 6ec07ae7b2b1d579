// The extension's own page for a navigation that got no response (or where the browser drew
// its own error page, which no extension can script). Retry goes back to the failed URL.
import { addStyles, localize, renderView, showText } from './page.js';

addStyles();
localize();

const params = new URLSearchParams(location.search);
const tabId = Number(params.get('tab'));
const failedUrl = params.get('url') || '';
document.getElementById('url').textContent = failedUrl.slice(0, 2000);

let retrying = false;

async function onAction(action) {
  if (action.type === 'retry') {
    if (!/^(https?|ftp):/i.test(failedUrl)) return { ok: false, messageKey: 'ui_action_unavailable' };
    retrying = true;
    await chrome.runtime.sendMessage({ type: 'gd:leaving', tabId, retrying: true });
    // Replace this page in the history, so Back does not come here again.
    location.replace(failedUrl);
    return { ok: true, messageKey: 'ui_retrying' };
  }
  return chrome.runtime.sendMessage({ type: 'gd:action', tabId, action });
}

addEventListener('pagehide', () => {
  if (!retrying) chrome.runtime.sendMessage({ type: 'gd:leaving', tabId, retrying: false }).catch(() => {});
});

const container = document.getElementById('view');
const view = Number.isInteger(tabId) ? await chrome.runtime.sendMessage({ type: 'gd:view', tabId }) : null;
if (view?.diagnosis?.failed && view.url === failedUrl) {
  renderView(container, view, onAction);
} else {
  showText(container, 'ui_no_record');
}
