// @ts-check
// Automatic retries, the tabs that wait for the connection, and "notify me when it's back":
// their alarms, storage, fetch and tabs. Every decision (whether and when to retry, the
// schedules and their end, the site's budget, Retry-After, whether the network is back, what
// a POST gets) is the core's (src/policy.rs); this module keeps the state it passes back in
// session storage (keys and alarm names: constants.js), so all survives the worker stopping.
// Short delays run on setTimeout while the worker lives, with an alarm as the durable backstop.
import { core } from './core.js';
import { captivePortal } from './shim.js';
import { getSettings, clockScale } from './settings.js';
import { senderKind } from './trust.js';
import { sameUrl, originOf } from './url.js';
import { ALARM, KEY, NOTICE_PREFIX, REASON, STATE, WATCH_MSG_PREFIX, MSG } from './constants.js';
import './format.js';

const { msg } = globalThis.GatewayDoctorFormat;
const api = globalThis.chrome;
const DIAGNOSIS_PAGE = api.runtime.getURL('diagnosis.html');
const now = () => Date.now();

// ------------------------------------------------------------------ storage, locks, timers

// The worker's copy of the keys: this module is their only writer, so after the first read a
// navigation costs no storage read. A change made elsewhere drops the copy; `version` keeps a
// read overtaken by a write from caching the older value. Writes change the copy at once and
// finish on their own (storage applies them in the order issued).
/** @type {Map<string, any>} */
const cache = new Map();
/** @type {Map<string, number>} */
const version = new Map();
/** @param {string} k */
const bump = (k) => version.set(k, (version.get(k) || 0) + 1);
api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'session') return;
  for (const [k, c] of Object.entries(changes)) {
    if (cache.has(k) && JSON.stringify(cache.get(k)) === JSON.stringify(c.newValue)) continue; // our own write
    cache.delete(k);
    bump(k);
  }
});

/** @param {string} k @returns {Promise<any>} the stored value (shapes: types/shell.d.ts) */
async function getKey(k) {
  if (cache.has(k)) return structuredClone(cache.get(k));
  const v0 = version.get(k);
  try {
    const v = (await api.storage.session.get(k))[k];
    if (version.get(k) === v0) cache.set(k, v);
    return v;
  } catch {
    return undefined;
  }
}
/** @param {string} k @param {unknown} v undefined removes the key */
function setKey(k, v) {
  bump(k);
  cache.set(k, structuredClone(v));
  (v === undefined ? api.storage.session.remove(k) : api.storage.session.set({ [k]: v })).catch(() => {});
}
/** @param {string} k */
const removeKey = (k) => setKey(k, undefined);

/** One task at a time per name: timers, alarms and clicks never race on the same state.
 * @type {Map<string, Promise<unknown>>} */
const locks = new Map();
/** @template T @param {string} name @param {() => Promise<T>} fn @returns {Promise<T>} */
function locked(name, fn) {
  const p = (locks.get(name) || Promise.resolve()).catch(() => {}).then(fn);
  const tail = p.catch(() => {});
  locks.set(name, tail);
  tail.then(() => locks.get(name) === tail && locks.delete(name));
  return p;
}

/** @type {Map<string, ReturnType<typeof setTimeout>>} */
const timers = new Map();
/** @param {string} name @param {number} when */
function schedule(name, when) {
  clearTimeout(timers.get(name));
  const run = () => {
    timers.delete(name);
    fire(name);
  };
  timers.set(name, setTimeout(run, Math.max(0, when - now())));
  try {
    // Chrome: no minimum for unpacked extensions, 30 s for packed ones: the timer covers it.
    api.alarms.create(name, { when: Math.max(when, now() + 50) });
  } catch {
    // ignore
  }
}
/** @param {string} name */
function unschedule(name) {
  clearTimeout(timers.get(name));
  timers.delete(name);
  api.alarms.clear(name).catch?.(() => {});
}
/** Whether `name` is early for `at` (a timer of an older schedule): then it is set again.
 * @param {string} name @param {number | undefined} at */
