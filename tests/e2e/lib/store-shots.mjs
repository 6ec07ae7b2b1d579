// The store listings' screenshots (store/screenshots/, 1280x800, light and dark), taken by the
// end-to-end flows at the moments they also write docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const STORE_SCREENSHOTS = fileURLToPath(new URL('../../../store/screenshots/', import.meta.url));
/** The Chrome Web Store's and addons.mozilla.org's screenshot size. */
export const STORE_SIZE = { width: 1280, height: 800 };

/** Writes store/screenshots/<name>-light.png and <name>-dark.png of what the driver shows. */
export async function storeShots(d, name) {
  mkdirSync(STORE_SCREENSHOTS, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    await d.storeScreenshot(join(STORE_SCREENSHOTS, `${name}-${scheme}.png`), { ...STORE_SIZE, scheme });
  }
}
