// Accessibility checks in Firefox ESR (geckodriver).
import { defineA11yScenarios } from './a11y.scenarios.mjs';
import { launch, available } from './lib/firefox.mjs';

defineA11yScenarios({ browser: 'firefox', launch, available });
