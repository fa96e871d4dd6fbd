import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeOnly = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'The core and the contract run without Electron: take what you need through options.' },
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'i18next', 'react-i18next'], message: 'The core and the contract know nothing of the UI.' },
    { group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'The core and the contract never import a shell.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['electron/core/**', 'electron/shared/**'],
    rules: { 'no-restricted-imports': ['error', nodeOnly] },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'no-undef': 'off' },
  },
);
