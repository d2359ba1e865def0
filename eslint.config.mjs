import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['out/**', 'out-e2e/**', 'dist/**', 'node_modules/**', '.test-output/**', '.ci/.node/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The pure core and the preload API must never import electron (see README "Architecture").
      'no-restricted-imports': 'off'
    }
  },
  {
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts', 'src/preload/api.ts', 'src/renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only the thin shell files may import electron.' }] }]
    }
  },
  {
    files: ['src/shared/**/*.ts', 'src/renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Runs in the sandboxed renderer: no electron.' }],
          patterns: [{ group: ['node:*', '**/main/**', '**/preload/**'], message: 'Renderer and shared code run in the page: no Node, main or preload imports.' }]
        }
      ]
    }
  },
  { files: ['src/renderer/**/*.ts', 'test/e2e/harness/page-api.ts'], languageOptions: { globals: { ...globals.browser } } },
  // CommonJS scripts: Playwright's loader requires them, and one is preloaded into Electron's installer.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } }
)
