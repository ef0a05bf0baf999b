// Decoding a request body into the kind's Go type, as the API server's JSON serializer does with
// sigs.k8s.io/json UnmarshalStrict (apimachinery runtime/serializer/json/json.go): a value of the
// wrong type is a fatal error (the first one found, encoding/json's UnmarshalTypeError text), and
// fields the type does not have are strict-decoding findings (`unknown field "spec.replica"`, all of
// them, in document order). kubectl sends JSON that Go marshalled from a map, so keys come sorted.

import { goQuote } from '../field-errors'
import type { Kind } from '../kinds'
import { base64ErrorOffset, fitsInt, jsonKind, numberText } from './go-json'
import { timeParseError } from './go-time'
import { quantityDecodeError } from './quantity-check'
import { goTypeString, isStruct, mapParts, rootType, schemaType } from './structure'

export interface DecodeFindings {
  /** The decode error that fails the request whatever the field validation (wrong type, bad quantity, ...). */
  fatal?: string
  /** Paths of unknown fields, as the strict decoder names them (`spec.template.spec.containers[0].imagee`). */
  unknown: string[]
}

/** Where the walk is: the innermost struct and its field path (encoding/json's errorContext), and the strict path with indices. */
interface Ctx {
  struct: string
  fields: string[]
  path: string
}

/** An error an UnmarshalJSON method returns: decoding stops there (it beats errors saved earlier). */
class Abort {
  constructor(readonly message: string) {}
}

const MAX_STRICT_ERRORS = 100 // sigs.k8s.io/json saveStrictError

class Decoder {
  saved: string | undefined
  readonly unknown: string[] = []

  value(v: unknown, expr: string, ctx: Ctx): void {
    const kind = jsonKind(v)
    if (kind === 'null') return // null leaves any Go value as it is
    if (expr.startsWith('[]')) return this.list(v, expr, goTypeString(expr), ctx)
    if (mapParts(expr)) return this.map(v, expr, goTypeString(expr), ctx)
    switch (expr) {
      case 'string':
        return this.expect(kind, 'string', expr, ctx)
      case 'bool':
        return this.expect(kind, 'bool', expr, ctx)
      case 'float64':
        return this.expect(kind, 'number', expr, ctx)
      case 'int32':
      case 'int64':
        return this.integer(v, expr, ctx)
      case 'bytes':
        return this.bytes(v, ctx)
    }
    const t = schemaType(expr)
    if (!t) throw new Error(`decode: unknown type ${expr}`)
    if (isStruct(t)) return this.struct(v, expr, ctx)
    if ('str' in t) return this.expect(kind, 'string', expr, ctx)
    // A named map or slice (v1.ResourceList): decoded as its underlying type, named by its own name.
    if ('of' in t) return t.of.startsWith('[]') ? this.list(v, t.of, t.go, ctx) : this.map(v, t.of, t.go, ctx)
    return this.special(v, expr, ctx)
  }

  /** UnmarshalTypeError: "json: cannot unmarshal <value> into Go struct field <Struct>.<path> of type <T>". */
  typeError(value: string, goType: string, ctx: Ctx): string {
    if (!ctx.struct && ctx.fields.length === 0) return `json: cannot unmarshal ${value} into Go value of type ${goType}`
    return `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type ${goType}`
  }

  save(message: string): void {
    if (this.saved === undefined) this.saved = message
  }

  expect(kind: string, want: string, expr: string, ctx: Ctx): void {
    if (kind !== want) this.save(this.typeError(kind, goTypeString(expr), ctx))
  }

  integer(v: unknown, expr: 'int32' | 'int64', ctx: Ctx): void {
    const kind = jsonKind(v)
    if (kind !== 'number') return this.save(this.typeError(kind, expr, ctx))
    const text = numberText(v as number)
    if (!fitsInt(text, expr)) this.save(this.typeError(`number ${text}`, expr, ctx))
  }

