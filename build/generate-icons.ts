// `npm run icons`: writes the tray icons for every state, and the app icon, from the one
// description in main/shell/tray-icon-art.ts: Linux PNG (22 and 44 px), macOS template
// images (16 px and @2x), Windows ICO (16 + 32 px).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawAppIcon, drawIcon, encodeIco, encodePng, iconStates } from '../main/shell/tray-icon-art';

export function generateIcons(out: string): string[] {
  const written: string[] = [];
  const write = (name: string, data: Buffer) => {
    writeFileSync(join(out, name), data);
    written.push(name);
  };
  mkdirSync(out, { recursive: true });
  const png = (state: (typeof iconStates)[number], size: number, template = false) =>
    encodePng(drawIcon(state, { size, template }), size);
  for (const state of iconStates) {
    write(`tray-${state}.png`, png(state, 22));
    write(`tray-${state}@2x.png`, png(state, 44));
    write(`tray-${state}Template.png`, png(state, 16, true));
    write(`tray-${state}Template@2x.png`, png(state, 32, true));
    write(`tray-${state}.ico`, encodeIco([16, 32].map((size) => ({ size, png: png(state, size) }))));
  }
  const app = (size: number) => encodePng(drawAppIcon(size), size);
  write('icon.png', app(512));
  write('icon.ico', encodeIco([16, 32, 48, 256].map((size) => ({ size, png: app(size) }))));
  return written;
}

if (process.argv[1]?.endsWith('generate-icons.ts')) {
  const files = generateIcons(join(import.meta.dirname, 'icons'));
  console.log(`wrote ${files.length} icons to build/icons/`);
}
