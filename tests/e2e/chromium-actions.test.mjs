// The one-click fixes in Debian's Chromium.
import { defineActionScenarios } from './actions.scenarios.mjs';
import { launch, available } from './lib/chromium.mjs';

defineActionScenarios({ browser: 'chromium', launch, available, canSwitchExtensions: true });
