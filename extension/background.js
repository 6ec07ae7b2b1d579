// @ts-check
// The background: main-frame failures to the core, its view to the tab (the panel, or our
// diagnosis page where the browser drew its own), the panel's actions. Listeners are at the
// top level: the worker is started again for each event.
import {
  api, browserName, setBadge, openPrivateWindow, canOpenPrivateWindow, privateAccessHelpKey, injectPanel, onTabStatus,
  proxyOf, readProxySettings, canResolveNames, resolveHost, captivePortal, onPortalUnlocked,
} from './shim.js';
import { core } from './core.js';
import * as watch from './watch.js';
import { getSettings } from './settings.js';
import * as actions from './actions.js';
import { admit } from './trust.js';
import { knownHosts, rememberResponse } from './known-hosts.js';
import * as samples from './samples.js';
import { isHealthyStatus, isAborted } from './fastpath.js';
import { sameUrl } from './url.js';
import { sessionValue, listOf } from './stored.js';
import { records, load, store, update, drop } from './records.js';
import { MSG, MSG_PREFIX, KIND, KEY, SAME_RESPONSE_MS } from './constants.js';

const OWN_PREFIX = api.runtime.getURL('');
const DIAGNOSIS_PAGE = api.runtime.getURL('diagnosis.html');
const PAGE_TEXT_LIMIT = 4096;
/** The core reads no more headers than this. */
const MAX_HEADERS = 200;
const MAX_HEADER_NAME = 256;
const MAX_HEADER_VALUE = 8192;
/** A browser call that never settles (a tab that navigated away) holds up a tab's later
 * events at most this long. */
const STEP_LIMIT_MS = 10_000;

/** Whether the request's tab is in a private window, asked of the tab at most once (Chrome's
 * webRequest has no incognito field; a tab that cannot be read counts as private).
 * @param {{ tabId: number }} details @returns {() => Promise<boolean>} */
function privateTab(details) {
  const incognito = /** @type {{incognito?: boolean}} */ (details).incognito;
  /** @type {Promise<boolean> | undefined} */
  let asked;
  return () =>
    (asked ??= typeof incognito === 'boolean' ? Promise.resolve(incognito) : api.tabs.get(details.tabId).then((t) => t.incognito !== false, () => true));
}

/** The recent failures, for "is it just me?": what counts, and how long, is the core's. Never a
 * private window's: the list outlives its tabs (15 minutes), and other windows read it. */
const recent = sessionValue(KEY.RECENT_FAILURES, listOf);
/** @param {GdRecord} rec @param {() => Promise<boolean>} isPrivate */
async function rememberFailure(rec, isPrivate) {
  if (await isPrivate()) return;
  try {
    await recent.set((await core()).noteFailure(await recent.get(), rec.diagnosis, await knownHosts(), Date.now()));
  } catch {
    // the core refused it
  }
}

/** tabId -> its event being handled: one tab's events run in order, and readers wait (a tab
 * that completes before its diagnosis is ready still gets its panel). @type {Map<number, Promise<unknown>>} */
const pending = new Map();

/** @template T @param {Promise<T> | undefined} promise @returns {Promise<T | undefined>} */
function bounded(promise) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const limit = new Promise((resolve) => (timer = setTimeout(resolve, STEP_LIMIT_MS)));
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
/** @param {number} tabId @param {() => Promise<unknown>} work */
function track(tabId, work) {
  const p = bounded((pending.get(tabId) || Promise.resolve()).then(work)).catch((e) => console.warn('Gateway Doctor:', e));
  pending.set(tabId, p);
  p.finally(() => pending.get(tabId) === p && pending.delete(tabId));
}
/** @param {number} tabId */
const settled = (tabId) => bounded(pending.get(tabId));

/** @param {number} tabId */
async function forget(tabId) {
  await load(tabId); // else a read still under way would bring the record back
  environments.delete(tabId);
  await drop(tabId);
}

/** @type {Promise<string | undefined> | undefined} */
let platform;
/** tabId -> its failure's environment, reused when the page's text refines the diagnosis.
 * @type {Map<number, { url: string, env: Record<string, unknown> }>} */
const environments = new Map();

/** `diagnosed`: the core's diagnosis under way; a site left alone is not looked up.
 * @param {GdRecord} rec @param {Promise<[unknown, GdDiagnosis]>} [diagnosed] @returns {Promise<Record<string, unknown>>} */
