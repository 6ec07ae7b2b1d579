// Nothing a hostile page can drive, in firefox: see isolation.scenarios.mjs.
import { defineIsolationScenarios } from './isolation.scenarios.mjs';
import { launch, available } from './lib/firefox.mjs';

defineIsolationScenarios({ browser: 'firefox', launch, available });
