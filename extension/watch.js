// @ts-check
// Automatic retries, the tabs that wait for the connection, "notify me when it's back": the
// core's machine (src/machine.rs) takes each event with its last state; this runs its effects.
import { core } from './core.js';
import { captivePortal } from './shim.js';
import { getSettings, clockScale } from './settings.js';
import { sameUrl } from './url.js';
import { sessionValue } from './stored.js';
import { load } from './records.js';
import { KEY } from './constants.js';
import './format.js';

const { msg } = globalThis.GatewayDoctorFormat;
const api = globalThis.chrome;
const DIAGNOSIS_PAGE = api.runtime.getURL('diagnosis.html');

const machine = sessionValue(KEY.MACHINE, (v) => /** @type {GdMachine | null} */ (v ?? null));
/** One step at a time: timers, alarms and clicks never race. */
let queue = Promise.resolve();

/** @param {Record<string, unknown>} event @returns {Promise<any>} the answer, if the event asks */
function step(event) {
  const run = queue.then(async () => {
    const [wasm, settings, scale, state] = await Promise.all([core(), getSettings(), clockScale(), machine.get()]);
    const out = wasm.step(state, event, { ...settings, now: Date.now(), scale, seed: Math.random() });
    machine.set(out.state);
    return out;
  }).catch((e) => (console.warn('Gateway Doctor: step', e), { effects: [], answer: undefined }));
  queue = run.then(() => {});
  return run.then((out) => {
    for (const e of out.effects) effect(e).catch((err) => console.warn('Gateway Doctor:', e.type, err));
    return out.answer;
  });
}

/** Only for the tabs the machine speaks of: the others' navigations load no wasm.
 * @param {{ type: string, tab: number, url?: string }} event */
const stepIfInvolved = async (event) => void ((await machine.get())?.involved?.includes(event.tab) && (await step(event)));

/** @type {Map<string, ReturnType<typeof setTimeout>>} */
const timers = new Map();
/** A timer while the worker lives, an alarm as the backstop; no `at`: cleared. @param {string} name @param {number} [at] */
function alarm(name, at) {
  clearTimeout(timers.get(name));
  timers.delete(name);
  if (at === undefined) return void api.alarms.clear(name).catch?.(() => {});
  timers.set(name, setTimeout(() => timers.delete(name) && step({ type: 'due', name }), Math.max(0, at - Date.now())));
  // Chrome: no minimum for unpacked extensions, 30 s for packed ones: the timer covers it.
  // https://developer.chrome.com/docs/extensions/reference/api/alarms#method-create
  Promise.resolve().then(() => api.alarms.create(name, { when: Math.max(at, Date.now() + 50) })).catch(() => {});
}

/** How the tab shows the failure of `url` (Chrome's pendingUrl counts), and its record. @param {{ tab: number, url: string }} ask */
async function look({ tab: tabId, url }) {
  const tab = await api.tabs.get(tabId).catch(() => null);
  const rec = await load(tabId);
  const record = rec && { recordUrl: rec.url, recordAt: rec.at, recordMethod: rec.diagnosis?.method };
  if (!tab) return { tab: tabId, exists: false, ...record };
  const shown = String(tab.pendingUrl || tab.url || '');
  const q = shown.startsWith(DIAGNOSIS_PAGE) ? new URL(shown).searchParams : null;
  const onOurPage = Boolean(q && q.get('tab') === String(tabId) && sameUrl(q.get('url'), url));
  const win = tab.active ? await api.windows.get(tab.windowId).catch(() => null) : null;
  return {
    tab: tabId, exists: true, shows: sameUrl(shown, url) || onOurPage, onOurPage, loading: tab.status === 'loading',
    active: Boolean(tab.active), visible: Boolean(tab.active && win?.focused), ...record,
  };
}

/** No redirect followed: a redirect is an answer, and could lead elsewhere. @param {{ url: string, method: string }} c */
async function check({ url, method }) {
  try {
    const r = await fetch(url, { method, cache: 'no-store', credentials: 'omit', redirect: 'manual', signal: AbortSignal.timeout((await core()).limits().checkTimeoutMs) });
    r.body?.cancel().catch(() => {});
    return { status: r.status, redirected: r.type === 'opaqueredirect', retryAfter: r.headers.get('retry-after'), date: r.headers.get('date') };
  } catch {
    return {};
  }
}

