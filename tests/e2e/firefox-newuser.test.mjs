// A demanding new user's failures (newuser.scenarios.mjs) in Firefox ESR (geckodriver, the
// extension as a temporary add-on).
import { defineNewUserScenarios } from './newuser.scenarios.mjs';
import { launch, available } from './lib/firefox.mjs';

defineNewUserScenarios({ browser: 'firefox', launch, available });