async function early(name, at) {
  if (!(await core()).isEarly(at, now())) return false;
  schedule(name, at ?? now());
  return true;
}

/** @param {string} name */
function fire(name) {
  if (name.startsWith(ALARM.AUTO)) return locked(name, () => fireAuto(Number(name.slice(ALARM.AUTO.length))));
  if (name.startsWith(ALARM.WATCH)) return locked(name, () => fireWatch(name.slice(ALARM.WATCH.length)));
  if (name.startsWith(ALARM.BUCKET)) return dropBucket(name.slice(ALARM.BUCKET.length));
  if (name === ALARM.NETWORK) return locked(KEY.NETWORK_WAIT, fireNetwork);
  return undefined;
}

// ------------------------------------------------------------------ the site's budget

/** Keeps `origin`'s bucket until the core says it is full again (`fullAt`: then it is as none).
 * @param {string} origin @param {{ fullAt: number }} bucket */
function storeBucket(origin, bucket) {
  setKey(KEY.bucket(origin), bucket);
  schedule(ALARM.BUCKET + origin, bucket.fullAt);
}
/** @param {string} origin */
function dropBucket(origin) {
  return locked(KEY.bucket(origin), async () => {
    const b = await getKey(KEY.bucket(origin));
    if (b && !(await early(ALARM.BUCKET + origin, Number(b.fullAt)))) removeKey(KEY.bucket(origin));
  });
}
/** Takes one request token for `origin` (the core's takeToken): {ok, waitMs}.
 * @param {string} origin @returns {Promise<{ ok: boolean, waitMs: number }>} */
export function takeToken(origin) {
  return locked(KEY.bucket(origin), async () => {
    const t = (await core()).takeToken((await getKey(KEY.bucket(origin))) ?? null, now(), await clockScale());
    storeBucket(origin, t.bucket);
    return t;
  });
}
/** Reloads of tabs whose site (or connection) is back, at the core's times: automatic
 * retries of reason "back". @param {[number, { url: string, failureAt?: number, get?: boolean }, number][]} plan */
function scheduleBack(plan) {
  for (const [tabId, t, at] of plan) {
    setKey(KEY.auto(tabId), { url: t.url, failureAt: t.failureAt, state: STATE.SCHEDULED, reason: REASON.BACK, due: at, get: t.get, attempts: 0 });
    schedule(ALARM.AUTO + tabId, at);
  }
}

// ------------------------------------------------------------------ automatic retries

/** A failure was recorded for `tabId`: the core decides whether and when to retry, and this
 * schedules it (or a wait for the network, or a quiet watch when the retries ran out).
 * @param {number} tabId @param {GdRecord} rec */
export async function onFailure(tabId, rec) {
  return locked(ALARM.AUTO + tabId, async () => {
    const settings = await getSettings();
    /** @type {GdAutoState | undefined} */
    const prev = await getKey(KEY.auto(tabId));
    const attempts = rec.attempts || 0;
    const continuing = prev && sameUrl(prev.url, rec.url) && attempts > 0;
    const firstFailureAt = continuing ? prev.firstFailureAt : now();
    const seed = continuing && Number.isFinite(prev.seed) ? prev.seed : Math.random();
    let a;
    try {
      a = (await core()).autoRetry(rec.diagnosis, {
        attempts, firstFailureAt, seed, now: now(),
        enabled: settings.autoRetry, maxAttempts: settings.maxAttempts,
        watching: Boolean(await watchOfTab(tabId)),
        cancelled: Boolean(continuing && prev.state === STATE.CANCELLED),
        scale: await clockScale(),
      });
    } catch (e) {
      console.warn('Gateway Doctor: autoRetry', e);
      a = { state: STATE.OFF, reason: REASON.ERROR };
    }
    /** @type {GdAutoState} */
    const state = { state: a.state, reason: a.reason, due: a.due, url: rec.url, kind: rec.kind, failureAt: rec.at, firstFailureAt, seed, attempts, max: a.max ?? settings.maxAttempts ?? undefined };
    setKey(KEY.auto(tabId), state);
    if (a.state === STATE.SCHEDULED) schedule(ALARM.AUTO + tabId, a.due);
    if (a.state === STATE.NETWORK) await waitForNetwork(tabId, rec);
    if (a.state === STATE.EXHAUSTED) await startWatch(tabId, rec, { notify: false, notBefore: a.watchFrom });
    return state;
  });
}

