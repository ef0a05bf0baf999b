// The flags the mutating verbs share, declared as kubectl v1.33 declares them (cmdutil.AddDryRunFlag,
// AddValidateFlags, AddApplyAnnotationFlags, AddFilenameOptionFlags, genericclioptions.PrintFlags),
// and the readings kubectl makes of them (cmdutil.GetDryRunStrategy, GetValidationDirective).

import type { FieldValidation } from '../../api/schema/field-validation'
import type { Invocation } from '../command'
import { KubectlError } from '../errors'
import type { FlagSpec } from '../flags/pflag'
import { parseBool } from '../flags/strconv'
import { klogWarning } from './klog'

/** --dry-run: `--dry-run` alone means "unchanged" (pflag NoOptDefVal), read as a deprecated client. */
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noOptDefVal: 'unchanged' }
export const VALIDATE_FLAG: FlagSpec = { name: 'validate', type: 'string', default: 'strict', noOptDefVal: 'strict' }
export const SAVE_CONFIG_FLAG: FlagSpec = { name: 'save-config', type: 'bool', default: 'false' }
/** genericclioptions.RecordFlags: hidden and deprecated, still accepted. */
export const RECORD_FLAG: FlagSpec = { name: 'record', type: 'bool', default: 'false', hidden: true }

export function fieldManagerFlag(defaultManager: string): FlagSpec {
  return { name: 'field-manager', type: 'string', default: defaultManager }
}

/** -f/-k/-R (genericclioptions.FileNameFlags). */
export const FILENAME_FLAGS: readonly FlagSpec[] = [
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'kustomize', shorthand: 'k', type: 'string' },
  { name: 'recursive', shorthand: 'R', type: 'bool' },
]

/** genericclioptions.PrintFlags for a command that prints the objects it changed. */
export const OUTPUT_FLAGS: readonly FlagSpec[] = [
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: 'true' },
  { name: 'show-managed-fields', type: 'bool' },
]

export const SELECTOR_FLAG: FlagSpec = { name: 'selector', shorthand: 'l', type: 'string' }

export type DryRun = 'none' | 'client' | 'server'

/** cmdutil.GetDryRunStrategy, with its deprecation notes (klog warnings on stderr). */
export function dryRunStrategy(inv: Invocation): DryRun {
  const value = inv.flags.string('dry-run')
  let b: boolean
  try {
    b = parseBool(value)
  } catch {
    switch (value) {
      case 'unchanged':
        inv.err(klogWarning(inv, 'helpers.go:703', '--dry-run is deprecated and can be replaced with --dry-run=client.'))
        return 'client'
      case 'client':
      case 'server':
      case 'none':
        return value
      default:
        throw new KubectlError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`)
    }
  }
  inv.err(klogWarning(inv, b ? 'helpers.go:717' : 'helpers.go:720', `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${b ? 'client' : 'none'}.`))
  return b ? 'client' : 'none'
}

/** cmdutil.GetValidationDirective: what kubectl asks of the server's field validation. */
export function validationDirective(inv: Invocation): FieldValidation {
  const value = inv.flags.string('validate')
  try {
    return parseBool(value) ? 'Strict' : 'Ignore'
  } catch {
    switch (value) {
      case 'strict':
        return 'Strict'
      case 'warn':
        return 'Warn'
      case 'ignore':
        return 'Ignore'
    }
    throw new KubectlError(`invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`)
  }
}

/** cobra prints a deprecation note when a deprecated flag is used. */
export function warnDeprecatedRecord(inv: Invocation): void {
  if (inv.flags.has('record') && inv.flags.changed('record')) inv.err('Flag --record has been deprecated, --record will be removed in the future\n')
}

/** What the server gets as the request's dry-run option. */
export function serverDryRun(d: DryRun): boolean {
  return d === 'server'
}

/** The suffix PrintFlagsWithDryRunStrategy adds to the operation. */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : ''
}
