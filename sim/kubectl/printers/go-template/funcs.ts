// The functions a kubectl go-template can call: text/template's builtins (funcs.go: and, or, not, len,
// index, slice, print, printf, println, html, js, urlquery, eq, ne, lt, le, gt, ge, call) and the two
// kubectl adds (cli-runtime printers/template.go: exists, base64decode). Each declares its Go
// parameter types, because the executor checks arguments against them as Go does.

import { goSprint } from './fmt'
import { fromUtf8, GoInt, goTypeName, INVALID, kindOf, numberOf, utf8Bytes, type GoMap } from './go-value'
import { goSprintAll, goSprintf, goSprintln } from './printf'

/** A value whose static Go type is interface{} (a map element, a slice element, an `any` argument). */
export class Iface {
  constructor(readonly v: unknown) {}
}

/** An error a function returns; the executor reports "error calling <name>: <message>". */
export class FuncError extends Error {}

/** reflect.Value (the raw value, invalid or interface-typed included), any (interface{}), or string. */
export type ParamType = 'value' | 'any' | 'string'

export interface Builtin {
  params: ParamType[]
  variadic?: ParamType
  call(args: unknown[]): unknown
}

/** indirectInterface: the concrete value inside an interface value (INVALID for a nil one). */
export function indirectInterface(v: unknown): unknown {
  if (v instanceof Iface) return v.v === null ? INVALID : v.v
  return v
}

/** isTrue: undefined when the value has no truth (never for JSON values). */
export function isTrue(v: unknown): boolean | undefined {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false
    case 'bool':
      return v as boolean
    case 'int':
    case 'float':
      return numberOf(v) !== 0
    case 'string':
      return (v as string).length > 0
    case 'slice':
      return (v as unknown[]).length > 0
    case 'map':
      return Object.keys(v as GoMap).length > 0
  }
}

const BAD_TYPE = 'invalid type for comparison'
const BAD_COMPARISON = 'incompatible types for comparison'

type Basic = 'bool' | 'int' | 'float' | 'string' | 'invalid'

function basicKind(v: unknown): Basic {
  const k = kindOf(v)
  return k === 'bool' || k === 'int' || k === 'float' || k === 'string' ? k : 'invalid'
}

function eq(args: unknown[]): boolean {
  const a = indirectInterface(args[0])
  if (args.length < 2) throw new FuncError('missing argument for comparison')
  const k1 = basicKind(a)
  for (const raw of args.slice(1)) {
    const b = indirectInterface(raw)
    const k2 = basicKind(b)
    let truth = false
    if (k1 !== k2) {
      if (a !== INVALID && b !== INVALID) throw new FuncError(BAD_COMPARISON)
    } else if (k1 === 'invalid') {
      if (a === INVALID || b === INVALID || a === null || b === null) truth = (a === INVALID || a === null) === (b === INVALID || b === null)
      else throw new FuncError(`non-comparable type ${goSprint(b)}: ${goTypeName(b)}`)
    } else if (k1 === 'int' || k1 === 'float') {
      truth = numberOf(a) === numberOf(b)
    } else {
      truth = a === b
    }
    if (truth) return true
  }
  return false
}

function lt(x: unknown, y: unknown): boolean {
  const a = indirectInterface(x)
  const b = indirectInterface(y)
  const k1 = basicKind(a)
  if (k1 === 'invalid') throw new FuncError(BAD_TYPE)
  const k2 = basicKind(b)
  if (k2 === 'invalid') throw new FuncError(BAD_TYPE)
  if (k1 !== k2) throw new FuncError(BAD_COMPARISON)
  if (k1 === 'bool') throw new FuncError(BAD_TYPE)
  if (k1 === 'string') return (a as string) < (b as string)
  return numberOf(a) < numberOf(b)
}

/** indexArg: an integer index within [0, cap]. */
function indexArg(raw: unknown, cap: number): number {
  const v = indirectInterface(raw)
  const k = kindOf(v)
  if (v === INVALID) throw new FuncError('cannot index slice/array with nil')
  if (k !== 'int') throw new FuncError(`cannot index slice/array with type ${goTypeName(v)}`)
  const x = numberOf(v)
  if (x < 0 || x > cap) throw new FuncError(`index out of range: ${x}`)
  return x
}

