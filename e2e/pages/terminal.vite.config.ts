// Builds the terminal's test page (e2e/pages/terminal.html) on top of the app's config:
// `npx vite build -c e2e/pages/terminal.vite.config.ts`.
import { fileURLToPath } from 'node:url'
import { defineConfig, mergeConfig } from 'vite'
import base from '../../vite.config'

const root = fileURLToPath(new URL('../..', import.meta.url))

export default mergeConfig(
  base,
  defineConfig({
    root,
    build: { outDir: 'test-results/terminal-page-dist', emptyOutDir: true, rollupOptions: { input: { terminal: fileURLToPath(new URL('./terminal.html', import.meta.url)) } } },
    preview: { port: 4175 },
  }),
)
