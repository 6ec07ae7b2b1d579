// Where the worker's heap grows: a heap snapshot of the service worker after 5 failures and
// again after N failing navigations in 4 tabs (default 600), and the difference by object
// kind and constructor, largest first. A diagnostic, not part of `./build.sh bench`.
//
//   node tools/bench/heap-growth.mjs [N]
import { launch } from '../../tests/e2e/lib/chromium.mjs';
import { upstream, startNginx, freePort } from '../../tests/e2e/lib/servers.mjs';
const d = await launch({ extensionDir: new URL('../../dist/chrome', import.meta.url).pathname, privateAccess: false });
const up = upstream(await freePort());
const ng = await startNginx({ upstreamPort: up.port });
const page = d.page();
async function snap(tag) {
  const s = await d.context.newCDPSession(page);
  const { targetInfos } = await s.send('Target.getTargets');
  const t = targetInfos.find((i) => i.type === 'service_worker' && i.url.includes(d.extensionId));
  const { sessionId } = await s.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
  let id = 0; const waiting = new Map(); let chunks = [];
  s.on('Target.receivedMessageFromTarget', (m) => { const r = JSON.parse(m.message); if (r.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(r.params.chunk); else if (waiting.has(r.id)) { waiting.get(r.id)(r); waiting.delete(r.id); } });
  const send = (method, params = {}) => new Promise((res) => { const i = ++id; waiting.set(i, res); s.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method, params }) }); });
  await send('HeapProfiler.collectGarbage');
  const hu = await send('Runtime.getHeapUsage');
  await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const snap = JSON.parse(chunks.join(''));
  const m = snap.snapshot.meta; const nf = m.node_fields.length; const types = m.node_types[0];
  const it = m.node_fields.indexOf('type'), iname = m.node_fields.indexOf('name'), isz = m.node_fields.indexOf('self_size');
  const agg = new Map();
  for (let i = 0; i < snap.nodes.length; i += nf) { const k = types[snap.nodes[i + it]] + ':' + snap.strings[snap.nodes[i + iname]].slice(0, 60); const a = agg.get(k) || [0, 0]; a[0]++; a[1] += snap.nodes[i + isz]; agg.set(k, a); }
  await s.detach();
  console.log(tag, 'used', hu.result.usedSize);
  return agg;
}
for (let i = 0; i < 5; i++) await d.goto(ng.url('/w?' + i));
const a = await snap('after 5');
const tabs = [page, await d.context.newPage(), await d.context.newPage(), await d.context.newPage()];
const N = Number(process.argv[2] || 600);
for (let n = 0; n < N; n += 4) await Promise.all(tabs.map((p, k) => p.goto(ng.url(`/storm/${k}?${n + k}`), { waitUntil: 'commit' }).catch(() => {})));
await new Promise((r) => setTimeout(r, 4000));
const b = await snap(`after ${N}`);
const rows = [...b].map(([k, [c, s]]) => { const [c0, s0] = a.get(k) || [0, 0]; return [k, c - c0, s - s0]; }).sort((x, y) => y[2] - x[2]).slice(0, 25);
for (const r of rows) console.log(r[2], r[1], r[0]);
await d.close(); await ng.stop();
