// The user flows in Debian's Chromium (playwright-core), against a real nginx.
import { defineScenarios } from './scenarios.mjs';
import { launch, available } from './lib/chromium.mjs';

defineScenarios({ browser: 'chromium', launch, available, privateWithoutAccess: 'opens' });
