// When the fault is on the person's side (issue 16) in Firefox ESR (geckodriver, the extension
// as a temporary add-on).
import { definePersonScenarios } from './person.scenarios.mjs';
import { launch, available } from './lib/firefox.mjs';

definePersonScenarios({ browser: 'firefox', launch, available, blocksWithError: false, resolvesNames: true, portalApi: true, trustsTestCa: true });