async function environment(rec, diagnosed) {
  platform ??= api.runtime.getPlatformInfo().then((p) => p.os, () => undefined);
  let host = '';
  try {
    host = new URL(rec.url).hostname;
  } catch {
    // the core reports the bad URL
  }
  const [incognitoAllowed, extensions, hosts, failures, os, mayReadProxy, clockSamples, ipv4] = await Promise.all([
    canOpenPrivateWindow().catch(() => undefined), actions.installedExtensions().catch(() => undefined), knownHosts(),
    recent.get(), platform, actions.hasPermission('proxy'), samples.clockSamples(), samples.lastIpv4(),
  ]);
  const noResponse = rec.kind === KIND.ERROR && !(await diagnosed?.then(([, d]) => d.ignored, () => false));
  // Firefox: where the name points (a DNS filter answers 0.0.0.0), whether it resolves without
  // the browser's secure DNS, and the captive portal's state and sign-in URL.
  const addresses = canResolveNames && noResponse ? await resolveHost(host) : undefined;
  const portal = noResponse ? await captivePortal() : undefined;
  const withoutTrr = canResolveNames && noResponse && !addresses?.length ? Boolean((await resolveHost(host, ['disable_trr']))?.length) : undefined;
  /** @type {{ mode?: string, byExtension?: boolean } | undefined} */
  let proxy = rec.failure.proxy ? { mode: 'fixed_servers' } : undefined;
  if (mayReadProxy) proxy = await readProxySettings().catch(() => proxy);
  return {
    url: rec.url, method: rec.failure.method, browser: browserName, platform: os, proxy, extensions,
    knownHosts: hosts.filter((h) => h !== host),
    recentFailures: failures.filter((f) => f.host !== host),
    incognitoAllowed,
    online: navigator.onLine,
    clockSamples,
    captivePortal: portal?.state,
    portalUrl: portal?.url,
    addresses,
    resolvesWithoutSecureDns: withoutTrr,
    ipv4At: ipv4,
    attempts: rec.attempts || 0,
    now: Date.now(),
    // What could not be read: the core picks the variants that say so.
    unknown: [extensions ? null : 'extensions', mayReadProxy ? null : 'proxy'].filter(Boolean),
  };
}

/** Diagnoses `rec.failure` in its environment and advises; null when the core refuses it.
 * `reuse`: the environment this tab's failure already has, if any. @param {number} tabId @param {GdRecord} rec @param {boolean} [reuse] @param {string[]} [ignoredSites]
 * @returns {Promise<{ diagnosis: GdDiagnosis, advice?: GdAdvice } | null>} */
async function analyse(tabId, rec, reuse = false, ignoredSites = []) {
  try {
    /** @type {Promise<[any, GdDiagnosis]>} */
    const diagnosed = core().then((w) => [w, w.diagnose({ ...rec.failure, ignoredSites })]);
    diagnosed.catch(() => {}); // awaited below
    const kept = environments.get(tabId);
    let env;
    if (reuse && kept && sameUrl(kept.url, rec.url)) env = { ...kept.env, attempts: rec.attempts || 0, now: Date.now() };
    else environments.set(tabId, { url: rec.url, env: (env = await environment(rec, diagnosed)) });
    const [wasm, d] = await diagnosed;
    if (d.ignored) return { diagnosis: d };
    const diagnosis = wasm.inContext(d, env);
    return { diagnosis, advice: wasm.advise(diagnosis, env) };
  } catch (e) {
    console.warn('Gateway Doctor: cannot diagnose', e);
    return null;
  }
}

/** The core's view of the tab's failure; `now` lets a page count down from the background's
 * clock. @param {number} tabId @param {GdRecord | undefined} rec @returns {Promise<GdView | null>} */
async function view(tabId, rec) {
  if (!rec?.diagnosis) return null;
  const [disabledByUs, retry, wasm] = await Promise.all([actions.disabledByUs().catch(() => []), watch.retryState(tabId, rec), core()]);
  const kept = environments.get(tabId);
  const env = kept && sameUrl(kept.url, rec.url) ? kept.env : await environment(rec);
  let panel = null;
  try {
    panel = wasm.view(rec.diagnosis, env, retry);
  } catch (e) {
    console.warn('Gateway Doctor: view', e);
  }
  return { url: rec.url, kind: rec.kind, diagnosis: rec.diagnosis, advice: rec.advice, panel, disabledByUs, now: Date.now() };
}

/** @param {number} tabId @param {GdRecord} rec @param {string} [suffix] */
function toOurPage(tabId, rec, suffix = '') {
  rec.onOurPage = true;
  return api.tabs.update(tabId, { url: `${DIAGNOSIS_PAGE}?${new URLSearchParams({ tab: String(tabId), url: rec.url })}${suffix}` });
}