  bytes(v: unknown, ctx: Ctx): void {
    const kind = jsonKind(v)
    if (kind === 'string') {
      const at = base64ErrorOffset(v as string)
      if (at !== undefined) this.save(`illegal base64 data at input byte ${at}`)
    } else if (kind === 'array') {
      for (const e of v as unknown[]) {
        const ek = jsonKind(e)
        if (ek === 'null') continue
        if (ek !== 'number') this.save(this.typeError(ek, 'uint8', ctx))
        else if (!fitsInt(numberText(e as number), 'uint8')) this.save(this.typeError(`number ${numberText(e as number)}`, 'uint8', ctx))
      }
    } else {
      this.save(this.typeError(kind, '[]uint8', ctx))
    }
  }

  list(v: unknown, expr: string, goType: string, ctx: Ctx): void {
    const kind = jsonKind(v)
    if (kind !== 'array') return this.save(this.typeError(kind, goType, ctx))
    const elem = expr.slice(2)
    ;(v as unknown[]).forEach((e, i) => this.value(e, elem, { ...ctx, path: `${ctx.path}[${i}]` }))
  }

  map(v: unknown, expr: string, goType: string, ctx: Ctx): void {
    const kind = jsonKind(v)
    if (kind !== 'object') return this.save(this.typeError(kind, goType, ctx))
    const value = mapParts(expr)!.value
    // Map keys join the strict path (appendStrictFieldStackKey) but not the type-error context.
    for (const k of sortedKeys(v as Record<string, unknown>)) this.value((v as Record<string, unknown>)[k], value, { ...ctx, path: join(ctx.path, k) })
  }

  struct(v: unknown, expr: string, ctx: Ctx): void {
    const kind = jsonKind(v)
    if (kind !== 'object') return this.save(this.typeError(kind, goTypeString(expr), ctx))
    const t = schemaType(expr)
    if (!isStruct(t)) return
    const name = t.go.slice(t.go.indexOf('.') + 1)
    const obj = v as Record<string, unknown>
    for (const k of sortedKeys(obj)) {
      const ft = Object.prototype.hasOwnProperty.call(t.f, k) ? t.f[k] : undefined
      if (ft === undefined) {
        const path = join(ctx.path, k)
        if (this.unknown.length < MAX_STRICT_ERRORS && !this.unknown.includes(path)) this.unknown.push(path)
        continue
      }
      this.value(obj[k], ft, { struct: name, fields: [...ctx.fields, k], path: join(ctx.path, k) })
    }
  }

  special(v: unknown, expr: string, ctx: Ctx): void {
    const kind = jsonKind(v)
    switch (expr) {
      case 'resource.Quantity': {
        const err = quantityDecodeError(v)
        if (err) throw new Abort(err)
        return
      }
      case 'intstr.IntOrString':
        // UnmarshalJSON: a quoted value is the string, anything else goes through json.Unmarshal into int32.
        if (kind === 'string') return
        if (kind !== 'number') throw new Abort(this.typeError(kind, 'int32', ctx))
        if (!fitsInt(numberText(v as number), 'int32')) throw new Abort(this.typeError(`number ${numberText(v as number)}`, 'int32', ctx))
        return
      case 'meta.Time':
      case 'meta.MicroTime': {
        if (kind !== 'string') throw new Abort(this.typeError(kind, 'string', ctx))
        const err = timeParseError(v as string, expr === 'meta.MicroTime')
        if (err) throw new Abort(err)
        return
      }
      default:
        return // FieldsV1 and RawExtension keep whatever JSON they get
    }
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}

/** Byte order, as Go sorts map keys when kubectl marshals the object. */
function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** What decoding `obj` into the kind's type finds. */
export function decodeFindings(kind: Kind, obj: unknown): DecodeFindings {
  const d = new Decoder()
  try {
    d.value(obj, rootType(kind), { struct: '', fields: [], path: '' })
  } catch (e) {
    if (e instanceof Abort) return { fatal: e.message, unknown: [] }
    throw e
  }
  if (d.saved !== undefined) return { fatal: d.saved, unknown: [] }
  return { unknown: d.unknown }
}

/** sigs.k8s.io/json strictError.Error(): `unknown field "spec.replica"`. */
export function unknownFieldText(path: string): string {
  return `unknown field ${goQuote(path)}`
}
