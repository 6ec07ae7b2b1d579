// @ts-check
// Automatic retries and "notify me when it's back" (issue 5): the alarms, storage, fetch and
// tabs of them. Every decision (whether and when to retry, the watch schedule and its end,
// the per-site budget, Retry-After, what a POST gets when the site is back) is the core's
// (src/policy.rs); this module stores the state it passes back. It owns its alarms
// ("gd-auto:<tabId>", "gd-watch:<origin>", "gd-bucket:<origin>", "gd-net") and its session-storage
// keys ("auto:<tabId>", "watch:<origin>", "watchIndex", "bucket:<origin>" until the site's budget
// is full again, "notice:<id>", "fired:<tabId>", "netwait"), so that everything survives the worker being
// stopped. Short delays run on setTimeout while the
// worker lives, with an alarm as the durable backstop.
import { core } from './core.js';
import { captivePortal } from './shim.js';
import { getSettings, clockScale, isIgnored } from './settings.js';
import { senderKind } from './trust.js';
import { sameUrl, originOf } from './url.js';
import { ALARM, KEY, NOTICE_PREFIX, REASON, STATE, WATCH_MSG_PREFIX, MSG } from './constants.js';
import './format.js';

const { msg } = globalThis.GatewayDoctorFormat;

const api = globalThis.chrome;
const DIAGNOSIS_PAGE = api.runtime.getURL('diagnosis.html');

const AUTO_ALARM = ALARM.AUTO;
const WATCH_ALARM = ALARM.WATCH;
const BUCKET_ALARM = ALARM.BUCKET;
const NET_ALARM = ALARM.NETWORK;
const NET_KEY = KEY.NETWORK_WAIT;
const INDEX_KEY = KEY.WATCH_INDEX;

// ------------------------------------------------------------------ small helpers

const now = () => Date.now();


