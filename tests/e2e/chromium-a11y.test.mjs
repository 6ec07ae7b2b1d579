// Accessibility checks in Debian's Chromium.
import { defineA11yScenarios } from './a11y.scenarios.mjs';
import { launch, available } from './lib/chromium.mjs';

defineA11yScenarios({ browser: 'chromium', launch, available });
