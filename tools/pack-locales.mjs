// Writes dist/<browser>/_locales/*/messages.json as the browsers read them: each message's
// "message" and "placeholders" only, in one line. The "description" of each message is for
// translators (Chrome and Firefox never show it), so the store packages leave it out: about
// 6 KiB less in each zip. The files in extension/_locales keep it.
//
//   node tools/pack-locales.mjs DIST_DIR
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/pack-locales.mjs DIST_DIR');
  process.exit(2);
}
const locales = join(dir, '_locales');
for (const lang of readdirSync(locales).sort()) {
  const file = join(locales, lang, 'messages.json');
  const all = JSON.parse(readFileSync(file, 'utf8'));
  const out = {};
  for (const [key, { message, placeholders }] of Object.entries(all)) {
    out[key] = placeholders === undefined ? { message } : { message, placeholders };
  }
  writeFileSync(file, `${JSON.stringify(out)}\n`);
}
