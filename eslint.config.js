// The layering of DESIGN.md ("Layers and what each may import"), enforced here so that a
// forbidden import fails `npm run lint` instead of relying on review.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];
const group = (names, message) => ({ group: names, message });

const ban = {
  node: group(
    nodeBuiltins,
    'This layer runs without Node: keep node:* out (move the code to main/ or server/).',
  ),
  electron: group(['electron', 'electron/*'], 'Only main/shell/ and preload/ may import electron.'),
  react: group(['react', 'react/*', 'react-dom', 'react-dom/*'], 'React belongs to renderer/ only.'),
  main: group(
    ['**/main/**', '../main', '../../main'],
    'This layer may not reach into the desktop core (main/).',
  ),
  server: group(['**/server/**', '../server', '../../server'], 'This layer may not import the team server.'),
  // main/ may host a team and run the server commands, through the server's one public entry.
  serverInternals: group(
    ['**/server/*', '**/server/*/**', '!**/server/index'],
    'Import the team server only through its public entry, server/index.ts.',
  ),
  renderer: group(['**/renderer/**'], 'Nothing imports the renderer; it talks through the IPC contract.'),
  shell: group(
    ['**/shell/**', './shell/*'],
    'The core may not depend on the Electron shell; pass values in instead.',
  ),
  nativeDeps: group(
    ['better-sqlite3', 'ical.js', 'tsdav', 'ws', 'pg', 'kysely'],
    'shared/ is pure: no I/O libraries here.',
  ),
};
/** A package group as a regular expression, for `import()` (no-restricted-imports sees only static imports). */
const packagePattern = (names) =>
  names
    .filter((n) => !n.startsWith('!') && !n.startsWith('.') && !n.startsWith('**'))
    .map((n) =>
      n
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\/\*$/, '(?:/.*)?')
        .replace(/\*/g, '.*'),
    )
    .map((n) => n.replaceAll('/', '\\/'))
    .join('|');
/**
 * The wire is the contract (issue 18): its data is typed by `shared/protocol`'s schemas, so
 * between the wire and the cache nothing is typed by hand. No schema that accepts anything,
 * and no parsed JSON cast to a type: parse it with its schema.
 */
const wireSyntax = [
  {
    selector: "CallExpression[callee.object.name='z'][callee.property.name=/^(any|unknown)$/]",
    message: 'No z.any() or z.unknown() on the wire: give the data its schema (shared/protocol).',
  },
  {
    selector: "TSAsExpression > CallExpression[callee.object.name='JSON'][callee.property.name='parse']",
    message: 'No cast of parsed JSON: parse it with its schema from shared/protocol.',
  },
  {
    selector: 'TSAsExpression > TSAnyKeyword',
    message: 'No cast to any on the wire.',
  },
];
const withWire = (rules) => ({
  ...rules,
  'no-restricted-syntax': [...rules['no-restricted-syntax'], ...wireSyntax],
});
const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups }],
  'no-restricted-syntax': [
    'error',
    ...groups
      .filter((g) => packagePattern(g.group))
      .map((g) => ({
        selector: `ImportExpression[source.value=/^(?:${packagePattern(g.group)})$/]`,
        message: g.message,
      })),
  ],
});

/**
 * Folder lines, checked on the resolved file of every import, dynamic `import()` included
 * (no-restricted-imports sees only static ones): eslint-plugin-import-x's no-restricted-paths.
 */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });
