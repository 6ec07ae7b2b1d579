// Automatic retries and "notify me when it's back" (issue 5). The background calls these
// hooks; this module owns its own alarms and storage keys (prefix "watch:" / "auto:").

/** A tab navigated to `url` (a new main-frame response or error): watches of other URLs in
 * this tab end. */
export async function onNavigated(tabId, url) {}

/** A tab closed. */
export async function onTabRemoved(tabId) {}

/** An alarm fired; returns true when it was one of ours. */
export async function onAlarm(alarm) {
  return false;
}

/** Runs an action of this module ("watch", "cancel-watch", "auto-retry", ...) for a tab's
 * failure record; returns {ok, messageKey?, params?} or undefined when the action is not ours. */
export async function runAction(tabId, rec, action) {
  return undefined;
}

/** Facts for the view of a failing tab: {autoRetry?: {...}, watching?: bool}. */
export async function viewExtras(tabId, rec) {
  return {};
}
