// `node --import tsx --import <this>`: the built main process finds the fake Electron where
// Electron would give it the real one, by `import` and by `require` (packages such as
// electron-updater are CommonJS, loaded with `require`).
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const fake = pathToFileURL(new URL('./built-app-electron.ts', import.meta.url).pathname).href;
register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  return next(specifier === 'electron' ? ${JSON.stringify(fake)} : specifier, context);
}`)}`,
);

const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = loader._load;
loader._load = function (request, ...rest) {
  if (request === 'electron') return (globalThis as { fakeElectronModule?: unknown }).fakeElectronModule;
  return load.call(this, request, ...rest);
};
