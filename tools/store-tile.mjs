// The Chrome Web Store's small promotional tile (440x280): an HTML page rendered by Debian's
// Chromium (playwright-core), with the add-on's icon and the English listing's name and summary
// (store/listings/en.json). Usage: node tools/store-tile.mjs [out.png]
// (default store/promo-tile-440x280.png). ./build.sh test runs it before the store test.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXECUTABLE, CHROMIUM_ARGS } from '../tests/e2e/lib/chromium.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const TILE = { width: 440, height: 280 };
const out = process.argv[2] || `${ROOT}store/promo-tile-440x280.png`;

const icon = readFileSync(`${ROOT}extension/icons/icon-128.png`).toString('base64');
const listing = JSON.parse(readFileSync(`${ROOT}store/listings/en.json`, 'utf8'));
const title = listing.name;
const esc = (t) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

// A pale ground under the icon's teal (tools/make-icons.mjs), text in a darker teal.
const html = `<!doctype html><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${TILE.width}px; height: ${TILE.height}px; overflow: hidden; }
  body { background: #ecfdf5; color: #134e4a; font-family: "DejaVu Sans", sans-serif;
         display: flex; align-items: center; gap: 22px; padding: 0 28px; box-sizing: border-box; }
  img { width: 112px; height: 112px; flex: none; }
  h1 { font-size: 28px; margin: 0 0 10px; white-space: nowrap; }
  p { font-size: 15px; line-height: 1.35; margin: 0; }
  b { color: #b91c1c; }
</style>
<img src="data:image/png;base64,${icon}" alt="">
<div><h1>${esc(title)}</h1><p><b>502? 5xx? No response?</b><br>What happened, whose fault it is, and the fix in one click.</p></div>`;

const browser = await chromium.launch({ executablePath: EXECUTABLE, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: TILE, deviceScaleFactor: 1 });
  await page.setContent(html);
  writeFileSync(out, await page.screenshot());
} finally {
  await browser.close();
}
console.log(`wrote ${out}`);
