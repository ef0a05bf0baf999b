// Lint rules whose main job is to keep sim/ pure: no DOM, no UI libraries, no ambient time or randomness.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const ambient = [
  { name: 'Date', message: 'sim/ takes time from the injected Clock, never from Date.' },
  { name: 'setTimeout', message: 'sim/ schedules with clock.after(), not timers.' },
  { name: 'setInterval', message: 'sim/ schedules with clock.after(), not timers.' },
  { name: 'requestAnimationFrame', message: 'sim/ has no DOM.' },
  { name: 'window', message: 'sim/ has no DOM.' },
  { name: 'document', message: 'sim/ has no DOM.' },
  { name: 'localStorage', message: 'storage is injected, not ambient.' },
  { name: 'sessionStorage', message: 'storage is injected, not ambient.' },
  { name: 'indexedDB', message: 'storage is injected, not ambient.' },
  { name: 'navigator', message: 'sim/ has no DOM.' },
  { name: 'performance', message: 'sim/ takes time from the injected Clock.' },
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  { files: ['scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', 'e2e/**/*.ts'], languageOptions: { globals: globals.node } },
  { files: ['web/**/*.{ts,tsx}'], languageOptions: { globals: globals.browser } },
  {
    files: ['sim/**/*.ts'],
    ignores: ['sim/**/*.test.ts', 'sim/testing/**'],
    rules: {
      'no-restricted-globals': ['error', ...ambient],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'use the seeded Rng (ctx.rng).' },
        { object: 'Date', property: 'now', message: 'use the injected Clock.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*'], message: 'sim/ is UI-free.' },
            { group: ['@xterm/*', 'monaco-editor', 'monaco-editor/*', 'monaco-yaml'], message: 'sim/ is UI-free.' },
            { group: ['**/web/**', '../web/*'], message: 'sim/ must not reach into web/.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'sim/ runs in the browser too.' },
          ],
        },
      ],
    },
  },
)
