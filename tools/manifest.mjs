// Derives one browser's manifest from the single source manifest.json.
// Usage: node tools/manifest.mjs <chrome|firefox> <source manifest.json> <output manifest.json>
import { readFileSync, writeFileSync } from 'node:fs';

const [target, src, out] = process.argv.slice(2);
const m = JSON.parse(readFileSync(src, 'utf8'));

if (target === 'chrome') {
  // Chrome warns about keys it does not know.
  delete m.browser_specific_settings;
} else if (target === 'firefox') {
  // Firefox runs MV3 backgrounds as event pages: scripts, not a service worker.
  m.background = { scripts: [m.background.service_worker], type: m.background.type };
} else {
  console.error(`unknown target ${target}`);
  process.exit(2);
}
writeFileSync(out, JSON.stringify(m, null, 2) + '\n');
