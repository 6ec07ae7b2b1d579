// @ts-check
// The shell's one URL helper.

/** Whether two URLs are the same page (they differ at most in the fragment).
 * @param {string | null | undefined} a @param {string | null | undefined} b */
export const sameUrl = (a, b) => String(a || '').split('#')[0] === String(b || '').split('#')[0];
