// A control for the healthy-page benchmark: an extension that holds nothing and observes
// nothing, so Chromium does not proxy its requests; what is left is the switch itself.
self.ready = true;
