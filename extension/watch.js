// Automatic retries and "notify me when it's back" (issue 5). The background calls the hooks
// below; this module owns its alarms ("gd-auto:<tabId>", "gd-watch:<origin>") and its
// session-storage keys ("auto:<tabId>", "watch:<origin>", "watchIndex", "bucket:<origin>",
// "notice:<id>", "fired:<tabId>"), so that everything survives the worker being stopped.
//
// - Auto-retry: after a failure that retrying can fix (the core's retryPlan), the tab is
//   reloaded after a delay that backs off, is never shorter than Retry-After, and is bounded in
//   attempts; then the tab switches to a quiet watch. Never for a request that is not safe to
//   resend (a POST).
// - Watch: ONE check per site (origin) however many tabs wait on it, HEAD (GET when HEAD gets
//   405/501), on a backoff up to 30 minutes between checks and 4 hours in all. When the site
//   answers (< 500) every waiting tab reloads and, if asked for, a notification appears.
// - Bounded load: at most BUCKET_SIZE automatic requests per origin per minute, across tabs and
//   watches (a token bucket in session storage); a request beyond it is deferred, not sent.
// - Short delays run on setTimeout while the worker lives, with an alarm as the durable
//   backstop; the state is in storage.session, so a restarted worker picks it up.
// Every delay is divided by the developer setting `clockScale` (storage.local, default 1).
import { core } from './core.js';
import { getSettings, clockScale, isIgnored } from './settings.js';
import { senderKind } from './trust.js';

const api = globalThis.chrome;
const DIAGNOSIS_PAGE = api.runtime.getURL('diagnosis.html');

const AUTO_ALARM = 'gd-auto:';
const WATCH_ALARM = 'gd-watch:';
const INDEX_KEY = 'watchIndex';

export const BUCKET_SIZE = 6;
const BUCKET_WINDOW_MS = 60_000;
export const WATCH_FIRST_MS = 30_000;
const WATCH_FACTOR = 1.5;
export const WATCH_MAX_MS = 30 * 60_000;
const WATCH_TOTAL_MS = 4 * 3600_000;
const CHECK_TIMEOUT_MS = 15_000;
const MAX_RETRY_AFTER_S = 24 * 3600;
/** A navigation onto the failed URL this soon after an automatic retry is that retry. */
const FIRED_WINDOW_MS = 15_000;
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

// ------------------------------------------------------------------ small helpers

const now = () => Date.now();

function withoutFragment(url) {
  const s = String(url || '');
  const i = s.indexOf('#');
  return i < 0 ? s : s.slice(0, i);
}
const sameUrl = (a, b) => withoutFragment(a) === withoutFragment(b);

function originOf(url) {
  try {
    const o = new URL(url).origin;
    return o && o !== 'null' ? o : '';
  } catch {
    return '';
  }
}

// The worker's own copy of the keys it reads: this module is the only writer of its keys, so
// after the first read a navigation costs no storage read. A change made elsewhere (storage
// reports it) drops the copy; `version` keeps a read that was overtaken by a write from
// caching the older value.
const cache = new Map();
const version = new Map();
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
function setKey(k, v) {
  bump(k);
  cache.set(k, structuredClone(v));
  api.storage.session.set({ [k]: v }).catch(() => {
    // Session storage unavailable: nothing durable to do.
  });
}
function removeKey(k) {
  bump(k);
  cache.set(k, undefined);
  api.storage.session.remove(k).catch(() => {});
}

/** One task at a time per name: timers, alarms and clicks never race on the same state. */
const locks = new Map();
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
const timers = new Map();
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
function unschedule(name) {
  clearTimeout(timers.get(name));
  timers.delete(name);
  api.alarms.clear(name).catch?.(() => {});
}

function fire(name) {
  if (name.startsWith(AUTO_ALARM)) return locked(name, () => fireAuto(Number(name.slice(AUTO_ALARM.length))));
  if (name.startsWith(WATCH_ALARM)) return locked(name, () => fireWatch(name.slice(WATCH_ALARM.length)));
  return undefined;
}

// ------------------------------------------------------------------ the per-origin bound

