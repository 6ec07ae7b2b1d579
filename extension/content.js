// @ts-check
// Injected by the background into a tab that got a 5xx page, after render.js and in the same
// function (the build makes the two into panel-script.js): as soon as the diagnosis is ready,
// which may be before the page has finished loading or even before the browser has replaced
// the previous page, and again when the page is complete. With it comes the view the
// background made from the response's headers. Once the page's HTML is
// parsed the panel shows that view at once, and the first 4 KiB of the page go to the
// background with when this document's response arrived, so the background can tell the
// failing page from the one before it; its answer (the view refined by the page's text)
// redraws the panel where it differs. The panel lives in a closed shadow root on a host whose
// styles are kept (see HOST_STYLE), so the page's CSS and scripts can neither read, restyle
// nor press it.
(() => {
  const HOST_ID = 'gateway-doctor-root';
  const PAGE_TEXT_LIMIT = 4096;
  // Once per document: the second injection (on 'complete') finds the first one's flag.
  if (globalThis.__gatewayDoctorPanel) return;
  globalThis.__gatewayDoctorPanel = true;

  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  const RAW = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
  /** @param {string} t */
  const escapeText = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
  /** @param {string} t */
  const escapeAttr = (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

  /** The start of the page's HTML, as `outerHTML` would give it, but serialised only as far
   * as the limit: a page of megabytes costs no more than a small one. */
  function pageText() {
    let out = '';
    /** @param {string} t */
    const emit = (t) => {
      out += t;
      return out.length >= PAGE_TEXT_LIMIT;
    };
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

  /** When this document's response headers arrived (ms since the epoch), if the browser says. */
  function responseAt() {
    const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType?.('navigation')?.[0]);
    return nav && nav.responseStart > 0 ? performance.timeOrigin + nav.responseStart : undefined;
  }

  // The panel's host is the one element the page can see. Its styles are inline and
  // !important (inline !important wins over any stylesheet), put back by a MutationObserver
  // when the page changes them or removes the host; its shadow root is closed, so the page
  // cannot read the panel's text or reach its buttons. A click counts only when it is the
  // person's (isTrusted) and the panel has been where we put it, visible, for STEADY_MS: a
  // page that moves, hides or fades it (or an ancestor) just before a click gets no click.
  // `all: initial` first, not !important: the text properties stay adjustable by the
  // person's own stylesheets (axe: avoid-inline-spacing), and the panel's root resets them
  // anyway; what places, sizes and shows the host is !important.
  const HOST_STYLE = 'all: initial; ' + [
    'position: fixed', 'top: 12px', 'right: 12px', 'left: auto', 'bottom: auto', 'z-index: 2147483647',
    'display: block', 'opacity: 1', 'visibility: visible', 'transform: none', 'translate: none',
    'rotate: none', 'scale: none', 'filter: none', 'clip-path: none', 'mask: none', 'mix-blend-mode: normal',
    'pointer-events: auto', 'margin: 0', 'padding: 0', 'width: auto', 'height: auto', 'min-width: 0',
    'min-height: 0', 'max-width: none', 'max-height: none', 'overflow: visible', 'contain: none',
    'zoom: 1', 'content-visibility: visible',
  ].map((d) => `${d} !important;`).join(' ');
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

  /** The panel was (re)drawn, (re)placed or touched: a click counts again STEADY_MS later.
   * `data-ready` (inside the closed root: the page cannot see it) says when, for the tests. */
  function unsteady() {
    steadySince = performance.now();
    rect = host?.isConnected ? host.getBoundingClientRect() : null;
    box?.removeAttribute('data-ready');
    clearTimeout(steadyTimer);
    steadyTimer = setTimeout(() => box?.setAttribute('data-ready', ''), STEADY_MS);
  }

  /** Whether the panel has been where we put it, whole and visible, for STEADY_MS. */
  function steady() {
    if (!host?.isConnected || performance.now() - steadySince < STEADY_MS) return false;
    const r = host.getBoundingClientRect();
    if (!rect || r.top !== rect.top || r.right !== rect.right || r.width < 1 || r.height < 1) return false;
    if (Math.abs(r.top - 12) > 1 || r.right > innerWidth || r.right < innerWidth - 60) return false;
    for (let e = /** @type {HTMLElement | null} */ (host); e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.opacity !== '1' || cs.visibility !== 'visible' || cs.display === 'none') return false;
      if (cs.transform !== 'none' || cs.filter !== 'none' || (cs.clipPath && cs.clipPath !== 'none')) return false;
    }
    return true;
  }

  /** Puts the host (back) where it belongs, styled as it must be. */
  function place() {
    if (!host) return;
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
    for (const a of [...host.attributes]) if (a.name !== 'style' && a.name !== 'id') host.removeAttribute(a.name);
    if (!host.isConnected) (document.body || document.documentElement).append(host);
    unsteady();
  }

  function guard() {
    if (!host) return;
    watcher = new MutationObserver(() => {
      if (!host) return;
      const touched = !host.isConnected || host.getAttribute('style') !== HOST_STYLE || host.attributes.length !== 2;
      if (!touched) return;
      // Put back at once, but not in a loop with a page's own observer that undoes it: past
      // MAX_PUT_BACK times in a second, once more a second later.
      const now = performance.now();
      if (now - putBackSince > 1000) {
        putBackSince = now;
        putBack = 0;
      }
      if (++putBack <= MAX_PUT_BACK) place();
      else if (putBack === MAX_PUT_BACK + 1) setTimeout(() => host && place(), 1000);
    });
    watcher.observe(document, { childList: true, subtree: true });
    watcher.observe(host, { attributes: true });
  }

  function remove() {
    watcher?.disconnect();
    watcher = null;
    clearTimeout(steadyTimer);
    host?.remove();
    host = null;
    box = null;
  }

  function build() {
    document.getElementById(HOST_ID)?.remove();
    host = document.createElement('div');
    host.id = HOST_ID;
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = GatewayDoctorRender.CSS;
    box = document.createElement('div');
    box.className = 'gd-root';
    box.setAttribute('style', 'display: block; box-shadow: 0 4px 24px rgba(0,0,0,.25); border-radius: 10px;');
    shadow.append(style, box);
    // Before any of the panel's own listeners (capture, on the root): a click that is not
    // the person's, or comes before the panel was steady, goes no further.
    shadow.addEventListener(
      'click',
      (ev) => {
        if (ev.isTrusted && steady()) return;
        ev.stopImmediatePropagation();
        ev.preventDefault();
        if (ev.isTrusted) {
          const status = box?.querySelector('[data-gd="message"]');
          if (status) status.textContent = GatewayDoctorRender.msg('ui_click_again');
          unsteady();
        }
      },
      true,
    );
  }

  /** @param {GdView} view */
  function show(view) {
    if (!host) build();
    GatewayDoctorRender.render(
      /** @type {HTMLElement} */ (box),
      view,
      (action) => chrome.runtime.sendMessage({ type: GatewayDoctorMessages.ACTION, action }),
      { close: remove, compact: true },
    );
    if (!watcher) {
      place();
      guard();
    } else {
      unsteady();
    }
  }

  /** @param {unknown} u */
  const withoutFragment = (u) => String(u || '').split('#')[0];
  const SAME_RESPONSE_MS = 1000;

  /** Whether a view is about this document: its URL, and its response's arrival as the
   * browser reported it against this page's own clock (the background checks the same).
   * @param {GdView | null | undefined} view
   * @returns {view is GdView} */
  function mine(view) {
    if (!view?.diagnosis?.failed || withoutFragment(view.url) !== withoutFragment(location.href)) return false;
    const here = responseAt();
    const there = Number(view.responseAt);
    return here === undefined || !Number.isFinite(there) || Math.abs(here - there) < SAME_RESPONSE_MS;
  }

  // What the panel shows, so that the refined view redraws it only where it differs.
  let shown = '';
  /** @param {GdView} v */
  const digest = (v) =>
    JSON.stringify([v.diagnosis, v.advice, v.autoRetry?.state, v.autoRetry?.due, Boolean(v.watching), v.panel, v.disabledByUs]);
  /** @param {GdView} view */
  function present(view) {
    const d = digest(view);
    if (d === shown) return;
    shown = d;
    show(view);
  }

  let asked = false;
  let answered = false;
  // A view the background left for this page (made from the response's headers): shown at
  // once if it came before the answer to our question.
  globalThis.__gatewayDoctorOffer = (view) => {
    if (asked && !answered && mine(view)) present(view);
  };

  function ask() {
    asked = true;
    const offered = globalThis.__gatewayDoctorOffered;
    if (mine(offered)) present(offered);
    chrome.runtime
      .sendMessage({
        type: GatewayDoctorMessages.PAGE,
        url: location.href,
        responseAt: responseAt(),
        bodyText: pageText(),
        // the text as the person sees it: the core reads a gateway's words in it too
        visibleText: (document.body?.innerText || '').slice(0, PAGE_TEXT_LIMIT),
      })
      .then((view) => {
        answered = true;
        if (view?.diagnosis?.failed) {
          present(view);
        } else {
          // Not this document's failure (the page before it, or one the tab has left): let a
          // later injection try again.
          remove();
          shown = '';
          globalThis.__gatewayDoctorPanel = false;
        }
      })
      .catch(() => {
        // The extension was reloaded or the tab moved on: nothing more to show.
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ask, { once: true });
  else ask();
})();
