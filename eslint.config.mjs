import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// The layers are folders: a file is classified by where it sits, and may import only from the layers below it.
// Only the shell folder and the two entries electron-vite builds may import electron; a unit test that reached
// electron would try to download its binary. test/unit/build/architecture.test.ts checks the same on resolved paths.
const ELECTRON = {
  name: 'electron',
  message: 'Only src/main/shell/ and the entries (src/main/index.ts, src/preload/index.ts) import electron.'
}
const SHELL_MESSAGE = 'The core cannot import the Electron shell.'
const SHELL = [
  { group: ['**/shell', '**/shell/**', '**/main/index', '**/main/index.ts'], message: SHELL_MESSAGE },
  { regex: String.raw`^(\.\./)+index(\.ts)?$`, message: SHELL_MESSAGE }
]
const NOT_IN_PAGE = {
  group: ['node:*', '**/main/**', '**/preload/**'],
  message: 'Runs in the sandboxed page: no Node, main or preload imports.'
}
const NOT_FROM_MAIN = { group: ['**/main/**', '**/renderer/**'], message: 'The preload reaches main only over IPC.' }

const zone = (files, paths, patterns = [], ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] }
})

export default tseslint.config(
  { ignores: ['out/**', 'out-e2e/**', 'dist/**', 'node_modules/**', '.test-output/**', '.ci/.node/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] }
  },
  zone(['src/shared/**', 'src/renderer/**'], [ELECTRON], [NOT_IN_PAGE]),
  zone(['src/main/core/**'], [ELECTRON], SHELL),
  zone(['src/preload/**'], [ELECTRON], [NOT_FROM_MAIN], ['src/preload/index.ts']),
  zone(['src/preload/index.ts'], [], [NOT_FROM_MAIN]),
  { files: ['src/renderer/**/*.ts', 'test/e2e/harness/page-api.ts'], languageOptions: { globals: { ...globals.browser } } },
  // CommonJS scripts: Playwright's loader requires them, and one is preloaded into Electron's installer.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } }
)
