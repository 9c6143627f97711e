import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ambient = [
  { object: 'Math', property: 'random', message: 'Inject an Rng (src/random) instead.' },
  { object: 'Date', property: 'now', message: 'Inject a clock instead.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'web/dist/**',
      'bench/results/**',
      '.dependency-cruiser.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-duplicate-imports': 'error',
    },
  },
  {
    // Model code must be reproducible from (seed, trial): no ambient randomness or clock.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/server/**', 'src/store/**', 'src/report/**'],
    rules: { 'no-restricted-properties': ['error', ...ambient] },
  },
  {
    // The two classic hook rules; v7's compiler rules would flag the editor's callback ref.
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
