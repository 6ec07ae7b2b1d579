// @ts-check
// One record per failing tab, in memory and in session storage (it outlives the worker).
import { KEY } from './constants.js';

const api = globalThis.chrome;

/** @type {Map<number, GdRecord>} */
export const records = new Map();

/** Read once per worker, then the map is the truth. @type {Promise<void> | undefined} */
let restored;
/** @param {number} tabId @returns {Promise<GdRecord | undefined>} */
export async function load(tabId) {
  await (restored ??= api.storage.session.get(null).then((all) => {
    for (const [k, rec] of Object.entries(all)) {
      const id = k.startsWith(KEY.TAB_PREFIX) ? Number(k.slice(KEY.TAB_PREFIX.length)) : NaN;
      if (Number.isInteger(id) && !records.has(id)) records.set(id, /** @type {GdRecord} */ (rec));
    }
  }, () => {}));
  return records.get(tabId);
}
/** @param {number} tabId @param {GdRecord} rec */
export async function store(tabId, rec) {
  records.set(tabId, rec);
  await api.storage.session.set({ [KEY.tab(tabId)]: rec }).catch(() => {});
}
/** Only if `rec` is still the tab's record (not one a later navigation replaced). @param {number} tabId @param {GdRecord} rec */
export async function update(tabId, rec) {
  if (records.get(tabId) === rec) await store(tabId, rec);
}
/** After `load`: else a read still under way would bring it back. @param {number} tabId */
export async function drop(tabId) {
  await load(tabId);
  records.delete(tabId);
  await api.storage.session.remove(KEY.tab(tabId)).catch(() => {});
}
