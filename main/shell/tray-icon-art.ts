import { deflateSync } from 'node:zlib';
import type { TrayIconState } from './tray-model';

/**
 * The tray icon, drawn from one description: a shape per state (so it reads without
 * colour), a colour per state, and a small count of teammates free now. The same code
 * makes the runtime images and the files `build/generate-icons.ts` writes for packaging.
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

// 3×5 digits, one row per string, for the free-count badge.
const digits: Record<string, string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '+': ['000', '010', '111', '010', '000'],
};

export interface IconOptions {
  size: number;
  /** macOS template image: black with alpha only, the system tints it. */
  template?: boolean;
  /** Teammates free now; drawn in a corner badge when given. */
  count?: number;
}

/** RGBA pixels of the icon, 4× supersampled for smooth edges. */
export function drawIcon(state: TrayIconState, options: IconOptions): Uint8Array {
  const { size } = options;
  const [r, g, b] = options.template ? [0, 0, 0] : colours[state];
  const pixels = new Uint8Array(size * size * 4);
  const inside = shapes[state];
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++)
          if (inside((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size)) hits++;
      const i = (py * size + px) * 4;
      pixels.set([r, g, b, Math.round((hits / 16) * 255)], i);
    }
  }
  if (options.count !== undefined && size >= 16) drawCount(pixels, size, options.count, !!options.template);
  return pixels;
}

function drawCount(pixels: Uint8Array, size: number, count: number, template: boolean) {
  const text = count > 9 ? '9+' : String(count);
  const scale = Math.max(1, Math.floor(size / 16));
  const width = (text.length * 4 - 1) * scale + 2 * scale;
  const height = 5 * scale + 2 * scale;
  const x0 = size - width;
  const y0 = size - height;
  const set = (x: number, y: number, rgba: number[]) =>
    x >= 0 && y >= 0 && x < size && y < size && pixels.set(rgba, (y * size + x) * 4);
  for (let y = y0; y < size; y++)
    for (let x = x0; x < size; x++) set(x, y, template ? [0, 0, 0, 255] : [255, 255, 255, 255]);
  [...text].forEach((ch, n) => {
    digits[ch]!.forEach((row, dy) =>
      [...row].forEach((bit, dx) => {
        if (bit !== '1') return;
        for (let sy = 0; sy < scale; sy++)
          for (let sx = 0; sx < scale; sx++)
            set(
              x0 + scale + (n * 4 + dx) * scale + sx,
              y0 + scale + dy * scale + sy,
              template ? [0, 0, 0, 0] : [20, 20, 20, 255],
            );
      }),
    );
  });
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