/** Back past the failed URL's own entry (none: the browser's page stays). @param {number} tabId */
const goBackPast = (tabId) => api.tabs.goBack(tabId).catch(() => {});

/** The tab's record, diagnosed, or null (a site left alone, or no failure after all).
 * @param {{ tabId: number, url: string, method: string, timeStamp: number }} details
 * @param {'response' | 'error'} kind @param {Partial<GdFailure>} failure */
async function failed(details, kind, failure) {
  const { tabId, url, timeStamp } = details;
  // Start loading the core now (after a worker start it is the longest step).
  core().catch(() => {});
  const [settings, prev] = await Promise.all([getSettings(), load(tabId), watch.onNavigated(tabId, url)]);
  /** @type {GdRecord} */
  const rec = {
    url, kind, at: timeStamp, requestId: /** @type {{ requestId?: string }} */ (details).requestId,
    failure: { url, method: details.method, proxy: proxyOf(details), timeStamp, ...failure },
    attempts: prev && sameUrl(prev.url, url) ? (prev.attempts || 0) + 1 : 0,
  };
  const [result, back] = await Promise.all([analyse(tabId, rec, false, settings.ignoredSites), watch.wentBack(tabId, prev, url)]);
  if (result?.diagnosis.ignored && prev) await forget(tabId);
  if (!result?.diagnosis.failed) return null;
  return { settings, rec: Object.assign(rec, result, back ? { wentBack: true } : {}) };
}

/** @param {number} tabId @param {GdRecord} rec @param {() => Promise<boolean>} isPrivate */
function keep(tabId, rec, isPrivate) {
  store(tabId, rec);
  rememberFailure(rec, isPrivate);
  setBadge(tabId, rec.diagnosis?.badge ?? '');
}

/** @param {chrome.webRequest.OnHeadersReceivedDetails} details */
async function onHeaders(details) {
  const { tabId, url, statusCode } = details;
  if (tabId < 0 || url.startsWith(OWN_PREFIX)) return;
  if (isHealthyStatus(statusCode)) {
    await watch.onHealthy(tabId);
    // Private window? Asked of the tab at most once, for all three.
    const isPrivate = privateTab(details);
    rememberResponse(details, isPrivate);
    samples.rememberClock(details, isPrivate);
    samples.rememberIpv4(details, isPrivate);
    if (await load(tabId)) {
      await forget(tabId);
      await setBadge(tabId, '');
    }
    return;
  }
  const responseHeaders = (details.responseHeaders || []).slice(0, MAX_HEADERS).map((h) => ({
    name: String(h.name).slice(0, MAX_HEADER_NAME),
    value: h.value === undefined ? undefined : String(h.value).slice(0, MAX_HEADER_VALUE),
  }));
  const f = await failed(details, KIND.RESPONSE, { statusCode, statusLine: details.statusLine, responseHeaders });
  if (!f) return;
  records.set(tabId, f.rec);
  // The panel waits for the retry decision it shows, not for storage and the badge.
  await watch.onFailure(tabId, f.rec);
  if (f.settings.panel) earlyPanel(tabId, f.rec);
  keep(tabId, f.rec, privateTab(details));
  // Firefox can report the tab 'complete' before this response: then finish the page here.
  const tab = await api.tabs.get(tabId).catch(() => null);
  if (tab?.status === 'complete' && sameUrl(tab.url, url)) await pageLoaded(tabId, tab, f.rec);
}

/** @param {chrome.webRequest.OnErrorOccurredDetails} details */
async function onError(details) {
  const { tabId, url, error } = details;
  if (tabId < 0 || url.startsWith(OWN_PREFIX)) return;
  // An aborted navigation (stopped, or a download) is no failure: no core for it.
  if (isAborted(error)) return void (await watch.onNavigated(tabId, url));
  // The request's response was a failure, diagnosed already: Firefox ends a 5xx whose body it
  // would not show (a download: application/octet-stream) with NS_ERROR_NET_ERROR_RESPONSE and
  // shows no page of it. That response is the failure; the page to show it on is ours.
  const answered = records.get(tabId);
  if (answered?.kind === KIND.RESPONSE && answered.requestId !== undefined && answered.requestId === details.requestId) {
    if (!answered.onOurPage && !answered.shown && (await getSettings()).panel) await toOurPage(tabId, answered).then(() => update(tabId, answered), () => {});
    return;
  }
  // `ip`: where the browser tried to connect (0.0.0.0 or :: is a DNS filter's answer).
  const f = await failed(details, KIND.ERROR, { error, ip: details.ip ? String(details.ip).slice(0, 64) : undefined });
  if (!f) return;
  // No extension can script the browser's error page: ours instead (unless the panel is off).
  // Back from ours goes on to the page before the failure, as it would have from the browser's.
  const shown = f.rec.wentBack ? goBackPast(tabId) : f.settings.panel ? toOurPage(tabId, f.rec).catch(() => {}) : null;
  keep(tabId, f.rec, privateTab(details));
  await Promise.all([watch.onFailure(tabId, f.rec), shown]);
}

