import { deflateSync } from 'node:zlib';
import type { TrayIconState } from './tray-model';

/**
 * The tray icon, drawn from one description: Ricochet's mark in monochrome (light with a dark
 * edge, so it reads on light and dark bars; black in macOS template images), and the state as
 * a badge with its own shape (so it reads without colour) and colour. The same code makes the
 * runtime images and the files `build/generate-icons.ts` writes for packaging.
 */
const colours: Record<TrayIconState, [number, number, number]> = {
  free: [26, 127, 55],
  busy: [198, 40, 40],
  tentative: [178, 106, 0],
  oof: [106, 27, 154],
  focus: [21, 101, 192],
  away: [141, 110, 0],
  dnd: [183, 28, 28],
  off: [107, 114, 128],
  offline: [107, 114, 128],
  unknown: [107, 114, 128],
};

/** Is (x, y) in the unit square [0,1)² inside the state's shape? */
const shapes: Record<TrayIconState, (x: number, y: number) => boolean> = {
  free: (x, y) => (x - 0.5) ** 2 + (y - 0.5) ** 2 <= 0.2,
  busy: (x, y) => x >= 0.1 && x <= 0.9 && y >= 0.1 && y <= 0.9,
  tentative: (x, y) => Math.abs(x - 0.5) + Math.abs(y - 0.5) <= 0.45,
  oof: (x, y) => y >= 0.12 && y <= 0.88 && Math.abs(x - 0.5) <= (y - 0.12) * 0.55,
  focus: (x, y) => {
    const r = (x - 0.5) ** 2 + (y - 0.5) ** 2;
    return r <= 0.2 && r >= 0.04;
  },
  away: (x, y) => (x - 0.5) ** 2 + (y - 0.5) ** 2 <= 0.2 && x >= 0.5,
  dnd: (x, y) =>
    (x - 0.5) ** 2 + (y - 0.5) ** 2 <= 0.2 && !(Math.abs(y - 0.5) <= 0.08 && Math.abs(x - 0.5) <= 0.28),
  off: (x, y) =>
    x >= 0.15 && x <= 0.85 && y >= 0.15 && y <= 0.85 && !(x > 0.3 && x < 0.7 && y > 0.3 && y < 0.7),
  // A ring with a gap: someone whose calendar is not shared, so free or busy cannot be told.
  unknown: (x, y) => {
    const r = (x - 0.5) ** 2 + (y - 0.5) ** 2;
    return r <= 0.2 && r >= 0.09 && !(y < 0.5 && Math.abs(x - 0.5) < 0.12);
  },
  offline: (x, y) => Math.abs(x - y) <= 0.09 || Math.abs(x + y - 1) <= 0.09,
};

export interface IconOptions {
  size: number;
  /** macOS template image: black with alpha only, the system tints it. */
  template?: boolean;
  /** Kept for callers; the count now lives in the tooltip, the menu and macOS's title. */
  count?: number;
}

/** Distance from (x, y) to the segment a–b. */
function toSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/**
 * Ricochet's mark, how far (x, y) lies inside it (negative inside): a ball and the path it
 * bounced along — down from the top left, off the ground, up to where it is now.
 */
function markDistance(x: number, y: number): number {
  const ball = Math.hypot(x - 0.7, y - 0.26) - 0.17;
  const path =
    Math.min(toSegment(x, y, 0.1, 0.14, 0.34, 0.84), toSegment(x, y, 0.34, 0.84, 0.56, 0.42)) - 0.075;
  return Math.min(ball, path);
}

const BADGE = { x: 0.72, y: 0.72, r: 0.28 };

/** RGBA pixels of a tray icon: the mark, and the state as a badge (shape and colour), 4× supersampled. */
export function drawIcon(state: TrayIconState, options: IconOptions): Uint8Array {
  const { size } = options;
  const pixels = new Uint8Array(size * size * 4);
  const inBadge = shapes[state];
  const [sr, sg, sb] = colours[state];
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let mark = 0;
      let outline = 0;
      let badge = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const x = (px + (sx + 0.5) / 4) / size;
          const y = (py + (sy + 0.5) / 4) / size;
          const fromBadge = Math.hypot(x - BADGE.x, y - BADGE.y);
          if (fromBadge <= BADGE.r) {
            // The badge: the state's own shape, scaled into the corner.
            const bx = (x - BADGE.x) / (2 * BADGE.r) + 0.5;
            const by = (y - BADGE.y) / (2 * BADGE.r) + 0.5;
            if (inBadge(bx, by)) badge++;
            continue;
          }
          const d = markDistance(x, y);
          if (d <= 0) mark++;
          else if (d <= 1.2 / size) outline++; // a dark edge, so a light mark reads on light bars
        }
      const i = (py * size + px) * 4;
      const cover = (n: number) => Math.round((n / 16) * 255);
      if (options.template) {
        pixels.set([0, 0, 0, cover(mark + badge)], i);
      } else if (badge > 0) {
        pixels.set([sr, sg, sb, cover(badge)], i);
      } else if (mark > 0 || outline > 0) {
        const light = mark / (mark + outline);
        const v = Math.round(30 + light * 215);
        pixels.set([v, v, Math.min(255, v + 6), cover(mark + outline)], i);
      }
    }
  }
  return pixels;
}

/** The app icon: the mark in white on a rounded square of Ricochet's blue. */
export function drawAppIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const radius = 0.22;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const x = (px + (sx + 0.5) / 4) / size;
          const y = (py + (sy + 0.5) / 4) / size;
          const qx = Math.max(Math.abs(x - 0.5) - (0.5 - radius), 0);
          const qy = Math.max(Math.abs(y - 0.5) - (0.5 - radius), 0);
          if (Math.hypot(qx, qy) > radius) continue;
          tile++;
          if (markDistance((x - 0.5) / 0.7 + 0.5, (y - 0.5) / 0.7 + 0.5) <= 0) mark++;
        }
      const i = (py * size + px) * 4;
      const white = mark / Math.max(1, tile);
      const mix = (a: number, b: number) => Math.round(a + (b - a) * white);
      pixels.set([mix(47, 255), mix(91, 255), mix(211, 255), Math.round((tile / 16) * 255)], i);
    }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file of RGBA pixels. */
export function encodePng(pixels: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A Windows .ico holding PNG images (Vista and later read PNG entries). */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

export const iconStates = Object.keys(colours) as TrayIconState[];
