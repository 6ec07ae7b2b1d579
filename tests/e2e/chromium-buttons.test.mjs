// Every button of the panel, clicked, in Debian's Chromium (buttons.scenarios.mjs).
import { defineButtonScenarios, PUBLIC_HOST } from './buttons.scenarios.mjs';
import { launch, available } from './lib/chromium.mjs';

defineButtonScenarios({ browser: 'chromium', launch, available, launchOptions: { hostRules: [`MAP ${PUBLIC_HOST} 127.0.0.1`] } });
