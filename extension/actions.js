// The one-click fixes of the advice (issue 4) that are more than retry and private window.

/** Runs `action` for the failure record of a tab; undefined when the action is not ours. */
export async function runAction(tabId, rec, action) {
  return undefined;
}