// The worker's own copy of the keys it reads: this module is the only writer of its keys, so
// after the first read a navigation costs no storage read. A change made elsewhere (storage
// reports it) drops the copy; `version` keeps a read that was overtaken by a write from
// caching the older value.
/** @type {Map<string, any>} */
const cache = new Map();
/** @type {Map<string, number>} */
const version = new Map();
/** @param {string} k */
const bump = (k) => version.set(k, (version.get(k) || 0) + 1);
api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'session') return;
  for (const [k, c] of Object.entries(changes)) {
    // Our own write coming back: the copy already says so.
    if (cache.has(k) && JSON.stringify(cache.get(k)) === JSON.stringify(c.newValue)) continue;
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
// Writes change the copy at once and are issued in order; they finish on their own (storage
// applies them in the order issued), so no step waits for the disk.
/** @param {string} k @param {unknown} v */
function setKey(k, v) {
  bump(k);
  cache.set(k, structuredClone(v));
  api.storage.session.set({ [k]: v }).catch(() => {
    // Session storage unavailable: nothing durable to do.
  });
}
/** @param {string} k */
function removeKey(k) {
  bump(k);
  cache.set(k, undefined);
  api.storage.session.remove(k).catch(() => {});
}

/** One task at a time per name: timers, alarms and clicks never race on the same state. */
/** @type {Map<string, Promise<unknown>>} */
const locks = new Map();
/** @template T @param {string} name @param {() => Promise<T>} fn @returns {Promise<T>} */
function locked(name, fn) {
  const p = (locks.get(name) || Promise.resolve()).catch(() => {}).then(() => fn());
  const tail = p.catch(() => {});
  locks.set(name, tail);
  tail.then(() => {
    if (locks.get(name) === tail) locks.delete(name);
  });
  return p;
}

/** Timers of this worker's life; the alarm of the same name is the durable backstop. */
/** @type {Map<string, ReturnType<typeof setTimeout>>} */
const timers = new Map();
/** @param {string} name @param {number} when */
function schedule(name, when) {
  clearTimeout(timers.get(name));
  const ms = Math.max(0, when - now());
  timers.set(
    name,
    setTimeout(() => {
      timers.delete(name);
      fire(name);
    }, ms),
  );
  try {
    // Chrome: no minimum for unpacked extensions, 30 s for packed ones; the timer covers the
    // short delays while the worker lives.
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

/** @param {string} name */
function fire(name) {
  if (name.startsWith(AUTO_ALARM)) return locked(name, () => fireAuto(Number(name.slice(AUTO_ALARM.length))));
  if (name.startsWith(WATCH_ALARM)) return locked(name, () => fireWatch(name.slice(WATCH_ALARM.length)));
  if (name.startsWith(BUCKET_ALARM)) return dropBucket(name.slice(BUCKET_ALARM.length));
  if (name === NET_ALARM) return locked(NET_KEY, fireNetwork);
  return undefined;
}

// ------------------------------------------------------------------ the per-origin bound

/** Stores `origin`'s bucket until the core says it is full again (`fullAt`): a full bucket is
 * the same as none, so its key goes then.
 * @param {string} origin @param {{ fullAt: number }} bucket */
function storeBucket(origin, bucket) {
  setKey(KEY.bucket(origin), bucket);
  schedule(BUCKET_ALARM + origin, bucket.fullAt);
}

/** @param {string} origin */
function dropBucket(origin) {
  return locked(KEY.bucket(origin), async () => {
    const k = KEY.bucket(origin);
    const b = await getKey(k);
    if (!b) return;
    if (Number(b.fullAt) > now()) schedule(BUCKET_ALARM + origin, b.fullAt);
    else removeKey(k);
  });
}

/** Takes one request token for `origin` (the core's takeToken): {ok, waitMs}.
 * @param {string} origin
 * @returns {Promise<{ ok: boolean, waitMs: number }>} */
export function takeToken(origin) {
  return locked(KEY.bucket(origin), async () => {
    const t = (await core()).takeToken((await getKey(KEY.bucket(origin))) ?? null, now(), await clockScale());
    storeBucket(origin, t.bucket);
    return t;
  });
}

// ------------------------------------------------------------------ auto-retry

const autoKey = KEY.auto;

/**
 * A failure was recorded for `tabId` (the background calls this after storing `rec`): decide
 * whether and when to retry on its own, and schedule it.
 * @param {number} tabId @param {GdRecord} rec
 */
export async function onFailure(tabId, rec) {
  return locked(AUTO_ALARM + tabId, async () => {
    const settings = await getSettings();
    if (isIgnored(rec.url, settings)) return;
    /** @type {GdAutoState | undefined} */
    const prev = await getKey(autoKey(tabId));
    const attempts = rec.attempts || 0;
    const continuing = prev && sameUrl(prev.url, rec.url) && attempts > 0;
    /** @type {GdAutoState} */
    const state = {
      state: STATE.OFF,
      url: rec.url,
      kind: rec.kind,
      failureAt: rec.at,
      firstFailureAt: continuing ? prev.firstFailureAt : now(),
      seed: continuing && Number.isFinite(prev.seed) ? prev.seed : Math.random(),
      attempts,
      max: settings.maxAttempts ?? undefined,
    };
    let a;
    try {
      a = (await core()).autoRetry(rec.diagnosis, {
        attempts,
        firstFailureAt: state.firstFailureAt,
        now: now(),
        enabled: settings.autoRetry,
        maxAttempts: settings.maxAttempts,
        watching: Boolean(await watchOfTab(tabId)),
        cancelled: Boolean(continuing && prev.state === STATE.CANCELLED),
        scale: await clockScale(),
        seed: state.seed,
      });
    } catch (e) {
      console.warn('Gateway Doctor: autoRetry', e);
      a = { state: STATE.OFF, reason: REASON.ERROR };
    }
    // `max`: the core's bound on the person's setting, as its countdown says it
    Object.assign(state, { state: a.state, reason: a.reason, due: a.due, max: a.max ?? state.max });
    setKey(autoKey(tabId), state);
    if (a.state === STATE.SCHEDULED) schedule(AUTO_ALARM + tabId, a.due);
    // Offline, the network changed or down: the tab waits for the connection, not the site.
    if (a.state === STATE.NETWORK) await waitForNetwork(tabId, rec);
    // The retries ran out (or Retry-After is hours away): a quiet watch that reloads the tab
    // when the site is back.
    if (a.state === STATE.EXHAUSTED) {
      await startWatch(tabId, rec.url, { notify: false, notBefore: a.watchFrom, method: rec.diagnosis?.method, failureAt: rec.at });
    }
    return state;
  });
}

/** Whether the tab still shows the failure of `url` (the page itself or our diagnosis page).
 * @param {number} tabId @param {string} url
 * @returns {Promise<{ gone?: boolean, elsewhere?: boolean, onPage?: boolean, onDiagnosisPage?: boolean, loading?: boolean, tab?: chrome.tabs.Tab }>} */
async function stillFailing(tabId, url) {
  let tab;
  try {
    tab = await api.tabs.get(tabId);
  } catch {
    return { gone: true };
  }
  // Chrome reports a navigation under way as pendingUrl: where the tab is going counts.
  const shown = String(tab.pendingUrl || tab.url || '');
  if (sameUrl(shown, url)) return { tab, onPage: true, loading: tab.status === 'loading' };
  if (shown.startsWith(DIAGNOSIS_PAGE)) {
    const q = new URL(shown).searchParams;
    if (q.get('tab') === String(tabId) && sameUrl(q.get('url'), url)) return { tab, onDiagnosisPage: true, loading: tab.status === 'loading' };
  }
  return { tab, elsewhere: true };
}

/** @param {number} tabId @param {string} url */
async function markFired(tabId, url) {
  firedMemo.set(tabId, { url, at: now() });
  await setKey(KEY.fired(tabId), { url, at: now() });
}
/** @type {Map<number, { url: string, at: number }>} */
const firedMemo = new Map();

/** Whether a navigation of `tabId` onto `url` now is one of our automatic retries (so the
 * background sends a failure again to the diagnosis page, as after a click on Retry).
 * @param {number} tabId @param {string} url */
export async function isRetrying(tabId, url) {
  const f = firedMemo.get(tabId) || (await getKey(KEY.fired(tabId)));
  return Boolean(f && sameUrl(f.url, url) && now() - f.at < (await core()).limits().firedWindowMs);
}

/** Loads the failed page again: a reload, or (`get`: the failure answered a POST, which is
 * never sent again) the URL with GET.
 * @param {number} tabId @param {string} url @param {{ onDiagnosisPage?: boolean }} where @param {boolean} [get] */
async function reloadTab(tabId, url, where, get = false) {
  await markFired(tabId, url);
  if (where.onDiagnosisPage || get) await api.tabs.update(tabId, { url });
  else await api.tabs.reload(tabId, { bypassCache: true });
}

/** @param {number} tabId */
async function fireAuto(tabId) {
  /** @type {GdAutoState | undefined} */
  const state = await getKey(autoKey(tabId));
  if (!state || state.state !== STATE.SCHEDULED) return;
  const wasm = await core();
  if (wasm.isEarly(state.due, now())) {
    // Early (a timer of an older schedule): wait for the right time.
    schedule(AUTO_ALARM + tabId, state.due ?? now());
    return;
  }
  // A reload of a tab whose site is back (reason "back") was budgeted by the watch.
  const back = state.reason === REASON.BACK;
  const settings = await getSettings();
  if ((!settings.autoRetry && !back) || isIgnored(state.url, settings)) {
    await setKey(autoKey(tabId), { ...state, state: STATE.OFF, reason: REASON.DISABLED });
    return;
  }
  // Only while the tab still shows the same failure: not after the person reloaded, got the
  // page, and went on (a form sent there is never overtaken by a reload).
  const where = await stillFailing(tabId, state.url);
  /** @type {GdRecord | undefined} */
  const rec = await getKey(KEY.tab(tabId));
  if (where.gone || where.elsewhere || !wasm.sameFailure(state.url, state.failureAt, rec?.url ?? '', rec?.at ?? null)) {
    await removeKey(autoKey(tabId));
    return;
  }
  if (where.loading && (state.loadingDefers || 0) < 10) {
    // Something is loading in the tab (the person navigating, in a browser that reports no
    // pendingUrl): look again in a moment rather than cut it short.
    const due = now() + 1000;
    await setKey(autoKey(tabId), { ...state, due, loadingDefers: (state.loadingDefers || 0) + 1 });
    schedule(AUTO_ALARM + tabId, due);
    return;
  }
  const token = back ? { ok: true, waitMs: 0 } : await takeToken(originOf(state.url));
  if (!token.ok) {
    const due = now() + token.waitMs;
    await setKey(autoKey(tabId), { ...state, due, deferred: true });
    schedule(AUTO_ALARM + tabId, due);
    return;
  }
  await setKey(autoKey(tabId), { ...state, state: STATE.FIRED, firedAt: now() });
  try {
    await reloadTab(tabId, state.url, where, Boolean(state.get));
  } catch {
    // The tab is gone.
  }
}

/** @param {number} tabId */
async function cancelAuto(tabId) {
  return locked(AUTO_ALARM + tabId, async () => {
    unschedule(AUTO_ALARM + tabId);
    const state = await getKey(autoKey(tabId));
    if (state) await setKey(autoKey(tabId), { ...state, state: STATE.CANCELLED, reason: REASON.CANCELLED });
    return state;
  });
}

// ------------------------------------------------------------------ waiting for the network

// The tabs whose failure waits for the person's connection (the core's autoRetry said
// "network"): one record `netwait` {startedAt, checks, nextAt, tabs: {tabId: {url, failureAt,
// method}}} and one alarm "gd-net", the background's own checks (the core's networkCheckNext).
// When the connection is back (our diagnosis page or the worker hears `online`, or a check
// finds navigator.onLine), the core's onlineReloads orders and staggers their reloads, which
// run as automatic retries of reason "back". A tab that fails again joins the same record, so
// the checks keep backing off until the record ends (4 h, or no tab waits any more).

/** @param {number} tabId @param {GdRecord} rec */
async function waitForNetwork(tabId, rec) {
  await locked(NET_KEY, async () => {
    const wasm = await core();
    /** @type {GdNetworkWait | undefined} */
    let w = await getKey(NET_KEY);
    const fresh = !w;
    w ??= { startedAt: now(), checks: 0, tabs: {} };
    w.tabs[tabId] = { url: rec.url, failureAt: rec.at, method: rec.diagnosis?.method || 'GET' };
    if (fresh || !Number.isFinite(w.nextAt)) w.nextAt = wasm.networkCheckNext(w.startedAt, w.checks, now(), await clockScale()).at;
    setKey(NET_KEY, w);
    if (w.nextAt === undefined) {
      removeKey(NET_KEY);
      return;
    }
    if (fresh || !timers.has(NET_ALARM)) schedule(NET_ALARM, w.nextAt);
  });
}

/** A tab no longer waits for the network (it loaded, went elsewhere or closed): when `url`
 * is given, only if it waited for another URL. @param {number} tabId @param {string} [url] */
async function leaveNetwork(tabId, url) {
  const w = await getKey(NET_KEY);
  if (!w?.tabs?.[tabId] || (url && sameUrl(w.tabs[tabId].url, url))) return;
  await locked(NET_KEY, async () => {
    const x = await getKey(NET_KEY);
    if (!x?.tabs?.[tabId]) return;
    delete x.tabs[tabId];
    setKey(NET_KEY, x);
  });
}

/** The connection is back: the waiting tabs reload in the core's order and stagger.
 * @param {GdNetworkWait} w */
async function reloadWaiting(w) {
  const wasm = await core();
  const tabs = [];
  for (const [id, t] of Object.entries(w.tabs)) {
    const tabId = Number(id);
    const where = await stillFailing(tabId, t.url);
    if (where.gone || where.elsewhere || !where.tab) continue;
    const win = await api.windows.get(where.tab.windowId).catch(() => null);
    tabs.push({ id: tabId, visible: Boolean(where.tab.active && win?.focused), active: Boolean(where.tab.active), failureAt: t.failureAt, method: t.method });
  }
  for (const { id, at } of wasm.onlineReloads(tabs, now())) {
    const t = w.tabs[id];
    setKey(autoKey(id), { url: t.url, failureAt: t.failureAt, state: STATE.SCHEDULED, reason: REASON.BACK, due: at, attempts: 0 });
    schedule(AUTO_ALARM + id, at);
  }
  // The record stays (its checks keep backing off) for the tabs that fail again.
  w.tabs = {};
  setKey(NET_KEY, w);
}

/** Our diagnosis page (or the worker) heard `online`. */
export async function networkBack() {
  if (!(await getKey(NET_KEY))) return;
  await locked(NET_KEY, async () => {
    const w = await getKey(NET_KEY);
    if (w && Object.keys(w.tabs).length) await reloadWaiting(w);
  });
}

/** The background's own check: is the browser online again? */
async function fireNetwork() {
  const w = await getKey(NET_KEY);
  if (!w) return;
  const wasm = await core();
  if (wasm.isEarly(w.nextAt, now())) {
    schedule(NET_ALARM, w.nextAt);
    return;
  }
  if (!Object.keys(w.tabs).length) {
    removeKey(NET_KEY);
    return;
  }
  w.checks = (w.checks || 0) + 1;
  const next = wasm.networkCheckNext(w.startedAt, w.checks, now(), await clockScale());
  // Online, and no captive portal the browser knows holds the connection still.
  if (navigator.onLine && (await captivePortal())?.state !== 'locked_portal') await reloadWaiting(w);
  if (next.at === undefined) {
    removeKey(NET_KEY);
    return;
  }
  w.nextAt = next.at;
  setKey(NET_KEY, w);
  schedule(NET_ALARM, w.nextAt);
}

// ------------------------------------------------------------------ watch

const watchKey = KEY.watch;

/** Which site each watched tab waits for: tab id -> origin.
 * @returns {Promise<Record<string, string>>} */
async function index() {
  const i = await getKey(INDEX_KEY);
  return i && typeof i === 'object' ? i : {};
}

/** @param {number} tabId @returns {Promise<GdWatch | null>} */
async function watchOfTab(tabId) {
  const origin = (await index())[tabId];
  if (!origin) return null;
  const w = await getKey(watchKey(origin));
  return w?.tabs?.[tabId] ? w : null;
}

/** @param {number} tabId @param {string | null} origin */
async function setIndex(tabId, origin) {
  await locked(INDEX_KEY, async () => {
    const i = await index();
    if (origin) i[tabId] = origin;
    else delete i[tabId];
    await setKey(INDEX_KEY, i);
  });
}

/** The next check of watch `w` (the core's watchNext): {at?, end?}.
 * @param {GdWatch} w @param {number} [notBefore]
 * @returns {Promise<{ at?: number, end?: boolean }>} */
async function nextCheck(w, notBefore) {
  return (await core()).watchNext({ ...w, now: now(), notBefore, scale: await clockScale(), key: w.origin });
}

/** Starts (or joins) the watch of the site of `url` for `tabId`, whose failure was seen at
 * `failureAt` for a request with `method` (a POST's page is loaded with GET when it's back).
 * @param {number} tabId @param {string} url
 * @param {{ notify?: boolean, notBefore?: number, method?: string, failureAt?: number }} [options]
 * @returns {Promise<GdWatch | null>} */
export async function startWatch(tabId, url, { notify = true, notBefore = 0, method = 'GET', failureAt } = {}) {
  const origin = originOf(url);
  if (!/^https?:/.test(origin)) return null;
  const get = (await core()).backAction(method) === 'get';
  const w = await locked(WATCH_ALARM + origin, async () => {
    /** @type {GdWatch | undefined} */
    let w = await getKey(watchKey(origin));
    const fresh = !w;
    if (!w) {
      w = { origin, url, tabs: {}, startedAt: now(), checks: 0, seed: Math.random() };
      w.nextAt = (await nextCheck(w, notBefore)).at;
    } else if (notBefore > (w.nextAt ?? 0)) {
      w.nextAt = (await nextCheck(w, notBefore)).at ?? w.nextAt;
    }
    const had = w.tabs[tabId];
    w.tabs[tabId] = { url, notify: Boolean(notify || had?.notify), since: had?.since || now(), get, failureAt };
    await setKey(watchKey(origin), w);
    if (fresh || notBefore || !timers.has(WATCH_ALARM + origin)) schedule(WATCH_ALARM + origin, w.nextAt ?? now());
    return w;
  });
  await setIndex(tabId, origin);
  // A tab that is watched is not retried on its own as well.
  const a = await getKey(autoKey(tabId));
  if (a?.state === STATE.SCHEDULED) {
    unschedule(AUTO_ALARM + tabId);
    await setKey(autoKey(tabId), { ...a, state: STATE.WATCHING, reason: REASON.WATCH });
  }
  return w;
}

/** Ends the watch of `tabId` (the whole site's watch when no tab waits any more).
 * @param {number} tabId */
export async function stopWatch(tabId) {
  const origin = (await index())[tabId];
  if (!origin) return false;
  await setIndex(tabId, null);
  return locked(WATCH_ALARM + origin, async () => {
    const w = await getKey(watchKey(origin));
    if (!w?.tabs?.[tabId]) return false;
    delete w.tabs[tabId];
    if (Object.keys(w.tabs).length) await setKey(watchKey(origin), w);
    else {
      unschedule(WATCH_ALARM + origin);
      await removeKey(watchKey(origin));
    }
    return true;
  });
}

/** Ends a whole site's watch (the popup's Cancel).
 * @param {string} origin */
export async function stopSiteWatch(origin) {
  const w = await getKey(watchKey(origin));
  if (!w) return false;
  for (const id of Object.keys(w.tabs || {})) await stopWatch(Number(id));
  unschedule(WATCH_ALARM + origin);
  await removeKey(watchKey(origin));
  return true;
}

/** Every watch, for the popup.
 * @returns {Promise<GdWatchListItem[]>} */
export async function listWatches() {
  const i = await index();
  const origins = [...new Set(Object.values(i))];
  const out = [];
  for (const o of origins) {
    const w = await getKey(watchKey(o));
    if (w) out.push({ origin: w.origin, url: w.url, tabs: Object.keys(w.tabs || {}).length, nextAt: w.nextAt, startedAt: w.startedAt, checks: w.checks });
  }
  return out;
}

/** One check of the site: {result: 'up' | 'down' | 'deferred', waitMs?} (deferred: no token
 * left for the GET that a refused HEAD needs). A Retry-After in a failed answer is kept in
 * w.retryAfter (seconds).
 * @param {Pick<GdWatch, 'url' | 'origin' | 'useGet' | 'retryAfter'>} w
 * @returns {Promise<{ result: 'up' | 'down' | 'deferred', waitMs?: number }>} */
async function check(w) {
  const wasm = await core();
  /** @param {string} method @returns {RequestInit} */
  const opts = (method) => ({
    method,
    cache: 'no-store',
    credentials: 'omit',
    // A redirect is an answer; following it could lead to another site.
    redirect: 'manual',
    signal: AbortSignal.timeout(wasm.limits().checkTimeoutMs),
  });
  /** @param {Response} r @returns {{ result: 'up' | 'down' }} */
  const answered = (r) => {
    const up = wasm.isBack(r.status, r.type === 'opaqueredirect');
    w.retryAfter = up ? null : wasm.retryAfter(r.headers.get('retry-after'), r.headers.get('date'), now());
    return { result: up ? 'up' : 'down' };
  };
  try {
    if (!w.useGet) {
      const r = await fetch(w.url, opts('HEAD'));
      if (!wasm.headRefused(r.status)) return answered(r);
      w.useGet = true;
      const t = await takeToken(w.origin);
      if (!t.ok) return { result: 'deferred', waitMs: t.waitMs };
    }
    const r = await fetch(w.url, opts('GET'));
    r.body?.cancel().catch(() => {});
    return answered(r);
  } catch {
    return { result: 'down' };
  }
}

/** @param {string} origin */
async function fireWatch(origin) {
  /** @type {GdWatch | undefined} */
  const w = await getKey(watchKey(origin));
  if (!w) return;
  const wasm = await core();
  if (wasm.isEarly(w.nextAt, now())) {
    schedule(WATCH_ALARM + origin, w.nextAt ?? now());
    return;
  }
  // Tabs that navigated away, closed or loaded fine meanwhile wait no more.
  for (const [id, t] of Object.entries(w.tabs)) {
    const tabId = Number(id);
    const where = await stillFailing(tabId, t.url);
    const record = await getKey(KEY.tab(tabId));
    if (where.gone || where.elsewhere || !record) {
      delete w.tabs[id];
      await setIndex(tabId, null);
    }
  }
  const ended = async () => {
    unschedule(WATCH_ALARM + origin);
    await removeKey(watchKey(origin));
    for (const id of Object.keys(w.tabs)) await setIndex(Number(id), null);
  };
  if (!Object.keys(w.tabs).length || (await nextCheck(w)).end) return ended();
  const token = await takeToken(origin);
  const { result, waitMs } = token.ok ? await check(w) : { result: 'deferred', waitMs: token.waitMs };
  if (result === 'up') {
    await siteIsBack(w);
    return;
  }
  if (result === 'down') {
    w.checks = (w.checks || 0) + 1;
    w.lastCheckAt = now();
  }
  const next = result === 'deferred' ? { at: now() + (waitMs ?? 0) } : await nextCheck(w);
  if (next.at === undefined) return ended();
  w.nextAt = next.at;
  await setKey(watchKey(origin), w);
  schedule(WATCH_ALARM + origin, w.nextAt);
}

/** The site answers again: its waiting tabs reload (a POST's page loads with GET), staggered
 * and within the site's budget (the core's backReloads), and a notification if asked for.
 * @param {GdWatch} w */
async function siteIsBack(w) {
  unschedule(WATCH_ALARM + w.origin);
  await removeKey(watchKey(w.origin));
  /** @type {number[]} */
  const tabIds = [];
  /** @type {[number, GdWatchTab][]} */
  const waiting = [];
  let notify = false;
  for (const [id, t] of Object.entries(w.tabs)) {
    const tabId = Number(id);
    tabIds.push(tabId);
    notify ||= t.notify;
    await setIndex(tabId, null);
    const where = await stillFailing(tabId, t.url);
    if (!where.gone && !where.elsewhere) waiting.push([tabId, t]);
  }
  await locked(KEY.bucket(w.origin), async () => {
    const plan = (await core()).backReloads(waiting.length, (await getKey(KEY.bucket(w.origin))) ?? null, now(), await clockScale());
    storeBucket(w.origin, plan.bucket);
    waiting.forEach(([tabId, t], i) => {
      setKey(autoKey(tabId), { url: t.url, failureAt: t.failureAt, state: STATE.SCHEDULED, reason: REASON.BACK, due: plan.at[i], get: t.get, attempts: 0 });
      schedule(AUTO_ALARM + tabId, plan.at[i]);
    });
  });
  const get = waiting.some(([, t]) => t.get);
  const settings = await getSettings();
  if (!notify || !settings.notifications) return;
  const id = `${NOTICE_PREFIX}${w.origin}:${now()}`;
  let host = w.origin;
  try {
    host = new URL(w.url).host;
  } catch {
    // keep the origin
  }
  await setKey(KEY.notice(id), { tabIds, url: w.url, origin: w.origin, get });
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

/** A click on "<host> is back": the site is checked again before the page loads; when it
 * is down again, the tabs wait in a new watch.
 * @param {string} id */
async function onNotificationClicked(id) {
  if (!String(id).startsWith(NOTICE_PREFIX)) return;
  /** @type {{ tabIds?: number[], url: string, origin?: string, get?: boolean } | undefined} */
  const notice = await getKey(KEY.notice(id));
  api.notifications.clear(id).catch?.(() => {});
  await removeKey(KEY.notice(id));
  if (!notice) return;
  if ((await check({ url: notice.url, origin: notice.origin || originOf(notice.url) })).result !== 'up') {
    for (const tabId of notice.tabIds || []) {
      /** @type {GdRecord | undefined} */
      const rec = await getKey(KEY.tab(tabId));
      if (rec) await startWatch(tabId, rec.url, { notify: true, method: rec.diagnosis?.method, failureAt: rec.at });
    }
    return;
  }
  for (const tabId of notice.tabIds || []) {
    try {
      const tab = await api.tabs.update(tabId, { active: true });
      if (tab) await api.windows.update(tab.windowId, { focused: true }).catch(() => {});
      const where = await stillFailing(tabId, notice.url);
      if (!where.gone && !where.elsewhere && (await getKey(KEY.tab(tabId)))) await reloadTab(tabId, notice.url, where, notice.get);
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

// The popup's list of watches (its own message type: the background answers "gd:" ones).
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (typeof message?.type !== 'string' || !message.type.startsWith(WATCH_MSG_PREFIX)) return false;
  // The watch list is the person's, shown on our own pages: never to a content script.
  if (senderKind(sender, api.runtime.id, api.runtime.getURL('')) !== 'own') return false;
  const work =
    message.type === MSG.WATCH_LIST
      ? listWatches()
      : message.type === MSG.WATCH_CANCEL
        ? stopSiteWatch(String(message.origin || ''))
        : Promise.resolve(undefined);
  work.then(sendResponse, () => sendResponse(undefined));
  return true;
});

// ------------------------------------------------------------------ hooks the background calls

/** A tab navigated to `url` (a new main-frame response or error): its retries and watches of
 * other URLs end.
 * @param {number} tabId @param {string} url */
export async function onNavigated(tabId, url) {
  await leaveNetwork(tabId, url);
  const a = await getKey(autoKey(tabId));
  if (a && !sameUrl(a.url, url)) {
    unschedule(AUTO_ALARM + tabId);
    await removeKey(autoKey(tabId));
  }
  const w = await watchOfTab(tabId);
  if (w && !sameUrl(w.tabs[tabId].url, url)) await stopWatch(tabId);
}

/** A response under 500 (or a committed healthy page) in a tab: the page is back, so the
 * tab's pending automatic retry ends, whatever its URL (issue 12: a retry never overtakes
 * what the person did since), and so does its watch.
 * @param {number} tabId */
export async function onHealthy(tabId) {
  unschedule(AUTO_ALARM + tabId);
  await leaveNetwork(tabId);
  if (await getKey(autoKey(tabId))) await removeKey(autoKey(tabId));
  if (await watchOfTab(tabId)) await stopWatch(tabId);
}

/** A tab closed.
 * @param {number} tabId */
export async function onTabRemoved(tabId) {
  unschedule(AUTO_ALARM + tabId);
  firedMemo.delete(tabId);
  await removeKey(autoKey(tabId));
  await removeKey(KEY.fired(tabId));
  await leaveNetwork(tabId);
  await stopWatch(tabId);
}

/** An alarm fired; returns true when it was one of ours.
 * @param {chrome.alarms.Alarm} alarm */
export async function onAlarm(alarm) {
  const name = String(alarm?.name || '');
  if (!name.startsWith(AUTO_ALARM) && !name.startsWith(WATCH_ALARM) && name !== NET_ALARM) return false;
  clearTimeout(timers.get(name));
  timers.delete(name);
  await fire(name);
  return true;
}

/** Runs an action of this module for a tab's failure record; returns {ok, messageKey?,
 * params?, extras?} or undefined when the action is not ours.
 * @param {number} tabId @param {GdRecord} rec @param {GdAction} action
 * @returns {Promise<GdResult | undefined>} */
export async function runAction(tabId, rec, action) {
  switch (action?.type) {
    case 'watch': {
      const w = await startWatch(tabId, rec.url, { notify: true, method: rec.diagnosis?.method, failureAt: rec.at });
      if (!w) return { ok: false, messageKey: 'ui_watch_unavailable' };
      const settings = await getSettings();
      // A POST's page says that it will load with GET (the form is not sent again).
      const get = w.tabs[tabId]?.get ? '_get' : '';
      return {
        ok: true,
        messageKey: (settings.notifications ? 'ui_watch_started' : 'ui_watch_started_silent') + get,
        extras: await viewExtras(tabId, rec),
      };
    }
    case 'cancel-watch':
      await stopWatch(tabId);
      return { ok: true, messageKey: 'ui_watch_cancelled', extras: await viewExtras(tabId, rec) };
    case 'cancel-auto-retry':
      await cancelAuto(tabId);
      return { ok: true, messageKey: 'ui_retry_cancelled', extras: await viewExtras(tabId, rec) };
    case 'retry-status':
      return { ok: true, extras: await viewExtras(tabId, rec) };
    case 'retry':
      // A click on Retry: the person retries now; a pending automatic retry is moot.
      unschedule(AUTO_ALARM + tabId);
      return undefined;
    default:
      return undefined;
  }
}

/** Facts for the view of a failing tab: {autoRetry?, watching?, retryLine?}.
 * @param {number} tabId @param {GdRecord | undefined} rec
 * @returns {Promise<GdExtras>} */
export async function viewExtras(tabId, rec) {
  /** @type {GdExtras} */
  const out = {};
  if (!rec) return out;
  /** @type {GdAutoState | undefined} */
  const a = await getKey(autoKey(tabId));
  if (a && sameUrl(a.url, rec.url)) {
    out.autoRetry = {
      state: a.state,
      reason: a.reason,
      due: a.due,
      now: now(),
      attempt: (a.attempts || 0) + 1,
      attempts: a.attempts || 0,
      max: a.max,
      deferred: Boolean(a.deferred),
    };
  }
  const w = await watchOfTab(tabId);
  if (w) out.watching = { notify: Boolean(w.tabs[tabId].notify), nextAt: w.nextAt, now: now(), origin: w.origin, tabs: Object.keys(w.tabs).length };
  // The one retry line (a countdown or the reason there is none): the core's.
  out.retryLine = (await core()).retryLine(out.autoRetry ?? null, rec.diagnosis?.method || rec.failure?.method || 'GET');
  return out;
}
