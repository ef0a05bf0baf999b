// monaco-yaml's language server in a worker of its own (its README's recipe for Vite): `?worker`
// imports of this file give the constructor monaco-setup.ts hands to MonacoEnvironment.
import 'monaco-yaml/yaml.worker.js'
