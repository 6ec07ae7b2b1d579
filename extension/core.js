// @ts-check
// The Rust core (docs/core-api.md), loaded once per context; after a failed load, again.
import init, * as wasm from './pkg/gateway_doctor.js';

/** @type {Promise<typeof wasm> | undefined} */
let ready;
/** @returns {Promise<typeof wasm>} */
export function core() {
  return (ready ??= init({ module_or_path: new URL('./pkg/gateway_doctor_bg.wasm', import.meta.url) }).then(
    () => wasm,
    (e) => {
      ready = undefined;
      throw e;
    },
  ));
}
