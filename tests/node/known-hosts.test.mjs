// extension/known-hosts.js: which responses add a host to "did you mean?", and its bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostToRemember, withHost, cleanHosts, rememberResponse, MAX_KNOWN_HOSTS } from '../../extension/known-hosts.js';

test('only a 2xx response outside private windows adds its host', () => {
  assert.equal(hostToRemember({ statusCode: 200, url: 'https://shop.example.com/a', incognito: false }), 'shop.example.com');
  assert.equal(hostToRemember({ statusCode: 204, url: 'http://a.example/', incognito: false }), 'a.example');
  for (const statusCode of [301, 302, 307, 308, 304, 404, 500, 502, 199, undefined]) {
    assert.equal(hostToRemember({ statusCode, url: 'https://example.com/', incognito: false }), null, String(statusCode));
  }
  assert.equal(hostToRemember({ statusCode: 200, url: 'https://example.com/', incognito: true }), null);
  assert.equal(hostToRemember({ statusCode: 200, url: 'https://example.com/' }), null, 'unknown: not remembered');
  assert.equal(hostToRemember({ statusCode: 200, url: 'ftp://example.com/', incognito: false }), null);
  assert.equal(hostToRemember({ statusCode: 200, url: 'not a url', incognito: false }), null);
  assert.equal(hostToRemember({ statusCode: 200, url: `https://${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.com/`, incognito: false }), null);
});

test('the list keeps the most recent hosts, once each, within the bound', () => {
  const list = [];
  for (let i = 0; i < MAX_KNOWN_HOSTS + 50; i++) withHost(list, `h${i}.example`);
  assert.equal(list.length, MAX_KNOWN_HOSTS);
  assert.equal(list[0], 'h50.example');
  withHost(list, 'h60.example');
  assert.equal(list.at(-1), 'h60.example');
  assert.equal(list.filter((h) => h === 'h60.example').length, 1);
  assert.ok(MAX_KNOWN_HOSTS <= 1000);
});

test('a stored value is cleaned and bounded', () => {
  assert.deepEqual(cleanHosts(undefined), []);
  assert.deepEqual(cleanHosts({ length: 5 }), []);
  assert.deepEqual(cleanHosts(['a.example', 5, '', null, 'x'.repeat(300), 'b.example']), ['a.example', 'b.example']);
  assert.equal(cleanHosts(Array.from({ length: 5000 }, (_, i) => `h${i}`)).length, MAX_KNOWN_HOSTS);
});

test('a response that adds no host (redirect, 4xx, 5xx) asks nothing of its tab', async () => {
  for (const statusCode of [199, 301, 304, 404, 502]) {
    let asked = false;
    await rememberResponse({ statusCode, url: 'https://shop.example/' }, async () => {
      asked = true;
      return false;
    });
    assert.equal(asked, false, `status ${statusCode}`);
  }
});
