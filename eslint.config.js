// The layering of DESIGN.md ("Layers and what each may import"), enforced here so that a
// forbidden import fails `npm run lint` instead of relying on review.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
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
const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups }],
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'test-results/', 'playwright-report/', 'docs/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
    files: ['shared/**'],
    rules: restrict(ban.node, ban.electron, ban.react, ban.main, ban.server, ban.renderer, ban.nativeDeps),
  },
  {
    files: ['main/**'],
    ignores: ['main/shell/**', 'main/cli/**', 'main/host/**'],
    rules: restrict(ban.electron, ban.react, ban.renderer, ban.shell, ban.server),
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
  { files: ['server/**'], rules: restrict(ban.electron, ban.react, ban.main, ban.renderer) },
);
