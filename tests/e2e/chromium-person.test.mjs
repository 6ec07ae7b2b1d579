// When the fault is on the person's side (issue 16) in Debian's Chromium (playwright-core).
import { definePersonScenarios } from './person.scenarios.mjs';
import { launch, available } from './lib/chromium.mjs';

definePersonScenarios({ browser: 'chromium', launch, available, blocksWithError: true, resolvesNames: false, trustsTestCa: true });