/** rec -> the view its early injections offer, made once. @type {WeakMap<GdRecord, Promise<object>>} */
const offers = new WeakMap();

/** The panel as soon as the diagnosis is ready, its view in the same call (no round trip):
 * the content script waits for the page's HTML and checks the document is this response's.
 * @param {number} tabId @param {GdRecord} rec @param {boolean} [again] */
function earlyPanel(tabId, rec, again = true) {
  if (rec.shown || rec.injected) return;
  if (!offers.has(rec)) offers.set(rec, view(tabId, rec).then((v) => ({ ...v, responseAt: rec.at })));
  // Most often the previous page went away while the script was on its way: try once more.
  offers.get(rec)?.then((v) => injectPanel(tabId, v)).catch(() => again && earlyPanel(tabId, rec, false));
}

/** @param {number} tabId @param {chrome.tabs.OnUpdatedInfo} info @param {chrome.tabs.Tab} tab */
async function onTabUpdated(tabId, info, tab) {
  if (info.status === 'loading') {
    const rec = records.get(tabId);
    if (rec?.kind === KIND.RESPONSE && rec.diagnosis && sameUrl(tab.url, rec.url) && (await getSettings()).panel) earlyPanel(tabId, rec);
  } else if (info.status === 'complete') {
    await settled(tabId);
    const rec = await load(tabId);
    if (rec) await pageLoaded(tabId, tab, rec);
  }
}

/** The badge again (browsers reset it), and the panel on a 5xx page once per response
 * (`shown`: the early injection showed it). @param {number} tabId @param {chrome.tabs.Tab} tab @param {GdRecord} rec */
async function pageLoaded(tabId, tab, rec) {
  const here = sameUrl(tab.url, rec.url);
  const badge = here || String(tab.url || '').startsWith(DIAGNOSIS_PAGE) ? setBadge(tabId, rec.diagnosis?.badge ?? '') : null;
  if (rec.kind !== KIND.RESPONSE || !here || rec.injected || rec.shown) return void (await badge);
  rec.injected = true;
  const stored = update(tabId, rec);
  if ((await getSettings()).panel) {
    try {
      await injectPanel(tabId);
    } catch {
      // The browser drew its own page (e.g. an empty 502 body), which no extension can
      // script: our diagnosis page (or, back from it, the page before the failure).
      if (rec.wentBack) await goBackPast(tabId);
      else await toOurPage(tabId, rec).then(() => update(tabId, rec), () => {});
    }
  }
  await Promise.all([badge, stored]);
}

/** @param {number} tabId @param {GdAction} action @returns {Promise<GdResult>} */
async function runAction(tabId, action) {
  const rec = await load(tabId);
  if (!rec) return { ok: false, messageKey: 'ui_no_failure' };
  if (action?.type === 'retry') {
    rec.retrying = true;
    await update(tabId, rec);
    await actions.loadAgain(tabId, rec);
    return { ok: true, messageKey: 'ui_retrying' };
  }
  if (action?.type === 'open-incognito') {
    const r = await openPrivateWindow(rec.url);
    if (r.ok) return { ok: true, messageKey: 'ui_private_opened' };
    return { ok: false, messageKey: r.reason === 'not-allowed' ? privateAccessHelpKey : 'ui_private_failed' };
  }
  const r = (await watch.runAction(tabId, rec, action)) ?? (await actions.runAction(tabId, rec, action)) ?? { ok: false, messageKey: 'ui_action_unavailable' };
  if (!r.redraw) return r;
  // A fresh view for the retry and watch lines; a watch just started says so in its words.
  const v = await view(tabId, await load(tabId));
  const said = r.started ? v?.panel?.watchStarted : undefined;
  return { ...r, ...(said && { messageKey: said.key, params: said.params }), view: v };
}

/** Only our own pages may ask for a permission or change the person's setup: the diagnosis
 * page shows the same button, focused. @param {number} tabId @param {GdRecord} rec @param {GdAction} action @param {boolean} [confirm] */
