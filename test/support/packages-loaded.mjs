// `node --import <this> bin/ricochet.mjs …`: every package the process loads, by `import` or by
// `require`, is appended to $PACKAGES_LOADED, one name a line, as it loads.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import process from 'node:process';

const log = process.env['PACKAGES_LOADED'];
/** @param {string} path */
const packageIn = (path) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const name = (${packageIn.toString()})(resolved.url);
  if (name) appendFileSync(${JSON.stringify(log)}, name + '\\n');
  return resolved;
}`)}`,
);

/** @type {{ _resolveFilename: (request: string, ...rest: unknown[]) => string }} */
const loader = /** @type {any} */ (Module);
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (/** @type {string} */ request, /** @type {unknown[]} */ ...rest) {
  const file = resolveFilename.call(this, request, ...rest);
  const name = packageIn(file);
  if (name) appendFileSync(log, `${name}\n`);
  return file;
};