/** Where the tab shows the failure of `url` (the page, or our diagnosis page for it), or null
 * when it is gone or elsewhere. Chrome's pendingUrl (a navigation under way) counts.
 * @param {number} tabId @param {string} url
 * @returns {Promise<{ tab: chrome.tabs.Tab, onDiagnosisPage: boolean, loading: boolean } | null>} */
async function showing(tabId, url) {
  const tab = await api.tabs.get(tabId).catch(() => null);
  if (!tab) return null;
  const shown = String(tab.pendingUrl || tab.url || '');
  const q = shown.startsWith(DIAGNOSIS_PAGE) ? new URL(shown).searchParams : null;
  const onDiagnosisPage = Boolean(q && q.get('tab') === String(tabId) && sameUrl(q.get('url'), url));
  return sameUrl(shown, url) || onDiagnosisPage ? { tab, onDiagnosisPage, loading: tab.status === 'loading' } : null;
}

/** @type {Map<number, { url: string, at: number }>} */
const firedMemo = new Map();
/** Whether a navigation of `tabId` onto `url` now is one of our automatic retries.
 * @param {number} tabId @param {string} url */
export async function isRetrying(tabId, url) {
  const f = firedMemo.get(tabId) || (await getKey(KEY.fired(tabId)));
  return Boolean(f && sameUrl(f.url, url) && now() - f.at < (await core()).limits().firedWindowMs);
}

/** Loads the failed page again: a reload, or the URL (from our page, or with GET after a POST).
 * @param {number} tabId @param {string} url @param {{ onDiagnosisPage: boolean }} where @param {boolean} [get] */
async function reloadTab(tabId, url, where, get = false) {
  firedMemo.set(tabId, { url, at: now() });
  setKey(KEY.fired(tabId), { url, at: now() });
  if (where.onDiagnosisPage || get) await api.tabs.update(tabId, { url });
  else await api.tabs.reload(tabId, { bypassCache: true });
}

/** Whether the person asked since to leave `url`'s site alone: the core's rule (diagnose).
 * @param {string} url @param {GdSettings} settings */
const leftAlone = (url, settings) =>
  settings.ignoredSites.length > 0 && core().then((c) => c.diagnose({ url, error: 'net::ERR_FAILED', ignoredSites: settings.ignoredSites }).ignored, () => false);

/** @param {number} tabId */
async function fireAuto(tabId) {
  const k = KEY.auto(tabId);
  /** @type {GdAutoState | undefined} */
  const state = await getKey(k);
  if (state?.state !== STATE.SCHEDULED || (await early(ALARM.AUTO + tabId, state.due))) return;
  /** The state changes; with a new `due`, it is looked at again then. @param {Partial<GdAutoState>} change */
  const later = (change) => {
    setKey(k, { ...state, ...change });
    if (change.due !== undefined) schedule(ALARM.AUTO + tabId, change.due);
  };
  // A reload of a tab whose site is back (reason "back") was budgeted by the watch.
  const back = state.reason === REASON.BACK;
  const settings = await getSettings();
  if ((!settings.autoRetry && !back) || (await leftAlone(state.url, settings))) return later({ state: STATE.OFF, reason: REASON.DISABLED });
  // Only while the tab still shows the same failure: never after the person went on.
  const where = await showing(tabId, state.url);
  /** @type {GdRecord | undefined} */
  const rec = await getKey(KEY.tab(tabId));
  if (!where || !(await core()).sameFailure(state.url, state.failureAt, rec?.url ?? '', rec?.at ?? null)) return removeKey(k);
  // Something loads in the tab (the person, in a browser without pendingUrl): look again soon.
  const defers = state.loadingDefers || 0;
  const { loadingDeferMs, maxLoadingDefers } = (await core()).limits();
  if (where.loading && defers < maxLoadingDefers) return later({ due: now() + loadingDeferMs, loadingDefers: defers + 1 });
  const token = back ? { ok: true, waitMs: 0 } : await takeToken(originOf(state.url));
  if (!token.ok) return later({ due: now() + token.waitMs, deferred: true });
  later({ state: STATE.FIRED, firedAt: now() });
  await reloadTab(tabId, state.url, where, Boolean(state.get)).catch(() => {});
}

