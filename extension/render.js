// @ts-check
// Paints the core's view (src/view.rs) in the in-page panel, the popup and the diagnosis page;
// decides nothing. A classic script (content scripts cannot import). Text only, no innerHTML.
(() => {
  if (globalThis.GatewayDoctorRender) return;
  const { msg, clip } = globalThis.GatewayDoctorFormat;

  /** @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag @param {Record<string, unknown>} [attrs] @param {...(Node | string | null | undefined | false)} children
   * @returns {HTMLElementTagNameMap[K]} */
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
  /** @param {{ key: string, params?: GdParams } | null | undefined} m */
  const say = (m) => (m ? msg(m.key, m.params) : '');

  /** Runs `fn` on the person's click only (a page script cannot press it). @param {string} action @param {string} text @param {(b: HTMLButtonElement) => unknown} fn @param {string} [cls] */
  function button(action, text, fn, cls = 'gd-button') {
    const b = el('button', { type: 'button', class: cls, 'data-action': action, text });
    b.addEventListener('click', (ev) => {
      if (ev.isTrusted) fn(b);
    });
    return b;
  }

  /** @param {GdChainNode[] | undefined} chain */
  function chainList(chain) {
    const list = el('ol', { class: 'gd-chain', 'data-gd': 'chain', 'aria-label': msg('ui_chain_title') || 'Who broke' });
    for (const n of (chain || []).slice(0, 6)) {
      const state = CSS_ESCAPE(n.state);
      const mark = { working: '✓', failed: '✕', limiting: '⏸', later: '⏸', blocked: '⊘' }[state] || '?';
      list.append(
        el('li', { class: 'gd-node', 'data-node': n.id, 'data-state': state },
          el('span', { class: 'gd-node-mark', 'aria-hidden': 'true', text: mark }),
          el('span', { class: 'gd-node-label', text: msg(n.key) || n.id }),
          n.name && el('span', { class: 'gd-node-name', text: clip(n.name, 60) }),
          el('span', { class: 'gd-node-state', text: msg('ui_chain_' + state) || n.state })),
      );
    }
    return list;
  }

  /** navigator.clipboard in a secure context; elsewhere (an http page) the `copy` command,
   * whose event the page could rewrite: our capture listener writes last and stops it, and if
   * a page listener stopped it first nothing is claimed copied. @param {string} text @param {Element} near */
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
    const ta = el('textarea', { readonly: true, style: 'position: fixed; opacity: 0; pointer-events: none;' });
    ta.value = text;
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

  /** `onAction(action, step)` runs a click: its GdResult goes to the status line.
   * @param {Element} container @param {GdView} view @param {GdOnAction} onAction @param {GdRenderOptions} [options] */
  function render(container, view, onAction, options = {}) {
    const d = view.diagnosis;
    const panel = view.panel || { primary: [{ type: 'retry' }], steps: [], more: [] };
    const root = el('section', { 'data-gd': 'panel', class: 'gd-panel', role: 'region', 'aria-label': msg('ext_name') || 'Gateway Doctor' });

    const tools = el('span', { class: 'gd-tools' });
    /** @param {string} action @param {string} label @param {string} text @param {(() => void) | undefined} fn @param {string} [hint] */
    const tool = (action, label, text, fn, hint) => {
      const b = button(action, text, () => fn?.(), 'gd-tool');
      b.setAttribute('aria-label', label);
      b.title = hint ? `${label} (${hint})` : label;
      tools.append(b);
    };
    if (options.minimise) {
      tool('restore', msg('ui_restore') || 'Show', '▢', options.restore);
      tool('minimise', msg('ui_minimise') || 'Minimise', '–', options.minimise, msg('ui_escape_hint'));
    }
    if (options.move) tool('move', msg('ui_move') || 'Move', '⇄', options.move);
    if (options.close) tool('close', msg('ui_close') || 'Close', '×', options.close);
    const brand = el('p', { class: 'gd-brand', 'data-gd': 'brand' },
      el('span', { class: 'gd-logo', 'aria-hidden': 'true', text: '+' }),
      el('span', { text: msg('ext_name') || 'Gateway Doctor' }),
      panel.status && el('span', { class: 'gd-code', 'data-gd': 'status', text: say(panel.status) }));
    root.append(el('header', { class: 'gd-head' }, brand, tools));
    root.append(el('h2', { 'data-gd': 'headline', class: 'gd-headline', text: say(panel.headline ?? view.advice?.summary) || d.error || d.cause }));
    root.append(chainList(panel.chain));

    const status = el('p', { class: 'gd-message', 'data-gd': 'message', role: 'status', 'aria-live': 'polite' });
    /** @param {GdResult} r */
    function report(r) {
      status.textContent = r.messageKey ? msg(r.messageKey, r.params || {}) : '';
      status.dataset.ok = r.ok ? 'true' : 'false';
    }
    if (options.message) report(options.message);
    /** Where the clipboard refused (a page that stops the copy event, no clipboard): the text
     * shown beside the status line, selected, for the person to copy by hand. @param {string} text */
    function showToCopy(text) {
      root.querySelector('[data-gd="copy-text"]')?.remove();
      const box = el('textarea', { class: 'gd-copy-text', 'data-gd': 'copy-text', readonly: true, rows: 6, spellcheck: 'false', 'aria-label': msg('ui_copy_failed') });
      box.value = text;
      status.after(box);
      box.focus({ preventScroll: true });
      box.select();
    }
    /** @param {string} text @param {string} done the message when copied */
    const copy = (text, done) => copyText(text, root).then((ok) => {
      if (!ok) showToCopy(text);
      return /** @type {GdResult} */ ({ ok, messageKey: ok ? done : 'ui_copy_failed' });
    });

    /** @param {GdAction} action @param {GdStep | null | undefined} step @param {HTMLButtonElement} b */
    async function run(action, step, b) {
      status.textContent = '';
      b.disabled = true;
      try {
        /** @type {GdResult} */
        let r;
        if (action.type === 'copy') r = await copy(String(action.text || ''), 'ui_copied');
        else r = (await onAction(action, step)) || { ok: true };
        if (r.messageKey) report(r);
        else status.dataset.ok = r.ok ? 'true' : 'false';
        if (r.view) autoBlock.draw(r.view);
      } catch (e) {
        report({ ok: false, messageKey: 'ui_action_failed', params: { error: clip(/** @type {Error} */ (e)?.message || e) } });
      } finally {
        b.disabled = false;
      }
    }

    /** The core's words (`label`); the shell's own buttons are named by their type.
     * @param {GdAction} action @param {GdStep | null | undefined} step @param {boolean} [primary] */
    function actionButton(action, step, primary) {
      const label = msg(action.label || 'ui_action_' + action.type.replace(/-/g, '_'), action) || action.type;
      return button(action.type, label, (b) => run(action, step, b), primary ? 'gd-button gd-primary' : 'gd-button');
    }

    const buttons = el('div', { class: 'gd-buttons', 'data-gd': 'buttons' }, ...panel.primary.map((a) => actionButton(a, null, a.type === 'retry')));
    const autoBlock = retryWatchBlock(view, onAction, run);
    root.append(buttons, autoBlock.element, status);

    const refs = el('div', { class: 'gd-refs', 'data-gd': 'references', role: 'group', 'aria-label': msg('ui_references') || "For the site's support" });
    for (const r of (panel.references || []).slice(0, 5)) {
      refs.append(el('p', { class: 'gd-ref' }, el('span', { text: `${clip(r.label, 60)}: ` }), el('code', { 'data-gd': 'reference', text: clip(r.value, 128) })));
    }
    const text = panel.report;
    if (text) {
      refs.append(button('copy-report', msg('ui_copy_report') || 'Copy report', () => copy(text, 'ui_copied_report').then(report)));
    }
    root.append(refs);

    /** @param {GdStep[]} list @param {number} start */
    const stepList = (list, start) => {
      const ol = el('ol', { class: 'gd-steps', start: start > 1 ? String(start) : undefined, 'data-gd': start > 1 ? undefined : 'steps', 'aria-label': start > 1 ? undefined : msg('ui_steps') || 'What you can do' });
      for (const s of list) {
        // its own button, or the one asking for the permission it needs (where one may ask)
        const act = s.action ?? (s.ask && !options.noPermissions ? { type: s.ask, permission: s.askPermission } : null);
        ol.append(el('li', { 'data-step': s.id },
          el('span', { class: 'gd-step-text', text: msg(s.key ?? '', s.params || {}) || s.id }),
          s.params?.command ? ' ' : null, s.params?.command ? el('code', { text: clip(s.params.command) }) : null,
          act && ' ', act && actionButton(act, s)));
      }
      return ol;
    };
    if (panel.steps.length) {
      // Folded over a page (the panel stays small); open on our own pages.
      const box = el('details', { class: 'gd-more', 'data-gd': 'show-steps', open: !options.compact },
        el('summary', { 'data-action': 'show-steps', text: msg('ui_show_steps') || 'What you can do' }), stepList(panel.steps, 1));
      if (panel.more.length) {
        box.append(el('details', { class: 'gd-more', 'data-gd': 'more' },
          el('summary', { 'data-action': 'more', text: msg('ui_more_steps', { count: panel.more.length }) }),
          stepList(panel.more, panel.steps.length + 1)));
      }
      root.append(box);
    }

    const disabled = (view.disabledByUs || []).slice(0, 10);
    if (disabled.length) {
      root.append(el('ul', { class: 'gd-steps gd-disabled', 'data-gd': 'disabled' },
        ...disabled.map((e) => el('li', { 'data-extension': e.id },
          el('span', { text: msg('ui_extension_is_off', { name: clip(e.name, 80) }) }), ' ',
          actionButton({ type: 'enable-extension', id: e.id, permission: 'management' }, null)))));
    }

    const facts = [...(panel.facts || []).map(say), clip(d.url, 500),
      `${d.method} · ${d.cause} · ${msg('ui_confidence', { percent: Math.round((d.confidence || 0) * 100) })}`,
      ...[...(d.evidence || []).slice(0, 8), ...(d.gateway?.evidence || []).slice(0, 8)].map((e) => clip(e))];
    root.append(el('details', { class: 'gd-details', 'data-gd': 'details' },
      el('summary', { 'data-action': 'details', text: msg('ui_details') || 'Details' }),
      el('ul', {}, ...facts.filter(Boolean).map((f) => el('li', { text: f })))));

    container.replaceChildren(root);
    if (options.ask) {
      /** @type {HTMLButtonElement | null} */
      const b = root.querySelector(`button[data-action="${CSS_ESCAPE(options.ask)}"]`);
      if (b) {
        // It may be under "More": open what holds it.
        for (let e = b.parentElement; e && e !== root; e = e.parentElement) if (e.localName === 'details') e.setAttribute('open', '');
        report({ ok: true, messageKey: options.askKey || 'ui_permission_click_again', params: { ...options.askParams, button: b.textContent } });
        b.focus();
      }
    }
    return root;
  }

  /** The retry line (a countdown, or why there is none) and the watch line; `draw(view)`
   * paints a fresh view's. @param {GdView} view @param {GdOnAction} onAction @param {(action: GdAction, step: null, b: HTMLButtonElement) => Promise<void>} run */
  function retryWatchBlock(view, onAction, run) {
    const box = el('div', { class: 'gd-auto', 'data-gd': 'auto' });
    /** @type {ReturnType<typeof setInterval> | undefined} */
    let timer;
    let polls = 0;
    /** @param {string} type @param {string} label */
    const act = (type, label) => button(type, label, (b) => run({ type }, null, b));

    /** @param {GdView} v */
    function draw(v) {
      clearInterval(timer);
      box.replaceChildren();
      const { retry: r, retryKind, watch: w, offerWatch } = v.panel || {};
      if (r && retryKind === 'countdown') {
        const text = el('span', { 'data-gd': 'countdown-text' });
        box.append(el('p', { class: 'gd-countdown', 'data-gd': 'countdown' }, text, ' ', act('cancel-auto-retry', msg('ui_retry_cancel') || 'Cancel')));
        // The background's clock and this page's may differ: count from its `now`.
        const due = Number(r.params.due) + (Date.now() - Number(v.now || Date.now()));
        let ticks = 0;
        let polledAt = 0;
        const tick = () => {
          if (++ticks > 8 && !box.isConnected) return clearInterval(timer);
          const left = Math.max(0, Math.ceil((due - Date.now()) / 1000));
          text.textContent = msg(left > 0 ? r.key : 'ui_retry_now', { ...r.params, seconds: left });
          // Due and not gone (deferred by the site's budget, or under way): ask again, bounded.
          if (left === 0 && Date.now() - due > 2500 && Date.now() - polledAt > 2000 && polls++ < 40) {
            polledAt = Date.now();
            onAction({ type: 'retry-status' }).then((x) => x?.view && box.isConnected && draw(x.view), () => {});
          }
        };
        tick();
        timer = setInterval(tick, 250);
      } else if (r) {
        box.append(el('p', { class: 'gd-note', 'data-gd': retryKind || 'auto-off', text: say(r) }));
      }
      if (w) box.append(el('p', { class: 'gd-note', 'data-gd': 'watching' }, el('span', { text: say(w) }), ' ', act('cancel-watch', msg('ui_watch_cancel') || 'Stop watching')));
      else if (offerWatch) box.append(el('p', { class: 'gd-note', 'data-gd': 'watch' }, act('watch', msg('ui_action_watch') || "Notify me when it's back")));
    }
    draw(view);
    return { element: box, draw };
  }

  /** The popup's watched sites. @param {Element} container @param {GdWatchListItem[]} watches @param {(origin: string) => void} onCancel */
  function renderWatches(container, watches, onCancel) {
    container.replaceChildren();
    if (!watches?.length) return;
    container.append(el('section', { class: 'gd-panel gd-watches', 'data-gd': 'watches' },
      el('h2', { class: 'gd-headline', text: msg('ui_watch_list_title') || 'Waiting for sites' }),
      el('ul', { class: 'gd-steps' }, ...watches.slice(0, 50).map((w) => el('li', { 'data-origin': w.origin },
        el('span', { text: msg('ui_watch_list_item', { host: w.host, tabs: w.tabs }) || w.host }), ' ',
        button('cancel-site-watch', msg('ui_watch_cancel') || 'Stop watching', () => onCancel(w.origin)))))));
  }

  globalThis.GatewayDoctorRender = { render, renderWatches };
})();
