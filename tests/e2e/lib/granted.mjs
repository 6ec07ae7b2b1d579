// A copy of a built extension whose optional permissions are granted at install, for the
// flows behind them in a browser whose permission prompt no automation can answer (Chrome).
// What is tested is the same code: permissions.request() resolves at once when granted.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function grantedCopy(extensionDir) {
  const out = join(ROOT, 'target', 'e2e', `${basename(extensionDir)}-granted`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(extensionDir, out, { recursive: true });
  const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  m.permissions = [...new Set([...(m.permissions || []), ...(m.optional_permissions || [])])];
  delete m.optional_permissions;
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(m, null, 2));
  return out;
}

export const SUSPECT_EXTENSION = join(ROOT, 'tests', 'e2e', 'fixtures', 'suspect-vpn');
