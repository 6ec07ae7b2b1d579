// @ts-check
// The in-page panel over a 5xx page (injected with render.js as panel-script.js, maybe before
// the browser replaced the previous page). It shows the view it came with once the HTML is
// parsed, then sends the page's start and when its response arrived (the background tells the
// failing page from the one before) and redraws with the refined answer. A closed shadow root
// on a guarded host: the page can neither read, restyle nor press it.
(() => {
  const HOST_ID = 'gateway-doctor-root';
  const PAGE_TEXT_LIMIT = 4096;
  if (globalThis.__gatewayDoctorPanel) return;
  globalThis.__gatewayDoctorPanel = true;

  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  const RAW = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
  /** @param {string} t */
  const escapeText = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
  /** @param {string} t */
  const escapeAttr = (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

  /** The start of the page's `outerHTML`, serialised only as far as the limit (a page of
   * megabytes costs no more than a small one). */
  function pageText() {
    let out = '';
    /** @param {string} t */
    const emit = (t) => (out += t).length >= PAGE_TEXT_LIMIT;
    /** @param {Node} node @param {boolean} raw @returns {boolean} */
    const walk = (node, raw) => {
      for (let n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === Node.TEXT_NODE) {
          const { data } = /** @type {Text} */ (n);
          if (emit(raw ? data : escapeText(data))) return true;
        } else if (n.nodeType === Node.COMMENT_NODE) {
          if (emit(`<!--${/** @type {Comment} */ (n).data}-->`)) return true;
        } else if (n.nodeType === Node.ELEMENT_NODE && n !== host && visit(/** @type {Element} */ (n))) return true;
      }
      return false;
    };
    /** @param {Element} el @returns {boolean} */
    const visit = (el) => {
      const tag = el.localName;
      let start = `<${tag}`;
      for (const a of el.attributes) start += ` ${a.name}="${escapeAttr(a.value)}"`;
      if (emit(`${start}>`)) return true;
      if (VOID.has(tag)) return false;
      if (walk(tag === 'template' ? /** @type {HTMLTemplateElement} */ (el).content : el, RAW.has(tag))) return true;
      return emit(`</${tag}>`);
    };
    if (document.documentElement) visit(document.documentElement);
    return out.slice(0, PAGE_TEXT_LIMIT);
  }

  /** When this document's response arrived (ms since the epoch), if the browser says. */
  function responseAt() {
    const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType?.('navigation')?.[0]);
    return nav && nav.responseStart > 0 ? performance.timeOrigin + nav.responseStart : undefined;
  }

  // The host is the one element the page can see: inline !important styles (they win over any
  // stylesheet), put back when the page changes them or removes it. A click counts only when
  // it is the person's and the panel has been where we put it, visible, for STEADY_MS: a page
  // that moves, hides or fades it just before a click gets no click. `all: initial` is not
  // !important: the person's stylesheets may still adjust text (axe: avoid-inline-spacing).
  let side = 'right';
  const hostStyle = () => 'all: initial; ' + [
    'position: fixed', 'top: 12px', side === 'right' ? 'right: 12px' : 'left: 12px', side === 'right' ? 'left: auto' : 'right: auto', 'bottom: auto', 'z-index: 2147483647',
    'display: block', 'opacity: 1', 'visibility: visible', 'transform: none', 'translate: none',
    'rotate: none', 'scale: none', 'filter: none', 'clip-path: none', 'mask: none', 'mix-blend-mode: normal',
    'pointer-events: auto', 'margin: 0', 'padding: 0', 'width: auto', 'height: auto', 'min-width: 0',
    'min-height: 0', 'max-width: none', 'max-height: none', 'overflow: visible', 'contain: none',
    'zoom: 1', 'content-visibility: visible',
  ].map((d) => `${d} !important;`).join(' ');
  let HOST_STYLE = hostStyle();
  const STEADY_MS = 400;
  const MAX_PUT_BACK = 30;
  /** @type {HTMLElement | null} */
  let host = null;
  /** @type {HTMLElement | null} */
  let box = null;
  /** @type {MutationObserver | null} */
  let watcher = null;
  let steadySince = 0;
  let steadyTimer = 0;
  let putBack = 0;
  let putBackSince = 0;
  /** @type {DOMRect | null} */
  let rect = null;
  /** Focus goes back here when the panel is minimised or closed. @type {Element | null} */
  let focusBefore = null;

  /** `fn` once after the next frame (at most 100 ms: a background tab draws none): what lays
   * the page out waits, so its first frame has the panel (BENCHMARKS.md 3). @param {() => void} fn */
  function afterFrame(fn) {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      fn();
    };
    requestAnimationFrame(() => setTimeout(run, 0));
    setTimeout(run, 100);
  }

  let unsteadyCount = 0;
  /** The panel was drawn, placed or touched: a click counts STEADY_MS after the frame that shows
   * it where it now is. `data-ready` (in the closed root) says when, for the tests. */
  function unsteady() {
    rect = null;
    box?.removeAttribute('data-ready');
    clearTimeout(steadyTimer);
    const n = ++unsteadyCount;
    afterFrame(() => {
      if (n !== unsteadyCount) return; // a later change reads its own
      steadySince = performance.now();
      rect = host?.isConnected ? host.getBoundingClientRect() : null;
      steadyTimer = setTimeout(() => box?.setAttribute('data-ready', ''), STEADY_MS);
    });
  }

  function steady() {
    if (!host?.isConnected || !rect || performance.now() - steadySince < STEADY_MS) return false;
    const r = host.getBoundingClientRect();
    if (!rect || r.top !== rect.top || r.right !== rect.right || r.width < 1 || r.height < 1 || Math.abs(r.top - 12) > 1) return false;
    if (side === 'right' ? r.right > innerWidth || r.right < innerWidth - 60 : r.left < 0 || r.left > 60) return false;
    // in the top layer no ancestor's style reaches it, but a filter on <html> (Firefox draws it over the top layer too)
    const top = host.matches(':popover-open');
    if (top && getComputedStyle(document.documentElement).filter !== 'none') return false;
    for (let e = /** @type {HTMLElement | null} */ (host); e; e = top ? null : e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.opacity !== '1' || cs.visibility !== 'visible' || cs.display === 'none') return false;
      if (cs.transform !== 'none' || cs.filter !== 'none' || (cs.clipPath && cs.clipPath !== 'none')) return false;
    }
    return true;
  }

  // The host is a child of <html> (not <body>, which the page may hide) and a manual popover
  // in the top layer: no ancestor's opacity, filter, transform, clip-path or overflow reaches
  // it, and it is raised above the page's own popovers and dialogs (docs/architecture.md).
  function place() {
    if (!host) return;
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
    for (const a of [...host.attributes]) if (!['style', 'id', 'popover'].includes(a.name)) host.removeAttribute(a.name);
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    if (host.parentNode !== document.documentElement) document.documentElement?.append(host);
    try {
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
    } catch {
      // not connected, or a page's beforetoggle refused it: fixed and on top of z-index still
    }
    unsteady();
  }

  /** At once, but not in a loop with a page that undoes it: past MAX_PUT_BACK times in a
   * second, once more a second later. */
  function putBackSoon(fn = place) {
    const now = performance.now();
    if (now - putBackSince > 1000) [putBackSince, putBack] = [now, 0];
    if (++putBack <= MAX_PUT_BACK) fn();
    else if (putBack === MAX_PUT_BACK + 1) setTimeout(() => host && fn(), 1000);
  }

  /** @param {Event} ev */
  const onToggle = (ev) => {
    // the page hid ours, or showed its own popover or dialog over it
    const t = /** @type {Element} */ (ev.target);
    const opened = /** @type {ToggleEvent} */ (ev).newState === 'open' && t.matches?.('[popover], dialog');
    if (host && (ev.target === host ? !host.matches(':popover-open') : opened)) putBackSoon();
  };

  function guard() {
    watcher = new MutationObserver(() => {
      // document.open() made a new <html> and erased every listener, the panel's too: anew
      const view = lastView;
      if (host && view && builtIn !== document.documentElement && document.documentElement) {
        return putBackSoon(() => {
          remove();
          shown = '';
          present(view);
        });
      }
      const ok = host?.parentNode === document.documentElement && host.getAttribute('style') === HOST_STYLE && host.attributes.length === 3;
      if (host && !ok) putBackSoon();
    });
    watcher.observe(document, { childList: true, subtree: true });
    if (host) watcher.observe(host, { attributes: true });
    addEventListener('toggle', onToggle, true);
  }

  function giveFocusBack() {
    const f = focusBefore;
    focusBefore = null;
    if (f instanceof HTMLElement && f.isConnected) f.focus({ preventScroll: true });
  }
  function minimise() {
    box?.classList.add('gd-min');
    unsteady();
    giveFocusBack();
  }
  function restore() {
    box?.classList.remove('gd-min');
    unsteady();
    box?.querySelector(/** @type {'button'} */ ('[data-action="minimise"]'))?.focus();
  }
  function move() {
    side = side === 'right' ? 'left' : 'right';
    HOST_STYLE = hostStyle();
    place();
  }
  function remove() {
    giveFocusBack();
    watcher?.disconnect();
    watcher = null;
    removeEventListener('toggle', onToggle, true);
    clearTimeout(steadyTimer);
    host?.remove();
    host = box = null;
  }

  /** The document's <html> the panel was built in, and the view it shows. @type {Element | null} */
  let builtIn = null;
  /** @type {GdView | null} */
  let lastView = null;
  function build() {
    document.getElementById(HOST_ID)?.remove();
    builtIn = document.documentElement;
    host = document.createElement('div');
    host.id = HOST_ID;
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = GatewayDoctorCSS;
    box = document.createElement('div');
    box.className = 'gd-root';
    box.setAttribute('style', 'display: block; box-shadow: 0 4px 24px rgba(0,0,0,.25); border-radius: 10px; max-height: calc(100vh - 24px); width: min(30rem, calc(100vw - 44px)); overflow: auto; overscroll-behavior: contain;');
    shadow.append(style, box);
    shadow.addEventListener('keydown', (/** @type {Event} */ ev) => {
      if (ev.isTrusted && ev instanceof KeyboardEvent && ev.key === 'Escape' && !box?.classList.contains('gd-min')) {
        ev.stopPropagation();
        minimise();
      }
    });
    // Capture, before the panel's listeners: a click not the person's, or before steady, stops.
    shadow.addEventListener('click', (ev) => {
      if (ev.isTrusted && steady()) return;
      ev.stopImmediatePropagation();
      ev.preventDefault();
      if (!ev.isTrusted) return;
      const status = box?.querySelector('[data-gd="message"]');
      if (status) status.textContent = GatewayDoctorFormat.msg('ui_click_again');
      unsteady();
    }, true);
  }

  /** @param {GdView} view */
  function show(view) {
    lastView = view;
    const first = !host;
    if (first) build();
    const root = /** @type {ShadowRoot | null} */ (box?.getRootNode() ?? null);
    const had = Boolean(box && root?.activeElement && box.contains(root.activeElement));
    const opened = [...(box?.querySelectorAll('details[open][data-gd]') ?? [])].map((e) => e.getAttribute('data-gd'));
    GatewayDoctorRender.render(/** @type {HTMLElement} */ (box), view, (action) => chrome.runtime.sendMessage({ type: GatewayDoctorMessages.ACTION, action }), { close: remove, minimise, restore, move, compact: true });
    for (const name of opened) box?.querySelector(`details[data-gd="${String(name).replace(/[^a-z-]/g, '')}"]`)?.setAttribute('open', '');
    if (!watcher) {
      place();
      guard();
    } else unsteady();
    // Focus moves in when it opens (after its first frame: focus lays the page out), stays on redraw.
    const focus = () => {
      const panel = box?.querySelector(/** @type {'section'} */ ('[data-gd="panel"]'));
      panel?.setAttribute('tabindex', '-1');
      panel?.focus({ preventScroll: true });
    };
    if (first) {
      focusBefore = document.activeElement;
      afterFrame(focus);
    } else if (had) focus();
  }

  /** Whether a view is this document's: its URL and its response's arrival (the background
   * checks the same). @param {GdView | null | undefined} view @returns {view is GdView} */
  function mine(view) {
    if (!view?.diagnosis?.failed || !GatewayDoctorSameUrl(view.url, location.href)) return false;
    const here = responseAt();
    const there = Number(view.responseAt);
    return here === undefined || !Number.isFinite(there) || Math.abs(here - there) < GatewayDoctorSameResponseMs;
  }

  let shown = '';
  /** @param {GdView} view */
  function present(view) {
    const d = JSON.stringify([view.diagnosis, view.advice, view.panel, view.disabledByUs]);
    if (d === shown) return;
    shown = d;
    show(view);
  }

  let asked = false;
  let answered = false;
  // A view the background left for this page: shown at once if it came before our answer.
  globalThis.__gatewayDoctorOffer = (view) => {
    if (asked && !answered && mine(view)) present(view);
  };

  function ask() {
    asked = true;
    const offered = globalThis.__gatewayDoctorOffered;
    if (mine(offered)) present(offered);
    // After the panel's first frame: innerText lays the page out.
    if (host) afterFrame(send);
    else send();
  }

  function send() {
    chrome.runtime
      .sendMessage({
        type: GatewayDoctorMessages.PAGE,
        url: location.href,
        responseAt: responseAt(),
        bodyText: pageText(),
        visibleText: (document.body?.innerText || '').slice(0, PAGE_TEXT_LIMIT),
      })
      .then((view) => {
        answered = true;
        if (view?.diagnosis?.failed) return present(view);
        // Not this document's failure: a later injection may try again.
        remove();
        shown = '';
        globalThis.__gatewayDoctorPanel = false;
      })
      .catch(() => {
        // The extension was reloaded or the tab moved on.
      });
  }

  // Firefox keeps a failed page in its back-forward cache: Back or Forward shows it again, this
  // panel in it, with no request, and the background forgot its failure when the tab moved on
  // (Retry would find none). It loads again, as in Chromium, which never keeps a 5xx page; the
  // answer to a form is not sent again (the core's retryKind "resubmit"): its panel goes.
  addEventListener('pageshow', (ev) => {
    if (!ev.persisted || !lastView) return;
    if (lastView.panel?.retryKind === 'resubmit') remove();
    else location.reload();
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ask, { once: true });
  else ask();
})();
