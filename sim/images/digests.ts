// Fixed, plausible sha256 digests for catalogue entries that do not carry one from a reference.
// They are derived from the repository and build name so they never change between runs or sessions;
// they are not the registries' real digests.

import { fnv32a } from '../core/hash'

/** `sha256:` + 64 hex characters derived from `seed`. */
export function derivedDigest(seed: string): string {
  let hex = ''
  for (let i = 0; hex.length < 64; i++) hex += fnv32a(`${seed}#${i}`).toString(16).padStart(8, '0')
  return 'sha256:' + hex.slice(0, 64)
}