async function confirmOnOwnPage(tabId, rec, action, confirm = true) {
  await toOurPage(tabId, rec, `&ask=${encodeURIComponent(String(action?.type || ''))}${confirm ? '&confirm=1' : ''}`);
  await update(tabId, rec);
  return { ok: false, messageKey: confirm ? 'ui_confirm_open_page' : 'ui_permission_open_page' };
}

/** @param {any} message untrusted: read field by field @param {{ kind: 'own' | 'content', tabId: number }} trusted trust.js */
async function onMessage(message, { kind, tabId }) {
  await settled(tabId);
  const rec = await load(tabId);
  switch (message?.type) {
    case MSG.PAGE: {
      // The page's own text refines the diagnosis, answered before it is stored.
      if (kind !== 'content' || rec?.kind !== KIND.RESPONSE || !sameUrl(rec.url, message.url)) return null;
      // The page before this response, still showing when the early injection came?
      const at = Number(message.responseAt);
      if (Number.isFinite(at) && at > 0 && Number.isFinite(rec.at) && Math.abs(at - rec.at) >= SAME_RESPONSE_MS) return null;
      rec.shown = true;
      const failure = {
        ...rec.failure,
        bodyText: String(message.bodyText || '').slice(0, PAGE_TEXT_LIMIT),
        pageText: String(message.visibleText || '').slice(0, PAGE_TEXT_LIMIT),
      };
      const refined = await analyse(tabId, { ...rec, failure }, true);
      if (refined) {
        Object.assign(rec, refined, { failure });
        update(tabId, rec);
        // The retry the first frame scheduled, decided again for the refined cause before the view shows it.
        await watch.onRefined(tabId, rec);
      }
      return view(tabId, rec);
    }
    case MSG.VIEW: {
      // `fresh`: advise again (a permission was granted or an extension turned off since).
      const again = rec && message.fresh ? await analyse(tabId, rec) : null;
      if (rec && again) {
        rec.advice = again.advice;
        await update(tabId, rec);
      }
      return view(tabId, rec);
    }
    case MSG.ACTION: {
      if (kind === 'content') {
        if (!rec) return { ok: false, messageKey: 'ui_no_failure' };
        const decision = (await core()).contentAction(message.action, rec.advice, await actions.disabledByUs().catch(() => []));
        if (decision === 'refuse') return { ok: false, messageKey: 'ui_action_unavailable' };
        if (decision === 'confirm') return confirmOnOwnPage(tabId, rec, message.action);
      }
      const result = await runAction(tabId, message.action);
      if (!result?.needsPermission || kind === 'own') return result;
      const now = await load(tabId);
      return now ? confirmOnOwnPage(tabId, now, message.action, false) : { ok: false, messageKey: 'ui_permission_open_page' };
    }
    case MSG.ONLINE:
      if (kind === 'own') await watch.networkBack();
      return null;
    case MSG.LEAVING:
      if (rec) {
        rec.leftAt = Date.now();
        rec.retrying = Boolean(message.retrying);
        await update(tabId, rec);
      }
      return null;
    default:
      return undefined;
  }
}

const MAIN_FRAMES = { urls: ['http://*/*', 'https://*/*'], types: /** @type {chrome.webRequest.ResourceType[]} */ (['main_frame']) };
api.webRequest.onHeadersReceived.addListener((d) => void track(d.tabId, () => onHeaders(d)), MAIN_FRAMES, ['responseHeaders']);
api.webRequest.onErrorOccurred.addListener((d) => void track(d.tabId, () => onError(d)), MAIN_FRAMES);
onTabStatus((tabId, info, tab) => void onTabUpdated(tabId, info, tab));
api.tabs.onRemoved.addListener((tabId) => {
  forget(tabId);
  watch.onTabRemoved(tabId);
});
// The connection is back (our page tells too, and the machine checks on its own schedule).
globalThis.addEventListener?.('online', () => void watch.networkBack());
onPortalUnlocked(() => void watch.networkBack());
api.alarms.onAlarm.addListener((alarm) => void watch.onAlarm(alarm));
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (typeof message?.type !== 'string' || !message.type.startsWith(MSG_PREFIX)) return false;
  const trusted = admit(message, sender, api.runtime.id, OWN_PREFIX);
  if (!trusted || !Number.isInteger(trusted.tabId)) return false;
  onMessage(message, /** @type {{ kind: 'own' | 'content', tabId: number }} */ (trusted)).then(sendResponse, (e) =>
    sendResponse({ ok: false, messageKey: 'ui_action_failed', params: { error: String(e?.message || e) } }));
  return true;
});
