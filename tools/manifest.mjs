// Derives one browser's manifest from the single source manifest.json.
// Usage: node tools/manifest.mjs <chrome|firefox> <source manifest.json> <output manifest.json>
// The version is not in manifest.json: it comes from Cargo.toml (tools/version.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { version } from './version.mjs';

const [target, src, out] = process.argv.slice(2);
const source = JSON.parse(readFileSync(src, 'utf8'));
if ('version' in source) {
  console.error(`${src}: no "version" here, it is Cargo.toml's (one version, one place)`);
  process.exit(2);
}
// The version right after the description, where the stores' reviewers look for it.
const m = {};
for (const [k, v] of Object.entries(source)) {
  m[k] = v;
  if (k === 'description') m.version = version();
}

if (target === 'chrome') {
  // Chrome warns about keys it does not know.
  delete m.browser_specific_settings;
} else if (target === 'firefox') {
  // Chrome's key; Firefox's minimum is browser_specific_settings.gecko.strict_min_version.
  delete m.minimum_chrome_version;
  // Firefox runs MV3 backgrounds as event pages: scripts, not a service worker.
  m.background = { scripts: [m.background.service_worker], type: m.background.type };
  // Firefox only: `dns.resolve` tells where a failed name points (a DNS filter's 0.0.0.0);
  // Chrome has no such API for extensions. Not optional: Firefox does not let "dns" be one.
  // `captivePortal`: Firefox's word that a network's sign-in holds the connection, and when
  // it lets the person through; Firefox's schema makes it a PermissionNoPrompt, never optional.
  m.permissions = [...(m.permissions || []), 'dns', 'captivePortal'];
} else {
  console.error(`unknown target ${target}`);
  process.exit(2);
}
writeFileSync(out, JSON.stringify(m, null, 2) + '\n');
