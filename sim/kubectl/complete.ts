// Tab completion for kubectl, shaped like kubectl's cobra completions: command names at the command
// position, flag names for `-`/`--` words, resource types (`kubectl api-resources -o name`: `pods`,
// `statefulsets.apps`) for the first argument of verbs that take one, then object names of that type
// in the namespace in effect (`-n` honoured), and `type/name` after a slash.

import { KINDS, type KindInfo } from '../api/kinds'
import type { CompletionRequest } from '../shell/types'
import type { KubectlCommand } from './command'
import { find, flagSetFor } from './dispatch'
import { GLOBAL_FLAGS } from './flags/global'
import type { KubeconfigState } from './kubeconfig'
import { findMapping } from './resource-mapping'
import { verbArgCompletion } from './verbs/arg-completion'

// Verbs whose arguments are TYPE [NAME...] (ResourceTypeAndNameCompletionFunc in kubectl).
const TYPE_AND_NAME_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'status', 'history', 'undo', 'restart', 'wait', 'explain'])

function resourceNames(): string[] {
  return KINDS.map((k) => (k.group ? `${k.resource}.${k.group}` : k.resource)).sort()
}

function namespaceOf(words: readonly string[], kubeconfig: KubeconfigState): string {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    if ((w === '-n' || w === '--namespace') && words[i + 1]) return words[i + 1]
    const m = /^(?:--namespace=|-n=?)(.+)$/.exec(w)
    if (m) return m[1]
  }
  return kubeconfig.namespace({ namespace: '', context: '' }).namespace
}

function objectNames(req: CompletionRequest, kind: KindInfo, namespace: string): string[] {
  const objs = req.sim.api.list(kind.kind, kind.namespaced ? { namespace } : {})
  return objs.map((o) => o.metadata.name ?? '')
}

export function completeKubectl(root: KubectlCommand, kubeconfig: KubeconfigState, req: CompletionRequest): string[] | undefined {
  const cur = req.current
  const before = req.words.slice(1, -1)
  const found = find(root, before)
  const cmd = found.path[found.path.length - 1]
  const startsWith = (xs: readonly string[]) => xs.filter((x) => x.startsWith(cur))
  if (cur.startsWith('-')) {
    const specs = [...(cmd.flags ?? []), ...GLOBAL_FLAGS]
    return startsWith(specs.map((f) => `--${f.name}`).sort())
  }
  let positional: string[]
  try {
    positional = flagSetFor(cmd).parse(found.args.filter((a) => a !== '')).args
  } catch {
    return undefined
  }
  if (found.path.length === 1 || (cmd.subcommands?.length && (!cmd.run || positional.length === 0))) {
    return startsWith((cmd.subcommands ?? []).filter((c) => !c.hidden).map((c) => c.name))
  }
  const namespace = namespaceOf(req.words, kubeconfig)
  const path = found.path.slice(1).map((c) => c.name).join(' ')
  const own = verbArgCompletion({ path, positional, current: cur, namespace, req, kubeconfig })
  if (own) return own
  if (!TYPE_AND_NAME_VERBS.has(cmd.name)) return undefined
  if (positional.length === 0) {
    const slash = cur.indexOf('/')
    if (slash >= 0) {
      const kind = findMapping(cur.slice(0, slash))
      return kind ? startsWith(objectNames(req, kind, namespace).map((n) => `${cur.slice(0, slash)}/${n}`)) : []
    }
    return startsWith(resourceNames())
  }
  const kind = findMapping(positional[0].split(',')[0])
  if (!kind || positional[0].includes('/')) return []
  return startsWith(objectNames(req, kind, namespace).filter((n) => !positional.includes(n)))
}
