// Real servers for the end-to-end tests, on 127.0.0.1 only: an upstream the test starts,
// stops and scripts, and a real nginx in front of it as the failing gateway.
import { createServer } from 'node:http';
import { createServer as createNetServer, connect } from 'node:net';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HOST = '127.0.0.1';

/** A port that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port (bounded). */
export async function waitForPort(port, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const sock = connect(port, HOST);
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listens on ${HOST}:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const OK_PAGE = '<!doctype html><html><head><title>Upstream OK</title></head><body><h1 id="ok">The real page</h1></body></html>';

/**
 * An HTTP server the test controls. `handler(req, res)` may be replaced at any time; by
 * default it answers 200 with OK_PAGE. Every request is recorded in `requests`.
 */
export function upstream(port) {
  const sockets = new Set();
  const u = {
    port,
    url: (path = '/') => `http://${HOST}:${port}${path}`,
    requests: [],
    handler: (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(OK_PAGE);
    },
    server: null,
    async start() {
      if (u.server) return u;
      const server = createServer((req, res) => {
        u.requests.push({ method: req.method, url: req.url, at: Date.now(), headers: req.headers });
        u.handler(req, res);
      });
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, HOST, resolve);
      });
      u.server = server;
      return u;
    },
    async stop() {
      const server = u.server;
      if (!server) return;
      u.server = null;
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return u;
}

function nginxBinary() {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(p)) return p;
  try {
    return execFileSync('which', ['nginx']).toString().trim();
  } catch {
    return null;
  }
}

export function nginxAvailable() {
  return nginxBinary() ? { ok: true } : { ok: false, why: 'nginx is not installed (apt-get install nginx)' };
}

/**
 * A real nginx on 127.0.0.1:`port` proxying to 127.0.0.1:`upstreamPort`, with its own
 * prefix directory, config and logs. nginx writes its own 502/504 pages (a 504 after
 * `readTimeout` of silence).
 */
export async function startNginx({ upstreamPort, port, readTimeout = '5s' }) {
  const bin = nginxBinary();
  if (!bin) throw new Error('nginx is not installed');
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gd-nginx-'));
  for (const d of ['tmp', 'logs']) mkdirSync(join(dir, d));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 128; }
http {
  access_log ${dir}/logs/access.log;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  server {
    listen ${HOST}:${port};
    location / {
      proxy_pass http://${HOST}:${upstreamPort};
      proxy_connect_timeout 2s;
      proxy_read_timeout ${readTimeout};
      proxy_next_upstream off;
    }
  }
}
`,
  );
  const proc = spawn(bin, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (b) => {
    stderr += b;
  });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  try {
    await Promise.race([
      waitForPort(port),
      exited.then((code) => {
        throw new Error(`nginx exited (${code}): ${stderr}`);
      }),
    ]);
  } catch (e) {
    proc.kill('SIGKILL');
    throw e;
  }
  return {
    port,
    dir,
    url: (path = '/') => `http://${HOST}:${port}${path}`,
    /** The access log's lines so far. */
    accessLog() {
      const f = join(dir, 'logs', 'access.log');
      return existsSync(f) ? readFileSync(f, 'utf8').split('\n').filter(Boolean) : [];
    },
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        const t = setTimeout(() => proc.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An upstream that is down (not started) behind a real nginx; `stop()` ends both. */
export async function failingGateway() {
  const up = upstream(await freePort());
  const gw = await startNginx({ upstreamPort: up.port });
  return {
    up,
    gw,
    async stop() {
      await gw.stop();
      await up.stop();
    },
  };
}

/** Polls `fn` until it returns a truthy value; throws `what` after `timeoutMs`. */
export async function waitFor(fn, { timeoutMs = 10_000, intervalMs = 100, what = 'condition' } = {}) {
  const until = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${last?.message ?? JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

