// @ts-check
// The one-click fixes beyond retry and private window. An action's permission is the core's
// word, asked for by our own pages at the click (the in-page panel hands over to them).
import { api, clearSiteData, canDisableExtensions } from './shim.js';
import { storedValue } from './stored.js';
import { KEY, KIND } from './constants.js';

/** @param {chrome.runtime.ManifestPermission} permission */
export const hasPermission = (permission) => api.permissions.contains({ permissions: [permission] }).catch(() => false);

const disabledValue = storedValue('local', KEY.DISABLED_BY_US, () =>
  api.storage.local.get(KEY.DISABLED_BY_US).then((got) => /** @type {GdDisabledExtension[]} */ (Array.isArray(got[KEY.DISABLED_BY_US]) ? got[KEY.DISABLED_BY_US] : [])));

/** @returns {Promise<GdDisabledExtension[]>} */
export const disabledByUs = async () => [...(await disabledValue.get())];

/** @param {(list: GdDisabledExtension[]) => GdDisabledExtension[]} change */
async function changeDisabled(change) {
  const kept = change(await disabledByUs()).slice(-20);
  disabledValue.set(kept);
  await api.storage.local.set({ [KEY.DISABLED_BY_US]: kept });
}

/** As the browser gives them: the core reads the fields it needs, within its bounds. */
export async function installedExtensions() {
  if (!(await hasPermission('management'))) return undefined;
  return (await api.management.getAll()).filter((e) => e.id !== api.runtime.id);
}

/** A response reloads; else its URL loads (our page shows). @param {number} tabId @param {GdRecord} rec */
export const loadAgain = (tabId, rec) =>
  rec.kind === KIND.RESPONSE ? api.tabs.reload(tabId, { bypassCache: true }) : api.tabs.update(tabId, { url: rec.url });

/** Undefined when the action is not ours. @param {number} tabId @param {GdRecord} rec @param {GdAction} action @returns {Promise<GdResult | undefined>} */
export async function runAction(tabId, rec, action) {
  const { permission } = action;
  if (permission && !(await hasPermission(permission))) return { ok: false, needsPermission: permission, messageKey: 'ui_permission_needed' };
  switch (action.type) {
    case 'clear-site-data':
      return { ok: true, messageKey: (await clearSiteData(rec.url)).cacheByHand ? 'ui_cleared_cache_by_hand' : 'ui_cleared' };
    case 'disable-extension': {
      if (!canDisableExtensions) return { ok: false, messageKey: 'ui_disable_by_hand' };
      const ext = await api.management.get(String(action.id));
      await api.management.setEnabled(ext.id, false);
      await changeDisabled((list) => (list.some((e) => e.id === ext.id) ? list : [...list, { id: ext.id, name: ext.name, at: Date.now() }]));
      if (action.retry === true) await loadAgain(tabId, rec);
      return { ok: true, messageKey: 'ui_extension_disabled', params: { name: ext.name } };
    }
    case 'enable-extension': {
      const id = String(action.id);
      await api.management.setEnabled(id, true);
      await changeDisabled((list) => list.filter((e) => e.id !== id));
      return { ok: true, messageKey: 'ui_extension_enabled', params: { name: (await api.management.get(id)).name } };
    }
    case 'check-extensions':
    case 'check-proxy-settings':
      return { ok: true, refresh: true };
    case 'open-url': {
      // The advice's (the core's may_open). Firefox refuses some of its own pages (about:addons):
      // https://bugzilla.mozilla.org/1269456
      const url = String(action.url || '');
      return api.tabs.create({ url, openerTabId: tabId }).then(() => ({ ok: true }), () => ({ ok: false, messageKey: 'ui_open_by_hand', params: { url } }));
    }
    default:
      return undefined;
  }
}
