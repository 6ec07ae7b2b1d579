// extension/trust.js with fake senders: a content script speaks only for its own tab, sends
// only the page report and the actions its tab's advice offered (the core's contentAction,
// src/trust.rs, in the built wasm); the rest only from our pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { admit, senderKind } from '../../extension/trust.js';

const pkg = fileURLToPath(new URL('../../dist/chrome/pkg/', import.meta.url));
const core = await import(pkg + 'gateway_doctor.js');
core.initSync({ module: readFileSync(pkg + 'gateway_doctor_bg.wasm') });
const { contentAction } = core;

const ID = 'gateway-doctor@test';
const OWN = 'chrome-extension://abcdefgh/';
const content = (tabId = 7, url = 'http://evil.example/') => ({ id: ID, url, tab: { id: tabId } });
const ownPage = (path = 'popup.html', tab) => ({ id: ID, url: OWN + path, ...(tab ? { tab } : {}) });

test('senderKind: our pages, our content scripts, and nobody else', () => {
  assert.equal(senderKind(ownPage(), ID, OWN), 'own');
  assert.equal(senderKind(ownPage('diagnosis.html?tab=3', { id: 3 }), ID, OWN), 'own');
  assert.equal(senderKind(content(), ID, OWN), 'content');
  assert.equal(senderKind({ ...content(), id: 'other-extension' }, ID, OWN), null);
  assert.equal(senderKind({ id: ID, url: 'http://evil.example/' }, ID, OWN), null, 'no tab, not our page');
  assert.equal(senderKind({ id: ID, url: OWN.slice(0, -1) + 'x/popup.html' }, ID, OWN), null, 'another origin that shares a prefix');
  assert.equal(senderKind({ id: ID, url: `http://evil.example/?${OWN}`, tab: { id: 1 } }, ID, OWN), 'content');
  assert.equal(senderKind(undefined, ID, OWN), null);
  assert.equal(senderKind({ ...content(), tab: { id: -1 } }, ID, OWN), null);
});

test('admit: a content script speaks for its own tab, whatever the message says', () => {
  assert.deepEqual(admit({ type: 'gd:page', tabId: 99 }, content(7), ID, OWN), { kind: 'content', tabId: 7 });
  assert.deepEqual(admit({ type: 'gd:action', tabId: 99, action: { type: 'retry' } }, content(7), ID, OWN), { kind: 'content', tabId: 7 });
});

test('admit: views, watch lists, leaving and unknown types only from our pages', () => {
  for (const type of ['gd:view', 'gd:leaving', 'gd:watch-list', 'gd:watch-cancel', 'gd:settings', 'gd:anything']) {
    assert.equal(admit({ type, tabId: 3 }, content(7), ID, OWN), null, type);
    assert.ok(admit({ type, tabId: 3 }, ownPage(), ID, OWN), type);
  }
  assert.deepEqual(admit({ type: 'gd:view', tabId: 3 }, ownPage(), ID, OWN), { kind: 'own', tabId: 3 });
  assert.deepEqual(admit({ type: 'gd:view' }, ownPage('diagnosis.html', { id: 5 }), ID, OWN), { kind: 'own', tabId: 5 });
  assert.equal(admit({ type: 'gd:view', tabId: 3 }, { id: 'x', url: OWN + 'popup.html' }, ID, OWN), null);
  assert.equal(admit(null, ownPage(), ID, OWN), null);
});

const advice = {
  steps: [
    { id: 'retry', action: { type: 'retry' } },
    { id: 'clear-site-data', action: { type: 'clear-site-data' } },
    { id: 'disable-extensions', params: { extensions: [] } },
    { id: 'status-page', action: { type: 'open-url', url: 'https://status.example.com/' } },
    { id: 'disable-one', action: { type: 'disable-extension', id: 'abc' } },
  ],
};

test('contentAction: harmless panel actions run, setup changes are confirmed on our page', () => {
  assert.equal(contentAction({ type: 'retry' }, advice), 'run');
  assert.equal(contentAction({ type: 'open-incognito' }, { steps: [] }), 'run');
  assert.equal(contentAction({ type: 'watch' }, advice), 'run');
  assert.equal(contentAction({ type: 'open-url', url: 'https://status.example.com/' }, advice), 'run');
  assert.equal(contentAction({ type: 'clear-site-data' }, advice), 'confirm');
  assert.equal(contentAction({ type: 'disable-extension', id: 'abc' }, advice), 'confirm');
  assert.equal(contentAction({ type: 'check-extensions' }, advice), 'confirm');
});

test('contentAction: what the advice did not offer is refused', () => {
  assert.equal(contentAction({ type: 'open-url', url: 'https://evil.example/' }, advice), 'refuse');
  assert.equal(contentAction({ type: 'disable-extension', id: 'another' }, advice), 'refuse');
  assert.equal(contentAction({ type: 'enable-extension', id: 'abc' }, advice), 'refuse');
  assert.equal(contentAction({ type: 'enable-extension', id: 'abc' }, advice, [{ id: 'abc' }]), 'confirm');
  assert.equal(contentAction({ type: 'check-proxy-settings' }, advice), 'refuse');
  assert.equal(contentAction({ type: 'clear-site-data' }, { steps: [] }), 'refuse');
  assert.equal(contentAction({ type: 'set-clock-scale' }, advice), 'refuse');
  assert.equal(contentAction(undefined, advice), 'refuse');
  assert.equal(contentAction({ type: 'clear-site-data' }, undefined), 'refuse');
  // malformed, as a hostile page's renderer could send it: refused, never thrown
  assert.equal(contentAction({ type: 5 }, advice), 'refuse');
  assert.equal(contentAction({ type: 'open-url', url: 5 }, advice), 'refuse');
  assert.equal(contentAction({ type: 'clear-site-data' }, 'steps'), 'refuse');
  assert.equal(contentAction({ type: 'enable-extension', id: 'abc' }, advice, [{}]), 'refuse');
});
