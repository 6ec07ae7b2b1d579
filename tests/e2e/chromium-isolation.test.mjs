// Nothing a hostile page can drive, in chromium: see isolation.scenarios.mjs.
import { defineIsolationScenarios } from './isolation.scenarios.mjs';
import { launch, available } from './lib/chromium.mjs';

defineIsolationScenarios({ browser: 'chromium', launch, available });
