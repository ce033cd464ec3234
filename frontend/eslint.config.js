// ESLint for the frontend: the recommended rules of ESLint, typescript-eslint and
// eslint-plugin-vue (Vue 3), with formatting left to Prettier (npm run format:check).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'wailsjs/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // A leading underscore names a parameter kept for its position (mocks, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Optional props typed with TypeScript are undefined when absent; a default adds nothing.
      'vue/require-default-prop': 'off',
    },
  },
  prettier,
)