/** @param {any} e */
async function effect(e) {
  switch (e.type) {
    case 'alarm':
      return alarm(e.name, e.at);
    case 'look':
      return step({ type: 'seen', then: e.then, tabs: await Promise.all(e.tabs.map(look)), online: navigator.onLine, portal: (await captivePortal())?.state });
    case 'check':
      return step({ type: 'checked', then: e.then, method: e.method, ...(await check(e)) });
    case 'reload':
      if (e.onOurPage || e.get) return api.tabs.update(e.tab, { url: e.url });
      return api.tabs.reload(e.tab, { bypassCache: true });
    case 'focus': {
      const tab = await api.tabs.update(e.tab, { active: true });
      if (tab) await api.windows.update(tab.windowId, { focused: true }).catch(() => {});
      return undefined;
    }
    case 'notify':
      return api.notifications.create(e.id, {
        type: 'basic',
        iconUrl: api.runtime.getURL('icons/icon-128.png'),
        title: msg('ui_notify_back_title', { host: e.host }) || `${e.host} is back`,
        message: msg('ui_notify_back_message', { host: e.host }) || `${e.host} answers again. Click to go to the page.`,
      });
    case 'unnotify':
      return api.notifications.clear(e.id);
    default:
      return undefined;
  }
}

// At the top level: a click on the notification starts the worker again.
api.notifications?.onClicked.addListener((id) => void step({ type: 'notice-clicked', id }));
api.notifications?.onClosed?.addListener((id) => void step({ type: 'notice-closed', id }));

/** @param {number} tabId @param {GdRecord} rec */
export const onFailure = (tabId, rec) =>
  step({ type: 'failure', tab: tabId, url: rec.url, at: rec.at, attempts: rec.attempts || 0, diagnosis: rec.diagnosis }).catch(() => {});
/** The page's text refined the diagnosis of the tab's failure: its scheduled retry is decided again.
 * @param {number} tabId @param {GdRecord} rec */
export const onRefined = (tabId, rec) =>
  step({ type: 'refined', tab: tabId, url: rec.url, at: rec.at, diagnosis: rec.diagnosis }).catch(() => {});
/** @param {number} tabId @param {string} url */
export const onNavigated = (tabId, url) => stepIfInvolved({ type: 'navigated', tab: tabId, url });
/** @param {number} tabId */
export const onHealthy = (tabId) => stepIfInvolved({ type: 'healthy', tab: tabId });
/** @param {number} tabId */
export const onTabRemoved = (tabId) => stepIfInvolved({ type: 'removed', tab: tabId });
export const networkBack = async () => void ((await machine.get())?.net && (await step({ type: 'online' })));
export const listWatches = () => step({ type: 'list-watches' });
/** @param {unknown} origin */
export const cancelSite = (origin) => step({ type: 'cancel-site', origin: String(origin || '') });
/** Whether a failure of `url` is the person going Back from our diagnosis page for it. @param {number} tabId @param {GdRecord | undefined} prev @param {string} url @returns {Promise<boolean>} */
export const wentBack = async (tabId, prev, url) =>
  Boolean(prev?.onOurPage) && Boolean(await step({ type: 'went-back', tab: tabId, url, onOurPage: true, prevUrl: prev?.url, retrying: Boolean(prev?.retrying), leftAt: prev?.leftAt }));

/** @param {chrome.alarms.Alarm} alarm */
export function onAlarm(alarm) {
  const name = String(alarm?.name || '');
  clearTimeout(timers.get(name));
  timers.delete(name);
  return step({ type: 'due', name });
}

/** Undefined when the action is not the machine's. @param {number} tabId @param {GdRecord} rec @param {GdAction} action @returns {Promise<GdResult | undefined>} */
export const runAction = async (tabId, rec, action) =>
  (await step({ type: 'action', tab: tabId, action: String(action?.type || ''), url: rec.url, at: rec.at, method: rec.diagnosis?.method || 'GET' })) ?? undefined;

/** The `retry` of the core's `view`. @param {number} tabId @param {GdRecord} rec @returns {Promise<GdRetryState | null>} */
export const retryState = (tabId, rec) => step({ type: 'retry-of', tab: tabId, url: rec.url });
