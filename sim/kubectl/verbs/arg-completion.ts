// Argument completion of the verbs that complete something other than `TYPE NAME` (the ValidArgsFunction
// each has in kubectl v1.33, checked with `kubectl __complete`): the rollout subcommands offer the
// kinds they handle as kubectl spells them (`deployment daemonset statefulset`, then names of that
// kind), cordon/uncordon/drain one node name, the config context commands context names, completion
// the shells. sim/kubectl/complete.ts asks here first.

import type { CompletionRequest } from '../../shell/types'
import type { KubeconfigState } from '../kubeconfig'

/** SpecifiedResourceTypeAndNameCompletionFunc's list for rollout (DaemonSets are not served here, but kubectl offers the word). */
const ROLLOUT_TYPES = ['deployment', 'daemonset', 'statefulset']
const ROLLOUT_KINDS: Record<string, 'Deployment' | 'StatefulSet'> = { deployment: 'Deployment', statefulset: 'StatefulSet' }

export interface ArgCompletionContext {
  /** `rollout status`, `cordon`, `config use-context`. */
  path: string
  /** Positional arguments before the word being completed. */
  positional: readonly string[]
  current: string
  namespace: string
  req: CompletionRequest
  kubeconfig: KubeconfigState
}

function names(c: ArgCompletionContext, kind: 'Deployment' | 'StatefulSet' | 'Node'): string[] {
  const objs = c.req.sim.api.list(kind, kind === 'Node' ? {} : { namespace: c.namespace })
  return objs.map((o) => o.metadata.name ?? '')
}

function rolloutArgs(c: ArgCompletionContext, noRepeat: boolean): string[] {
  const slash = c.current.indexOf('/')
  if (c.positional.length === 0) {
    if (slash < 0) return ROLLOUT_TYPES
    const type = c.current.slice(0, slash)
    const kind = ROLLOUT_KINDS[type]
    return kind ? names(c, kind).map((n) => `${type}/${n}`) : []
  }
  // TYPE NAME...: status leaves out the names already given (the NoRepeat variant), the others do not.
  const kind = ROLLOUT_KINDS[c.positional[0]]
  if (!kind) return []
  return names(c, kind).filter((n) => !noRepeat || !c.positional.slice(1).includes(n))
}

/** Candidates for the word being completed, or undefined when the verb is not one of these. */
export function verbArgCompletion(c: ArgCompletionContext): string[] | undefined {
  const starting = (xs: readonly string[]) => xs.filter((x) => x.startsWith(c.current))
  switch (c.path) {
    case 'rollout history':
    case 'rollout pause':
    case 'rollout restart':
    case 'rollout resume':
    case 'rollout status':
    case 'rollout undo':
      return starting(rolloutArgs(c, c.path === 'rollout status'))
    case 'cordon':
    case 'uncordon':
    case 'drain':
      return c.positional.length === 0 ? starting(names(c, 'Node')) : []
    case 'config use-context':
    case 'config set-context':
    case 'config get-contexts':
    case 'config delete-context':
    case 'config rename-context':
      return c.positional.length === 0 ? starting(c.kubeconfig.contextNames()) : []
    case 'completion':
      return c.positional.length === 0 ? starting(['bash', 'zsh', 'fish', 'powershell']) : []
  }
  return undefined
}
