// @ts-check
// Automatic retries, the tabs that wait for the connection, "notify me when it's back": the
// core's state machine (src/machine.rs) decides; this module hands it each event with its last
// state and runs the effects it returns. What a look or a check finds is the next event.
import { core } from './core.js';
import { captivePortal } from './shim.js';
import { getSettings, clockScale } from './settings.js';
import { senderKind } from './trust.js';
import { sameUrl } from './url.js';
import { sessionValue } from './stored.js';
import { load } from './records.js';
import { KEY, WATCH_MSG_PREFIX, MSG } from './constants.js';
import './format.js';

const { msg } = globalThis.GatewayDoctorFormat;
const api = globalThis.chrome;
const DIAGNOSIS_PAGE = api.runtime.getURL('diagnosis.html');

const machine = sessionValue(KEY.MACHINE, (v) => /** @type {GdMachine | null} */ (v ?? null));
/** One step at a time: the events of timers, alarms and clicks never race. */
let queue = Promise.resolve();

/** The answer, if the event asks. @param {Record<string, unknown>} event @returns {Promise<any>} */
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

/** Else the tab's navigations need no core (healthy pages load no wasm). @param {number} tabId */
const involved = async (tabId) => Boolean((await machine.get())?.involved?.includes(tabId));

/** @type {Map<string, ReturnType<typeof setTimeout>>} */
const timers = new Map();
/** A timer while the worker lives, an alarm as the durable backstop; no `at`: cleared.
 * @param {string} name @param {number} [at] */
function alarm(name, at) {
  clearTimeout(timers.get(name));
  timers.delete(name);
  if (at === undefined) return void api.alarms.clear(name).catch?.(() => {});
  timers.set(name, setTimeout(() => timers.delete(name) && step({ type: 'due', name }), Math.max(0, at - Date.now())));
  try {
    // Chrome: no minimum for unpacked extensions, 30 s for packed ones: the timer covers it.
    // https://developer.chrome.com/docs/extensions/reference/api/alarms#method-create
    api.alarms.create(name, { when: Math.max(at, Date.now() + 50) });
  } catch {
    // ignore
  }
}

/** How the tab shows the failure of `url` (Chrome's pendingUrl counts), and its record.
 * @param {{ tab: number, url: string }} ask */
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

/** Asks the site (no redirect followed: a redirect is an answer, and could lead elsewhere).
 * @param {{ url: string, method: string }} c */
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

// Registered at the top level: the worker is started again for a click on the notification.
api.notifications?.onClicked.addListener((id) => void step({ type: 'notice-clicked', id }));
api.notifications?.onClosed?.addListener((id) => void step({ type: 'notice-closed', id }));

// From our own pages only, never a content script.
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (typeof message?.type !== 'string' || !message.type.startsWith(WATCH_MSG_PREFIX)) return false;
  if (senderKind(sender, api.runtime.id, api.runtime.getURL('')) !== 'own') return false;
  /** @type {Record<string, Record<string, unknown>>} */
  const events = { [MSG.WATCH_LIST]: { type: 'list-watches' }, [MSG.WATCH_CANCEL]: { type: 'cancel-site', origin: String(message.origin || '') } };
  const event = events[message.type];
  Promise.resolve(event && step(event)).then(sendResponse, () => sendResponse(undefined));
  return true;
});

/** @param {number} tabId @param {GdRecord} rec */
export const onFailure = (tabId, rec) =>
  step({ type: 'failure', tab: tabId, url: rec.url, at: rec.at, attempts: rec.attempts || 0, diagnosis: rec.diagnosis }).catch(() => {});
/** The page's text refined the diagnosis of the tab's failure: its scheduled retry is decided again.
 * @param {number} tabId @param {GdRecord} rec */
export const onRefined = (tabId, rec) =>
  step({ type: 'refined', tab: tabId, url: rec.url, at: rec.at, diagnosis: rec.diagnosis }).catch(() => {});
/** @param {number} tabId @param {string} url */
export const onNavigated = async (tabId, url) => void ((await involved(tabId)) && (await step({ type: 'navigated', tab: tabId, url })));
/** @param {number} tabId */
export const onHealthy = async (tabId) => void ((await involved(tabId)) && (await step({ type: 'healthy', tab: tabId })));
/** @param {number} tabId */
export const onTabRemoved = async (tabId) => void ((await involved(tabId)) && (await step({ type: 'removed', tab: tabId })));
export const networkBack = async () => void ((await machine.get())?.net && (await step({ type: 'online' })));
/** Whether a failure of `url` is the person going Back from our diagnosis page for it.
 * @param {number} tabId @param {GdRecord | undefined} prev @param {string} url @returns {Promise<boolean>} */
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
export async function runAction(tabId, rec, action) {
  const answer = await step({ type: 'action', tab: tabId, action: String(action?.type || ''), url: rec.url, at: rec.at, method: rec.diagnosis?.method || 'GET' });
  return answer ?? undefined;
}

/** The `retry` the core's `view` takes. @param {number} tabId @param {GdRecord} rec @returns {Promise<GdRetryState | null>} */
export const retryState = (tabId, rec) => step({ type: 'retry-of', tab: tabId, url: rec.url });
