// Strategic merge patch (placeholder: behaves as a JSON merge patch until list merge keys land).
import type { Kind } from './kinds'
import { mergePatch } from './patch'

export function strategicMerge(target: Record<string, unknown>, patch: Record<string, unknown>, _kind: Kind): Record<string, unknown> {
  return mergePatch(target, patch) as Record<string, unknown>
}
