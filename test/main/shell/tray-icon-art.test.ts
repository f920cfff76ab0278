import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawIcon, encodeIco, encodePng, iconStates } from '../../../main/shell/tray-icon-art';

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
});
