// The one lint rule behind the layering table (build/layers.mjs), in the manner of VS Code's
// `code-layering`: every folder lists what it may import, and anything else is refused. One
// mechanism, allow-list only, so a new folder or a new package is a decision written in the table.
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const builtins = new Set(builtinModules);
const extension = /\.(?:d\.)?(?:ts|tsx|mts|js|mjs)$/;
const posix = (path) => path.split(sep).join('/');

const inEntry = (to, entry) => {
  const bare = entry.replace(extension, '');
  return to === bare || to.startsWith(`${bare}/`);
};

/** The table's line for a file: the longest folder of the table that holds it. */
export function layerOf(layers, file) {
  const path = file.replace(extension, '');
  return Object.keys(layers)
    .filter((key) => inEntry(path, key))
    .sort((a, b) => b.length - a.length)[0];
}

const packageName = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

const packageAllowed = (allowed, name) =>
  allowed.some((p) => p === name || (p.endsWith('/*') && name.startsWith(p.slice(0, -1))));

/** A project file an import names, relative to the root and without its extension. */
function target(root, file, specifier) {
  const path = resolve(root, dirname(file), specifier).replace(extension, '');
  const asFolder = existsSync(`${path}/index.ts`) || existsSync(`${path}/index.tsx`);
  return posix(relative(root, asFolder ? `${path}/index` : path));
}

/**
 * Why `specifier`, imported from `file` (relative to the root), breaks the table, or null when the
 * file's line allows it.
 */
export function refusal(layers, root, file, specifier) {
  const layer = layerOf(layers, file);
  const roots = new Set(Object.keys(layers).map((key) => key.split('/')[0]));
  if (!layer && roots.has(file.split('/')[0]))
    return `${dirname(file)}/ is not in the layering table (build/layers.mjs): give it a line`;
  if (!layer) return null; // tests, build scripts and config are outside the layering
  const line = layers[layer];
  const say = (what) => `${layer}/ may not import ${what}: ${line.why}`;
  if (specifier.startsWith('.')) {
    const to = target(root, file, specifier);
    if (!layerOf(layers, to) && !to.startsWith('..')) return say(`${to} (not in the layering table)`);
    return line.imports.some((entry) => inEntry(to, entry)) ? null : say(to);
  }
  const bare = specifier.replace(/^node:/, '');
  if (specifier.startsWith('node:') || builtins.has(packageName(bare)))
    return line.node ? null : say(`${specifier} (Node built-ins)`);
  const name = packageName(specifier);
  return packageAllowed(line.packages ?? [], name) ? null : say(`the package ${name}`);
}

/** ESLint's side: every static import, re-export and literal `import()` is checked. */
export function layeringPlugin(layers, root) {
  const rule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      const file = posix(relative(root, context.filename));
      const check = (node) => {
        const specifier = node?.source?.value;
        if (typeof specifier !== 'string') return;
        const why = refusal(layers, root, file, specifier);
        if (why) context.report({ node: node.source, message: why });
      };
      return {
        ImportDeclaration: check,
        ExportNamedDeclaration: check,
        ExportAllDeclaration: check,
        ImportExpression: check,
      };
    },
  };
  return { rules: { imports: rule } };
}
