// The store listings (store/): every locale of the extension has one, within the stores'
// limits, naming every permission and the privacy policy; every file store/README.md names
// exists, and the images have the sizes the stores ask for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STORE = ROOT + 'store/';
const read = (p) => readFileSync(ROOT + p, 'utf8');
const json = (p) => JSON.parse(read(p));

const LOCALES = readdirSync(ROOT + 'extension/_locales').sort();
const manifest = json('manifest.json');
const PERMISSIONS = [...manifest.permissions, ...manifest.optional_permissions];

// The strictest of the Chrome Web Store's and addons.mozilla.org's limits (store/README.md).
const LIMITS = { name: 45, summary: 132, description: 16_000 };

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(path) {
  const b = readFileSync(path);
  assert.equal(b.toString('latin1', 1, 4), 'PNG', `${path} is a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test('the extension has the four locales the listings are written for', () => {
  assert.deepEqual(LOCALES, ['de', 'en', 'es', 'fr']);
});

for (const locale of LOCALES) {
  test(`store listing ${locale}: within the limits, every permission and the privacy policy`, () => {
    const path = `store/listings/${locale}.json`;
    assert.ok(existsSync(ROOT + path), `${path} exists`);
    const l = json(path);
    const messages = json(`extension/_locales/${locale}/messages.json`);
    assert.equal(l.locale, locale);

    assert.ok(l.name.length > 0 && l.name.length <= LIMITS.name, `name: ${l.name.length} characters`);
    // Both stores show the manifest's name and description: the listing says the same.
    assert.equal(l.name, messages.ext_name.message, 'name = the manifest name in this locale');
    assert.ok(l.summary.length > 0 && l.summary.length <= LIMITS.summary, `summary: ${l.summary.length} characters`);
    assert.equal(l.summary, messages.ext_description.message, 'summary = the manifest description in this locale');
    assert.ok(messages.ext_description.message.length <= 132, 'the manifest description fits the Chrome Web Store');

    assert.ok(Array.isArray(l.description) && l.description.every((p) => typeof p === 'string' && p.trim()));
    const text = l.description.join('\n\n');
    assert.ok(text.length >= 1000 && text.length <= LIMITS.description, `description: ${text.length} characters`);
    for (const p of PERMISSIONS) assert.ok(text.includes(`(${p}`), `the description names the permission ${p}`);
    // Host access in words that hold for <all_urls> and for http://*/* + https://*/*.
    assert.match(text, /\bhttp\b.*\bhttps\b/, 'the description says which sites the host access covers');
    // The policy in this locale (PRIVACY.<locale>.md, translated) and the English reference.
    const policy = locale === 'en' ? 'PRIVACY.md' : `PRIVACY.${locale}.md`;
    assert.equal(l.privacyPolicy, policy);
    assert.ok(existsSync(ROOT + policy), `${policy} exists`);
    for (const p of new Set([policy, 'PRIVACY.md'])) assert.ok(text.includes(p), `the description names ${p}`);
    assert.ok(!/<[a-z]/i.test(text), 'plain text, no HTML');
  });
}

test('every file store/README.md names exists; images have the sizes the stores ask for', () => {
  const names = [...read('store/README.md').matchAll(/`([\w./<>-]+\.(?:png|json|md|mjs))`/g)].map((m) => m[1]);
  const files = names.filter((n) => !n.includes('<'));
  assert.ok(files.filter((n) => n.startsWith('screenshots/')).length >= 12, 'the screenshots are listed');
  for (const n of files) {
    const path = [STORE + n, ROOT + n, STORE + '../' + n.replace(/^\.\.\//, '')].find((p) => existsSync(p));
    assert.ok(path, `${n} exists`);
    if (n.startsWith('screenshots/')) assert.deepEqual(pngSize(path), { width: 1280, height: 800 }, n);
  }
  assert.deepEqual(pngSize(STORE + 'promo-tile-440x280.png'), { width: 440, height: 280 });
  // And nothing in store/screenshots/ that the README does not list.
  for (const f of readdirSync(STORE + 'screenshots')) assert.ok(files.includes(`screenshots/${f}`), `${f} is listed`);
});

test('the README links the privacy policy', () => {
  assert.match(read('README.md'), /\]\(PRIVACY\.md\)/);
});

test('the translated privacy policies have the sections and table rows of the English one', () => {
  const shape = (p) => {
    const t = read(p);
    return { sections: t.match(/^## /gm).length, rows: t.match(/^\| .*`storage\.(session|local|sync)`/gm).map((r) => r.match(/`storage\.\w+`/)[0]) };
  };
  const en = shape('PRIVACY.md');
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    assert.deepEqual(shape(`PRIVACY.${locale}.md`), en, `PRIVACY.${locale}.md`);
    assert.ok(read('PRIVACY.md').includes(`(PRIVACY.${locale}.md)`), `PRIVACY.md links PRIVACY.${locale}.md`);
  }
});
