// @ts-check
// The options page, saved to storage.sync as soon as a field changes.
import { localize, msg, byId } from './page.js';
import { getSettings, setSettings, siteOf } from './settings.js';
import { core } from './core.js';
import { KNOWN_HOSTS_KEY, MAX_KNOWN_HOSTS, countKnownHosts, forgetKnownHosts } from './known-hosts.js';

localize();
/** @type {(id: string) => HTMLInputElement} */
const $ = byId;

// Forget works before the core is loaded.
async function showKnown() {
  const count = await countKnownHosts();
  $('knownText').textContent = msg('ui_options_known_hosts', { count, max: MAX_KNOWN_HOSTS });
  $('forgetHosts').disabled = count === 0;
}
$('forgetHosts').addEventListener('click', async () => {
  await forgetKnownHosts();
  $('knownStatus').textContent = msg('ui_options_forgotten');
  await showKnown();
});
showKnown();

const MOST = Number((await core()).limits().maxAttempts);
const status = byId('status');
/** @type {HTMLTextAreaElement} */
const sites = byId('ignoredSites');
const TOGGLES = /** @type {const} */ (['autoRetry', 'notifications', 'panel']);

/** @param {GdSettings} s */
function fill(s) {
  for (const k of TOGGLES) $(k).checked = s[k];
  $('maxAttempts').value = String(Math.min(s.maxAttempts ?? MOST, MOST));
  $('maxAttempts').max = String(MOST);
  $('maxAttempts').disabled = !s.autoRetry;
  if (document.activeElement !== sites) sites.value = s.ignoredSites.join('\n');
}

async function save() {
  const lines = sites.value.split(/[\n,]+/).map((l) => l.trim()).filter(Boolean);
  const bad = lines.filter((l) => !siteOf(l));
  const s = await setSettings({
    ...Object.fromEntries(TOGGLES.map((k) => [k, $(k).checked])),
    maxAttempts: Math.min(Number($('maxAttempts').value) || MOST, MOST),
    ignoredSites: lines.map(siteOf).filter(Boolean),
  });
  $('maxAttempts').disabled = !s.autoRetry;
  status.dataset.ok = bad.length ? 'false' : 'true';
  status.textContent = bad.length ? msg('ui_options_invalid', { sites: bad.slice(0, 5) }) : msg('ui_options_saved');
}

const form = byId('options');
form.addEventListener('submit', (ev) => ev.preventDefault());
form.addEventListener('change', () =>
  save().catch((e) => {
    status.dataset.ok = 'false';
    status.textContent = String(e?.message || e);
  }));

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync') getSettings().then(fill);
  if (area === 'local' && KNOWN_HOSTS_KEY in changes) showKnown();
});
fill(await getSettings());
