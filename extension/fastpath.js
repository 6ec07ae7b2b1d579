// @ts-check
// The one rule decided without the core, so that healthy pages load no wasm: a response under
// 500 but 429 and an aborted navigation are no failure (tests/node/fastpath.test.mjs: the core agrees).

/** @param {number} statusCode @returns {boolean} */
export const isHealthyStatus = (statusCode) => Number(statusCode) < 500 && Number(statusCode) !== 429;

/** @param {string} error @returns {boolean} */
export const isAborted = (error) => /(^|::|_)(ERR_ABORTED|NS_BINDING_ABORTED)$/.test(String(error));