function index(args: unknown[]): unknown {
  let item = indirectInterface(args[0])
  if (item === INVALID) throw new FuncError('index of untyped nil')
  for (const raw of args.slice(1)) {
    if (item instanceof Iface) item = item.v
    if (item === null) throw new FuncError('index of nil pointer')
    const k = kindOf(item)
    if (k === 'slice' || k === 'string') {
      const len = k === 'slice' ? (item as unknown[]).length : utf8Bytes(item as string).length
      const x = indexArg(raw, len)
      if (x === len) throw new FuncError('reflect: slice index out of range')
      item = k === 'slice' ? new Iface((item as unknown[])[x]) : new GoInt(utf8Bytes(item as string)[x], 'uint8')
    } else if (k === 'map') {
      const key = indirectInterface(raw)
      if (key === INVALID) throw new FuncError('value is nil; should be of type string')
      if (kindOf(key) !== 'string') throw new FuncError(`value has type ${goTypeName(key)}; should be string`)
      const m = item as GoMap
      item = new Iface(Object.prototype.hasOwnProperty.call(m, key as string) && m[key as string] !== undefined ? m[key as string] : null)
    } else {
      throw new FuncError(`can't index item of type ${goTypeName(item)}`)
    }
  }
  return item
}

function slice(args: unknown[]): unknown {
  const item = indirectInterface(args[0])
  if (item === INVALID) throw new FuncError('slice of untyped nil')
  const idxs = args.slice(1)
  if (idxs.length > 3) throw new FuncError(`too many slice indexes: ${idxs.length}`)
  const k = kindOf(item)
  if (k === 'string' && idxs.length === 3) throw new FuncError('cannot 3-index slice a string')
  if (k !== 'string' && k !== 'slice') throw new FuncError(`can't slice item of type ${goTypeName(item)}`)
  const bytes = k === 'string' ? utf8Bytes(item as string) : null
  const len = bytes ? bytes.length : (item as unknown[]).length
  const idx = [0, len, len]
  idxs.forEach((raw, i) => (idx[i] = indexArg(raw, len)))
  if (idx[0] > idx[1]) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`)
  if (idxs.length === 3 && idx[1] > idx[2]) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`)
  return bytes ? fromUtf8(bytes.slice(idx[0], idx[1])) : (item as unknown[]).slice(idx[0], idx[1])
}

function len(args: unknown[]): unknown {
  let v = args[0]
  if (v instanceof Iface) {
    if (v.v === null) throw new FuncError('len of nil pointer')
    v = v.v
  }
  if (v === INVALID) throw new FuncError('reflect: call of reflect.Value.Type on zero Value')
  switch (kindOf(v)) {
    case 'string':
      return new GoInt(utf8Bytes(v as string).length)
    case 'slice':
      return new GoInt((v as unknown[]).length)
    case 'map':
      return new GoInt(Object.keys(v as GoMap).length)
  }
  throw new FuncError(`len of type ${goTypeName(v)}`)
}

/** evalArgs: a lone string as it is, anything else through fmt.Sprint. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0]
  return goSprintAll(args)
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
}

function jsEscape(s: string): string {
  let out = ''
  for (const ch of s) {
    const r = ch.codePointAt(0)!
    const named: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' }
    if (named[ch]) out += named[ch]
    else if (r < 0x20) out += '\\u00' + r.toString(16).toUpperCase().padStart(2, '0')
    else if (r >= 0x80 && !/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) out += '\\u' + r.toString(16).toUpperCase().padStart(4, '0')
    else out += ch
  }
  return out
}

/** url.QueryEscape. */
function queryEscape(s: string): string {
  let out = ''
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b)
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c
    else if (c === ' ') out += '+'
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