/** Takes one request token for `origin`: {ok: true} or {ok: false, waitMs}. */
export function takeToken(origin) {
  return locked(`bucket:${origin}`, async () => {
    const scale = await clockScale();
    const rate = BUCKET_SIZE / (BUCKET_WINDOW_MS / scale); // tokens per ms
    const k = `bucket:${origin}`;
    const b = (await getKey(k)) || { tokens: BUCKET_SIZE, at: now() };
    const t = now();
    let tokens = Math.min(BUCKET_SIZE, Number(b.tokens) + Math.max(0, t - Number(b.at)) * rate);
    if (!Number.isFinite(tokens)) tokens = BUCKET_SIZE;
    if (tokens >= 1) {
      await setKey(k, { tokens: tokens - 1, at: t });
      return { ok: true };
    }
    await setKey(k, { tokens, at: t });
    return { ok: false, waitMs: Math.ceil((1 - tokens) / rate) + 10 };
  });
}

// ------------------------------------------------------------------ Retry-After, in the shell too

/** Seconds from a Retry-After header (delta-seconds or HTTP-date), as a floor for every delay
 * even where the core does not report it. */
export function retryAfterOf(failure) {
  const headers = failure?.responseHeaders || [];
  const h = headers.find((x) => String(x.name).toLowerCase() === 'retry-after');
  if (!h || h.value === undefined) return null;
  const v = String(h.value).trim();
  if (/^\d+$/.test(v)) return Math.min(MAX_RETRY_AFTER_S, Number(v));
  const when = Date.parse(v);
  if (Number.isNaN(when)) return null;
  const dateHeader = headers.find((x) => String(x.name).toLowerCase() === 'date');
  const base = dateHeader ? Date.parse(String(dateHeader.value)) : NaN;
  const ref = Number.isNaN(base) ? failure.timeStamp || now() : base;
  return Math.max(0, Math.min(MAX_RETRY_AFTER_S, Math.ceil((when - ref) / 1000)));
}

// ------------------------------------------------------------------ auto-retry

const autoKey = (tabId) => `auto:${tabId}`;

function resendable(rec) {
  const method = String(rec.failure?.method || rec.diagnosis?.method || 'GET').toUpperCase();
  return IDEMPOTENT.has(method) && rec.diagnosis?.safeToRetry !== false;
}

/**
 * A failure was recorded for `tabId` (the background calls this after storing `rec`): decide
 * whether and when to retry on its own, and schedule it.
 */
export async function onFailure(tabId, rec) {
  return locked(AUTO_ALARM + tabId, async () => {
    const settings = await getSettings();
    if (isIgnored(rec.url, settings)) return;
    const prev = await getKey(autoKey(tabId));
    const attempts = rec.attempts || 0;
    const continuing = prev && sameUrl(prev.url, rec.url) && attempts > 0;
    const state = {
      url: rec.url,
      kind: rec.kind,
      failureAt: rec.at || now(),
      firstFailureAt: continuing ? prev.firstFailureAt : now(),
      attempts,
      max: settings.maxAttempts,
    };
    const save = async (extra) => {
      Object.assign(state, extra);
      await setKey(autoKey(tabId), state);
      return state;
    };
    if (continuing && prev.state === 'cancelled') return save({ state: 'cancelled', reason: 'cancelled' });
    if (!resendable(rec)) return save({ state: 'off', reason: 'not-idempotent' });
    const watched = await watchOfTab(tabId);
    if (watched) return save({ state: 'watching', reason: 'watch' });
    if (!settings.autoRetry) return save({ state: 'off', reason: 'disabled' });
    let plan;
    try {
      plan = (await core()).retryPlan(rec.diagnosis, { attempts, firstFailureAt: state.firstFailureAt, now: now() });
    } catch (e) {
      console.warn('Gateway Doctor: retryPlan', e);
      return save({ state: 'off', reason: 'error' });
    }
    const fixable = rec.diagnosis?.transient !== false;
    if (!plan?.auto || attempts >= settings.maxAttempts) {
      const reason = plan?.reason || 'not-transient';
      if (reason === 'not-idempotent') return save({ state: 'off', reason });
      const exhausted = fixable && (reason === 'watch' || (attempts > 0 && attempts >= settings.maxAttempts));
      if (exhausted) {
        // The retries ran out (or Retry-After is hours away): switch to a quiet watch, which
        // reloads the tab when it's back, and never checks sooner than Retry-After.
        const scale = await clockScale();
        const wait = Math.max(Number(plan?.delaySeconds) || 0, retryAfterOf(rec.failure) ?? 0);
        await save({ state: 'exhausted', reason: 'watch' });
        await startWatch(tabId, rec.url, { notify: false, notBefore: now() + (wait * 1000) / scale });
        return state;
      }
      return save({ state: 'off', reason });
    }
    const scale = await clockScale();
    const delay = Math.max(Number(plan.delaySeconds) || 1, retryAfterOf(rec.failure) ?? 0, 0);
    const due = now() + Math.round((delay * 1000) / scale);
    await save({ state: 'scheduled', reason: plan.reason || 'backoff', due, delaySeconds: delay });
    schedule(AUTO_ALARM + tabId, due);
    return state;
  });
}

