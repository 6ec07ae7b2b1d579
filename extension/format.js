// @ts-check
// The shell's one message formatter: a classic script (the panel script has it too).
(() => {
  if (globalThis.GatewayDoctorFormat) return;

  /** @param {unknown} s @param {number} [n] */
  function clip(s, n = 300) {
    const t = String(s ?? '');
    return t.length > n ? t.slice(0, n - 1) + '…' : t;
  }

  /** `{name}` from `params` (lists joined, clipped), else the message `params[name + 'Key']`;
   * `until` (ms since 1970) as a time of day. @param {string} key @param {Record<string, unknown>} [params] @returns {string} */
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
