// @ts-check
// Values kept from extension storage, so hot paths cost no storage read.

/** Read again after a change to `key` (null: any) in `area` or a failed read; `set`: just written.
 * @template T @param {string} area @param {string | null} key @param {() => Promise<T>} read @returns {{ get(): Promise<T>, set(value: T): void }} */
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

/** A session value only this context writes: read once (`clean` makes it safe), then kept.
 * @template T @param {string} key @param {(stored: unknown) => T} clean @returns {{ get(): Promise<T>, set(value: T): Promise<void> }} */
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
