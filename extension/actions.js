// @ts-check
// The one-click fixes of the advice beyond retry and private window: clear this site's data,
// turn a suspect extension off and back on, open a page. Optional permissions are asked for
// by the extension's own pages at the click (see `permissionFor`); the in-page panel, which
// may not ask, sends the person to the diagnosis page instead.
import { api, clearSiteData, canDisableExtensions, BROWSER_PAGES } from './shim.js';
import { storedValue } from './stored.js';
import { KEY, KIND } from './constants.js';

const DISABLED_KEY = KEY.DISABLED_BY_US;

/** @typedef {{ id: string, name: string, at: number }} DisabledExtension */
/** Bounds on what goes to the core about the installed extensions (it reads no more). */
const MAX_EXTENSIONS = 1000;
const MAX_PERMISSIONS = 200;

/** The optional permission an action needs, if any.
 * @param {Partial<GdAction> | null | undefined} action
 * @returns {chrome.runtime.ManifestPermission | undefined} */
export function permissionFor(action) {
  switch (action?.type) {
    case 'clear-site-data':
      return 'browsingData';
    case 'disable-extension':
    case 'enable-extension':
    case 'check-extensions':
      return 'management';
    case 'check-proxy-settings':
      return 'proxy';
    default:
      return undefined;
  }
}

/** @param {chrome.runtime.ManifestPermission} permission */
export async function hasPermission(permission) {
  try {
    return await api.permissions.contains({ permissions: [permission] });
  } catch {
    return false;
  }
}

const disabledValue = storedValue('local', DISABLED_KEY, () =>
  api.storage.local
    .get(DISABLED_KEY)
    .then((got) => /** @type {DisabledExtension[]} */ (Array.isArray(got[DISABLED_KEY]) ? got[DISABLED_KEY] : [])),
);

/** Extensions this extension turned off, so the advice can offer to turn them back on.
 * @returns {Promise<DisabledExtension[]>} */
export async function disabledByUs() {
  return [...(await disabledValue.get())];
}

/** @param {DisabledExtension[]} list */
async function setDisabledByUs(list) {
  const kept = list.slice(-20);
  disabledValue.set(kept);
  await api.storage.local.set({ [DISABLED_KEY]: kept });
}

/** The installed extensions, for rankExtensions (only with the management permission). */
export async function installedExtensions() {
  if (!(await hasPermission('management'))) return undefined;
  const all = await api.management.getAll();
  return all
    .slice(0, MAX_EXTENSIONS)
    .filter((e) => e.id !== api.runtime.id)
    .map((e) => ({
      id: String(e.id).slice(0, 64),
      name: String(e.name || '').slice(0, 200),
      description: (e.description || '').slice(0, 300),
      enabled: e.enabled,
      type: e.type,
      permissions: (e.permissions || []).slice(0, MAX_PERMISSIONS),
      hostPermissions: (e.hostPermissions || []).slice(0, MAX_PERMISSIONS),
      installType: e.installType,
      mayDisable: e.mayDisable,
    }));
}

/** @param {string} url */
function allowedUrl(url) {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return true;
  } catch {
    return false;
  }
  return BROWSER_PAGES.some((p) => url === p || url.startsWith(p + '/') || url.startsWith(p + '?'));
}

/** Runs `action` for the failure record of a tab; undefined when the action is not ours.
 * @param {number} tabId
 * @param {GdRecord} rec
 * @param {GdAction} action
 * @returns {Promise<GdResult | undefined>} */
export async function runAction(tabId, rec, action) {
  const permission = permissionFor(action);
  if (permission && !(await hasPermission(permission))) {
    return { ok: false, needsPermission: permission, messageKey: 'ui_permission_needed' };
  }
  switch (action.type) {
    case 'clear-site-data': {
      const r = await clearSiteData(rec.url);
      return { ok: true, messageKey: r.cacheByHand ? 'ui_cleared_cache_by_hand' : 'ui_cleared' };
    }
    case 'disable-extension': {
      if (!canDisableExtensions) return { ok: false, messageKey: 'ui_disable_by_hand' };
      const ext = await api.management.get(String(action.id));
      await api.management.setEnabled(ext.id, false);
      const list = await disabledByUs();
      if (!list.some((e) => e.id === ext.id)) list.push({ id: ext.id, name: ext.name, at: Date.now() });
      await setDisabledByUs(list);
      if (rec.diagnosis?.safeToRetry) {
        if (rec.kind === KIND.RESPONSE) await api.tabs.reload(tabId, { bypassCache: true });
        else await api.tabs.update(tabId, { url: rec.url });
      }
      return { ok: true, messageKey: 'ui_extension_disabled', params: { name: ext.name } };
    }
    case 'enable-extension': {
      const id = String(action.id);
      await api.management.setEnabled(id, true);
      const list = (await disabledByUs()).filter((e) => e.id !== id);
      await setDisabledByUs(list);
      const ext = await api.management.get(id);
      return { ok: true, messageKey: 'ui_extension_enabled', params: { name: ext.name } };
    }
    case 'check-extensions':
    case 'check-proxy-settings':
      // The permission is granted now: the caller asks for the view again, advised anew.
      return { ok: true, refresh: true };
    case 'open-url': {
      const url = String(action.url || '');
      if (!allowedUrl(url)) return { ok: false, messageKey: 'ui_action_unavailable' };
      try {
        await api.tabs.create({ url, openerTabId: tabId });
        return { ok: true };
      } catch {
        // Firefox does not let extensions open some of its own pages (about:addons).
        return { ok: false, messageKey: 'ui_open_by_hand', params: { url } };
      }
    }
    default:
      return undefined;
  }
}