// ------------------------------------------------------------------ waiting for the network

// The tabs whose failure waits for the person's connection (autoRetry said "network"): one
// record `netwait` {startedAt, checks, nextAt, tabs: {tabId: {url, failureAt, method}}} and
// one alarm, the background's own checks (networkCheckNext, which also says whether the
// connection is back). When it is back (our page or the worker hears `online`, the portal
// lets the person through, or a check), onlineReloads orders and staggers the reloads. A tab
// that fails again joins the same record, so the checks keep backing off until it ends.

/** @param {number} tabId @param {GdRecord} rec */
function waitForNetwork(tabId, rec) {
  return locked(KEY.NETWORK_WAIT, async () => {
    /** @type {GdNetworkWait | undefined} */
    let w = await getKey(KEY.NETWORK_WAIT);
    const fresh = !w;
    w ??= { startedAt: now(), checks: 0, tabs: {} };
    w.tabs[tabId] = { url: rec.url, failureAt: rec.at, method: rec.diagnosis?.method || 'GET' };
    if (fresh || !Number.isFinite(w.nextAt)) w.nextAt = (await core()).networkCheckNext(w.startedAt, w.checks, now(), await clockScale()).at;
    if (w.nextAt === undefined) return removeKey(KEY.NETWORK_WAIT);
    setKey(KEY.NETWORK_WAIT, w);
    if (fresh || !timers.has(ALARM.NETWORK)) schedule(ALARM.NETWORK, w.nextAt);
  });
}

/** A tab waits for the network no more (or, with `url`, only if it waited for another URL).
 * @param {number} tabId @param {string} [url] */
async function leaveNetwork(tabId, url) {
  const t = (await getKey(KEY.NETWORK_WAIT))?.tabs?.[tabId];
  if (!t || (url && sameUrl(t.url, url))) return;
  await locked(KEY.NETWORK_WAIT, async () => {
    const w = await getKey(KEY.NETWORK_WAIT);
    if (!w?.tabs?.[tabId]) return;
    delete w.tabs[tabId];
    setKey(KEY.NETWORK_WAIT, w);
  });
}

/** The connection is back: the waiting tabs reload in the core's order and stagger; the
 * record stays (its checks keep backing off) for the tabs that fail again.
 * @param {GdNetworkWait} w */
async function reloadWaiting(w) {
  const tabs = [];
  for (const [id, t] of Object.entries(w.tabs)) {
    const tab = (await showing(Number(id), t.url))?.tab;
    if (!tab) continue;
    const win = await api.windows.get(tab.windowId).catch(() => null);
    tabs.push({ id: Number(id), visible: Boolean(tab.active && win?.focused), active: Boolean(tab.active), failureAt: t.failureAt, method: t.method });
  }
  /** @type {{ id: number, at: number }[]} */
  const order = (await core()).onlineReloads(tabs, now());
  scheduleBack(order.map(({ id, at }) => [id, w.tabs[id], at]));
  w.tabs = {};
  setKey(KEY.NETWORK_WAIT, w);
}

/** Our diagnosis page, the worker or the captive portal says the connection is back. */
export async function networkBack() {
  if (!(await getKey(KEY.NETWORK_WAIT))) return;
  await locked(KEY.NETWORK_WAIT, async () => {
    const w = await getKey(KEY.NETWORK_WAIT);
    if (w && Object.keys(w.tabs).length) await reloadWaiting(w);
  });
}

