// @ts-check
// The shell's names in one place (the retry machine's alarm and notification names are the
// core's). Content scripts cannot import: the build writes MSG into the panel script.

/** Messages to the background ("gd:") and to the watch module ("gdw:"). */
export const MSG = Object.freeze({
  PAGE: 'gd:page',
  VIEW: 'gd:view',
  ACTION: 'gd:action',
  LEAVING: 'gd:leaving',
  ONLINE: 'gd:online',
  WATCH_LIST: 'gdw:list',
  WATCH_CANCEL: 'gdw:cancel',
});
export const MSG_PREFIX = 'gd:';
export const WATCH_MSG_PREFIX = 'gdw:';

/** A tab's record is about a response (a 5xx, a 429) or a navigation with none. */
export const KIND = Object.freeze({ RESPONSE: 'response', ERROR: 'error' });

/** Storage keys: session storage but for the last two (local). */
export const KEY = Object.freeze({
  TAB_PREFIX: 'tab:',
  /** @param {number} tabId */
  tab: (tabId) => `tab:${tabId}`,
  MACHINE: 'machine',
  CLOCK_SAMPLES: 'clockSamples',
  IPV4_AT: 'ipv4At',
  RECENT_FAILURES: 'recentFailures',
  /** the developer time-scale (developer builds only: settings.js) */
  CLOCK_SCALE: 'clockScale',
  DISABLED_BY_US: 'disabledByUs',
  KNOWN_HOSTS: 'knownHosts',
});

/** How far apart the page's clock and the browser's may put the same response's arrival. */
export const SAME_RESPONSE_MS = 1000;

/** Clock samples (the core's clock_offset reads them): the last 7, at most one a minute. */
export const CLOCK = Object.freeze({ KEEP: 7, EVERY_MS: 60_000 });
/** A page loaded over IPv4 is noted at most once a minute. */
export const IPV4 = Object.freeze({ EVERY_MS: 60_000 });
