import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/*
 * node scripts/make-icons.ts — draws the home-screen icons in web/public/icons/ (PNG, no image
 * library and nothing downloaded): the favicon's white drop on the brand's plum, as a round icon
 * ("any") and as a full square with the drop inside the safe zone ("maskable", which Android
 * crops to its own shape). Run it again only if the design changes; the PNGs are committed.
 */
const PLUM = [0x7a, 0x1f, 0x4b] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const OUT = join(import.meta.dirname, '..', 'web', 'public', 'icons');

/** The drop of web/public/favicon.svg (a 32-unit box) as a polygon: two cubic curves and an arc. */
function dropOutline(): [number, number][] {
  const cubic = (p: number[][], t: number): [number, number] => {
    const u = 1 - t;
    const at = (i: number) =>
      u * u * u * (p[0]?.[i] ?? 0) +
      3 * u * u * t * (p[1]?.[i] ?? 0) +
      3 * u * t * t * (p[2]?.[i] ?? 0) +
      t * t * t * (p[3]?.[i] ?? 0);
    return [at(0), at(1)];
  };
  const points: [number, number][] = [];
  const steps = 64;
  for (let i = 0; i <= steps; i++)
    points.push(
      cubic(
        [
          [16, 7],
          [12, 13],
          [10, 16],
          [10, 19],
        ],
        i / steps,
      ),
    );
  // Lower half of the circle centred (16, 19), radius 6, from left to right.
  for (let i = 1; i < steps; i++) {
    const angle = Math.PI - (Math.PI * i) / steps;
    points.push([16 + 6 * Math.cos(angle), 19 + 6 * Math.sin(angle)]);
  }
  for (let i = 0; i <= steps; i++)
    points.push(
      cubic(
        [
          [22, 19],
          [22, 16],
          [20, 13],
          [16, 7],
        ],
        i / steps,
      ),
    );
  return points;
}

function inside(polygon: [number, number][], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] ?? [0, 0];
    const [xj, yj] = polygon[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** How many of a pixel's 4×4 samples fall on plum and on the white drop. */
function coverage(drop: [number, number][], size: number, maskable: boolean, px: number, py: number) {
  const samples = 4;
  let plum = 0;
  let white = 0;
  for (let sy = 0; sy < samples; sy++)
    for (let sx = 0; sx < samples; sx++) {
      // The point in the favicon's 32-unit box (maskable: the drop shrunk into the safe zone).
      const x = ((px + (sx + 0.5) / samples) / size) * 32;
      const y = ((py + (sy + 0.5) / samples) / size) * 32;
      const scale = maskable ? 0.8 : 1;
      if (inside(drop, 16 + (x - 16) / scale, 16 + (y - 16) / scale)) white++;
      else if (maskable || (x - 16) ** 2 + (y - 16) ** 2 <= 14 * 14) plum++;
    }
  return { plum, white, total: samples * samples };
}

/**
 * RGBA pixels of a `size`-pixel icon. Round: the favicon's plum circle on transparency. Maskable:
 * plum to the edges, the drop shrunk to sit inside the central 80 % circle Android keeps.
 */
function draw(size: number, maskable: boolean): Buffer {
  const drop = dropOutline();
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const { plum, white, total } = coverage(drop, size, maskable, px, py);
      const offset = (py * size + px) * 4;
      const covered = plum + white;
      for (let c = 0; c < 3; c++)
        pixels[offset + c] =
          covered === 0 ? 0 : Math.round(((PLUM[c] ?? 0) * plum + (WHITE[c] ?? 0) * white) / covered);
      pixels[offset + 3] = Math.round((covered / total) * 255);
    }
  return pixels;
}

function png(size: number, rgba: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Each row starts with filter type 0 (none).
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
] as const) {
  writeFileSync(join(OUT, name), png(size, draw(size, maskable)));
  process.stdout.write(`web/public/icons/${name}\n`);
}
