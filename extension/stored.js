// @ts-check
// A value kept from extension storage: read once per context (the background, a page) and
// again only after storage reports a change to it, so the hot paths cost no storage read while
// a change made anywhere (the options page, another context) still applies at once.

const api = globalThis.chrome;

/**
 * @template T
 * @typedef {{ get(): Promise<T>, set(value: T): void }} StoredValue
 */

/**
 * `read()` gives the value (a promise); it runs at the first `get()` and at the first after
 * `area` ('local', 'sync', 'session') reports a change to `key` (any change when `key` is
 * null), or after a read that failed. `set(value)`: this context has just written `value`.
 * @template T
 * @param {string} area
 * @param {string | null} key
 * @param {() => Promise<T>} read
 * @returns {StoredValue<T>}
 */
export function storedValue(area, key, read) {
  /** @type {Promise<T> | undefined} */
  let kept;
  api.storage?.onChanged?.addListener((changes, changedArea) => {
    if (changedArea === area && (key === null || key in changes)) kept = undefined;
  });
  return {
    get() {
      kept ??= read().catch((e) => {
        kept = undefined;
        throw e;
      });
      return kept;
    },
    set(value) {
      kept = Promise.resolve(value);
    },
  };
}
