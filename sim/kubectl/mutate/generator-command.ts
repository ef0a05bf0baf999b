// What every `kubectl create <generator>` does around its object (create_configmap.go & co. Complete,
// Validate, Run): exactly one NAME, the dry-run strategy and printer, the validation directive, the
// object, `--save-config`'s annotation, the POST (skipped for --dry-run=client), and the printed
// result — the typed object, so `-o json` keeps Go's field order. Server errors come back wrapped as
// each generator wraps them (`failed to create configmap: ...`), or bare for namespaces.

import type { Kind } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import { LAST_APPLIED } from '../../api/apply'
import type { Invocation, KubectlCommand } from '../command'
import { KubectlError, UsageError } from '../errors'
import type { FlagSpec } from '../flags/pflag'
import { dryRunStrategy, DRY_RUN_FLAG, fieldManagerFlag, OUTPUT_FLAGS, SAVE_CONFIG_FLAG, serverDryRun, validationDirective, VALIDATE_FLAG } from './flags'
import type { Generated } from './generators'
import { mutationPrinter } from './print'
import { toTypedGoJsonCompact } from './typed-json'

export const GENERATOR_FLAGS: readonly FlagSpec[] = [...OUTPUT_FLAGS, SAVE_CONFIG_FLAG, VALIDATE_FLAG, DRY_RUN_FLAG, fieldManagerFlag('kubectl-create')]

/** cobra's check of MarkFlagRequired flags, before the command runs. */
export function requireFlags(inv: Invocation, names: readonly string[]): void {
  const missing = names.filter((n) => !inv.flags.changed(n))
  if (missing.length) throw new KubectlError(`required flag(s) "${missing.join('", "')}" not set`)
}

/** NameFromCommandArgs: the words before `--`, exactly one. */
export function nameFromArgs(inv: Invocation): string {
  const n = inv.flags.argsLenAtDash === -1 ? inv.args.length : inv.flags.argsLenAtDash
  if (n !== 1) throw new UsageError(inv.commandPath, `exactly one NAME is required, got ${n}`)
  return inv.args[0]
}

/** CreateOrUpdateAnnotation(true, ...) on a typed object: the annotation holds its Go JSON. */
export function withSaveConfig(g: Generated): Generated {
  const metadata = g.object.metadata as Record<string, unknown>
  const { annotations, ...rest } = metadata as { annotations?: Record<string, string> }
  const others = { ...(annotations ?? {}) }
  delete others[LAST_APPLIED]
  const bare = { ...g.object, metadata: { ...rest, ...(Object.keys(others).length ? { annotations: others } : {}) } }
  const text = toTypedGoJsonCompact(g.kind, bare) + '\n'
  // The annotations field sits after labels in ObjectMeta; typed-json puts it back in place.
  return { kind: g.kind, object: { ...g.object, metadata: { ...rest, annotations: { ...others, [LAST_APPLIED]: text } } } }
}

export interface GeneratorSpec {
  name: string
  aliases?: readonly string[]
  short: string
  flags: readonly FlagSpec[]
  required?: readonly string[]
  /** ...Options.Validate (after Complete). */
  validate?(inv: Invocation): void
  /** Builds the object; `namespace` is set only when -n was given. */
  build(inv: Invocation, name: string, namespace: string | undefined): Generated
  /** How Run reports a failed POST. */
  wrapError(err: unknown): unknown
}

async function runGenerator(spec: GeneratorSpec, inv: Invocation): Promise<number> {
  if (spec.required) requireFlags(inv, spec.required)
  const name = nameFromArgs(inv)
  const dryRun = dryRunStrategy(inv)
  const printer = mutationPrinter(inv, dryRun)
  const fieldValidation = validationDirective(inv)
  spec.validate?.(inv)
  const { namespace, explicit } = inv.namespace()
  let g = spec.build(inv, name, explicit ? namespace : undefined)
  if (inv.flags.bool('save-config')) g = withSaveConfig(g)
  let result = g.object as unknown as KubeObject
  if (dryRun !== 'client') {
    const body = { ...g.object, metadata: { ...(g.object.metadata as object), namespace } } as unknown as KubeObject
    try {
      result = inv.api.create(body, { actor: 'kubectl', dryRun: serverDryRun(dryRun), fieldValidation })
    } catch (e) {
      throw spec.wrapError(e)
    }
    inv.warn(inv.api.warnings())
  }
  printer.print(result, 'created', g.kind)
  return 0
}

export function generatorCommand(spec: GeneratorSpec): KubectlCommand {
  return {
    name: spec.name,
    aliases: spec.aliases,
    short: spec.short,
    flags: spec.flags,
    run: (inv) => runGenerator(spec, inv),
  }
}

/** `fmt.Errorf("failed to create configmap: %v", err)`: the API error becomes plain text. */
export function wrapAs(prefix: string): (err: unknown) => unknown {
  return (err) => new KubectlError(`${prefix}${err instanceof Error ? err.message : String(err)}`)
}

export type { Kind }