/** base64.StdEncoding.DecodeString with Go's CorruptInputError offsets. */
export function base64Decode(s: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  const bytes: number[] = []
  const fail = (at: number) => new FuncError(`base64 decode failed: illegal base64 data at input byte ${at}`)
  const input = utf8Bytes(s)
  let quantum: number[] = []
  let qStart = 0
  let padded = false
  for (let i = 0; i < input.length; i++) {
    const c = input[i]
    if (c === 0x0a || c === 0x0d) continue
    if (c === 0x3d) {
      // Padding: only after 2 or 3 symbols, and nothing but padding (and newlines) after it.
      if (quantum.length < 2) throw fail(i)
      let need = 4 - quantum.length - 1
      let j = i + 1
      for (; need > 0; j++) {
        if (j >= input.length) throw fail(input.length)
        if (input[j] === 0x0a || input[j] === 0x0d) continue
        if (input[j] !== 0x3d) throw fail(j - 1)
        need--
      }
      for (; j < input.length; j++) if (input[j] !== 0x0a && input[j] !== 0x0d) throw fail(j)
      padded = true
      break
    }
    const v = alphabet.indexOf(String.fromCharCode(c))
    if (v < 0) throw fail(i)
    if (quantum.length === 0) qStart = i
    quantum.push(v)
    if (quantum.length === 4) {
      bytes.push((quantum[0] << 2) | (quantum[1] >> 4), ((quantum[1] & 15) << 4) | (quantum[2] >> 2), ((quantum[2] & 3) << 6) | quantum[3])
      quantum = []
    }
  }
  // A last quantum without its padding.
  if (!padded && quantum.length > 0) throw fail(qStart)
  if (quantum.length >= 2) bytes.push((quantum[0] << 2) | (quantum[1] >> 4))
  if (quantum.length >= 3) bytes.push(((quantum[1] & 15) << 4) | (quantum[2] >> 2))
  return fromUtf8(bytes)
}

/**
 * kubectl's `exists`: whether item[i0][i1]... leads somewhere non-nil. The item itself always
 * "exists" (reflect.ValueOf of a nil interface{} is not a nil pointer); elements may be nil.
 */
function exists(args: unknown[]): boolean {
  let v: unknown = args[0]
  const indices = args.slice(1)
  if (indices.length === 0) return true
  for (const ix of indices) {
    if (v === null || v === INVALID) return false
    const k = kindOf(v)
    if (k === 'slice' || k === 'string') {
      if (kindOf(ix) !== 'int') return false
      const x = numberOf(ix)
      const arr = k === 'slice' ? (v as unknown[]) : utf8Bytes(v as string)
      if (x < 0 || x >= arr.length) return false
      v = arr[x]
    } else if (k === 'map') {
      const key = ix === null ? '' : ix
      if (kindOf(key) !== 'string') return false
      const m = v as GoMap
      v = Object.prototype.hasOwnProperty.call(m, key as string) && m[key as string] !== undefined ? m[key as string] : null
    } else {
      return false
    }
  }
  return v !== null
}

const cmp = (f: (a: unknown, b: unknown) => boolean): Builtin => ({ params: ['value', 'value'], call: ([a, b]) => f(a, b) })

export const BUILTINS: Record<string, Builtin> = {
  and: { params: ['value'], variadic: 'value', call: () => INVALID },
  or: { params: ['value'], variadic: 'value', call: () => INVALID },
  not: { params: ['value'], call: ([a]) => !isTrue(indirectInterface(a)) },
  call: {
    params: ['value'],
    variadic: 'value',
    call: ([f]) => {
      throw new FuncError(`non-function of type ${f === INVALID ? '<nil>' : goTypeName(indirectInterface(f))}`)
    },
  },
  html: { params: [], variadic: 'any', call: (a) => htmlEscape(evalArgs(a)) },
  index: { params: ['value'], variadic: 'value', call: index },
  slice: { params: ['value'], variadic: 'value', call: slice },
  js: { params: [], variadic: 'any', call: (a) => jsEscape(evalArgs(a)) },
  len: { params: ['value'], call: len },
  print: { params: [], variadic: 'any', call: goSprintAll },
  printf: { params: ['string'], variadic: 'any', call: ([f, ...rest]) => goSprintf(f as string, rest) },
  println: { params: [], variadic: 'any', call: goSprintln },
  urlquery: { params: [], variadic: 'any', call: (a) => queryEscape(evalArgs(a)) },
  eq: { params: ['value'], variadic: 'value', call: eq },
  ge: cmp((a, b) => !lt(a, b)),
  gt: cmp((a, b) => !(lt(a, b) || eq([a, b]))),
  le: cmp((a, b) => lt(a, b) || eq([a, b])),
  lt: cmp(lt),
  ne: cmp((a, b) => !eq([a, b])),
  // kubectl's own (cli-runtime printers/template.go).
  exists: { params: ['any'], variadic: 'any', call: exists },
  base64decode: { params: ['string'], call: ([s]) => base64Decode(s as string) },
}

export const FUNC_NAMES: ReadonlySet<string> = new Set(Object.keys(BUILTINS))
