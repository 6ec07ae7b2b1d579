// @ts-check
// The background: watches main-frame navigations, asks the core what went wrong, keeps one
// record per failing tab, shows the badge, puts the panel on the error page (or sends the tab
// to the extension's diagnosis page where the browser drew its own error page), and runs the
// panel's one-click actions. Listeners are registered synchronously at the top level: the
// worker is started again for each event after it was stopped.
import {
  api,
  browserName,
  setBadge,
  openPrivateWindow,
  canOpenPrivateWindow,
  privateAccessHelpKey,
  injectPanel,
  onTabStatus,
  proxyOf,
  readProxySettings,
  canResolveNames,
  resolveHost,
  captivePortal,
  onPortalUnlocked,
} from './shim.js';
import { core } from './core.js';
import * as watch from './watch.js';
import { getSettings, isIgnored } from './settings.js';
import * as actions from './actions.js';
import { admit } from './trust.js';
import { knownHosts, rememberResponse } from './known-hosts.js';
import { clockSamples, rememberClock, lastIpv4, rememberIpv4 } from './samples.js';
import { isHealthyStatus, isAborted } from './fastpath.js';
import { sameUrl } from './url.js';
import { MSG, MSG_PREFIX, KIND, KEY, IPV4 } from './constants.js';

const OWN_PREFIX = api.runtime.getURL('');
const DIAGNOSIS_PAGE = api.runtime.getURL('diagnosis.html');
const PAGE_TEXT_LIMIT = 4096;
const MAX_HEADERS = 200;
/** A header's name and value are cut to these (kept in the tab's record, read by the core). */
const MAX_HEADER_NAME = 256;
const MAX_HEADER_VALUE = 8192;
/** A navigation back onto a failed URL this soon after leaving the diagnosis page is the
 * person going back through history: show the browser's page, don't send them forward. */
const BACK_WINDOW_MS = 4000;

// ------------------------------------------------------------------ per-tab records

/** tabId -> {url, kind: "response"|"error", failure, diagnosis, advice, at, leftAt?, retrying?} */
/** @type {Map<number, GdRecord>} */
const records = new Map();

// ------------------------------------------------------------------ what the advice needs to know

const RECENT_KEY = KEY.RECENT_FAILURES;

/** The recent failures (for "is it just me?"), read from session storage once per worker;
 * this module is their only writer, so the list in memory stays the truth after that. What
 * counts, and for how long, is the core's (noteFailure; advise reads the window). */
/** @type {Promise<{ host: string }[]> | undefined} */
let recent;
const recentFailures = () =>
  (recent ??= api.storage.session
    .get(RECENT_KEY)
    .then((got) => /** @type {{ host: string }[]} */ (Array.isArray(got[RECENT_KEY]) ? got[RECENT_KEY] : []))
    .catch(() => []));

/** @param {GdRecord} rec */
async function rememberFailure(rec) {
  const list = await recentFailures();
  let keep;
  try {
    keep = (await core()).noteFailure(list, rec.diagnosis, await knownHosts(), Date.now());
  } catch {
    return;
  }
  // The one list, changed in place: two failures at once both stay.
  list.splice(0, list.length, ...keep);
  await api.storage.session.set({ [RECENT_KEY]: keep }).catch(() => {});
}

const key = KEY.tab;

/** tabId -> the promise of the navigation event being handled for it; readers wait on it,
 * so a tab that completes before its diagnosis is ready still gets its panel. */
/** @type {Map<number, Promise<unknown>>} */
const pending = new Map();

/** A browser call that never settles (a tab that navigated away mid-call) must not hold up
 * the tab's later events, nor keep their handlers alive: each step waits this long at most. */
const STEP_LIMIT_MS = 10_000;

