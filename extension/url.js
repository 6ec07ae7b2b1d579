// @ts-check
// The shell's one URL helper.

/** The same page (at most the fragment differs). @param {string | null | undefined} a @param {string | null | undefined} b */
export const sameUrl = (a, b) => String(a || '').split('#')[0] === String(b || '').split('#')[0];