/** The background's own check: is the connection back? */
async function fireNetwork() {
  /** @type {GdNetworkWait | undefined} */
  const w = await getKey(KEY.NETWORK_WAIT);
  if (!w || (await early(ALARM.NETWORK, w.nextAt))) return;
  if (!Object.keys(w.tabs).length) return removeKey(KEY.NETWORK_WAIT);
  w.checks = (w.checks || 0) + 1;
  const next = (await core()).networkCheckNext(w.startedAt, w.checks, now(), await clockScale(), navigator.onLine, (await captivePortal())?.state);
  if (next.reload) await reloadWaiting(w);
  if (next.at === undefined) return removeKey(KEY.NETWORK_WAIT);
  w.nextAt = next.at;
  setKey(KEY.NETWORK_WAIT, w);
  schedule(ALARM.NETWORK, next.at);
}

// ------------------------------------------------------------------ watches

/** Which site each watched tab waits for: tab id -> origin. @returns {Promise<Record<string, string>>} */
async function index() {
  const i = await getKey(KEY.WATCH_INDEX);
  return i && typeof i === 'object' ? i : {};
}
/** @param {number} tabId @param {string | null} origin */
function setIndex(tabId, origin) {
  return locked(KEY.WATCH_INDEX, async () => {
    const i = await index();
    if (origin) i[tabId] = origin;
    else delete i[tabId];
    setKey(KEY.WATCH_INDEX, i);
  });
}
/** @param {number} tabId @returns {Promise<GdWatch | null>} */
async function watchOfTab(tabId) {
  const origin = (await index())[tabId];
  const w = origin ? await getKey(KEY.watch(origin)) : null;
  return w?.tabs?.[tabId] ? w : null;
}

/** The next check of watch `w` (the core's watchNext): {at?, end?}.
 * @param {GdWatch} w @param {number} [notBefore] @returns {Promise<{ at?: number, end?: string }>} */
async function nextCheck(w, notBefore) {
  return (await core()).watchNext({ ...w, now: now(), notBefore, scale: await clockScale(), key: w.origin });
}

/** Starts (or joins) the watch of the site of `rec` for `tabId` (a POST's page loads with GET
 * when it is back); a tab that is watched is not retried on its own as well.
 * @param {number} tabId @param {GdRecord} rec @param {{ notify?: boolean, notBefore?: number }} [options]
 * @returns {Promise<GdWatch | null>} */
export async function startWatch(tabId, rec, { notify = true, notBefore = 0 } = {}) {
  const { url } = rec;
  const origin = originOf(url);
  if (!/^https?:/.test(origin)) return null;
  const get = (await core()).backAction(rec.diagnosis?.method || 'GET') === 'get';
  const w = await locked(ALARM.WATCH + origin, async () => {
    /** @type {GdWatch | undefined} */
    let w = await getKey(KEY.watch(origin));
    const fresh = !w;
    w ??= { origin, url, tabs: {}, startedAt: now(), checks: 0, seed: Math.random() };
    if (fresh || notBefore > (w.nextAt ?? 0)) w.nextAt = (await nextCheck(w, notBefore)).at ?? w.nextAt;
    const had = w.tabs[tabId];
    w.tabs[tabId] = { url, notify: Boolean(notify || had?.notify), since: had?.since || now(), get, failureAt: rec.at };
    setKey(KEY.watch(origin), w);
    if (fresh || notBefore || !timers.has(ALARM.WATCH + origin)) schedule(ALARM.WATCH + origin, w.nextAt ?? now());
    return w;
  });
  await setIndex(tabId, origin);
  const a = await getKey(KEY.auto(tabId));
  if (a?.state === STATE.SCHEDULED) {
    unschedule(ALARM.AUTO + tabId);
    setKey(KEY.auto(tabId), { ...a, state: STATE.WATCHING, reason: REASON.WATCH });
  }
  return w;
}

