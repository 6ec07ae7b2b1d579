// The user flows in Firefox ESR (geckodriver, the extension as a temporary add-on), against a
// real nginx.
import { defineScenarios } from './scenarios.mjs';
import { launch, available } from './lib/firefox.mjs';

// Firefox refuses a private window to an extension without private-window access.
defineScenarios({ browser: 'firefox', launch, available, privateWithoutAccess: 'explains' });
