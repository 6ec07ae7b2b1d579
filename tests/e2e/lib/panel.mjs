// What both drivers run on the panel's closed shadow root, as source text: each driver reaches
// the root its own way (Chromium: the DevTools protocol; Firefox: WebDriver's "Get Element
// Shadow Root", which returns closed roots) and calls these with it.

/** Makes an open-root copy of the panel (same host style, same markup) for axe, which cannot
 * enter a closed shadow root; `root` is the panel's closed root. */
export const AXE_CLONE = `(root) => {
  document.getElementById('gd-axe-clone')?.remove();
  if (!root) return false;
  const clone = document.createElement('div');
  clone.id = 'gd-axe-clone';
  clone.setAttribute('style', root.host.getAttribute('style'));
  const open = clone.attachShadow({ mode: 'open' });
  for (const n of root.childNodes) open.append(n.cloneNode(true));
  document.documentElement.append(clone);
  return true;
}`;

/** What the drivers run on the panel's closed root (null when there is none): its text, a
 * button's centre once the panel takes clicks (`data-ready`), the status line, ... */
export const PANEL_FNS = {
  text: `(root) => { const p = root?.querySelector('[data-gd="panel"]'); return p && p.getClientRects().length ? p.textContent : null; }`,
  has: `(root) => Boolean(root?.querySelector('[data-gd="panel"]'))`,
  message: `(root) => root?.querySelector('[data-gd="message"]')?.textContent || ''`,
  button: `(root, action) => {
    // an action's name, or a selector within the panel ("[data-step=...] [data-action=...]")
    const b = root?.querySelector('.gd-root[data-ready] ' + (action.startsWith('[') ? action : '[data-action="' + action + '"]'));
    if (!b || b.disabled) return null;
    // The panel scrolls inside: bring the button into its view first, as a person would.
    b.scrollIntoView({ block: 'nearest' });
    const r = b.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  }`,
  inspect: `(root, allowed) => {
    const tags = root ? [...root.querySelectorAll('*')].map((e) => e.localName) : [];
    return { pwned: document.documentElement.dataset.pwned ?? null, foreignElements: tags.filter((t) => !allowed.includes(t)) };
  }`,
  focused: `(root) => (root && document.activeElement === root.host ? root.activeElement?.dataset.action ?? null : null)`,
};

/** Look-alike hostnames (tests/e2e/isolation.scenarios.mjs) that both browsers resolve to
 * 127.0.0.1: Chromium by --host-resolver-rules, Firefox by network.dns.localDomains. */
export const LOOKALIKE_DOMAIN = 'example';
export const LOOKALIKE_HOSTS = ['paypa1.example', 'g00gle.example', 'arnazon.example', 'xn--pypal-4ve.example'];

/** Opens the panel's folded steps (and "more" with `more`) by the person's clicks, as far as
 * they are there and closed: over a page the panel shows only its bar, headline, chain and
 * Retry until then. */
export async function openSteps(d, { more = false } = {}) {
  const closed = (name) => d.inPanel(`(root) => { const e = root?.querySelector('details[data-gd="${name}"]'); return Boolean(e && !e.open); }`);
  if (await closed('show-steps')) await d.clickPanel('show-steps');
  if (more && (await closed('more'))) await d.clickPanel('more');
}