/** Ends the watch of `tabId` (the site's whole watch when no tab waits any more). @param {number} tabId */
export async function stopWatch(tabId) {
  const origin = (await index())[tabId];
  if (!origin) return false;
  await setIndex(tabId, null);
  return locked(ALARM.WATCH + origin, async () => {
    const w = await getKey(KEY.watch(origin));
    if (!w?.tabs?.[tabId]) return false;
    delete w.tabs[tabId];
    if (Object.keys(w.tabs).length) setKey(KEY.watch(origin), w);
    else endWatch(origin);
    return true;
  });
}
/** @param {string} origin */
function endWatch(origin) {
  unschedule(ALARM.WATCH + origin);
  removeKey(KEY.watch(origin));
}

/** Ends a whole site's watch (the popup's Cancel). @param {string} origin */
async function stopSiteWatch(origin) {
  const w = await getKey(KEY.watch(origin));
  if (!w) return false;
  for (const id of Object.keys(w.tabs || {})) await stopWatch(Number(id));
  endWatch(origin);
  return true;
}

/** Every watch, for the popup. @returns {Promise<GdWatchListItem[]>} */
async function listWatches() {
  const out = [];
  for (const o of new Set(Object.values(await index()))) {
    /** @type {GdWatch | undefined} */
    const w = await getKey(KEY.watch(o));
    if (w) out.push({ origin: w.origin, host: originOf(w.url) ? new URL(w.url).host : w.origin, tabs: Object.keys(w.tabs || {}).length });
  }
  return out;
}

/** One check of the site: up, down, or deferred (no token left for the GET a refused HEAD
 * needs). A Retry-After in a failed answer is kept in w.retryAfter (seconds).
 * @param {Pick<GdWatch, 'url' | 'origin' | 'useGet' | 'retryAfter'>} w
 * @returns {Promise<{ result: 'up' | 'down' | 'deferred', waitMs?: number }>} */
async function check(w) {
  const wasm = await core();
  /** @param {string} method @returns {Promise<Response>} */
  const ask = (method) =>
    // A redirect is an answer; following it could lead to another site.
    fetch(w.url, { method, cache: 'no-store', credentials: 'omit', redirect: 'manual', signal: AbortSignal.timeout(wasm.limits().checkTimeoutMs) });
  /** @param {Response} r @returns {{ result: 'up' | 'down' }} */
  const answered = (r) => {
    const up = wasm.isBack(r.status, r.type === 'opaqueredirect');
    w.retryAfter = up ? null : wasm.retryAfter(r.headers.get('retry-after'), r.headers.get('date'), now());
    return { result: up ? 'up' : 'down' };
  };
  try {
    if (!w.useGet) {
      const r = await ask('HEAD');
      if (!wasm.headRefused(r.status)) return answered(r);
      w.useGet = true;
      const t = await takeToken(w.origin);
      if (!t.ok) return { result: 'deferred', waitMs: t.waitMs };
    }
    const r = await ask('GET');
    r.body?.cancel().catch(() => {});
    return answered(r);
  } catch {
    return { result: 'down' };
  }
}

/** The tabs of `w` that still show their failure (the others leave the watch).
 * @param {GdWatch} w @returns {Promise<[number, GdWatchTab, { onDiagnosisPage: boolean } | null][]>} */
async function waitingTabs(w) {
  const out = [];
  for (const [id, t] of Object.entries(w.tabs)) {
    const tabId = Number(id);
    /** @type {[number, GdWatchTab, { onDiagnosisPage: boolean } | null]} */
    const e = [tabId, t, (await getKey(KEY.tab(tabId))) ? await showing(tabId, t.url) : null];
    out.push(e);
    if (!e[2]) delete w.tabs[id];
  }
  return out;
}

