// The same inputs as benches/core.rs, for the JavaScript side: the captured responses in
// tests/fixtures/<gateway>/<scenario>.http (curl -i output) as diagnose gets them, a few
// inline realistic failures, and 1,000 known hosts.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const URL_ = 'https://www.example.com/some/page';
const TS = 1_795_000_000_000;

export function parseHttp(raw) {
  const text = raw.toString('utf8');
  let i = text.indexOf('\r\n\r\n');
  let head, body;
  if (i >= 0) [head, body] = [text.slice(0, i), text.slice(i + 4)];
  else if ((i = text.indexOf('\n\n')) >= 0) [head, body] = [text.slice(0, i), text.slice(i + 2)];
  else [head, body] = [text, ''];
  const lines = head.split(/\r?\n/);
  const statusLine = lines.shift().trim();
  const statusCode = Number(statusLine.split(/\s+/)[1]) || 0;
  const responseHeaders = lines
    .filter((l) => l.includes(':'))
    .map((l) => ({ name: l.slice(0, l.indexOf(':')).trim(), value: l.slice(l.indexOf(':') + 1).trim() }));
  return { statusCode, statusLine, responseHeaders, bodyText: body };
}

export function fixtureFailures(root) {
  const dir = join(root, 'tests/fixtures');
  const out = [];
  if (!existsSync(dir)) return out;
  for (const gw of readdirSync(dir).sort()) {
    const d = join(dir, gw);
    if (gw === 'capture' || !statSync(d).isDirectory()) continue;
    for (const f of readdirSync(d).sort()) {
      if (!f.endsWith('.http')) continue;
      const forward = gw === 'squid' || gw === 'tinyproxy';
      out.push({
        name: `${gw}/${f.slice(0, -5)}`,
        failure: {
          url: URL_,
          method: 'GET',
          ...parseHttp(readFileSync(join(d, f))),
          ...(forward ? { proxy: { type: 'http', host: '127.0.0.1', port: 3128 } } : {}),
          timeStamp: TS,
        },
      });
    }
  }
  return out;
}

const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';

export const inline = {
  'nginx-502': {
    url: URL_,
    method: 'GET',
    statusCode: 502,
    statusLine: 'HTTP/1.1 502 Bad Gateway',
    responseHeaders: [
      { name: 'Server', value: 'nginx/1.22.1' },
      { name: 'Date', value: 'Tue, 24 Nov 2026 17:57:26 GMT' },
      { name: 'Content-Type', value: 'text/html' },
      { name: 'Content-Length', value: '157' },
    ],
    bodyText: NGINX_502,
    timeStamp: TS,
  },
  'chromium-refused': { url: URL_, method: 'GET', error: 'net::ERR_CONNECTION_REFUSED', timeStamp: TS },
  'firefox-tls-message': { url: URL_, method: 'GET', error: 'Peer’s Certificate issuer is not recognized.', timeStamp: TS },
};

/** 1,000 plausible, distinct hostnames (the same list as benches/core.rs). */
export function knownHosts(n = 1000) {
  const WORDS = ['news', 'shop', 'mail', 'docs', 'cloud', 'video', 'bank', 'travel', 'music', 'games', 'photo', 'sport', 'health', 'maps', 'weather', 'books', 'jobs', 'food', 'home', 'auto'];
  const TLDS = ['com', 'org', 'net', 'de', 'co.uk', 'io', 'fr', 'app'];
  const hosts = ['github.com', 'www.wikipedia.org'];
  for (let i = 0; hosts.length < n; i++) {
    const w = WORDS[i % WORDS.length];
    const v = WORDS[Math.floor(i / WORDS.length) % WORDS.length];
    const t = TLDS[i % TLDS.length];
    hosts.push(`${i % 3 === 0 ? 'www.' : ''}${w}${v}${Math.floor(i / 400)}.${t}`);
  }
  return hosts;
}

export function environment(hosts) {
  return {
    url: URL_,
    method: 'GET',
    browser: 'chrome',
    platform: 'linux',
    knownHosts: hosts,
    recentFailures: Array.from({ length: 20 }, (_, i) => ({ host: `site${i}.example.org`, at: TS - i * 30_000, cause: 'upstream-unreachable' })),
    extensions: Array.from({ length: 10 }, (_, i) => ({
      id: String(i).padStart(32, '0'),
      name: i === 3 ? 'Fast VPN' : `Helper ${i}`,
      enabled: true,
      type: 'extension',
      permissions: i === 3 ? ['proxy', 'storage'] : ['storage', 'tabs'],
      hostPermissions: ['<all_urls>'],
      installType: 'normal',
      mayDisable: true,
    })),
    incognitoAllowed: true,
    attempts: 0,
    now: TS,
  };
}
