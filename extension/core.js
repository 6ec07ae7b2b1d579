// @ts-check
// The Rust core, loaded once and remembered: the worker restarts often, and every caller
// shares the same promise. A failed load is forgotten, so the next call tries again.
import init, * as wasm from './pkg/gateway_doctor.js';

/** @type {Promise<typeof wasm> | undefined} */
let ready;

/** Resolves to the core's functions (docs/core-api.md).
 * @returns {Promise<typeof wasm>} */
export function core() {
  ready ??= init({ module_or_path: new URL('./pkg/gateway_doctor_bg.wasm', import.meta.url) })
    .then(() => wasm)
    .catch((e) => {
      ready = undefined;
      throw e;
    });
  return ready;
}
