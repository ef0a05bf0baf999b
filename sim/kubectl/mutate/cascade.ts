// --cascade (delete, apply --force, replace --force): kubectl's parseCascadingFlag. The flag alone
// means "background" (NoOptDefVal); the old booleans still work with a deprecation note on stderr.

import type { PropagationPolicy } from '../../api/server'
import type { Invocation } from '../command'
import { KubectlError } from '../errors'
import type { FlagSpec } from '../flags/pflag'
import { parseBool } from '../flags/strconv'

export const CASCADE_FLAG: FlagSpec = { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background' }

export function cascadingStrategy(inv: Invocation): PropagationPolicy {
  const value = inv.flags.string('cascade')
  let b: boolean
  try {
    b = parseBool(value)
  } catch {
    switch (value) {
      case 'orphan':
        return 'Orphan'
      case 'foreground':
        return 'Foreground'
      case 'background':
        return 'Background'
    }
    throw new KubectlError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`)
  }
  inv.err(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${b ? 'background' : 'orphan'}.\n`)
  return b ? 'Background' : 'Orphan'
}
