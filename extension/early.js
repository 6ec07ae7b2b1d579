// @ts-check
// Firefox only (tools/manifest.mjs): a content script at document_start in every http(s) top
// frame. On a healthy page it reads the response's status and stops (the panel's code below it
// is only compiled, once per process, and not run). On a 5xx (or 429) page it asks the
// background for this document's view (it answers once the diagnosis is ready, and only for
// this tab's failing response: URL and arrival) and draws the panel with it, so no injection
// round trip is on the way: Firefox sends an injection to the page before this one until the
// new page commits, and the background cannot tell when. Without an answer the injection on
// 'complete' shows the panel as before. The build appends panel-script.js's function
// (tools/panel-script.mjs); the message name is constants.js's MSG.COMMITTED (content scripts
// cannot import: tests/node/panel-script.test.mjs checks they agree).
/* global panelScript */
(() => {
  const nav = /** @type {(PerformanceNavigationTiming & { responseStatus?: number }) | undefined} */ (performance.getEntriesByType?.('navigation')?.[0]);
  const status = Number(nav?.responseStatus);
  if (!nav || !(status >= 500 || status === 429)) return;
  const responseAt = nav.responseStart > 0 ? performance.timeOrigin + nav.responseStart : undefined;
  chrome.runtime
    .sendMessage({ type: 'gd:committed', url: location.href, responseAt })
    .then((view) => {
      // @ts-ignore: defined after this by the build
      if (view?.diagnosis?.failed) panelScript(view);
    })
    .catch(() => {});
})();
