// ESLint: typescript-eslint's type-aware rules and an import-cycle check over the TypeScript code.
// `.astro` files are held by `astro check`, Prettier and the conventions check (scripts/conventions.ts).
// Run after `astro sync` (npm run lint does it): without .astro/types.d.ts every `astro:content` type is `any`.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Node's globals, for the plain .mjs files that TypeScript does not check. */
const nodeGlobals = Object.fromEntries(['process', 'console', 'URL', 'Buffer', 'setTimeout', 'clearTimeout'].map((name) => [name, 'readonly']));

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.tmp/',
      'node_modules/',
      'public/',
      'content/',
      'tests/fixtures/',
      'scripts/bench/site/',
      'scripts/bench/bare/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: nodeGlobals,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: {
      'import-x/no-cycle': 'error',
      // A leading underscore marks a value left out on purpose (`({ dropped: _d, ...rest }) => rest`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Feeds, calendars and reports strip control characters on purpose: matching them is the point of those regexes.
      'no-control-regex': 'off',
      // Chinese console text in templates uses the ideographic space (U+3000) deliberately.
      'no-irregular-whitespace': ['error', { skipTemplates: true, skipStrings: true }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Fakes mirror async APIs (caches, getCollection) without awaiting anything themselves.
      '@typescript-eslint/require-await': 'off',
      // Tests evaluate the built site's inline scripts (`new Function(source)`) to exercise them in happy-dom.
      '@typescript-eslint/no-implied-eval': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // Tests read what the site built (JSON, page.evaluate results, CMS config) untyped on purpose:
      // a wrong shape fails the test's own assertion, which says more than a cast would.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
);
