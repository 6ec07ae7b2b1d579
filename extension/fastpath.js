// @ts-check
// The one rule the shell decides without the core, so that healthy pages never load the wasm:
// a response under 500 other than 429 (rate limiting, which the core diagnoses with its
// Retry-After) and an aborted navigation are no failure. tests/node/fastpath.test.mjs
// checks that the core's `diagnose` agrees.

/** Whether a main-frame response with `statusCode` is healthy (no failure to report).
 * @param {number} statusCode
 * @returns {boolean} */
export const isHealthyStatus = (statusCode) => Number(statusCode) < 500 && Number(statusCode) !== 429;

/** Whether a navigation error is an aborted navigation (stopped, or turned into a download).
 * @param {string} error
 * @returns {boolean} */
export const isAborted = (error) => /(^|::|_)(ERR_ABORTED|NS_BINDING_ABORTED)$/.test(String(error));
