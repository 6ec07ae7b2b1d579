// @ts-check
// The shell's names in one place: messages between its parts, the states of an automatic retry
// (the core's autoRetry says which), the kinds of a tab's record, storage keys, alarm and
// notification names. Content scripts cannot import: the build writes MSG into the panel script.

/** Messages to the background ("gd:") and to the watch module ("gdw:"). */
export const MSG = Object.freeze({
  /** content script: this page's text, to refine the diagnosis */
  PAGE: 'gd:page',
  /** own page: the view of a tab */
  VIEW: 'gd:view',
  /** panel or own page: run one of the view's actions */
  ACTION: 'gd:action',
  /** diagnosis page: the person leaves it */
  LEAVING: 'gd:leaving',
  /** diagnosis page: the browser says the connection is back */
  ONLINE: 'gd:online',
  /** popup: every site being watched; stop watching one */
  WATCH_LIST: 'gdw:list',
  WATCH_CANCEL: 'gdw:cancel',
});
export const MSG_PREFIX = 'gd:';
export const WATCH_MSG_PREFIX = 'gdw:';

/** A tab's automatic retry (src/policy.rs autoRetry; "fired": the shell issued the reload;
 * "network": it waits for the person's connection, not the site). */
export const STATE = Object.freeze({
  SCHEDULED: 'scheduled', FIRED: 'fired', EXHAUSTED: 'exhausted', WATCHING: 'watching',
  NETWORK: 'network', CANCELLED: 'cancelled', OFF: 'off',
});
/** Why a retry is in its state, where the shell sets it ("back": the site answers again, a
 * reload budgeted by the watch); the core names the others. */
export const REASON = Object.freeze({ BACK: 'back', WATCH: 'watch', CANCELLED: 'cancelled', DISABLED: 'disabled', ERROR: 'error' });

/** What a tab's record is about: a response (a 5xx, a 429) or a navigation with none. */
export const KIND = Object.freeze({ RESPONSE: 'response', ERROR: 'error' });

/** Storage keys: session storage but for the last two (local). */
export const KEY = Object.freeze({
  TAB_PREFIX: 'tab:',
  /** @param {number} tabId */
  tab: (tabId) => `tab:${tabId}`,
  /** @param {number} tabId */
  auto: (tabId) => `auto:${tabId}`,
  /** @param {number} tabId */
  fired: (tabId) => `fired:${tabId}`,
  /** @param {string} origin */
  watch: (origin) => `watch:${origin}`,
  /** @param {string} origin */
  bucket: (origin) => `bucket:${origin}`,
  /** @param {string} noticeId */
  notice: (noticeId) => `notice:${noticeId}`,
  WATCH_INDEX: 'watchIndex',
  CLOCK_SAMPLES: 'clockSamples',
  IPV4_AT: 'ipv4At',
  NETWORK_WAIT: 'netwait',
  RECENT_FAILURES: 'recentFailures',
  /** the developer time-scale (developer builds only: settings.js) */
  CLOCK_SCALE: 'clockScale',
  DISABLED_BY_US: 'disabledByUs',
  KNOWN_HOSTS: 'knownHosts',
});

/** Alarm names: a prefix and a tab id or origin. */
export const ALARM = Object.freeze({ AUTO: 'gd-auto:', WATCH: 'gd-watch:', BUCKET: 'gd-bucket:', NETWORK: 'gd-net' });
/** Clock samples (the core's clock_offset reads them): the last 7, at most one a minute. */
export const CLOCK = Object.freeze({ KEEP: 7, EVERY_MS: 60_000 });
/** A page loaded over IPv4 is noted at most once a minute (the core says whether IPv4 works). */
export const IPV4 = Object.freeze({ EVERY_MS: 60_000 });
/** The prefix of the "<host> is back" notifications' ids. */
export const NOTICE_PREFIX = 'gd-back:';
