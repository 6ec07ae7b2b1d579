// @ts-check
// How far a message to the background is trusted: as far as its sender. A content script runs
// in a page's renderer, which a hostile page may own: it speaks only for its own tab
// (`sender.tab.id`, never a field of the message) and sends only the page report and the
// panel's actions (which of those run: the core's contentAction, src/trust.rs). Everything else
// comes only from the extension's own pages. No browser API here (tests pass fakes).
import { MSG } from './constants.js';

/** Who sent a message: one of our own pages, our content script in a tab, or null (refused).
 * @param {GdSender | null | undefined} sender @param {string} runtimeId @param {string} ownPrefix runtime.getURL('')
 * @returns {'own' | 'content' | null} */
export function senderKind(sender, runtimeId, ownPrefix) {
  if (!sender || typeof sender !== 'object' || sender.id !== runtimeId) return null;
  // An extension page is under our origin; a content script's sender.url is its page's URL.
  if (ownPrefix && typeof sender.url === 'string' && sender.url.startsWith(ownPrefix)) return 'own';
  const tabId = sender.tab?.id;
  return typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0 ? 'content' : null;
}

/** Whether the background may handle `message` from `sender`, and for which tab (our own pages
 * name it; a content script's is its own), or null.
 * @param {{ type?: unknown, tabId?: unknown } | null | undefined} message @param {GdSender} sender
 * @param {string} runtimeId @param {string} ownPrefix
 * @returns {{ kind: 'own' | 'content', tabId: number | undefined } | null} */
export function admit(message, sender, runtimeId, ownPrefix) {
  if (typeof message?.type !== 'string') return null;
  const kind = senderKind(sender, runtimeId, ownPrefix);
  if (kind === 'own') {
    const named = Number(message.tabId ?? sender.tab?.id);
    return { kind, tabId: Number.isInteger(named) ? named : undefined };
  }
  if (kind === 'content' && (message.type === MSG.PAGE || message.type === MSG.ACTION)) return { kind, tabId: sender.tab?.id };
  return null;
}
