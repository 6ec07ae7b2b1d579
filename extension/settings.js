// The person's settings (options page), in storage.sync, applied without a restart.
export const DEFAULTS = Object.freeze({
  autoRetry: true,
  maxAttempts: 6,
  notifications: true,
  panel: true,
  ignoredSites: [],
});

export async function getSettings() {
  try {
    return { ...DEFAULTS, ...(await chrome.storage.sync.get(Object.keys(DEFAULTS))) };
  } catch {
    return { ...DEFAULTS };
  }
}
