// Checks extension/_locales: every locale is valid JSON in Chrome's messages.json format, has
// exactly the keys of en, keeps en's `{param}` names, has no empty message, no `$1`-style
// placeholders (the extension fills `{name}` itself), ext_description fits the Chrome Web
// Store's 132 characters, and every key the code names literally exists in en.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const extDir = root + 'extension/';
const localesDir = extDir + '_locales/';
const KEY = /^[A-Za-z0-9_]+$/;
const MAX_DESCRIPTION = 132;

const locales = readdirSync(localesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Parses one locale; returns { messages } or { error }. */
function load(lang) {
  const file = `${localesDir}${lang}/messages.json`;
  try {
    return { messages: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (e) {
    return { error: `${lang}/messages.json: ${e.message}` };
  }
}
const loaded = Object.fromEntries(locales.map((l) => [l, load(l)]));
const en = loaded.en?.messages ?? {};

const params = (s) => [...new Set([...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const text = (entry) => (entry && typeof entry === 'object' ? entry.message : undefined);

test('en exists', () => {
  assert.ok(locales.includes('en'), 'extension/_locales/en is missing');
});

for (const lang of locales) {
  test(`${lang}: valid messages.json`, () => {
    const { messages, error } = loaded[lang];
    assert.equal(error, undefined, error);
    assert.ok(messages && typeof messages === 'object' && !Array.isArray(messages), `${lang}: not an object`);
    const bad = [];
    for (const [key, entry] of Object.entries(messages)) {
      if (!KEY.test(key)) bad.push(`${key}: key must match ${KEY}`);
      if (!entry || typeof entry !== 'object' || typeof entry.message !== 'string') bad.push(`${key}: no "message" string`);
      else if (entry.message.trim() === '') bad.push(`${key}: empty message`);
      else if (/\$\d/.test(entry.message)) bad.push(`${key}: "$" followed by a digit (use {name} parameters)`);
    }
    if (bad.length) assert.fail(`${lang}:\n  ${bad.join('\n  ')}`);
  });

  // The checks below need the file to parse; 'valid messages.json' reports it when it does not.
  const skip = loaded[lang].error ? 'messages.json does not parse' : false;

  test(`${lang}: ext_description ≤ ${MAX_DESCRIPTION} characters`, { skip }, () => {
    const d = text(loaded[lang].messages?.ext_description);
    assert.equal(typeof d, 'string', `${lang}: ext_description is missing`);
    // Count code points, as the store does, not UTF-16 units.
    const n = [...d].length;
    assert.ok(n <= MAX_DESCRIPTION, `${lang}: ext_description is ${n} characters (max ${MAX_DESCRIPTION})`);
  });

  if (lang === 'en') continue;

  test(`${lang}: same keys as en`, { skip }, () => {
    const messages = loaded[lang].messages ?? {};
    const missing = Object.keys(en).filter((k) => !(k in messages));
    const extra = Object.keys(messages).filter((k) => !(k in en));
    const problems = [];
    if (missing.length) problems.push(`missing in ${lang} (${missing.length}): ${missing.join(', ')}`);
    if (extra.length) problems.push(`in ${lang} but not in en (${extra.length}): ${extra.join(', ')}`);
    if (problems.length) assert.fail(problems.join('\n'));
  });

  test(`${lang}: same {param} names as en`, { skip }, () => {
    const messages = loaded[lang].messages ?? {};
    const bad = [];
    for (const [key, entry] of Object.entries(messages)) {
      if (!(key in en)) continue;
      const want = params(text(en[key]) ?? '');
      const got = params(text(entry) ?? '');
      if (want.join() !== got.join()) bad.push(`${key}: {${got.join('}, {')}} instead of {${want.join('}, {')}}`);
    }
    if (bad.length) assert.fail(`${lang}:\n  ${bad.join('\n  ')}`);
  });
}

test('every message key the code names exists in en', () => {
  const used = new Map(); // key -> first file naming it
  const note = (key, file) => {
    if (key.endsWith('_')) return; // a dynamic prefix such as 'ui_action_' + type
    if (!used.has(key)) used.set(key, file);
  };
  const files = readdirSync(extDir).filter((f) => /\.(js|html)$/.test(f));
  for (const file of files) {
    const src = readFileSync(extDir + file, 'utf8');
    for (const m of src.matchAll(/['"`](ui_[a-z0-9_]+)['"`]/g)) note(m[1], file);
    for (const m of src.matchAll(/data-i18n(?:-[a-z-]+)?\s*=\s*["']([^"']+)["']/g)) note(m[1], file);
    for (const m of src.matchAll(/__MSG_(\w+?)__/g)) note(m[1], file);
  }
  const manifest = root + 'manifest.json';
  if (existsSync(manifest)) {
    for (const m of readFileSync(manifest, 'utf8').matchAll(/__MSG_(\w+?)__/g)) note(m[1], 'manifest.json');
  }
  assert.ok(used.size > 0, 'found no message keys in extension/*.js and *.html');
  const missing = [...used].filter(([key]) => !(key in en)).map(([key, file]) => `${key} (${file})`);
  if (missing.length) assert.fail(`used but missing in en/messages.json: ${missing.join(', ')}`);
});

test('every ui_ message in en is named by the code (no unused message)', () => {
  // The shell's files and the core's (src/view.rs names the retry line and culprit keys).
  const sources = readdirSync(extDir)
    .filter((f) => /\.(js|html)$/.test(f))
    .map((f) => readFileSync(extDir + f, 'utf8'));
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(`${dir}${d.name}/`) : d.name.endsWith('.rs') ? [readFileSync(dir + d.name, 'utf8')] : [],
    );
  const code = [...sources, ...walk(root + 'src/')].join('\n');
  // Keys made from a prefix and a word of the core's ('ui_action_' + an action type, ...), or
  // with a suffix ('ui_watch_started' + '_get').
  const prefixes = [...code.matchAll(/['"`](ui_[a-z0-9_]+_)['"`]/g)].map((m) => m[1]);
  const named = (key) =>
    code.includes(key) || prefixes.some((p) => key.startsWith(p)) || code.includes(key.replace(/_get$/, ''));
  const unused = Object.keys(en).filter((k) => k.startsWith('ui_') && !named(k));
  assert.deepEqual(unused, []);
});
