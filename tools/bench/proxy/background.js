// A control for the healthy-page benchmark. Chromium proxies every request of a profile in which
// any extension holds webRequest (or declarativeNetRequest), listeners or not; this one's only
// listener matches no URL, so what it costs is that proxy alone. Beside Gateway Doctor
// (`--beside tools/bench/proxy`) it stands for a content blocker the person already has.
chrome.webRequest.onHeadersReceived.addListener(() => {}, { urls: ['http://never.invalid/*'], types: ['main_frame'] });
