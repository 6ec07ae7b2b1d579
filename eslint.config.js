// The linter for the extension's JavaScript (./build.sh test): eslint's recommended rules,
// nothing more. The extension's pages and the background are ES modules; render.js and
// content.js are classic scripts (content scripts cannot import).
import js from '@eslint/js';

const browser = Object.fromEntries(
  ['chrome', 'globalThis', 'window', 'document', 'navigator', 'location', 'console', 'fetch', 'URL', 'URLSearchParams',
    'AbortSignal', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'structuredClone', 'performance',
    'MutationObserver', 'requestAnimationFrame', 'getComputedStyle', 'HTMLElement', 'Event', 'KeyboardEvent', 'Node',
    'ShadowRoot', 'Element', 'queueMicrotask', 'addEventListener', 'removeEventListener', 'innerWidth', 'innerHeight', 'GatewayDoctorRender', 'GatewayDoctorFormat', 'GatewayDoctorMessages', 'GatewayDoctorCSS', 'GatewayDoctorSameUrl', 'GatewayDoctorSameResponseMs'].map((n) => [n, 'readonly']),
);

export default [
  { ignores: ['dist/**', 'target/**', 'node_modules/**', 'fuzz/**', 'tests/**', 'tools/**', 'benches/**', 'extension/pkg/**', 'extension/panel-script.js'] },
  js.configs.recommended,
  {
    files: ['extension/**/*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: browser },
    rules: { 'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }] },
  },
  {
    files: ['extension/render.js', 'extension/content.js'],
    languageOptions: { sourceType: 'script' },
  },
];