const core = [
  './main/cache',
  './main/calendar',
  './main/sync',
  './main/publisher',
  './main/profile',
  './main/host',
  './main/network',
];
const frontEnds = ['./main/shell', './main/web', './main/cli'];
const zones = [
  zone(
    './shared',
    ['./main', './server', './renderer', './preload'],
    'shared/ is pure: it imports only shared/.',
  ),
  zone('./preload', ['./main', './server', './renderer'], 'preload/ builds the API from the contract only.'),
  zone(
    './renderer',
    ['./main', './server', './preload'],
    'The renderer talks to the core through the IPC contract.',
  ),
  zone('./server', ['./main', './renderer', './preload'], 'The team server may not import the desktop.'),
  zone(
    './main',
    './server',
    'Import the team server only through its public entry, server/index.ts (from main/cli or main/host).',
    ['./index.ts'],
  ),
  zone(
    [
      './main/core',
      ...core.filter((f) => f !== './main/host'),
      './main/session',
      './main/shell',
      './main/web',
    ],
    './server',
    'Only main/cli and main/host may reach the team server.',
  ),
  // Front ends reach the core through its one entry, main/core/index.ts.
  zone(frontEnds, './main/core', 'A front end reaches the core through main/core/index.ts only.', [
    './index.ts',
  ]),
  zone(frontEnds, core, 'A front end reaches the core through main/core/index.ts only.'),
  // The layers under the core never point up.
  zone(
    core.filter((f) => f !== './main/host'),
    ['./main/core', './main/session', './main/host', ...frontEnds],
    'This folder is under the core: pass what it needs in instead of importing the core, the session or a front end.',
  ),
  zone(
    ['./main/core', './main/host'],
    ['./main/session', ...frontEnds],
    'The core may not depend on a front end or the session.',
  ),
  zone('./main/session', frontEnds, 'The session may not depend on a front end.'),
  // The session wires the core through its one door, as the front ends do.
  zone('./main/session', './main/core', 'The session reaches the core through main/core/index.ts only.', [
    './index.ts',
  ]),
  zone(
    './main/session',
    core.filter((f) => f !== './main/host'),
    'The session reaches the core through main/core/index.ts only.',
  ),
  // The cache is what sync fills: it knows the wire (shared/protocol), never the sync client.
  zone('./main/cache', './main/sync', 'The cache is under sync: take wire types from shared/protocol.'),
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'test-results/', 'playwright-report/', 'docs/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.d.mts', '.js', '.mjs'] }),
      ],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones, basePath: import.meta.dirname }] },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['bin/**', '*.config.js', '*.config.ts', 'build/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // The test browser a sign-in opens through $BROWSER: a plain Node script.
    files: ['test/support/stand-ins/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', fetch: 'readonly', URL: 'readonly', URLSearchParams: 'readonly' },
    },
  },
  // Hooks called in order and with every value they read in their deps: the renderer's data
  // layer relies on both (react-hooks' two classic rules, not the compiler's experimental ones).
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['shared/**'],
    rules: withWire(
      restrict(ban.node, ban.electron, ban.react, ban.main, ban.server, ban.renderer, ban.nativeDeps),
    ),
  },
  {
    files: ['main/**'],
    ignores: ['main/shell/**', 'main/cli/**', 'main/host/**'],
    rules: restrict(ban.electron, ban.react, ban.renderer, ban.shell, ban.server),
  },
  // The desktop's end of the wire: the sync client and the cache it fills.
  {
    files: ['main/sync/**', 'main/cache/**'],
    rules: withWire(restrict(ban.electron, ban.react, ban.renderer, ban.shell, ban.server)),
  },
  {
    files: ['main/cli/**'],
    rules: restrict(ban.electron, ban.react, ban.renderer, ban.shell, ban.serverInternals),
  },
  // main/host runs the team server inside the app ("start a team on this computer").
  {
    files: ['main/host/**'],
    rules: restrict(ban.electron, ban.react, ban.renderer, ban.shell, ban.serverInternals),
  },
  { files: ['main/shell/**'], rules: restrict(ban.react, ban.renderer, ban.server) },
  {
    files: ['preload/**'],
    rules: restrict(ban.node, ban.react, ban.main, ban.server, ban.renderer),
  },
  { files: ['renderer/**'], rules: restrict(ban.node, ban.electron, ban.main, ban.server) },
  { files: ['server/**'], rules: withWire(restrict(ban.electron, ban.react, ban.main, ban.renderer)) },
);
