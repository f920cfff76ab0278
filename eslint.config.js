// The layering, enforced here so that a forbidden import fails `npm run lint` instead of relying
// on review: one allow-list line per folder (build/layers.mjs, VS Code's layering rule), checked
// by one rule (build/layering-rule.mjs) on every import, type-only and dynamic ones included. A
// folder or a package missing from its line is refused; docs/architecture.md draws the same picture.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { layers } from './build/layers.mjs';
import { layeringPlugin } from './build/layering-rule.mjs';

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
export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'test-results/', 'playwright-report/', 'docs/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    plugins: { layering: layeringPlugin(layers, import.meta.dirname) },
    rules: { 'layering/imports': 'error' },
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
  // The desktop's end of the wire and the server's: data typed by its schema, never by hand.
  {
    files: ['shared/**', 'main/sync/**', 'main/cache/**', 'server/**'],
    rules: { 'no-restricted-syntax': ['error', ...wireSyntax] },
  },
);