/** @param {string} origin */
async function fireWatch(origin) {
  /** @type {GdWatch | undefined} */
  const w = await getKey(KEY.watch(origin));
  if (!w || (await early(ALARM.WATCH + origin, w.nextAt))) return;
  const all = await waitingTabs(w);
  for (const [tabId, , where] of all) if (!where) await setIndex(tabId, null);
  const ended = async () => {
    endWatch(origin);
    for (const id of Object.keys(w.tabs)) await setIndex(Number(id), null);
  };
  if (!Object.keys(w.tabs).length || (await nextCheck(w)).end) return ended();
  const token = await takeToken(origin);
  const { result, waitMs } = token.ok ? await check(w) : { result: 'deferred', waitMs: token.waitMs };
  if (result === 'up') return siteIsBack(w);
  if (result === 'down') {
    w.checks = (w.checks || 0) + 1;
    w.lastCheckAt = now();
  }
  const at = result === 'deferred' ? now() + (waitMs ?? 0) : (await nextCheck(w)).at;
  if (at === undefined) return ended();
  w.nextAt = at;
  setKey(KEY.watch(origin), w);
  schedule(ALARM.WATCH + origin, at);
}

/** The site answers again: its waiting tabs reload (staggered, within the site's budget: the
 * core's backReloads), and a notification if one was asked for.
 * @param {GdWatch} w */
async function siteIsBack(w) {
  const tabIds = Object.keys(w.tabs).map(Number);
  const notify = Object.values(w.tabs).some((t) => t.notify);
  endWatch(w.origin);
  for (const tabId of tabIds) await setIndex(tabId, null);
  const waiting = (await waitingTabs(w)).filter(([, , where]) => where);
  await locked(KEY.bucket(w.origin), async () => {
    const plan = (await core()).backReloads(waiting.length, (await getKey(KEY.bucket(w.origin))) ?? null, now(), await clockScale());
    storeBucket(w.origin, plan.bucket);
    scheduleBack(waiting.map(([tabId, t], i) => [tabId, t, plan.at[i]]));
  });
  if (!notify || !(await getSettings()).notifications) return;
  const id = `${NOTICE_PREFIX}${w.origin}:${now()}`;
  const host = new URL(w.url).host;
  setKey(KEY.notice(id), { tabIds, url: w.url, origin: w.origin, get: waiting.some(([, t]) => t.get) });
  try {
    await api.notifications.create(id, {
      type: 'basic',
      iconUrl: api.runtime.getURL('icons/icon-128.png'),
      title: msg('ui_notify_back_title', { host }) || `${host} is back`,
      message: msg('ui_notify_back_message', { host }) || `${host} answers again. Click to go to the page.`,
    });
  } catch (e) {
    console.warn('Gateway Doctor: notification', e);
  }
}

/** A click on "<host> is back": the site is checked again before the page loads; when it is
 * down again, the tabs wait in a new watch. @param {string} id */
async function onNotificationClicked(id) {
  if (!String(id).startsWith(NOTICE_PREFIX)) return;
  /** @type {{ tabIds?: number[], url: string, origin?: string, get?: boolean } | undefined} */
  const notice = await getKey(KEY.notice(id));
  api.notifications.clear(id).catch?.(() => {});
  removeKey(KEY.notice(id));
  if (!notice) return;
  const up = (await check({ url: notice.url, origin: notice.origin || originOf(notice.url) })).result === 'up';
  for (const tabId of notice.tabIds || []) {
    /** @type {GdRecord | undefined} */
    const rec = await getKey(KEY.tab(tabId));
    if (!up) {
      if (rec) await startWatch(tabId, rec);
      continue;
    }
    try {
      const tab = await api.tabs.update(tabId, { active: true });
      if (tab) await api.windows.update(tab.windowId, { focused: true }).catch(() => {});
      const where = await showing(tabId, notice.url);
      if (where && rec) await reloadTab(tabId, notice.url, where, notice.get);
      return;
    } catch {
      // That tab is gone: try the next.
    }
  }
}

// Registered at the top level: the worker is started again for a click on the notification.
api.notifications?.onClicked.addListener((id) => {
  onNotificationClicked(id);
});
api.notifications?.onClosed?.addListener((id) => {
  if (String(id).startsWith(NOTICE_PREFIX)) removeKey(KEY.notice(id));
});

