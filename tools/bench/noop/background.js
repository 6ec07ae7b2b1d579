// A control for the healthy-page benchmark: the same kind of extension, doing nothing.
// launch() waits for a webRequest listener before it returns, so one is registered; it
// returns at once.
chrome.webRequest.onHeadersReceived.addListener(() => {}, { urls: ['<all_urls>'], types: ['main_frame'] });
