// @ts-check
// The shell's one message formatter: a _locales message with `{name}` placeholders filled from
// the core's parameters. A classic script setting GatewayDoctorFormat: the pages load it before
// render.js, the build puts it into the panel script, the background imports it.
(() => {
  if (globalThis.GatewayDoctorFormat) return;

  /** `s` as text of at most `n` characters (an ellipsis where it was cut).
   * @param {unknown} s @param {number} [n] */
  function clip(s, n = 300) {
    const t = String(s ?? '');
    return t.length > n ? t.slice(0, n - 1) + '…' : t;
  }

  /** The message `key` with `{name}` filled from `params`: lists joined, each value clipped, a
   * missing one empty; `{name}` may also be the message named by `params[name + 'Key']` (the
   * core's role, culprit); `until` (ms since 1970) is a time of day. '' for an unknown key.
   * @param {string} key @param {Record<string, unknown>} [params] @returns {string} */
  function msg(key, params = {}) {
    let text = '';
    try {
      text = chrome.i18n.getMessage(key) || '';
    } catch {
      text = '';
    }
    return text.replace(/\{(\w+)\}/g, (_, name) => {
      const v = params[name];
      const k = params[name + 'Key'];
      if (v === undefined || v === null) return typeof k === 'string' ? msg(k) : '';
      if (name === 'until' && typeof v === 'number') {
        try {
          return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(v));
        } catch {
          return '';
        }
      }
      return clip(Array.isArray(v) ? v.join(', ') : String(v));
    });
  }

  globalThis.GatewayDoctorFormat = Object.freeze({ msg, clip });
})();
