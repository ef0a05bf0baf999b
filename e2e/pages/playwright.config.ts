// Runs the editor's end-to-end tests against the editor test page (vite.config.ts beside this file)
// instead of the app: `npx vite build -c e2e/pages/vite.config.ts && npx playwright test -c e2e/pages/playwright.config.ts`.
import { defineConfig } from '@playwright/test'
import base from '../../playwright.config'

process.env.EDITOR_PAGE ??= '/e2e/pages/editor.html'

export default defineConfig({
  ...base,
  testDir: '..',
  testMatch: 'editor*.spec.ts',
  reporter: [['list']],
  outputDir: '../../test-results/editor-e2e',
  use: { ...base.use, baseURL: 'http://127.0.0.1:4176' },
  webServer: {
    command: 'npx vite preview -c e2e/pages/vite.config.ts --host 127.0.0.1 --port 4176 --strictPort',
    url: 'http://127.0.0.1:4176/e2e/pages/editor.html',
    cwd: '../..',
    reuseExistingServer: false,
    timeout: 30_000,
  },
})
