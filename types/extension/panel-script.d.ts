// The function tools/panel-script.mjs makes from format.js, render.js and content.js (in dist/ only).
/** The in-page panel, injected with `scripting.executeScript({ func: panelScript, args: [view] })`. */
export function panelScript(view: unknown): void;