/** @template T @param {Promise<T> | undefined} promise @returns {Promise<T | undefined>} */
function bounded(promise) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const limit = new Promise((resolve) => {
    timer = setTimeout(resolve, STEP_LIMIT_MS);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** @param {number} tabId @param {() => Promise<unknown>} work */
function track(tabId, work) {
  // One tab's events are handled in order: a later navigation never races an earlier one.
  const p = bounded((pending.get(tabId) || Promise.resolve()).then(work)).catch((e) => console.warn('Gateway Doctor:', e));
  pending.set(tabId, p);
  p.finally(() => {
    if (pending.get(tabId) === p) pending.delete(tabId);
  });
}

/** @param {number} tabId */
async function settled(tabId) {
  await bounded(pending.get(tabId));
}

/** The records kept in session storage, read once per worker lifetime; after that the map is
 * the truth (only this module writes them), so a healthy navigation costs no storage read. */
/** @type {Promise<void> | undefined} */
let restored;
function restore() {
  restored ??= api.storage.session
    .get(null)
    .then((all) => {
      for (const [k, rec] of Object.entries(all)) {
        const tabId = k.startsWith(KEY.TAB_PREFIX) ? Number(k.slice(KEY.TAB_PREFIX.length)) : NaN;
        if (Number.isInteger(tabId) && !records.has(tabId)) records.set(tabId, /** @type {GdRecord} */ (rec));
      }
    })
    .catch(() => {});
  return restored;
}

/** @param {number} tabId @returns {Promise<GdRecord | undefined>} */
async function load(tabId) {
  await restore();
  return records.get(tabId);
}

/** @param {number} tabId @param {GdRecord} rec */
async function store(tabId, rec) {
  records.set(tabId, rec);
  try {
    await api.storage.session.set({ [key(tabId)]: rec });
  } catch {
    // Session storage full or unavailable: the in-memory record still serves this worker.
  }
}

/** Stores a change to `rec` if it is still the tab's record: a message handled while the tab
 * moved on must not bring back a record that a later navigation replaced or forgot. */
/** @param {number} tabId @param {GdRecord} rec */
async function update(tabId, rec) {
  if (records.get(tabId) === rec) await store(tabId, rec);
}

/** @param {number} tabId */
async function forget(tabId) {
  await restore(); // else a read still under way would bring the record back
  environments.delete(tabId);
  const had = records.delete(tabId);
  try {
    await api.storage.session.remove(key(tabId));
  } catch {
    // ignore
  }
  return had;
}


/** @param {string | undefined} url */
const isOwn = (url) => String(url || '').startsWith(OWN_PREFIX);

// ------------------------------------------------------------------ diagnosis

/** @type {Promise<string | undefined> | undefined} */
let platform;

/** tabId -> {url, env}: the environment gathered for the tab's failure, reused when the page's
 * text refines the diagnosis (the person has not changed anything in between). */
/** @type {Map<number, { url: string, env: Record<string, unknown> }>} */
const environments = new Map();

/** @param {GdRecord} rec @returns {Promise<Record<string, unknown>>} */
async function environment(rec) {
  platform ??= api.runtime
    .getPlatformInfo()
    .then((p) => p.os)
    .catch(() => undefined);
  let host = '';
  try {
    host = new URL(rec.url).hostname;
  } catch {
    // the core reports the bad URL
  }
  const [incognitoAllowed, extensions, hosts, failures, os, mayReadProxy] = await Promise.all([
    canOpenPrivateWindow().catch(() => undefined),
    actions.installedExtensions().catch(() => undefined),
    knownHosts(),
    recentFailures(),
    platform,
    actions.hasPermission('proxy'),
  ]);
  // Where the name points, for a navigation that got no response (a DNS filter answers
  // 0.0.0.0): Firefox only (its `dns` API), from the browser's own resolver and cache.
  // A name that does not resolve, asked again without the browser's secure DNS: when it
  // resolves then, the secure DNS resolver is what failed.
  const addresses = canResolveNames && rec.kind === KIND.ERROR ? await resolveHost(host) : undefined;
  // A navigation without a response while the browser says a captive portal holds the
  // connection (Firefox): the core says sign in, and the sign-in opens the URL it checks.
  const portal = rec.kind === KIND.ERROR ? await captivePortal() : undefined;
  const resolvesWithoutSecureDns =
    canResolveNames && rec.kind === KIND.ERROR && !addresses?.length ? Boolean((await resolveHost(host, ['disable_trr']))?.length) : undefined;
  return {
    url: rec.url,
    method: rec.failure.method,
    browser: browserName,
    platform: os,
    proxy: await proxyEnvironment(rec, extensions, mayReadProxy),
    extensions,
    knownHosts: hosts.filter((h) => h !== host),
    recentFailures: failures.filter((f) => f.host !== host),
    incognitoAllowed,
    // The browser's own word on the network: false makes any network error "offline".
    online: navigator.onLine,
    clockSamples: await clockSamples(),
    captivePortal: portal?.state,
    portalUrl: portal?.url,
    addresses,
    resolvesWithoutSecureDns,
    ipv4Works: Date.now() - (await lastIpv4()) < IPV4.WORKS_MS,
    attempts: rec.attempts || 0,
    now: Date.now(),
    // What could not be read: the core picks the variants that say so.
    unknown: [extensions ? null : 'extensions', mayReadProxy ? null : 'proxy'].filter(Boolean),
  };
}

/** The browser's proxy settings where the person let us read them, else what the failure
 * itself says (Firefox reports the proxy that carried a request). */
/** @param {GdRecord} rec @param {{ name: string }[] | undefined} extensions @param {boolean} mayReadProxy */
async function proxyEnvironment(rec, extensions, mayReadProxy) {
  if (mayReadProxy) {
    try {
      return await readProxySettings(extensions);
    } catch {
      // fall back below
    }
  }
  return rec.failure.proxy ? { mode: 'fixed_servers' } : undefined;
}

/** Diagnoses `rec.failure` and builds the advice; null when the core refuses the input.
 * `reuse`: take the environment gathered for this tab's failure, if there is one. */
/** @param {number} tabId @param {GdRecord} rec @param {{ reuse?: boolean }} [options] @returns {Promise<{ diagnosis: GdDiagnosis, advice: GdAdvice } | null>} */
async function analyse(tabId, rec, { reuse = false } = {}) {
  try {
    const c = core();
    c.catch(() => {}); // awaited below; a failed load is reported there
    const kept = environments.get(tabId);
    let env;
    if (reuse && kept && sameUrl(kept.url, rec.url)) {
      env = { ...kept.env, attempts: rec.attempts || 0, now: Date.now() };
    } else {
      env = await environment(rec);
      environments.set(tabId, { url: rec.url, env });
    }
    const wasm = await c;
    // The failure in the person's environment: offline, the network down (src/diagnose/person.rs).
    const diagnosis = wasm.inContext(wasm.diagnose(rec.failure), env);
    const advice = wasm.advise(diagnosis, env);
    return { diagnosis, advice };
  } catch (e) {
    console.warn('Gateway Doctor: cannot diagnose', e);
    return null;
  }
}

/** @param {number} tabId @param {GdRecord | undefined} rec @returns {Promise<GdView | null>} */
async function view(tabId, rec) {
  if (!rec?.diagnosis) return null;
  const [disabledByUs, extras, wasm] = await Promise.all([
    actions.disabledByUs().catch(() => []),
    watch.viewExtras(tabId, rec),
    core(),
  ]);
  const kept = environments.get(tabId);
  const env = kept && sameUrl(kept.url, rec.url) ? kept.env : await environment(rec);
  // The panel's view is the core's: render.js paints it.
  let panel = null;
  try {
    panel = wasm.view(rec.diagnosis, env, extras.autoRetry ?? null);
  } catch (e) {
    console.warn('Gateway Doctor: view', e);
  }
  return { url: rec.url, kind: rec.kind, diagnosis: rec.diagnosis, advice: rec.advice, panel, disabledByUs, ...extras };
}

/** @param {GdRecord} rec */
function badgeText(rec) {
  return rec.kind === KIND.RESPONSE ? String(rec.failure.statusCode) : 'ERR';
}

/** Whether a failure of `url` is the person going Back from our diagnosis page for it: the
 * tab was sent there, and left it neither by Retry nor by an automatic retry. The page says
 * it left on `pagehide`, which may come after this failure was reported. */
/** @param {number} tabId @param {GdRecord | undefined} prev @param {string} url */
async function wentBack(tabId, prev, url) {
  if (!prev?.onOurPage || !sameUrl(prev.url, url) || prev.retrying) return false;
  if (prev.leftAt && Date.now() - prev.leftAt >= BACK_WINDOW_MS) return false;
  return !(await watch.isRetrying(tabId, url));
}

/** Sends the tab to our diagnosis page for `rec` (the browser drew its own page). */
/** @param {number} tabId @param {GdRecord} rec @param {string} [suffix] */
function toOurPage(tabId, rec, suffix = '') {
  rec.onOurPage = true;
  return api.tabs.update(tabId, { url: diagnosisPageUrl(tabId, rec) + suffix });
}

/** One more step back, past the failed URL's own entry; where there is none (the failure
 * was the tab's first page), the browser's page stays. */
/** @param {number} tabId */
function goBackPast(tabId) {
  return api.tabs.goBack(tabId).catch(() => {
    // Nothing before it, or the tab is gone.
  });
}

/** @param {number} tabId @param {GdRecord} rec */
function diagnosisPageUrl(tabId, rec) {
  const q = new URLSearchParams({ tab: String(tabId), url: rec.url });
  return `${DIAGNOSIS_PAGE}?${q}`;
}

// ------------------------------------------------------------------ navigation events

/** @param {chrome.webRequest.OnHeadersReceivedDetails} details */
function headersOf(details) {
  return (details.responseHeaders || [])
    .slice(0, MAX_HEADERS)
    .map((h) => ({
      name: String(h.name).slice(0, MAX_HEADER_NAME),
      value: h.value === undefined ? undefined : String(h.value).slice(0, MAX_HEADER_VALUE),
    }));
}

/** @param {chrome.webRequest.OnHeadersReceivedDetails} details */
async function onHeaders(details) {
  const { tabId, url, statusCode } = details;
  if (tabId < 0 || isOwn(url)) return;
  if (isHealthyStatus(statusCode)) {
    await watch.onHealthy(tabId);
    // Whether the response is from a private window: asked of the tab at most once, for all three.
    const incognito = /** @type {{incognito?: boolean}} */ (details).incognito;
    /** @type {Promise<boolean> | undefined} */
    let privateTab;
    const isPrivate = () =>
      (privateTab ??= typeof incognito === 'boolean' ? Promise.resolve(incognito) : api.tabs.get(tabId).then((t) => t.incognito !== false, () => true));
    rememberResponse(details, isPrivate);
    rememberClock(details, isPrivate);
    rememberIpv4(details, isPrivate);
    // A response that is no failure: whatever this tab showed before is over.
    if (await load(tabId)) {
      await forget(tabId);
      await setBadge(tabId, '');
    }
    return;
  }
  // A failure: start loading the core now (after a worker start it is the longest step),
  // while the tab's state is read.
  core().catch(() => {});
  const [settings, prev] = await Promise.all([getSettings(), load(tabId), watch.onNavigated(tabId, url)]);
  // A site the person asked to leave alone (options page): no record, badge, panel or retry.
  if (isIgnored(url, settings)) {
    if (prev) await forget(tabId);
    return;
  }
  /** @type {GdRecord} */
  const rec = {
    url,
    kind: KIND.RESPONSE,
    at: details.timeStamp,
    failure: {
      url,
      method: details.method,
      statusCode,
      statusLine: details.statusLine,
      responseHeaders: headersOf(details),
      proxy: proxyOf(details),
      timeStamp: details.timeStamp,
    },
  };
  if (prev && sameUrl(prev.url, url)) rec.attempts = (prev.attempts || 0) + 1;
  if (await wentBack(tabId, prev, url)) rec.wentBack = true;
  const result = await analyse(tabId, rec);
  if (!result?.diagnosis.failed) return;
  Object.assign(rec, result);
  records.set(tabId, rec);
  // The panel waits for this tab's events (and so for the auto-retry state it shows), not for
  // storage and the badge: those are issued right after the panel's injection, in order, and
  // finish on their own.
  await watch.onFailure(tabId, rec);
  if (settings.panel) earlyPanel(tabId, rec);
  store(tabId, rec);
  rememberFailure(rec);
  setBadge(tabId, badgeText(rec));
  // Firefox can report the tab 'complete' before this response (tab and webRequest events
  // travel separately): then no 'complete' follows, so finish the page here.
  const tab = await api.tabs.get(tabId).catch(() => null);
  if (tab?.status === 'complete' && sameUrl(tab.url, url)) await pageLoaded(tabId, tab, rec);
}

/** @param {chrome.webRequest.OnErrorOccurredDetails} details */
async function onError(details) {
  const { tabId, url, error } = details;
  if (tabId < 0 || isOwn(url)) return;
  // An aborted navigation (the person stopped it, or it became a download) is no failure,
  // and is common on healthy pages: decide it here without loading the core.
  if (isAborted(error)) {
    await watch.onNavigated(tabId, url);
    return;
  }
  core().catch(() => {});
  const [settings, prev] = await Promise.all([getSettings(), load(tabId), watch.onNavigated(tabId, url)]);
  if (isIgnored(url, settings)) {
    if (prev) await forget(tabId);
    return;
  }
  /** @type {GdRecord} */
  const rec = {
    url,
    kind: KIND.ERROR,
    at: details.timeStamp,
    // `ip`: where the browser tried to connect (0.0.0.0 or :: is a DNS filter's answer).
    failure: { url, method: details.method, error, ip: details.ip ? String(details.ip).slice(0, 64) : undefined, proxy: proxyOf(details), timeStamp: details.timeStamp },
    attempts: prev && sameUrl(prev.url, url) ? (prev.attempts || 0) + 1 : 0,
  };
  const [result, retrying] = await Promise.all([analyse(tabId, rec), watch.isRetrying(tabId, url)]);
  if (!result?.diagnosis.failed) return;
  Object.assign(rec, result);
  const back = !retrying && (await wentBack(tabId, prev, url));
  // No extension can script the browser's own error page: show ours instead (unless the
  // panel is turned off on the options page: then the browser's own page stays). Back from
  // our page goes on to the page before the failure, as it would have from the page ours
  // replaced.
  const shown = back
    ? goBackPast(tabId)
    : !settings.panel
      ? null
      : toOurPage(tabId, rec).catch(() => {
          // The tab is gone.
        });
  store(tabId, rec);
  rememberFailure(rec);
  setBadge(tabId, badgeText(rec));
  await Promise.all([watch.onFailure(tabId, rec), shown]);
}

/** rec -> the view offered with its early injections, made once per response. */
/** @type {WeakMap<GdRecord, Promise<object>>} */
const offers = new WeakMap();

/**
 * The panel as soon as the diagnosis is ready, not only on 'complete': injected when the
 * diagnosis is made and when the tab reports its new page loading. The content script waits
 * for the page's HTML and asks whether its document is this response's (the previous page may
 * still be showing); where the page is not there yet, the injection on 'complete' shows it.
 */
/** @param {number} tabId @param {GdRecord} rec @param {boolean} [again] */
function earlyPanel(tabId, rec, again = true) {
  if (rec.shown || rec.injected) return;
  (async () => {
    // The view made from the headers goes with the scripts, in the same call, so the panel
    // needs no round trip before it shows; the page's text refines it a moment later.
    if (!offers.has(rec)) offers.set(rec, view(tabId, rec).then((v) => ({ ...v, responseAt: rec.at })));
    await injectPanel(tabId, await offers.get(rec));
  })().catch(() => {
    // Most often the previous page went away while the script was on its way to it: the
    // failing page is there now.
    if (again) earlyPanel(tabId, rec, false);
  });
}

/** @param {number} tabId @param {chrome.tabs.OnUpdatedInfo} info @param {chrome.tabs.Tab} tab */
async function onTabUpdated(tabId, info, tab) {
  if (info.status === 'loading') {
    const rec = records.get(tabId);
    if (rec?.kind === KIND.RESPONSE && rec.diagnosis && sameUrl(tab.url, rec.url)) {
      if ((await getSettings()).panel) earlyPanel(tabId, rec);
    }
    return;
  }
  if (info.status !== 'complete') return;
  await settled(tabId);
  const rec = await load(tabId);
  if (!rec) return;
  await pageLoaded(tabId, tab, rec);
}

/** A page finished loading in a tab that has a record: the badge again, and the panel on a
 * 5xx page (once per response). The panel goes first: it is what the person waits for. */
/** @param {number} tabId @param {chrome.tabs.Tab} tab @param {GdRecord} rec */
async function pageLoaded(tabId, tab, rec) {
  const onDiagnosisPage = String(tab.url || '').startsWith(DIAGNOSIS_PAGE);
  // Both browsers reset a tab's badge when a page loads in it: set it again.
  const badge = onDiagnosisPage || sameUrl(tab.url, rec.url) ? setBadge(tabId, badgeText(rec)) : null;
  if (rec.kind !== KIND.RESPONSE || !sameUrl(tab.url, rec.url) || rec.injected) {
    await badge;
    return;
  }
  // Once per response: a page that completes before its own response is reported (Firefox)
  // must not get the previous response's panel, nor a page get it twice (the content script
  // also shows it once per document). `rec.shown`: the early injection already showed it.
  if (rec.shown) {
    await badge;
    return;
  }
  rec.injected = true;
  const stored = update(tabId, rec);
  if ((await getSettings()).panel) {
    try {
      await injectPanel(tabId);
    } catch {
      // The browser drew its own page for this response (e.g. an empty 502 body): no
      // extension can script it, so show the diagnosis page (or, when the person came Back
      // from it, the page before the failure).
      if (rec.wentBack) await goBackPast(tabId);
      else {
        try {
          await toOurPage(tabId, rec);
          await update(tabId, rec);
        } catch {
          // The tab is gone.
        }
      }
    }
  }
  await Promise.all([badge, stored]);
}

// ------------------------------------------------------------------ messages from our pages

/** How far apart the page's clock and the browser's may put the same response's arrival. */
const SAME_RESPONSE_MS = 1000;

/** Whether a document whose response arrived at `responseAt` (the page's navigation timing,
 * ms since the epoch) shows the response of `rec` (whose headers the browser reported at
 * `rec.at`); a page that does not say is taken to. */
/** @param {GdRecord} rec @param {unknown} responseAt */
function isResponseDocument(rec, responseAt) {
  const at = Number(responseAt);
  if (!Number.isFinite(at) || at <= 0 || !Number.isFinite(rec.at)) return true;
  return Math.abs(at - rec.at) < SAME_RESPONSE_MS;
}

/** @param {number} tabId @param {GdAction} action @returns {Promise<GdResult>} */
async function runAction(tabId, action) {
  const rec = await load(tabId);
  if (!rec) return { ok: false, messageKey: 'ui_no_failure' };
  switch (action?.type) {
    case 'retry':
      rec.retrying = true;
      await update(tabId, rec);
      if (rec.kind === KIND.RESPONSE) await api.tabs.reload(tabId, { bypassCache: true });
      else await api.tabs.update(tabId, { url: rec.url });
      return { ok: true, messageKey: 'ui_retrying' };
    case 'open-incognito': {
      const r = await openPrivateWindow(rec.url);
      if (r.ok) return { ok: true, messageKey: 'ui_private_opened' };
      return { ok: false, messageKey: r.reason === 'not-allowed' ? privateAccessHelpKey : 'ui_private_failed' };
    }
    default:
      return (
        (await watch.runAction(tabId, rec, action)) ??
        (await actions.runAction(tabId, rec, action)) ?? { ok: false, messageKey: 'ui_action_unavailable' }
      );
  }
}

/** `trusted`: what trust.js admitted, {kind: "own"|"content", tabId}. A content script's tab
 * is its own (`sender.tab.id`); only our own pages name another. */
/** @param {any} message untrusted: read field by field @param {chrome.runtime.MessageSender} sender @param {{ kind: 'own' | 'content', tabId: number }} trusted */
async function onMessage(message, sender, trusted) {
  const { kind, tabId } = trusted;
  await settled(tabId);
  switch (message?.type) {
    case MSG.PAGE: {
      // From the content script in a tab with a 5xx page: refine with the page's own text,
      // with the environment gathered at the response, and answer before storing.
      if (kind !== 'content') return null;
      const rec = await load(tabId);
      if (!rec || rec.kind !== KIND.RESPONSE || !sameUrl(rec.url, message.url)) return null;
      // The page before this response, still showing when the early injection came.
      if (!isResponseDocument(rec, message.responseAt)) return null;
      rec.shown = true;
      const failure = {
        ...rec.failure,
        bodyText: String(message.bodyText || '').slice(0, PAGE_TEXT_LIMIT),
        pageText: String(message.visibleText || '').slice(0, PAGE_TEXT_LIMIT),
      };
      const refined = await analyse(tabId, { ...rec, failure }, { reuse: true });
      if (refined) {
        Object.assign(rec, refined);
        rec.failure = failure;
        update(tabId, rec);
      }
      return view(tabId, rec);
    }
    case MSG.VIEW: {
      const rec = await load(tabId);
      if (rec && message.fresh) {
        // Advise again: a permission was granted or an extension turned off since.
        const again = await analyse(tabId, rec);
        if (again) {
          rec.advice = again.advice;
          await update(tabId, rec);
        }
      }
      return view(tabId, rec);
    }
    case MSG.ACTION: {
      if (kind === 'content') {
        // The panel over a page runs only what this tab's failure offered, and only what
        // changes nothing in the person's setup; the rest is confirmed on our own page.
        const rec = await load(tabId);
        if (!rec) return { ok: false, messageKey: 'ui_no_failure' };
        const decision = (await core()).contentAction(message.action, rec.advice, await actions.disabledByUs().catch(() => []));
        if (decision === 'refuse') return { ok: false, messageKey: 'ui_action_unavailable' };
        if (decision === 'confirm') return confirmOnOwnPage(tabId, rec, message.action);
      }
      const result = await runAction(tabId, message.action);
      if (result?.needsPermission && kind !== 'own') {
        const rec = await load(tabId);
        if (rec) return confirmOnOwnPage(tabId, rec, message.action, false);
        return { ok: false, messageKey: 'ui_permission_open_page' };
      }
      return result;
    }
    case MSG.ONLINE: {
      // Our diagnosis page heard the browser's `online`: the tabs that wait for the
      // connection load again (the core's order and stagger).
      if (kind !== 'own') return null;
      await watch.networkBack();
      return null;
    }
    case MSG.LEAVING: {
      const rec = await load(tabId);
      if (rec) {
        rec.leftAt = Date.now();
        rec.retrying = Boolean(message.retrying);
        await update(tabId, rec);
      }
      return null;
    }
    default:
      return undefined;
  }
}

/** Only the extension's own pages may ask for a permission or change the person's setup: the
 * tab goes to the diagnosis page, where the same button (focused, with a word) does it. */
/** @param {number} tabId @param {GdRecord} rec @param {GdAction} action @param {boolean} [confirm] */
async function confirmOnOwnPage(tabId, rec, action, confirm = true) {
  const ask = encodeURIComponent(String(action?.type || ''));
  await toOurPage(tabId, rec, `&ask=${ask}${confirm ? '&confirm=1' : ''}`);
  await update(tabId, rec);
  return { ok: false, messageKey: confirm ? 'ui_confirm_open_page' : 'ui_permission_open_page' };
}

api.webRequest.onHeadersReceived.addListener(
  (d) => {
    track(d.tabId, () => onHeaders(d));
  },
  { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
  ['responseHeaders'],
);
api.webRequest.onErrorOccurred.addListener(
  (d) => {
    track(d.tabId, () => onError(d));
  },
  { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
);
onTabStatus((tabId, info, tab) => {
  onTabUpdated(tabId, info, tab);
});
api.tabs.onRemoved.addListener((tabId) => {
  forget(tabId);
  watch.onTabRemoved(tabId);
});
// The browser says the connection is back (where the worker hears it; the diagnosis page
// tells too, and the background checks on its own schedule besides).
globalThis.addEventListener?.('online', () => {
  watch.networkBack();
});
// The captive portal let the person through (Firefox): the tabs it held load again.
onPortalUnlocked(() => {
  watch.networkBack();
});
api.alarms.onAlarm.addListener((alarm) => {
  watch.onAlarm(alarm);
});
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (typeof message?.type !== 'string' || !message.type.startsWith(MSG_PREFIX)) return false;
  const trusted = admit(message, sender, api.runtime.id, OWN_PREFIX);
  if (!trusted || !Number.isInteger(trusted.tabId)) return false;
  onMessage(message, sender, /** @type {{ kind: 'own' | 'content', tabId: number }} */ (trusted)).then(sendResponse, (e) => sendResponse({ ok: false, messageKey: 'ui_action_failed', params: { error: String(e?.message || e) } }));
  return true;
});
