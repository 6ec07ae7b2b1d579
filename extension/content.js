// Injected by the background into a tab that got a 5xx page (after render.js). Sends the first
// 4 KiB of the error page to the background, which refines the diagnosis with it, then shows
// the panel over the page in a shadow root, so the page's CSS and scripts cannot restyle it.
(() => {
  const HOST_ID = 'gateway-doctor-root';
  const PAGE_TEXT_LIMIT = 4096;

  function pageText() {
    const html = document.documentElement ? document.documentElement.outerHTML : '';
    return html.slice(0, PAGE_TEXT_LIMIT);
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

  chrome.runtime
    .sendMessage({ type: 'gd:page', url: location.href, bodyText: pageText() })
    .then((view) => {
      if (view?.diagnosis?.failed) show(view);
    })
    .catch(() => {
      // The extension was reloaded or the tab moved on: nothing to show.
    });
})();
