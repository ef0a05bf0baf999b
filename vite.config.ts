/// <reference types="vitest/config" />
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

// monaco-editor >= 0.56 exports only "./*" -> "./esm/vs/*.js", which breaks monaco-yaml's
// (monaco-worker-manager's) deep import of 'monaco-editor/esm/vs/editor/editor.worker.js': send the
// old deep paths to the files on disk (shared/reference/toolchain.md §3).
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))
const prettierStub = fileURLToPath(new URL('./web/stubs/prettier.ts', import.meta.url))

/**
 * `virtual:ordinal/fresh-cluster`: a freshly booted cluster's saved state, as a JSON string, made at
 * build time by scripts/fresh-cluster.ts (the simulator runs under node, the same code as in the
 * page). The app restores it for a first visit and a reset instead of booting in the browser. The dev
 * server makes it once per start: restart it after changing how the cluster boots.
 */
function freshCluster(): Plugin {
  const id = 'virtual:ordinal/fresh-cluster'
  let json: string | undefined
  return {
    name: 'ordinal-fresh-cluster',
    resolveId: (source) => (source === id ? '\0' + id : undefined),
    load(loaded) {
      if (loaded !== '\0' + id) return undefined
      json ??= execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./scripts/fresh-cluster.ts', import.meta.url))], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      })
      JSON.parse(json)
      return `export default ${JSON.stringify(json)}`
    },
  }
}

export default defineConfig({
  plugins: [react(), freshCluster()],
  resolve: {
    alias: [
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` },
      // monaco-yaml's worker without Prettier (the editor passes format: { enable: false }).
      { find: /^prettier\/(standalone|plugins\/yaml|plugins\/estree)$/, replacement: prettierStub },
    ],
  },
  // Dev server only: without this the first load of the editor prints "optimized dependencies
  // changed. reloading" and reloads the page.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  worker: { format: 'es' },
  build: {
    // Monaco's chunk is large by nature; it loads lazily, after the terminal works.
    chunkSizeWarningLimit: 5000,
  },
  test: {
    // sim/ tests run under node, not jsdom: that is what proves the core is pure. web/ tests too:
    // the workspace and the store are DOM-free.
    include: ['sim/**/*.test.ts', 'web/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    globals: false,
  },
})
