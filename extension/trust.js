// @ts-check
// How far a message to the background is trusted: as far as its sender. A content script runs
// inside a page's renderer, which a hostile page may own: it speaks only for its own tab
// (`sender.tab.id`, never a field of the message), sends only the page report and the panel's
// actions, and an action that changes the person's setup is only handed to the extension's
// own page, where the person confirms it (which actions: the core's contentAction,
// src/trust.rs). Everything else (other tabs' views, the watch list, settings, turning
// extensions off and on) comes only from the extension's own pages.
// No browser API here: the background passes its runtime id and origin (tests pass fakes).
import { MSG } from './constants.js';

/** @typedef {{ id?: string, url?: string, tab?: { id?: number } }} Sender */

/** Message types a content script may send. */
/** @type {Set<unknown>} */
const CONTENT_MESSAGES = new Set([MSG.PAGE, MSG.ACTION]);

/**
 * Who sent a message: "own" (one of the extension's own pages), "content" (our content script
 * in a tab) or null (anyone else: refused). `runtimeId` and `ownPrefix` are the extension's
 * id and `runtime.getURL('')`.
 * @param {Sender | null | undefined} sender
 * @param {string} runtimeId
 * @param {string} ownPrefix
 * @returns {'own' | 'content' | null}
 */
export function senderKind(sender, runtimeId, ownPrefix) {
  if (!sender || typeof sender !== 'object' || sender.id !== runtimeId) return null;
  const url = typeof sender.url === 'string' ? sender.url : '';
  // An extension page is under our origin; a content script's sender.url is its page's URL.
  if (ownPrefix && url.startsWith(ownPrefix)) return 'own';
  const tabId = sender.tab?.id;
  if (typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0) return 'content';
  return null;
}

/**
 * Whether the background may handle `message` from `sender`, and for which tab: {kind, tabId}
 * or null. Our own pages name the tab; a content script's tab is its own.
 * @param {{ type?: unknown, tabId?: unknown } | null | undefined} message
 * @param {Sender} sender
 * @param {string} runtimeId
 * @param {string} ownPrefix
 * @returns {{ kind: 'own' | 'content', tabId: number | undefined } | null}
 */
export function admit(message, sender, runtimeId, ownPrefix) {
  if (typeof message?.type !== 'string') return null;
  const kind = senderKind(sender, runtimeId, ownPrefix);
  if (kind === 'own') {
    const named = Number(message.tabId ?? sender.tab?.id);
    return { kind, tabId: Number.isInteger(named) ? named : undefined };
  }
  if (kind === 'content' && CONTENT_MESSAGES.has(message.type)) return { kind, tabId: sender.tab?.id };
  return null;
}
