// @ts-check
// The shell's one URL helper: the same page (fragments aside), a URL's origin.

/** `url` without its fragment.
 * @param {string | null | undefined} url
 * @returns {string} */
export function withoutFragment(url) {
  const s = String(url || '');
  const i = s.indexOf('#');
  return i < 0 ? s : s.slice(0, i);
}

/** Whether two URLs are the same page (they differ at most in the fragment).
 * @param {string | null | undefined} a
 * @param {string | null | undefined} b */
export const sameUrl = (a, b) => withoutFragment(a) === withoutFragment(b);

/** The origin of `url`, or '' when it has none.
 * @param {string} url
 * @returns {string} */
export function originOf(url) {
  try {
    const o = new URL(url).origin;
    return o && o !== 'null' ? o : '';
  } catch {
    return '';
  }
}
