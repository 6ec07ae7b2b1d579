// @ts-check
// The shell's names in one place. Content scripts cannot import: the build writes MSG into the
// panel script.

export const MSG = Object.freeze({
  PAGE: 'gd:page',
  VIEW: 'gd:view',
  ACTION: 'gd:action',
  LEAVING: 'gd:leaving',
  ONLINE: 'gd:online',
  WATCH_LIST: 'gd:watch-list',
  WATCH_CANCEL: 'gd:watch-cancel',
});

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
  CLOCK_SCALE: 'clockScale',
  DISABLED_BY_US: 'disabledByUs',
  KNOWN_HOSTS: 'knownHosts',
});

/** How far apart the page's clock and the browser's may put the same response's arrival. */
export const SAME_RESPONSE_MS = 1000;

/** Clock samples: the last 7, at most one a minute; IPv4: at most once a minute. */
export const CLOCK = Object.freeze({ KEEP: 7, EVERY_MS: 60_000 });
export const IPV4 = Object.freeze({ EVERY_MS: 60_000 });
