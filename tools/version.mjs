// The one version number: Cargo.toml's [package] version. tools/manifest.mjs puts it in both
// manifests, build.sh in the zips' names, and the core's version() has it from cargo
// (env!("CARGO_PKG_VERSION")). Usage: node tools/version.mjs (prints it).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The version in `Cargo.toml` (the [package] table's `version = "X.Y.Z"`). */
export function version(cargoToml = readFileSync(ROOT + 'Cargo.toml', 'utf8')) {
  const pkg = cargoToml.split(/^\[/m).find((t) => t.startsWith('package]'));
  const v = pkg?.match(/^version\s*=\s*"([0-9]+\.[0-9]+\.[0-9]+)"\s*$/m)?.[1];
  if (!v) throw new Error('Cargo.toml: no [package] version = "X.Y.Z"');
  return v;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(version());
