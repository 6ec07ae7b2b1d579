// @ts-check
// The shell's one message formatter: a message from _locales with `{name}` placeholders filled
// from parameters (the core's views give each piece a key and its parameters). A classic
// script that sets the global GatewayDoctorFormat, so that every context has the same one:
// the extension's pages load it before render.js, the build puts it before render.js in the
// injected panel script (tools/panel-script.mjs), the background imports it.
(() => {
  if (globalThis.GatewayDoctorFormat) return;

  /** What a parameter may be cut to: the page's own words go into messages. */
  const MAX_TEXT = 300;

  /** `s` as text of at most `n` characters (an ellipsis where it was cut).
   * @param {unknown} s
   * @param {number} [n] */
  function clip(s, n = MAX_TEXT) {
    const t = String(s ?? '');
    return t.length > n ? t.slice(0, n - 1) + '…' : t;
  }

  /** The message `key` of the browser's language with `{name}` filled from `params` (lists
   * joined, each value clipped; a missing one is left empty); '' for an unknown key.
   * @param {string} key
   * @param {Record<string, unknown>} [params] */
  function msg(key, params = {}) {
    let text = '';
    try {
      text = chrome.i18n.getMessage(key) || '';
    } catch {
      text = '';
    }
    return text.replace(/\{(\w+)\}/g, (_, name) => {
      const v = params[name];
      if (v === undefined || v === null) return '';
      return clip(Array.isArray(v) ? v.join(', ') : String(v));
    });
  }

  globalThis.GatewayDoctorFormat = Object.freeze({ msg, clip });
})();
