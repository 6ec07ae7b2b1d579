// The toolbar popup: the current tab's diagnosis, or a word that all is well.
import { addStyles, localize, renderView, showText } from './page.js';

addStyles();
localize();

const container = document.getElementById('view');
const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
const view = tab ? await chrome.runtime.sendMessage({ type: 'gd:view', tabId: tab.id }) : null;
if (view?.diagnosis?.failed) {
  renderView(container, view, (action) => chrome.runtime.sendMessage({ type: 'gd:action', tabId: tab.id, action }));
} else {
  showText(container, 'ui_no_failure');
}
