// Reads one pixel of a PNG screenshot (8-bit RGB or RGBA, not interlaced, as both drivers
// give): tests/e2e/isolation.scenarios.mjs checks what the person sees, not what the DOM says.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** `{ width, height, at(x, y) -> [r, g, b] }` of the PNG file at `path`. */
export function readPng(path) {
  const b = readFileSync(path);
  let width = 0;
  let height = 0;
  let channels = 0;
  const data = [];
  for (let i = 8; i < b.length; ) {
    const len = b.readUInt32BE(i);
    const type = b.toString('ascii', i + 4, i + 8);
    const body = b.subarray(i + 8, i + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = { 2: 3, 6: 4 }[body[9]];
      if (!channels) throw new Error(`PNG colour type ${body[9]}`);
    } else if (type === 'IDAT') data.push(body);
    i += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const px = Buffer.alloc(stride * height);
  // undo the per-row filters (PNG spec 9.2): none, sub, up, average, Paeth
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = px.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? px.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels] : 0;
      const c = x >= channels ? up[x - channels] : 0;
      const u = up[x];
      let v = src[x];
      if (f === 1) v += a;
      else if (f === 2) v += u;
      else if (f === 3) v += (a + u) >> 1;
      else if (f === 4) {
        const p = a + u - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - u);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? u : c;
      }
      row[x] = v & 255;
    }
  }
  return { width, height, at: (x, y) => [...px.subarray(y * stride + x * channels, y * stride + x * channels + 3)] };
}
