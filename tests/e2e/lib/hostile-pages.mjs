// The 502 pages of tests/e2e/isolation.scenarios.mjs that attack the panel's place, as an
// attacker would: each runs its `attack` (page script) once the panel's host is there, keeps
// at it for a while, then sets <html data-done>. The page counts what it got in
// `window.__got` (read through inPanel), e.g. clicks its own covers took.

/** A 502 page running `attack(host)` once the host appears (found as any element the page
 * did not write), after `style`. */
export function attackPage(attack, { style = '', body = '' } = {}) {
  return `<!doctype html><html><head><title>502 Bad Gateway</title><style>${style}</style></head><body>
<h1>502 Bad Gateway</h1><p>The upstream server is down.</p>${body}
<script>
window.__got = { errors: [] };
const mine = new Set(document.querySelectorAll('*'));
const find = () => [...document.documentElement.children, ...(document.body ? document.body.children : [])].find((e) => !mine.has(e) && e.localName === 'div' && !e.dataset.page);
const start = Date.now();
(function wait() {
  const h = find();
  if (!h && Date.now() - start < 15000) return setTimeout(wait, 20);
  Promise.resolve().then(() => (${attack})(h)).catch((e) => __got.errors.push(String(e))).finally(() => setTimeout(() => { document.documentElement.dataset.done = '1'; document.documentElement.dataset.errors = __got.errors.join(' '); }, 1500));
})();
</script></body></html>`;
}

/** A cover over the whole window that counts the clicks it takes. */
const COVER = `(() => { const c = document.createElement('div'); c.dataset.page = '1';
  c.setAttribute('style', 'position:fixed;inset:0;width:100vw;height:100vh;z-index:2147483647;background:white;opacity:0.01');
  c.addEventListener('click', () => { document.documentElement.dataset.clicks = (+document.documentElement.dataset.clicks || 0) + 1; }); return c; })()`;

/** Attacks after which the panel must be there, on top and usable: the name, the page. */
export const USABLE = {
  'a transparent cover over the whole window': attackPage(`(h) => document.body.append(${COVER})`),
  'its own popover over everything, shown twice': attackPage(`async (h) => {
    const c = ${COVER}; c.popover = 'manual'; document.body.append(c); c.showPopover();
    await new Promise((r) => setTimeout(r, 600)); c.hidePopover(); c.showPopover(); }`),
  'hides our popover': attackPage(`(h) => { for (let i = 0; i < 5; i++) try { h.hidePopover(); } catch (e) {} }`),
  'requestFullscreen with no click of the person': attackPage(`(h) => document.documentElement.requestFullscreen().catch((e) => __got.errors.push('refused'))`),
  'opacity 0 on html': attackPage(`(h) => { document.documentElement.style.opacity = '0'; }`),
  'transform on html': attackPage(`(h) => { document.documentElement.style.transform = 'translateX(-5000px) scale(0.1)'; }`),
  'mix-blend-mode, mask and backdrop on the body': attackPage(`(h) => { document.body.style.cssText = 'mix-blend-mode: difference; mask: linear-gradient(transparent, transparent); backdrop-filter: blur(20px)'; }`),
  'clip-path, content-visibility and display:none on body': attackPage(`(h) => { document.body.style.clipPath = 'inset(50%)'; document.body.style.contentVisibility = 'hidden'; document.body.style.display = 'none'; }`),
  'a stylesheet aimed at every div': attackPage(`(h) => { const s = document.createElement('style'); s.textContent = 'div, html > div, :popover-open { display:none !important; opacity:0 !important; transform:scale(0) !important; top:-999px !important } ::backdrop { background: white }'; document.head.append(s); }`),
  'moves the host into a hidden element': attackPage(`(h) => { const d = document.createElement('div'); d.dataset.page = '1'; d.style.cssText = 'opacity:0;transform:scale(0);overflow:hidden;width:0;height:0'; document.body.append(d); d.append(h); }`),
  'replaces the children of html': attackPage(`(h) => document.documentElement.replaceChildren(Object.assign(document.createElement('body'), { innerHTML: '<h1>502 replaced</h1>' }))`),
  'document.open and write': attackPage(`(h) => { document.open(); document.write('<!doctype html><title>502</title><h1>502 written</h1>'); document.close(); }`),
  'floods synthetic events and messages': attackPage(`(h) => {
    for (let i = 0; i < 2000; i++) {
      window.postMessage({ type: 'gd:action', action: { type: 'retry' } }, '*');
      for (const t of [h, window, document]) {
        t.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        t.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
    }
    h.click();
  }`),
};

/** Attacks no page script can be kept from: what is left is the toolbar (badge and popup). */
export const BEYOND = {
  'a modal dialog over everything': attackPage(`(h) => { const d = document.createElement('dialog'); d.dataset.page = '1';
    d.setAttribute('style', 'width:100vw;height:100vh;max-width:none;max-height:none;margin:0;border:0;background:white'); d.textContent = 'Loading';
    d.addEventListener('click', () => { document.documentElement.dataset.clicks = 1; }); document.body.append(d); d.showModal(); }`),
  // Firefox draws a filter on <html> over the top layer too: the panel takes no click then
  'a filter on html': attackPage(`(h) => { document.documentElement.style.filter = 'blur(30px) opacity(0)'; }`),
  'zoom 0.01 on html': attackPage(`(h) => { document.documentElement.style.zoom = '0.01'; }`),
  'display:none on html': attackPage(`(h) => { document.documentElement.style.display = 'none'; }`),
};

/** Removes the host each time it comes back, for 3 s: how often it came back is bounded. */
export const REMOVE_LOOP = attackPage(`(h) => new Promise((done) => {
  const o = new MutationObserver(() => { const x = document.getElementById(h.id); if (x) { document.documentElement.dataset.added = (+document.documentElement.dataset.added || 0) + 1; x.remove(); } });
  o.observe(document, { childList: true, subtree: true });
  h.remove();
  setTimeout(() => { o.disconnect(); done(); }, 3000);
})`);
