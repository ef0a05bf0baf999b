// Runs the terminal's end-to-end tests against the terminal test page instead of the app:
// `npx vite build -c e2e/pages/terminal.vite.config.ts && npx playwright test -c e2e/pages/terminal.playwright.config.ts`.
import { defineConfig } from '@playwright/test'
import base from '../../playwright.config'

process.env.TERMINAL_PAGE ??= '/e2e/pages/terminal.html'

export default defineConfig({
  ...base,
  testDir: '..',
  testMatch: 'terminal*.spec.ts',
  reporter: [['list']],
  outputDir: '../../test-results/e2e-terminal',
  use: { ...base.use, baseURL: 'http://127.0.0.1:4175' },
  webServer: {
    command: 'npx vite preview -c e2e/pages/terminal.vite.config.ts --host 127.0.0.1 --port 4175 --strictPort',
    url: 'http://127.0.0.1:4175/e2e/pages/terminal.html',
    cwd: '../..',
    reuseExistingServer: false,
    timeout: 30_000,
  },
})
