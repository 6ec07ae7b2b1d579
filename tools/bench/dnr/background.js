// A control for the healthy-page benchmark: a declarativeNetRequest extension with no rules.
// Chromium proxies every request for it as for a webRequest extension.
self.ready = true;
