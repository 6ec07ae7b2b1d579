// Every button of the panel, clicked, in Firefox ESR (buttons.scenarios.mjs).
import { defineButtonScenarios, PUBLIC_HOST } from './buttons.scenarios.mjs';
import { launch, available } from './lib/firefox.mjs';
import { LOOKALIKE_HOSTS } from './lib/panel.mjs';

defineButtonScenarios({ browser: 'firefox', launch, available, launchOptions: { prefs: { 'network.dns.localDomains': [...LOOKALIKE_HOSTS, PUBLIC_HOST].join(',') } } });
