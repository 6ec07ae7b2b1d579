// Draws the extension's icons (a white cross on a teal disc with a red notch) as PNGs.
// Usage: node tools/make-icons.mjs extension/icons
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (buf) => {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y, size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
// Supersampled coverage of the shapes at pixel (x, y).
function pixel(x, y, s) {
  const N = 4;
  let disc = 0, cross = 0, notch = 0;
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) {
      const u = (x + (i + 0.5) / N) / s - 0.5, v = (y + (j + 0.5) / N) / s - 0.5;
      const inDisc = u * u + v * v <= 0.24;
      const inCross = (Math.abs(u) < 0.09 && Math.abs(v) < 0.29) || (Math.abs(v) < 0.09 && Math.abs(u) < 0.29);
      const inNotch = (u - 0.3) ** 2 + (v - 0.3) ** 2 <= 0.018;
      if (inNotch) notch++;
      else if (inDisc && inCross) cross++;
      else if (inDisc) disc++;
    }
  const t = N * N, a = (disc + cross + notch) / t;
  if (a === 0) return [0, 0, 0, 0];
  const mix = (c) => Math.round((disc * c[0] + cross * c[1] + notch * c[2]) / (disc + cross + notch));
  const teal = [0x0f, 0x76, 0x6e], white = [255, 255, 255], red = [0xd3, 0x2f, 0x2f];
  return [0, 1, 2].map((k) => mix([teal[k], white[k], red[k]])).concat(Math.round(a * 255));
}
const dir = process.argv[2] || 'extension/icons';
for (const size of [16, 32, 48, 128]) writeFileSync(`${dir}/icon-${size}.png`, png(size, pixel));
