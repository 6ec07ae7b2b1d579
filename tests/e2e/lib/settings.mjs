// The extension's settings as a test sets them, from the extension's own page (driver `d`):
// the developer time-scale (session storage, read by developer builds only) and the person's
// options (sync storage, cleared first).

/** `clockScale` (default 1) and the person's options (defaults: automatic retries on). */
export const configure = (d, { clockScale = 1, ...sync } = {}) =>
  d.ext(
    async ({ clockScale, sync }) => {
      await chrome.storage.session.set({ clockScale });
      await chrome.storage.sync.clear();
      if (Object.keys(sync).length) await chrome.storage.sync.set(sync);
      return true;
    },
    { clockScale, sync },
  );