// The popup's list of watches and its Cancel: from our own pages only, never a content script.
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (typeof message?.type !== 'string' || !message.type.startsWith(WATCH_MSG_PREFIX)) return false;
  if (senderKind(sender, api.runtime.id, api.runtime.getURL('')) !== 'own') return false;
  /** @type {Record<string, () => Promise<unknown>>} */
  const answers = { [MSG.WATCH_LIST]: listWatches, [MSG.WATCH_CANCEL]: () => stopSiteWatch(String(message.origin || '')) };
  const work = answers[message.type];
  Promise.resolve(work?.()).then(sendResponse, () => sendResponse(undefined));
  return true;
});

// ------------------------------------------------------------------ hooks the background calls

/** The tab's automatic retry, wait for the network and watch end; with `url`, only those of
 * another URL. @param {number} tabId @param {string} [url] */
async function release(tabId, url) {
  await leaveNetwork(tabId, url);
  const a = await getKey(KEY.auto(tabId));
  if (!url || (a && !sameUrl(a.url, url))) {
    unschedule(ALARM.AUTO + tabId);
    if (a) removeKey(KEY.auto(tabId));
  }
  const w = await watchOfTab(tabId);
  if (w && (!url || !sameUrl(w.tabs[tabId].url, url))) await stopWatch(tabId);
}
/** A tab navigated to `url`. @param {number} tabId @param {string} url */
export const onNavigated = (tabId, url) => release(tabId, url);
/** A response under 500 (or a healthy page) in a tab: all ends, whatever its URL (a retry never
 * overtakes what the person did since). @param {number} tabId */
export const onHealthy = (tabId) => release(tabId);
/** @param {number} tabId */
export function onTabRemoved(tabId) {
  firedMemo.delete(tabId);
  removeKey(KEY.fired(tabId));
  return release(tabId);
}

/** An alarm fired: one of ours runs. @param {chrome.alarms.Alarm} alarm */
export async function onAlarm(alarm) {
  const name = String(alarm?.name || '');
  clearTimeout(timers.get(name));
  timers.delete(name);
  await fire(name);
}

/** Runs an action of this module for a tab's record: {ok, messageKey?, redraw} (the background
 * adds the fresh view), or undefined when the action is not ours.
 * @param {number} tabId @param {GdRecord} rec @param {GdAction} action @returns {Promise<GdResult | undefined>} */
export async function runAction(tabId, rec, action) {
  switch (action?.type) {
    case 'watch':
      // What the panel says is the view's `watchStarted` (the background adds the view).
      return (await startWatch(tabId, rec)) ? { ok: true, redraw: true, started: true } : { ok: false, messageKey: 'ui_watch_unavailable' };
    case 'cancel-watch':
      await stopWatch(tabId);
      return { ok: true, messageKey: 'ui_watch_cancelled', redraw: true };
    case 'cancel-auto-retry':
      await locked(ALARM.AUTO + tabId, async () => {
        unschedule(ALARM.AUTO + tabId);
        const state = await getKey(KEY.auto(tabId));
        if (state) setKey(KEY.auto(tabId), { ...state, state: STATE.CANCELLED, reason: REASON.CANCELLED });
      });
      return { ok: true, messageKey: 'ui_retry_cancelled', redraw: true };
    case 'retry-status':
      return { ok: true, redraw: true };
    default:
      return undefined;
  }
}

/** The tab's retry and watch as the core's `view` takes them (`retry`).
 * @param {number} tabId @param {GdRecord} rec @returns {Promise<GdRetryState | null>} */
export async function retryState(tabId, rec) {
  /** @type {GdAutoState | undefined} */
  const a = await getKey(KEY.auto(tabId));
  const w = await watchOfTab(tabId);
  const mine = a && sameUrl(a.url, rec.url);
  if (!mine && !w) return null;
  const retry = mine ? { state: a.state, reason: a.reason, due: a.due, attempts: a.attempts || 0, max: a.max } : {};
  return { ...retry, now: now(), watching: w ? Boolean(w.tabs[tabId].notify) : undefined, notifications: (await getSettings()).notifications };
}