/** Whether the tab still shows the failure of `url` (the page itself or our diagnosis page). */
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

async function markFired(tabId, url) {
  firedMemo.set(tabId, { url, at: now() });
  await setKey(`fired:${tabId}`, { url, at: now() });
}
const firedMemo = new Map();

/** Whether a navigation of `tabId` onto `url` now is one of our automatic retries (so the
 * background sends a failure again to the diagnosis page, as after a click on Retry). */
export async function isRetrying(tabId, url) {
  const f = firedMemo.get(tabId) || (await getKey(`fired:${tabId}`));
  return Boolean(f && sameUrl(f.url, url) && now() - f.at < FIRED_WINDOW_MS);
}

async function reloadTab(tabId, url, where) {
  await markFired(tabId, url);
  if (where.onDiagnosisPage) await api.tabs.update(tabId, { url });
  else await api.tabs.reload(tabId, { bypassCache: true });
}

async function fireAuto(tabId) {
  const state = await getKey(autoKey(tabId));
  if (!state || state.state !== 'scheduled') return;
  if (state.due > now() + 25) {
    // Early (a timer of an older schedule): wait for the right time.
    schedule(AUTO_ALARM + tabId, state.due);
    return;
  }
  const settings = await getSettings();
  if (!settings.autoRetry || isIgnored(state.url, settings)) {
    await setKey(autoKey(tabId), { ...state, state: 'off', reason: 'disabled' });
    return;
  }
  const where = await stillFailing(tabId, state.url);
  if (where.gone || where.elsewhere) {
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
  const token = await takeToken(originOf(state.url));
  if (!token.ok) {
    const due = now() + token.waitMs;
    await setKey(autoKey(tabId), { ...state, due, deferred: true });
    schedule(AUTO_ALARM + tabId, due);
    return;
  }
  await setKey(autoKey(tabId), { ...state, state: 'fired', firedAt: now() });
  try {
    await reloadTab(tabId, state.url, where);
  } catch {
    // The tab is gone.
  }
}

async function cancelAuto(tabId) {
  return locked(AUTO_ALARM + tabId, async () => {
    unschedule(AUTO_ALARM + tabId);
    const state = await getKey(autoKey(tabId));
    if (state) await setKey(autoKey(tabId), { ...state, state: 'cancelled', reason: 'cancelled' });
    return state;
  });
}

// ------------------------------------------------------------------ watch

const watchKey = (origin) => `watch:${origin}`;

async function index() {
  const i = await getKey(INDEX_KEY);
  return i && typeof i === 'object' ? i : {};
}

async function watchOfTab(tabId) {
  const origin = (await index())[tabId];
  if (!origin) return null;
  const w = await getKey(watchKey(origin));
  return w?.tabs?.[tabId] ? w : null;
}

async function setIndex(tabId, origin) {
  await locked(INDEX_KEY, async () => {
    const i = await index();
    if (origin) i[tabId] = origin;
    else delete i[tabId];
    await setKey(INDEX_KEY, i);
  });
}

/** Starts (or joins) the watch of the site of `url` for `tabId`. */
export async function startWatch(tabId, url, { notify = true, notBefore = 0 } = {}) {
  const origin = originOf(url);
  if (!/^https?:/.test(origin)) return null;
  const w = await locked(WATCH_ALARM + origin, async () => {
    const scale = await clockScale();
    let w = await getKey(watchKey(origin));
    const fresh = !w;
    w ??= { origin, url, tabs: {}, startedAt: now(), interval: WATCH_FIRST_MS, nextAt: now() + WATCH_FIRST_MS / scale, checks: 0 };
    if (notBefore > w.nextAt) w.nextAt = notBefore;
    const had = w.tabs[tabId];
    w.tabs[tabId] = { url, notify: Boolean(notify || had?.notify), since: had?.since || now() };
    await setKey(watchKey(origin), w);
    if (fresh || notBefore || !timers.has(WATCH_ALARM + origin)) schedule(WATCH_ALARM + origin, w.nextAt);
    return w;
  });
  await setIndex(tabId, origin);
  // A tab that is watched is not retried on its own as well.
  const a = await getKey(autoKey(tabId));
  if (a?.state === 'scheduled') {
    unschedule(AUTO_ALARM + tabId);
    await setKey(autoKey(tabId), { ...a, state: 'watching', reason: 'watch' });
  }
  return w;
}

/** Ends the watch of `tabId` (the whole site's watch when no tab waits any more). */
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

/** Ends a whole site's watch (the popup's Cancel). */
export async function stopSiteWatch(origin) {
  const w = await getKey(watchKey(origin));
  if (!w) return false;
  for (const id of Object.keys(w.tabs || {})) await stopWatch(Number(id));
  unschedule(WATCH_ALARM + origin);
  await removeKey(watchKey(origin));
  return true;
}

/** Every watch, for the popup. */
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

/** One check of the site: 'up', 'down' or 'deferred' (no token left for the GET fallback).
 * A Retry-After in a failed answer is kept in w.retryAfter (seconds). */
async function check(w) {
  const opts = (method) => ({
    method,
    cache: 'no-store',
    credentials: 'omit',
    // A redirect is an answer; following it could lead to another site.
    redirect: 'manual',
    signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
  });
  const answered = (r) => {
    const up = r.type === 'opaqueredirect' || (r.status > 0 && r.status < 500);
    w.retryAfter = up ? null : retryAfterOf({ responseHeaders: [...r.headers].map(([name, value]) => ({ name, value })) });
    return up;
  };
  try {
    if (!w.useGet) {
      const r = await fetch(w.url, opts('HEAD'));
      if (r.status !== 405 && r.status !== 501) return answered(r) ? 'up' : 'down';
      w.useGet = true;
      const t = await takeToken(w.origin);
      if (!t.ok) return 'deferred';
    }
    const r = await fetch(w.url, opts('GET'));
    r.body?.cancel().catch(() => {});
    return answered(r) ? 'up' : 'down';
  } catch {
    return 'down';
  }
}

async function fireWatch(origin) {
  const w = await getKey(watchKey(origin));
  if (!w) return;
  const scale = await clockScale();
  if (w.nextAt > now() + 25) {
    schedule(WATCH_ALARM + origin, w.nextAt);
    return;
  }
  // Tabs that navigated away, closed or loaded fine meanwhile wait no more.
  for (const [id, t] of Object.entries(w.tabs)) {
    const tabId = Number(id);
    const where = await stillFailing(tabId, t.url);
    const record = await getKey(`tab:${tabId}`);
    if (where.gone || where.elsewhere || !record) {
      delete w.tabs[id];
      await setIndex(tabId, null);
    }
  }
  if (!Object.keys(w.tabs).length || now() - w.startedAt > WATCH_TOTAL_MS / scale) {
    unschedule(WATCH_ALARM + origin);
    await removeKey(watchKey(origin));
    for (const id of Object.keys(w.tabs)) await setIndex(Number(id), null);
    return;
  }
  const token = await takeToken(origin);
  if (!token.ok) {
    w.nextAt = now() + token.waitMs;
    await setKey(watchKey(origin), w);
    schedule(WATCH_ALARM + origin, w.nextAt);
    return;
  }
  const result = await check(w);
  w.checks = (w.checks || 0) + 1;
  w.lastCheckAt = now();
  if (result === 'up') {
    await siteIsBack(w);
    return;
  }
  if (result !== 'deferred') w.interval = Math.min(WATCH_MAX_MS, Math.round(w.interval * WATCH_FACTOR));
  w.nextAt = now() + (result === 'deferred' ? 1000 : Math.max(w.interval, (w.retryAfter || 0) * 1000)) / scale;
  await setKey(watchKey(origin), w);
  schedule(WATCH_ALARM + origin, w.nextAt);
}

async function siteIsBack(w) {
  unschedule(WATCH_ALARM + w.origin);
  await removeKey(watchKey(w.origin));
  const tabIds = [];
  let notify = false;
  for (const [id, t] of Object.entries(w.tabs)) {
    const tabId = Number(id);
    tabIds.push(tabId);
    notify ||= t.notify;
    await setIndex(tabId, null);
    await removeKey(autoKey(tabId));
    const where = await stillFailing(tabId, t.url);
    if (where.gone || where.elsewhere) continue;
    try {
      await reloadTab(tabId, t.url, where);
    } catch {
      // gone
    }
  }
  const settings = await getSettings();
  if (!notify || !settings.notifications) return;
  const id = `gd-back:${w.origin}:${now()}`;
  const msg = (k, sub) => api.i18n.getMessage(k)?.replace(/\{(\w+)\}/g, (_, n) => sub[n] ?? '') || '';
  let host = w.origin;
  try {
    host = new URL(w.url).host;
  } catch {
    // keep the origin
  }
  await setKey(`notice:${id}`, { tabIds, url: w.url });
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

async function onNotificationClicked(id) {
  if (!String(id).startsWith('gd-back:')) return;
  const notice = await getKey(`notice:${id}`);
  api.notifications.clear(id).catch?.(() => {});
  await removeKey(`notice:${id}`);
  for (const tabId of notice?.tabIds || []) {
    try {
      const tab = await api.tabs.update(tabId, { active: true });
      await api.windows.update(tab.windowId, { focused: true }).catch(() => {});
      await api.tabs.reload(tabId, { bypassCache: true });
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
  if (String(id).startsWith('gd-back:')) removeKey(`notice:${id}`);
});

// The popup's list of watches (its own message type: the background answers "gd:" ones).
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (typeof message?.type !== 'string' || !message.type.startsWith('gdw:')) return false;
  // The watch list is the person's, shown on our own pages: never to a content script.
  if (senderKind(sender, api.runtime.id, api.runtime.getURL('')) !== 'own') return false;
  const work =
    message.type === 'gdw:list'
      ? listWatches()
      : message.type === 'gdw:cancel'
        ? stopSiteWatch(String(message.origin || ''))
        : Promise.resolve(undefined);
  work.then(sendResponse, () => sendResponse(undefined));
  return true;
});

// ------------------------------------------------------------------ hooks the background calls

/** A tab navigated to `url` (a new main-frame response or error): its retries and watches of
 * other URLs end. */
export async function onNavigated(tabId, url) {
  const a = await getKey(autoKey(tabId));
  if (a && !sameUrl(a.url, url)) {
    unschedule(AUTO_ALARM + tabId);
    await removeKey(autoKey(tabId));
  }
  const w = await watchOfTab(tabId);
  if (w && !sameUrl(w.tabs[tabId].url, url)) await stopWatch(tabId);
}

/** A tab closed. */
export async function onTabRemoved(tabId) {
  unschedule(AUTO_ALARM + tabId);
  firedMemo.delete(tabId);
  await removeKey(autoKey(tabId));
  await removeKey(`fired:${tabId}`);
  await stopWatch(tabId);
}

/** An alarm fired; returns true when it was one of ours. */
export async function onAlarm(alarm) {
  const name = String(alarm?.name || '');
  if (!name.startsWith(AUTO_ALARM) && !name.startsWith(WATCH_ALARM)) return false;
  clearTimeout(timers.get(name));
  timers.delete(name);
  await fire(name);
  return true;
}

/** Runs an action of this module for a tab's failure record; returns {ok, messageKey?,
 * params?, extras?} or undefined when the action is not ours. */
export async function runAction(tabId, rec, action) {
  switch (action?.type) {
    case 'watch': {
      const w = await startWatch(tabId, rec.url, { notify: true });
      if (!w) return { ok: false, messageKey: 'ui_watch_unavailable' };
      const settings = await getSettings();
      return {
        ok: true,
        messageKey: settings.notifications ? 'ui_watch_started' : 'ui_watch_started_silent',
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

/** Facts for the view of a failing tab: {autoRetry?, watching?, resubmits?}. */
export async function viewExtras(tabId, rec) {
  const out = {};
  if (!rec) return out;
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
  out.resubmits = !resendable(rec);
  return out;
}
