// Flat config: typescript-eslint for every .ts file, eslint-plugin-vue for the renderer, and the
// rules that need type information (promises nobody awaits, switches that miss a case) on every
// TypeScript source, .vue scripts included.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

const typedRules = {
  // typescript-eslint's recommendedTypeChecked: awaiting a non-promise, throwing a non-Error,
  // `+` on mixed operands, eval in disguise, for-in over an array… Off below, each with its reason.
  ...Object.assign({}, ...tseslint.configs.recommendedTypeCheckedOnly.map((config) => config.rules ?? {})),
  // `any` from JSON.parse, res.json() and spawnSync output, almost all in tests that then assert
  // on the value: typing each read would add casts, not checks (about 120 findings).
  '@typescript-eslint/no-unsafe-argument': 'off',
  '@typescript-eslint/no-unsafe-assignment': 'off',
  '@typescript-eslint/no-unsafe-call': 'off',
  '@typescript-eslint/no-unsafe-member-access': 'off',
  '@typescript-eslint/no-unsafe-return': 'off',
  // `async` without `await` is how the fakes and handlers keep a Promise-returning signature.
  '@typescript-eslint/require-await': 'off',
  // vitest's expect(fake.method) reads a mock, never calls it unbound.
  '@typescript-eslint/unbound-method': 'off',
  // Style rather than bugs (a cast kept as documentation); in .vue files a component's
  // InstanceType is `any` to the linter's program, so the union rule misfires there.
  '@typescript-eslint/no-unnecessary-type-assertion': 'off',
  '@typescript-eslint/no-redundant-type-constituents': 'off',
  // String(unknown) in the message formatter is deliberate (a value of any type is shown).
  '@typescript-eslint/no-base-to-string': 'off',
  // A promise nobody awaits loses its error, and `void p` only hides that: each promise is awaited,
  // given a .catch that reports the error, or never handed out (useServiceQuery's `refresh`); a
  // genuine fire-and-forget says inline why it cannot reject.
  '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
  '@typescript-eslint/no-misused-promises': 'error',
  // A `default` branch is a decision (unknown input is refused there), so it counts as exhaustive.
  '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
}

export default tseslint.config(
  { ignores: ['node_modules/', '.tmp/', '.ci/', 'out/', 'dist/', 'coverage/', 'test-results/', 'playwright-report/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  // Types for .ts files from the TypeScript project service (each file's tsconfig through
  // tsconfig.json's references); for .vue files from tsconfig.web.json directly: the project
  // service re-creates a program per .vue file (9 minutes here, against 76 s this way).
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: typedRules,
  },
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { project: './tsconfig.web.json', tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.vue'] },
    },
    rules: typedRules,
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/no-v-html': 'error',
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The renderer reaches the service only through its typed client, never Node, Electron or a database driver.
      'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', 'postgres', '**/core/**', '**/main/**'] }],
    },
  },
  {
    files: ['src/core/**', 'src/shared/**', 'src/cli/**', 'src/web/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['electron', '**/renderer/**', '**/main/**'] }] },
  },
  {
    files: ['src/preload/**'],
    rules: {
      // The preload exposes named functions; exposing ipcRenderer itself would hand pages a raw channel.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='exposeInMainWorld'] > Identifier[name='ipcRenderer']",
          message: 'never expose ipcRenderer',
        },
      ],
    },
  },
  // Layout is Prettier's job (`npm run format`): its config turns off the stylistic rules that
  // would fight it (eslint-plugin-vue's template indentation and line breaks among them).
  prettier,
)
