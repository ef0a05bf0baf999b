// Builds the editor's test page (e2e/pages/editor.html) on top of the app's config, adding what
// Monaco + monaco-yaml need (toolchain.md §3) in case the app's config does not have it yet.
import { fileURLToPath } from 'node:url'
import { defineConfig, mergeConfig } from 'vite'
import base from '../../vite.config'

const root = fileURLToPath(new URL('../..', import.meta.url))
const monacoEsm = fileURLToPath(new URL('../../node_modules/monaco-editor/esm/vs/', import.meta.url))
const prettierStub = fileURLToPath(new URL('../../web/editor/monaco/prettier-stub.ts', import.meta.url))

export default mergeConfig(
  base,
  defineConfig({
    root,
    resolve: {
      alias: [
        { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` },
        { find: /^prettier\/(standalone|plugins\/yaml|plugins\/estree)$/, replacement: prettierStub },
      ],
    },
    worker: { format: 'es' },
    build: { outDir: 'test-results/editor-page-dist', emptyOutDir: true, rollupOptions: { input: { editor: fileURLToPath(new URL('./editor.html', import.meta.url)) } } },
    preview: { port: 4176 },
  }),
)
