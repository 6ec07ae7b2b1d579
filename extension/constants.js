// @ts-check
// The shell's names, in one place (as Privacy Badger's constants.js): the messages between its
// parts, the states of an automatic retry (the core's autoRetry says which), the kinds of a
// tab's record, and the keys and names of what it stores and schedules. Content scripts cannot
// import: the build writes MSG into the injected panel script (tools/panel-script.mjs).

/** Messages to the background ("gd:") and to the watch module ("gdw:"). */
export const MSG = Object.freeze({
  /** content script -> background: this page's text, to refine the diagnosis. */
  PAGE: 'gd:page',
  /** own page -> background: the view of a tab. */
  VIEW: 'gd:view',
  /** panel or own page -> background: run one of the view's actions. */
  ACTION: 'gd:action',
  /** diagnosis page -> background: the person leaves the page. */
  LEAVING: 'gd:leaving',
  /** diagnosis page -> background: the browser says the connection is back. */
  ONLINE: 'gd:online',
  /** popup -> watch module: every site being watched. */
  WATCH_LIST: 'gdw:list',
  /** popup -> watch module: stop watching a site. */
  WATCH_CANCEL: 'gdw:cancel',
});

/** The prefix of the messages the background answers, and of those the watch module answers. */
export const MSG_PREFIX = 'gd:';
export const WATCH_MSG_PREFIX = 'gdw:';

/** The state of a tab's automatic retry (src/policy.rs, autoRetry; "fired" is the shell's:
 * the reload was issued). */
export const STATE = Object.freeze({
  SCHEDULED: 'scheduled',
  FIRED: 'fired',
  EXHAUSTED: 'exhausted',
  WATCHING: 'watching',
  /** it waits for the person's connection, not the site (offline, network-down) */
  NETWORK: 'network',
  CANCELLED: 'cancelled',
  OFF: 'off',
});

/** Why a retry is in its state, where the shell sets it (the core names the others). */
export const REASON = Object.freeze({
  /** the site answers again: a reload budgeted by the watch */
  BACK: 'back',
  WATCH: 'watch',
  CANCELLED: 'cancelled',
  DISABLED: 'disabled',
  ERROR: 'error',
});

/** What a tab's record is about: a response (a 5xx, a 429) or a navigation with none. */
export const KIND = Object.freeze({ RESPONSE: 'response', ERROR: 'error' });

/** Storage keys. Session storage: the tabs' records, retries, watches, per-site budgets and
 * recent failures; local storage: the extensions turned off, the hosts that loaded fine. */
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
  /** The `Date` of main-frame responses lately, with when each arrived (background.js). */
  CLOCK_SAMPLES: 'clockSamples',
  /** When a page last loaded from a public IPv4 address (background.js). */
  IPV4_AT: 'ipv4At',
  /** The tabs that wait for the connection (watch.js, waitForNetwork). */
  NETWORK_WAIT: 'netwait',
  RECENT_FAILURES: 'recentFailures',
  /** The developer time-scale (developer builds only: see settings.js). */
  CLOCK_SCALE: 'clockScale',
  DISABLED_BY_US: 'disabledByUs',
  KNOWN_HOSTS: 'knownHosts',
});

/** Alarm names: a prefix and a tab id or origin. */
export const ALARM = Object.freeze({ AUTO: 'gd-auto:', WATCH: 'gd-watch:', BUCKET: 'gd-bucket:', NETWORK: 'gd-net' });

/** Clock samples: the last this many are kept, at most one a minute (the core reads them,
 * src/policy.rs clock_offset). */
export const CLOCK = Object.freeze({ KEEP: 7, EVERY_MS: 60_000 });

/** A page loaded over IPv4 within this long says IPv4 works (ms); noted at most once a minute. */
export const IPV4 = Object.freeze({ WORKS_MS: 10 * 60_000, EVERY_MS: 60_000 });

/** The prefix of the "<host> is back" notifications' ids. */
export const NOTICE_PREFIX = 'gd-back:';
