// @ts-check
// A message is trusted as far as its sender. A content script (a hostile page may own its
// renderer) speaks only for its own tab and sends only the page report and the panel's actions;
// everything else comes from our own pages. No browser API here (tests pass fakes).
import { MSG } from './constants.js';

/** @param {GdSender | null | undefined} sender @param {string} runtimeId @param {string} ownPrefix runtime.getURL('')
 * @returns {'own' | 'content' | null} */
export function senderKind(sender, runtimeId, ownPrefix) {
  if (!sender || typeof sender !== 'object' || sender.id !== runtimeId) return null;
  // An extension page is under our origin; a content script's sender.url is its page's URL.
  if (ownPrefix && typeof sender.url === 'string' && sender.url.startsWith(ownPrefix)) return 'own';
  const tabId = sender.tab?.id;
  return typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0 ? 'content' : null;
}

/** For which tab (our pages name it; a content script's is its own), or null: refused.
 * @param {{ type?: unknown, tabId?: unknown } | null | undefined} message @param {GdSender} sender @param {string} runtimeId @param {string} ownPrefix
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
