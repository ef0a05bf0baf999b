// The data sources of `kubectl create configmap|secret generic`: --from-literal=key=value,
// --from-file=[key=]path (a directory adds each regular file under its own name), --from-env-file
// (KEY=value lines). Parsing and error texts follow kubectl pkg/util/util.go (ParseLiteralSource,
// ParseFileSource), pkg/cmd/util/env_file.go and create_configmap.go / create_secret.go. Files are read
// from the shell's file system relative to its working directory; they are text, so everything lands
// in `data` (kubectl puts non-UTF-8 files in a ConfigMap's binaryData, which a text file never is).

import { basename, normalizePath } from '../../storage/memfs'
import type { Invocation } from '../command'
import { KubectlError } from '../errors'
import { goQuote } from '../../api/field-errors'
import { isConfigMapKey, isEnvVarName } from '../../api/validation/names'

export interface Sources {
  fromLiteral: readonly string[]
  fromFile: readonly string[]
  fromEnvFile: readonly string[]
}

/** Adds one key; throws kubectl's error for a bad or duplicate key. */
export type AddKey = (key: string, value: string) => void

/** ParseLiteralSource: `key=value`, split at the first `=`, the key not empty. */
export function parseLiteralSource(source: string): [string, string] {
  const i = source.indexOf('=')
  if (i <= 0) throw new KubectlError(`invalid literal source ${source}, expected key=value`)
  return [source.slice(0, i), source.slice(i + 1)]
}

/** ParseFileSource: `path` (key = base name) or `key=path`. */
export function parseFileSource(source: string): [string, string] {
  const n = source.split('=').length - 1
  if (n === 0) return [basename(source.replace(/\/+$/, '')) || '/', source]
  if (n === 1 && source.startsWith('=')) throw new KubectlError(`key name for file path ${source.slice(1)} missing`)
  if (n === 1 && source.endsWith('=')) throw new KubectlError(`file path for key name ${source.slice(0, -1)} missing`)
  if (n > 1) throw new KubectlError("key names or file paths cannot contain '='")
  const [key, path] = source.split('=')
  return [key, path]
}

function stat(inv: Invocation, path: string): 'file' | 'dir' {
  const abs = normalizePath(path, inv.ctx.cwd)
  if (!inv.ctx.fs.exists(abs)) throw new KubectlError(`error reading ${path}: no such file or directory`)
  return inv.ctx.fs.isDir(abs) ? 'dir' : 'file'
}

function read(inv: Invocation, path: string): string {
  return inv.ctx.fs.readFile(normalizePath(path, inv.ctx.cwd))
}

/** processEnvFileLine over the file: comments and blank lines skipped, `KEY` alone reads the environment. */
function addFromEnvFile(inv: Invocation, path: string, add: AddKey): void {
  const lines = read(inv, path).split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  lines.forEach((raw, i) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (i === 0 && line.startsWith('\uFEFF')) line = line.slice(1)
    line = line.replace(/^\s+/, '')
    if (line === '' || line.startsWith('#')) return
    const eq = line.indexOf('=')
    const key = eq < 0 ? line : line.slice(0, eq)
    const errs = isEnvVarName(key)
    if (errs.length) throw new KubectlError(`${goQuote(key)} is not a valid key name: ${errs.join(';')}`)
    add(key, eq < 0 ? (inv.ctx.env.get(key) ?? '') : line.slice(eq + 1))
  })
}

/** Reads every source into `add`, in kubectl's order for the kind (configmap: files, literals, env files). */
export function readSources(inv: Invocation, s: Sources, order: readonly ('file' | 'literal' | 'env')[], envDirError: string, add: AddKey): void {
  for (const which of order) {
    if (which === 'literal') for (const src of s.fromLiteral) add(...parseLiteralSource(src))
    if (which === 'file') {
      for (const src of s.fromFile) {
        const [key, path] = parseFileSource(src)
        if (stat(inv, path) === 'dir') {
          if (src.includes('=')) throw new KubectlError('cannot give a key name for a directory path')
          const dir = normalizePath(path, inv.ctx.cwd)
          for (const name of [...inv.ctx.fs.readdir(dir)].sort()) {
            if (inv.ctx.fs.isDir(`${dir}/${name}`)) continue
            add(name, inv.ctx.fs.readFile(`${dir}/${name}`))
          }
        } else add(key, read(inv, path))
      }
    }
    if (which === 'env') {
      for (const path of s.fromEnvFile) {
        if (stat(inv, path) === 'dir') throw new KubectlError(envDirError)
        addFromEnvFile(inv, path, add)
      }
    }
  }
}

/** validateNewConfigMap: the key's syntax, then no duplicate in data or binaryData. */
export function configMapKeyAdder(name: string, data: Record<string, string>): AddKey {
  return (key, value) => {
    const errs = isConfigMapKey(key)
    if (errs.length) throw new KubectlError(`${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`)
    if (key in data) throw new KubectlError(`cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(name)}`)
    data[key] = value
  }
}

/** addKeyFromLiteralToSecret: the same key syntax, with the secret's own wording. */
export function secretKeyAdder(data: Record<string, string>, encode: (s: string) => string): AddKey {
  return (key, value) => {
    const errs = isConfigMapKey(key)
    if (errs.length) throw new KubectlError(`${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}`)
    if (key in data) throw new KubectlError(`cannot add key ${key}, another key by that name already exists`)
    data[key] = encode(value)
  }
}
