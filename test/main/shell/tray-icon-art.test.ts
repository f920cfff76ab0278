import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawAppIcon, drawIcon, encodeIco, encodePng, iconStates } from '../../../main/shell/tray-icon-art';

describe('tray icons', () => {
  it('each state has its own shape (not only a colour), in valid PNG and ICO files', () => {
    const alpha = (s: (typeof iconStates)[number]) =>
      Array.from(drawIcon(s, { size: 16, template: true }).filter((_, i) => i % 4 === 3)).join(',');
    expect(new Set(iconStates.map(alpha)).size).toBe(iconStates.length);
    const png = encodePng(drawIcon('free', { size: 22, count: 3 }), 22);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const idat = png.indexOf('IDAT');
    const length = png.readUInt32BE(idat - 4);
    expect(inflateSync(png.subarray(idat + 4, idat + 4 + length))).toHaveLength(22 * (22 * 4 + 1));
    const ico = encodeIco([{ size: 16, png }]);
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 1]);
  });

  it('the mark reads on light and dark bars at 16, 22 and 32 px: light strokes with a dark edge', () => {
    for (const size of [16, 22, 32]) {
      const px = drawIcon('busy', { size });
      let light = 0;
      let dark = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i + 3]! < 200) continue;
        const luma = (px[i]! + px[i + 1]! + px[i + 2]!) / 3;
        if (luma > 200) light++;
        else if (luma < 80) dark++;
      }
      // Enough opaque light pixels to show on a dark bar, and dark ones to outline it on a light bar.
      expect(light).toBeGreaterThan(size);
      expect(dark).toBeGreaterThan(size / 2);
    }
  });

  it('the app icon is the mark on a tile, not a plain disc', () => {
    const px = drawAppIcon(64);
    const at = (x: number, y: number) => Array.from(px.subarray((y * 64 + x) * 4, (y * 64 + x) * 4 + 4));
    expect(at(32, 2)[3]).toBe(255); // the tile reaches the edges (a rounded square)
    const colours = new Set<string>();
    for (let i = 0; i < px.length; i += 4)
      if (px[i + 3] === 255) colours.add(`${px[i]},${px[i + 1]},${px[i + 2]}`);
    expect(colours.has('255,255,255')).toBe(true); // the white mark
    expect(colours.has('47,91,211')).toBe(true); // on Ricochet's blue
  });
});
