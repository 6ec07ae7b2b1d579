// @ts-check
// A value kept from extension storage: read once per context and again only after storage
// reports a change to it, so hot paths cost no storage read while a change made anywhere (the
// options page, another context) applies at once.

/** `read()` runs at the first `get()`, and at the first after `area` reports a change to `key`
 * (any, for null) or a read failed; `set(value)`: this context has just written `value`.
 * @template T @param {string} area @param {string | null} key @param {() => Promise<T>} read
 * @returns {{ get(): Promise<T>, set(value: T): void }} */
export function storedValue(area, key, read) {
  /** @type {Promise<T> | undefined} */
  let kept;
  globalThis.chrome.storage?.onChanged?.addListener((changes, changedArea) => {
    if (changedArea === area && (key === null || key in changes)) kept = undefined;
  });
  return {
    get: () => (kept ??= read().catch((e) => {
      kept = undefined;
      throw e;
    })),
    set(value) {
      kept = Promise.resolve(value);
    },
  };
}

/** A value in session storage that only this context writes: read once (`clean` makes what
 * storage holds safe, undefined when it holds nothing or fails), then the copy in memory is the
 * truth, so a healthy navigation costs no storage read; `set` keeps and writes it.
 * @template T @param {string} key @param {(stored: unknown) => T} clean
 * @returns {{ get(): Promise<T>, set(value: T): Promise<void> }} */
export function sessionValue(key, clean) {
  const session = () => globalThis.chrome.storage.session;
  /** @type {Promise<T> | undefined} */
  let kept;
  return {
    get: () => (kept ??= session().get(key).then((got) => clean(got[key]), () => clean(undefined))),
    async set(value) {
      kept = Promise.resolve(value);
      await session().set({ [key]: value }).catch(() => {});
    },
  };
}

/** @param {unknown} stored */
export const listOf = (stored) => (Array.isArray(stored) ? stored : []);
