// A demanding new user's failures (newuser.scenarios.mjs) in Debian's Chromium (playwright-core).
import { defineNewUserScenarios } from './newuser.scenarios.mjs';
import { launch, available } from './lib/chromium.mjs';

defineNewUserScenarios({ browser: 'chromium', launch, available });
