// Injected by the background into a tab that got a 5xx page, after render.js and in the same
// function (the build makes the two into panel-script.js): as soon as the diagnosis is ready,
// which may be before the page has finished loading or even before the browser has replaced
// the previous page, and again when the page is complete. With it comes the view the
// background made from the response's headers. Once the page's HTML is
// parsed the panel shows that view at once, and the first 4 KiB of the page go to the
// background with when this document's response arrived, so the background can tell the
// failing page from the one before it; its answer (the view refined by the page's text)
// redraws the panel where it differs. The panel lives in a shadow root, so the page's CSS and
// scripts cannot restyle it.
(() => {
  const HOST_ID = 'gateway-doctor-root';
  const PAGE_TEXT_LIMIT = 4096;
  // Once per document: the second injection (on 'complete') finds the first one's flag.
  if (globalThis.__gatewayDoctorPanel) return;
  globalThis.__gatewayDoctorPanel = true;

  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  const RAW = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
  const escapeText = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
  const escapeAttr = (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

  /** The start of the page's HTML, as `outerHTML` would give it, but serialised only as far
   * as the limit: a page of megabytes costs no more than a small one. */
  function pageText() {
    let out = '';
    const emit = (t) => {
      out += t;
      return out.length >= PAGE_TEXT_LIMIT;
    };
    const walk = (node, raw) => {
      for (let n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === Node.TEXT_NODE) {
          if (emit(raw ? n.data : escapeText(n.data))) return true;
        } else if (n.nodeType === Node.COMMENT_NODE) {
          if (emit(`<!--${n.data}-->`)) return true;
        } else if (n.nodeType === Node.ELEMENT_NODE && visit(n)) return true;
      }
      return false;
    };
    const visit = (el) => {
      const tag = el.localName;
      let start = `<${tag}`;
      for (const a of el.attributes) start += ` ${a.name}="${escapeAttr(a.value)}"`;
      if (emit(`${start}>`)) return true;
      if (VOID.has(tag)) return false;
      if (walk(tag === 'template' ? el.content : el, RAW.has(tag))) return true;
      return emit(`</${tag}>`);
    };
    if (document.documentElement) visit(document.documentElement);
    return out.slice(0, PAGE_TEXT_LIMIT);
  }

  /** When this document's response headers arrived (ms since the epoch), if the browser says. */
  function responseAt() {
    const nav = performance.getEntriesByType?.('navigation')?.[0];
    return nav && nav.responseStart > 0 ? performance.timeOrigin + nav.responseStart : undefined;
  }

  function show(view) {
    document.getElementById(HOST_ID)?.remove();
    const host = document.createElement('div');
    host.id = HOST_ID;
    host.setAttribute(
      'style',
      'all: initial; position: fixed; top: 12px; right: 12px; z-index: 2147483647; display: block;',
    );
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = GatewayDoctorRender.CSS;
    const box = document.createElement('div');
    box.className = 'gd-root';
    box.setAttribute('style', 'display: block; box-shadow: 0 4px 24px rgba(0,0,0,.25); border-radius: 10px;');
    shadow.append(style, box);
    GatewayDoctorRender.render(
      box,
      view,
      (action) => chrome.runtime.sendMessage({ type: 'gd:action', action }),
      { close: () => host.remove(), compact: true },
    );
    (document.body || document.documentElement).append(host);
  }

  const withoutFragment = (u) => String(u || '').split('#')[0];
  const SAME_RESPONSE_MS = 1000;

  /** Whether a view is about this document: its URL, and its response's arrival as the
   * browser reported it against this page's own clock (the background checks the same). */
  function mine(view) {
    if (!view?.diagnosis?.failed || withoutFragment(view.url) !== withoutFragment(location.href)) return false;
    const here = responseAt();
    const there = Number(view.responseAt);
    return here === undefined || !Number.isFinite(there) || Math.abs(here - there) < SAME_RESPONSE_MS;
  }

  // What the panel shows, so that the refined view redraws it only where it differs.
  let shown = '';
  const digest = (v) =>
    JSON.stringify([v.diagnosis, v.advice, v.autoRetry?.state, v.autoRetry?.due, Boolean(v.watching), v.resubmits, v.disabledByUs]);
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
        type: 'gd:page',
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
          document.getElementById(HOST_ID)?.remove();
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
