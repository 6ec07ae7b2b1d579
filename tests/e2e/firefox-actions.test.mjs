// The one-click fixes in Firefox ESR (geckodriver).
import { defineActionScenarios } from './actions.scenarios.mjs';
import { launch, available } from './lib/firefox.mjs';

defineActionScenarios({ browser: 'firefox', launch, available, canSwitchExtensions: false });
