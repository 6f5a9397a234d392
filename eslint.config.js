// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Layers, top to bottom. A layer may import only from layers below it (see docs/architecture.md).
const layers = ['cli', 'server', 'services', 'store', 'io', 'engine', 'domain'];
const above = (layer) => layers.slice(0, layers.indexOf(layer));

const boundary = (layer, forbidden) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((f) => ({
          group: [`**/${f}/**`, `../${f}/*`, `../../${f}/*`],
          message: `src/${layer} may not import from src/${f}: layers only point down.`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'var/**', 'node_modules/**', 'web/dist/**', 'data/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['bin/**/*.js', '*.config.js'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layers.map((l) => boundary(l, above(l))),
  // The engine and domain are pure: they also may not touch Node's I/O.
  ...['engine', 'domain'].map((layer) => ({
    files: [`src/${layer}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'worker_threads'], message: `src/${layer} is pure: no I/O.` },
            ...above(layer).map((f) => ({
              group: [`**/${f}/**`, `../${f}/*`],
              message: `src/${layer} may not import from src/${f}: layers only point down.`,
            })),
          ],
        },
      ],
    },
  })),
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['cli', 'server', 'services', 'store', 'io'].map((f) => ({
            group: [`**/src/${f}/**`],
            message: 'web may import only src/domain and src/engine.',
          })),
        },
      ],
    },
  },
);
