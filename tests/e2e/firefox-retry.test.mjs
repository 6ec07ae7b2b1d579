// Auto-retry, watch and notify (issue 5) in Firefox ESR (geckodriver, the extension as a
// temporary add-on), against a real nginx.
import { defineRetryScenarios } from './retry.scenarios.mjs';
import { launch, available } from './lib/firefox.mjs';

defineRetryScenarios({ browser: 'firefox', launch, available });
