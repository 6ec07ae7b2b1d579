// @ts-check
// Renders a diagnosis and its advice: the same markup and styles in the in-page panel (inside
// a shadow root), the toolbar popup and the extension's diagnosis page. A classic script, so
// that content scripts can load it too. Everything from the failing site (URL, headers, page
// text) goes into the DOM as text only: no innerHTML anywhere.
(() => {
  if (globalThis.GatewayDoctorRender) return;

  // The one message formatter (format.js, loaded before this script).
  const { msg, clip } = globalThis.GatewayDoctorFormat;

  /** The chain (src/view.rs `chain`): who broke, as a list a screen reader reads as text.
   * @param {GdChainNode[] | undefined} chain */
  function chainList(chain) {
    const list = el('ol', { class: 'gd-chain', 'data-gd': 'chain', 'aria-label': msg('ui_chain_title') || 'Who broke' });
    for (const n of (chain || []).slice(0, 6)) {
      const li = el('li', { class: 'gd-node', 'data-node': n.id, 'data-state': CSS_ESCAPE(n.state) });
      li.append(el('span', { class: 'gd-node-mark', 'aria-hidden': 'true', text: n.state === 'working' ? '✓' : n.state === 'failed' ? '✕' : '?' }));
      li.append(el('span', { class: 'gd-node-label', text: msg(n.key) || n.id }));
      if (n.name) li.append(el('span', { class: 'gd-node-name', text: clip(n.name, 60) }));
      li.append(el('span', { class: 'gd-node-state', text: msg('ui_chain_' + CSS_ESCAPE(n.state)) || n.state }));
      list.append(li);
    }
    return list;
  }

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag @param {Record<string, unknown>} [attrs] @param {...(Node | string | null | undefined | false)} children
   * @returns {HTMLElementTagNameMap[K]}
   */
  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') e.textContent = String(v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  /** @param {string} s */
  const CSS_ESCAPE = (s) => String(s).replace(/[^a-z0-9-]/gi, '');

  /** @param {string} id */
  function stepKey(id) {
    return 'step_' + String(id).replace(/-/g, '_');
  }

  /** @param {GdView} view */
  function headline(view) {
    const d = view.diagnosis;
    const s = view.advice?.summary;
    const params = { ...(s?.params || {}) };
    params.status ??= d.statusCode ?? '';
    params.statusText ??= d.statusText ?? '';
    params.gateway ??= d.gateway?.name ?? '';
    params.host ??= d.host ?? '';
    const text = s ? msg(s.key, params) : '';
    if (text) return text;
    if (d.statusCode) return msg('ui_summary_status', params) || `${d.statusCode} ${d.statusText || ''}`;
    return msg('ui_summary_error', { error: d.error || d.cause }) || String(d.error || d.cause);
  }

  /** @param {GdDiagnosis} d */
  function facts(d) {
    const out = [];
    if (d.statusCode) out.push(msg('ui_fact_status', { status: d.statusCode, statusText: d.statusText || '' }));
    else if (d.error) out.push(msg('ui_fact_error', { error: d.error }));
    if (d.gateway) {
      const g = d.gateway;
      out.push(
        msg('ui_fact_gateway', {
          gateway: g.version ? `${g.name} ${g.version}` : g.name,
          role: msg('ui_role_' + String(g.role).replace(/-/g, '_')) || g.role,
        }),
      );
    }
    out.push(msg('ui_fact_culprit', { culprit: msg('ui_culprit_' + d.culprit) || d.culprit }));
    return out.filter(Boolean);
  }

  /** Where a link goes, for its label: the host of a web address, else the address.
   * @param {GdAction} action */
  function where(action) {
    if (action.type !== 'open-url') return '';
    try {
      const u = new URL(String(action.url));
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.host;
    } catch {
      // not a URL: show it as it is
    }
    return clip(action.url, 60);
  }

  /** Copies text after the person's click, from the script's own context (the extension's
   * page, or the content script's isolated world): navigator.clipboard where the page is a
   * secure context. Elsewhere (a content script on an http page, where it is missing) the
   * `copy` command, whose event the page could see and rewrite: our listener on `window`,
   * capture phase, writes the text last and stops the event there, so no page listener runs
   * after it; if a page listener stopped the event before it, nothing is claimed copied.
   * @param {string} text @param {Element} near */
  async function copyText(text, near) {
    try {
      if (navigator.clipboard && globalThis.isSecureContext) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch {
      // fall back below
    }
    let wrote = false;
    /** @param {ClipboardEvent} ev */
    const put = (ev) => {
      if (!ev.clipboardData) return;
      ev.clipboardData.setData('text/plain', text);
      ev.preventDefault();
      ev.stopImmediatePropagation();
      wrote = true;
    };
    addEventListener('copy', put, true);
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.setAttribute('style', 'position: fixed; opacity: 0; pointer-events: none;');
    near.append(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    removeEventListener('copy', put, true);
    ta.remove();
    return ok && wrote;
  }

  /**
   * Renders `view` ({diagnosis, advice}) into `container`. `onAction(action, step)` runs a
   * click and resolves to {ok, messageKey?, params?}; its message is shown in the status line.
   * `options.close` adds a close button that calls it.
   * @param {Element} container @param {GdView} view @param {GdOnAction} onAction @param {GdRenderOptions} [options]
   */
  function render(container, view, onAction, options = {}) {
    const d = view.diagnosis;
    const steps = view.advice?.steps || [];
    const root = el('section', { 'data-gd': 'panel', class: 'gd-panel', role: 'region', 'aria-label': msg('ext_name') || 'Gateway Doctor' });

    const panel = view.panel || { primary: [{ type: 'retry' }], steps: [], more: [] };
    // The branded bar: who speaks (it is not part of the site), the answer's status, and
    // the panel's own controls (minimise, move, close) where the content script gives them.
    const head = el('header', { class: 'gd-head' });
    const brand = el('p', { class: 'gd-brand', 'data-gd': 'brand' });
    brand.append(el('span', { class: 'gd-logo', 'aria-hidden': 'true', text: '+' }), el('span', { text: msg('ext_name') || 'Gateway Doctor' }));
    if (panel.status) brand.append(el('span', { class: 'gd-code', 'data-gd': 'status', text: msg(panel.status.key, panel.status.params) }));
    head.append(brand);
    const tools = el('span', { class: 'gd-tools' });
    /** @param {string} action @param {string} label @param {string} text @param {(() => void) | undefined} fn @param {string} [hint] */
    const tool = (action, label, text, fn, hint) => {
      const b = el('button', { type: 'button', class: 'gd-tool', 'data-action': action, 'aria-label': label, title: hint ? `${label} (${hint})` : label, text });
      b.addEventListener('click', (ev) => {
        if (ev.isTrusted) fn?.();
      });
      tools.append(b);
    };
    if (options.minimise) {
      tool('restore', msg('ui_restore') || 'Show', '▢', options.restore);
      tool('minimise', msg('ui_minimise') || 'Minimise', '–', options.minimise, msg('ui_escape_hint'));
    }
    if (options.move) tool('move', msg('ui_move') || 'Move', '⇄', options.move);
    if (options.close) tool('close', msg('ui_close') || 'Close', '×', options.close);
    head.append(tools);
    root.append(head);
    root.append(el('h2', { 'data-gd': 'headline', class: 'gd-headline', text: headline(view) }));
    root.append(chainList(panel.chain));

    const status = el('p', { class: 'gd-message', 'data-gd': 'message', role: 'status', 'aria-live': 'polite' });

    /** @param {GdResult} r */
    function say(r) {
      status.textContent = r.messageKey ? msg(r.messageKey, r.params || {}) : '';
      status.dataset.ok = r.ok ? 'true' : 'false';
    }
    if (options.message) say(options.message);

    /** @param {GdAction} action @param {GdStep | null | undefined} step @param {HTMLButtonElement} button */
    async function run(action, step, button) {
      status.textContent = '';
      button.disabled = true;
      try {
        const r =
          action.type === 'copy'
            ? (await copyText(String(action.text || ''), root))
              ? { ok: true, messageKey: 'ui_copied' }
              : { ok: false, messageKey: 'ui_copy_failed' }
            : (await onAction(action, step)) || { ok: true };
        if (r.messageKey) status.textContent = msg(r.messageKey, r.params || {});
        if (r.extras) autoBlock?.draw(r.extras);
        status.dataset.ok = r.ok ? 'true' : 'false';
      } catch (e) {
        status.textContent = msg('ui_action_failed', { error: clip(/** @type {Error} */ (e)?.message || e) });
        status.dataset.ok = 'false';
      } finally {
        button.disabled = false;
      }
    }

    /** @param {GdAction} action @param {GdStep | null | undefined} step @param {boolean} primary */
    function actionButton(action, step, primary) {
      const label = msg('ui_action_' + action.type.replace(/-/g, '_'), { ...(step?.params || {}), ...action, where: where(action) }) || action.type;
      const b = el('button', { type: 'button', class: primary ? 'gd-button gd-primary' : 'gd-button', 'data-action': action.type, text: label });
      b.addEventListener('click', (ev) => {
        // Only a person's click: a page script cannot press our buttons.
        if (!ev.isTrusted) return;
        run(action, step, b);
      });
      return b;
    }

    // The core's view (src/view.rs): its primary actions, steps and "more", painted as they are.
    const buttons = el('div', { class: 'gd-buttons', 'data-gd': 'buttons' });
    for (const a of panel.primary) {
      buttons.append(actionButton(a, steps.find((s) => s.action?.type === a.type), a.type === 'retry'));
    }
    // Auto-retry countdown and watch (issue 5): see retryWatchBlock below.
    const autoBlock = retryWatchBlock(view, onAction, say);
    root.append(buttons, autoBlock.element, status);

    // What the site's support asks for, visible without expanding, and the report to copy.
    const refs = el('div', { class: 'gd-refs', 'data-gd': 'references', role: 'group', 'aria-label': msg('ui_references') || 'For the site\'s support' });
    for (const r of (panel.references || []).slice(0, 5)) {
      refs.append(el('p', { class: 'gd-ref' }, el('span', { text: `${clip(r.label, 60)}: ` }), el('code', { 'data-gd': 'reference', text: clip(r.value, 128) })));
    }
    const report = panel.report;
    if (report) {
      const b = el('button', { type: 'button', class: 'gd-button', 'data-action': 'copy-report', text: msg('ui_copy_report') || 'Copy report' });
      b.addEventListener('click', (ev) => {
        if (!ev.isTrusted) return;
        copyText(report, root).then((ok) => say({ ok, messageKey: ok ? 'ui_copied_report' : 'ui_copy_failed' }));
      });
      refs.append(b);
    }
    root.append(refs);

    if (panel.steps.length) {
      /** @param {GdStep} s */
      const stepItem = (s) => {
        const li = el('li', { 'data-step': s.id });
        li.append(el('span', { class: 'gd-step-text', text: msg(s.key ?? '', s.params || {}) || msg(stepKey(s.id), s.params || {}) || s.id }));
        if (s.params?.command) li.append(' ', el('code', { text: clip(s.params.command) }));
        if (s.action) li.append(' ', actionButton(s.action, s, false));
        // A button that asks for the permission this step needs (not where none may be asked).
        else if (s.ask && !options.noPermissions) li.append(' ', actionButton({ type: s.ask }, s, false));
        return li;
      };
      const first = panel.steps;
      const rest = panel.more;
      const list = el('ol', { class: 'gd-steps', 'data-gd': 'steps', 'aria-label': msg('ui_steps') || 'What you can do' });
      for (const s of first) list.append(stepItem(s));
      // Over a page the steps are folded (the panel stays small); on our own pages, open.
      const stepsBox = el('details', { class: 'gd-more', 'data-gd': 'show-steps', open: !options.compact });
      stepsBox.append(el('summary', { 'data-action': 'show-steps', text: msg('ui_show_steps') || 'What you can do' }), list);
      root.append(stepsBox);
      if (rest.length) {
        // Three steps, then "More" (closed everywhere: the popup and our own pages too).
        const more = el('details', { class: 'gd-more', 'data-gd': 'more' });
        more.append(el('summary', { 'data-action': 'more', text: msg('ui_more_steps', { count: rest.length }) }));
        const list2 = el('ol', { class: 'gd-steps', start: String(first.length + 1) });
        for (const s of rest) list2.append(stepItem(s));
        more.append(list2);
        stepsBox.append(more);
      }
    }

    const disabled = view.disabledByUs || [];
    if (disabled.length) {
      const list = el('ul', { class: 'gd-steps gd-disabled', 'data-gd': 'disabled' });
      for (const e of disabled.slice(0, 10)) {
        const li = el('li', { 'data-extension': e.id });
        li.append(el('span', { text: msg('ui_extension_is_off', { name: clip(e.name, 80) }) }), ' ');
        li.append(actionButton({ type: 'enable-extension', id: e.id }, null, false));
        list.append(li);
      }
      root.append(list);
    }

    const details = el('details', { class: 'gd-details', 'data-gd': 'details' });
    details.append(el('summary', { 'data-action': 'details', text: msg('ui_details') || 'Details' }));
    const dl = el('ul', {});
    for (const f of facts(d)) dl.append(el('li', { text: f }));
    dl.append(el('li', { text: clip(d.url, 500) }));
    dl.append(el('li', { text: `${d.method} · ${d.cause} · ${msg('ui_confidence', { percent: Math.round((d.confidence || 0) * 100) })}` }));
    for (const e of (d.evidence || []).slice(0, 8)) dl.append(el('li', { text: clip(e) }));
    for (const e of (d.gateway?.evidence || []).slice(0, 8)) dl.append(el('li', { text: clip(e) }));
    details.append(dl);
    root.append(details);

    container.replaceChildren(root);
    if (options.ask) {
      /** @type {HTMLButtonElement | null} */
      const b = root.querySelector(`button[data-action="${CSS_ESCAPE(options.ask)}"]`);
      if (b) {
        // The button to press again may be under "More": open what holds it.
        for (let e = b.parentElement; e && e !== root; e = e.parentElement) if (e.localName === 'details') e.setAttribute('open', '');
        say({ ok: true, messageKey: options.askKey || 'ui_permission_click_again', params: { ...options.askParams, button: b.textContent } });
        b.focus();
      }
    }
    return root;
  }

  /**
   * The automatic retry ("Retrying in 8 s (attempt 2 of 6)", live, with Cancel), the warning
   * for a request that is not resent on its own, and the watch ("Notify me when it's back", or
   * what is being watched, with Cancel). `draw(extras)` redraws it from a fresh
   * {autoRetry, watching, retryLine}.
   * @param {GdView} view @param {GdOnAction} onAction @param {(r: GdResult) => void} say
   */
  function retryWatchBlock(view, onAction, say) {
    const box = el('div', { class: 'gd-auto', 'data-gd': 'auto' });
    const hasWatchStep = (view.advice?.steps || []).some((s) => s.action?.type === 'watch');
    /** @type {ReturnType<typeof setInterval> | undefined} */
    let timer;
    let polls = 0;
    let host = '';
    try {
      host = new URL(view.url || view.diagnosis?.url).host;
    } catch {
      host = '';
    }

    /** @param {string} type @param {string} label */
    function button(type, label) {
      const b = el('button', { type: 'button', class: 'gd-button', 'data-action': type, text: label });
      b.addEventListener('click', async (ev) => {
        if (!ev.isTrusted) return;
        b.disabled = true;
        try {
          const r = (await onAction({ type })) || { ok: true };
          if (r.messageKey) say(r);
          if (r.extras) draw(r.extras);
        } catch (e) {
          say({ ok: false, messageKey: 'ui_action_failed', params: { error: clip(/** @type {Error} */ (e)?.message || e) } });
        } finally {
          b.disabled = false;
        }
      });
      return b;
    }

    async function poll() {
      // The retry was deferred (the per-site bound) or is under way: ask again, a bounded
      // number of times.
      if (polls++ > 40) return;
      try {
        const r = await onAction({ type: 'retry-status' });
        if (r?.extras && box.isConnected) draw(r.extras);
      } catch {
        // The page is going away.
      }
    }

    /** @param {GdExtras} [extras] */
    function draw(extras = {}) {
      clearInterval(timer);
      timer = undefined;
      box.replaceChildren();
      const a = extras.autoRetry;
      const w = extras.watching;
      // The core's one retry line: a countdown, or the reason there is none.
      const r = extras.retryLine;
      if (r?.key?.startsWith('ui_retry_countdown')) {
        const line = el('p', { class: 'gd-countdown', 'data-gd': 'countdown' });
        const text = el('span', { 'data-gd': 'countdown-text' });
        line.append(text, ' ', button('cancel-auto-retry', msg('ui_retry_cancel') || 'Cancel'));
        box.append(line);
        // The background's clock and this page's may differ: count from its `now`.
        const due = Number(r.params.due) + (Date.now() - Number(a?.now || Date.now()));
        let ticks = 0;
        let polledAt = 0;
        const tick = () => {
          ticks++;
          if (ticks > 8 && !box.isConnected) {
            clearInterval(timer);
            return;
          }
          const left = Math.max(0, Math.ceil((due - Date.now()) / 1000));
          const params = { ...r.params, seconds: left };
          // Under a minute it counts down in seconds; a longer wait is said in words once.
          text.textContent = msg(left > 0 ? r.key : 'ui_retry_now', params);
          if (left === 0 && Date.now() - due > 2500 && Date.now() - polledAt > 2000) {
            polledAt = Date.now();
            poll();
          }
        };
        tick();
        timer = setInterval(tick, 250);
      } else if (r) {
        const gd = r.key === 'ui_retry_resubmit_warning' ? 'resubmit' : 'auto-off';
        box.append(el('p', { class: 'gd-note', 'data-gd': gd, text: msg(r.key, r.params) }));
      }
      if (w) {
        const line = el('p', { class: 'gd-note', 'data-gd': 'watching' });
        line.append(el('span', { text: msg(w.notify ? 'ui_watch_active_notify' : 'ui_watch_active', { host }) }), ' ');
        line.append(button('cancel-watch', msg('ui_watch_cancel') || 'Stop watching'));
        box.append(line);
      } else if (!hasWatchStep) {
        const line = el('p', { class: 'gd-note', 'data-gd': 'watch' });
        line.append(button('watch', msg('ui_action_watch') || "Notify me when it's back"));
        box.append(line);
      }
    }

    draw({ autoRetry: view.autoRetry, watching: view.watching, retryLine: view.retryLine });
    return { element: box, draw };
  }

  /** The popup's list of sites being watched, each with Cancel.
   * @param {Element} container @param {GdWatchListItem[]} watches @param {(origin: string) => void} onCancel */
  function renderWatches(container, watches, onCancel) {
    container.replaceChildren();
    if (!watches?.length) return;
    const box = el('section', { class: 'gd-panel gd-watches', 'data-gd': 'watches' });
    box.append(el('h2', { class: 'gd-headline', text: msg('ui_watch_list_title') || 'Waiting for sites' }));
    const list = el('ul', { class: 'gd-steps' });
    for (const w of watches.slice(0, 50)) {
      let host = w.origin;
      try {
        host = new URL(w.url).host;
      } catch {
        // keep the origin
      }
      const li = el('li', { 'data-origin': w.origin });
      li.append(el('span', { text: msg('ui_watch_list_item', { host, tabs: w.tabs }) || host }), ' ');
      const b = el('button', { type: 'button', class: 'gd-button', 'data-action': 'cancel-site-watch', text: msg('ui_watch_cancel') || 'Stop watching' });
      b.addEventListener('click', (ev) => {
        if (ev.isTrusted) onCancel(w.origin);
      });
      li.append(b);
      list.append(li);
    }
    box.append(list);
    container.append(box);
  }

  const CSS = `
:host, .gd-root { all: initial; }
.gd-panel {
  --gd-bg: #ffffff; --gd-fg: #1b1b1f; --gd-muted: #4a4a55; --gd-accent: #0b57d0; --gd-accent-fg: #ffffff;
  --gd-border: #c4c7c5; --gd-bad: #b3261e; --gd-good: #146c2e; --gd-code: #f1f3f4;
  box-sizing: border-box; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--gd-fg); background: var(--gd-bg); border: 1px solid var(--gd-border); border-radius: 10px;
  padding: 14px 16px; max-width: 34rem; text-align: start;
}
@media (prefers-color-scheme: dark) {
  .gd-panel { --gd-bg: #1f1f23; --gd-fg: #e6e6ea; --gd-muted: #c0c0c8; --gd-accent: #a8c7fa; --gd-accent-fg: #0b1d3a;
    --gd-border: #5a5a63; --gd-bad: #ffb4ab; --gd-good: #8fd19e; --gd-code: #2c2c31; }
}
.gd-panel * { box-sizing: border-box; }
.gd-head { display: flex; align-items: center; gap: 8px; margin: 0 0 6px; }
.gd-brand { display: flex; align-items: center; gap: 6px; margin: 0; flex: 1; font-size: 13px; font-weight: 600; color: var(--gd-muted); }
.gd-logo { display: inline-grid; place-items: center; width: 18px; height: 18px; border-radius: 5px; background: var(--gd-accent); color: var(--gd-accent-fg); font-weight: 700; line-height: 1; }
.gd-code { font-weight: 400; border: 1px solid var(--gd-border); border-radius: 4px; padding: 0 5px; }
.gd-tools { display: flex; gap: 2px; }
.gd-tool { background: none; border: none; color: var(--gd-muted); font: inherit; font-size: 18px; cursor: pointer; line-height: 1; padding: 2px 6px; border-radius: 4px; min-width: 28px; min-height: 28px; }
.gd-tool[data-action="restore"] { display: none; }
.gd-tool:focus-visible, .gd-more summary:focus-visible { outline: 2px solid var(--gd-accent); outline-offset: 2px; }
.gd-min .gd-panel > :not(.gd-head) { display: none; }
.gd-min .gd-tool[data-action="restore"] { display: inline-block; }
.gd-min .gd-tool[data-action="minimise"] { display: none; }
.gd-headline { font-size: 16px; font-weight: 600; margin: 0 0 8px; color: var(--gd-fg); }
.gd-chain { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; margin: 0 0 8px; padding: 0; font-size: 12px; }
.gd-node { display: grid; grid-template-columns: auto 1fr; column-gap: 4px; flex: 1 1 6.5rem; min-width: 6.5rem; border: 1px solid var(--gd-border); border-radius: 6px; padding: 4px 6px; position: relative; }
.gd-node + .gd-node::before { content: "→"; position: absolute; inset-inline-start: -12px; top: 30%; color: var(--gd-muted); font-size: 11px; }
.gd-node-mark { grid-row: span 3; font-weight: 700; }
.gd-node-label { font-weight: 600; }
.gd-node-name, .gd-node-state { grid-column: 2; color: var(--gd-muted); overflow-wrap: anywhere; }
.gd-node[data-state="working"] .gd-node-mark, .gd-node[data-state="working"] .gd-node-state { color: var(--gd-good); }
.gd-node[data-state="failed"] { border-color: var(--gd-bad); }
.gd-node[data-state="failed"] .gd-node-mark, .gd-node[data-state="failed"] .gd-node-state { color: var(--gd-bad); font-weight: 600; }
.gd-refs { font-size: 12px; color: var(--gd-muted); margin: 4px 0; }
.gd-ref { margin: 2px 0; overflow-wrap: anywhere; }
.gd-ref code { background: var(--gd-code); color: var(--gd-fg); padding: 1px 4px; border-radius: 4px; font: 12px ui-monospace, monospace; }
.gd-refs .gd-button { padding: 2px 8px; margin-top: 2px; }
.gd-close { background: none; border: none; color: var(--gd-muted); font-size: 20px; cursor: pointer; line-height: 1; padding: 2px 6px; border-radius: 4px; }
.gd-facts { margin: 0 0 10px; padding: 0; list-style: none; color: var(--gd-muted); font-size: 13px; }
.gd-buttons { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0; }
.gd-button { font: inherit; font-size: 13px; padding: 6px 12px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--gd-accent); background: transparent; color: var(--gd-accent); }
.gd-button.gd-primary { background: var(--gd-accent); color: var(--gd-accent-fg); }
.gd-button:disabled { opacity: .6; cursor: progress; }
.gd-button:focus-visible, .gd-close:focus-visible, .gd-details summary:focus-visible { outline: 2px solid var(--gd-accent); outline-offset: 2px; }
.gd-message { min-height: 1em; margin: 4px 0; font-size: 13px; }
.gd-message[data-ok="false"] { color: var(--gd-bad); }
.gd-message[data-ok="true"] { color: var(--gd-good); }
.gd-steps { margin: 8px 0; padding-inline-start: 20px; }
.gd-steps li { margin: 4px 0; }
.gd-steps .gd-button { padding: 2px 8px; margin-inline-start: 4px; }
.gd-steps code { background: var(--gd-code); padding: 1px 4px; border-radius: 4px; font: 12px ui-monospace, monospace; }
.gd-more summary { cursor: pointer; font-size: 13px; }
.gd-more .gd-more { margin-inline-start: 4px; }
.gd-details { font-size: 12px; color: var(--gd-muted); margin-top: 6px; }
.gd-details summary { cursor: pointer; }
.gd-details ul { padding-inline-start: 18px; margin: 4px 0; word-break: break-all; }
.gd-auto .gd-note, .gd-auto .gd-countdown { margin: 6px 0; font-size: 13px; }
.gd-auto .gd-countdown { font-weight: 600; }
.gd-auto .gd-button { padding: 2px 8px; margin-inline-start: 4px; }
.gd-watches { margin-top: 8px; }
`;

  globalThis.GatewayDoctorRender = { render, renderWatches, msg, CSS };
})();
