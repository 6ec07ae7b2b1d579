// Auto-retry, watch and notify (issue 5) in Debian's Chromium (playwright-core), against a real
// nginx.
import { defineRetryScenarios } from './retry.scenarios.mjs';
import { launch, available } from './lib/chromium.mjs';

defineRetryScenarios({ browser: 'chromium', launch, available });
