// The student's kubeconfig, reduced to what changes kubectl's behaviour here: the contexts, the current
// context and each context's namespace (`kubectl config set-context --current --namespace=x`). It is
// plain data so a saved session can keep it. Names follow a kubeadm cluster's admin.conf.

import { RawError } from './errors'

export interface KubeContext {
  cluster: string
  user: string
  namespace?: string
}

export interface KubeconfigData {
  currentContext: string
  contexts: Record<string, KubeContext>
}

export const DEFAULT_CONTEXT = 'kubernetes-admin@kubernetes'

export function defaultKubeconfig(): KubeconfigData {
  return {
    currentContext: DEFAULT_CONTEXT,
    contexts: { [DEFAULT_CONTEXT]: { cluster: 'kubernetes', user: 'kubernetes-admin' } },
  }
}

export class KubeconfigState {
  private data: KubeconfigData

  constructor(data: KubeconfigData = defaultKubeconfig()) {
    this.data = structuredClone(data)
  }

  get currentContext(): string {
    return this.data.currentContext
  }

  contextNames(): string[] {
    return Object.keys(this.data.contexts).sort()
  }

  context(name: string): KubeContext | undefined {
    return this.data.contexts[name]
  }

  setCurrentContext(name: string): void {
    this.data.currentContext = name
  }

  /** Creates or changes a context (`config set-context`); fields left undefined stay as they are. */
  setContext(name: string, change: Partial<KubeContext>): void {
    const cur = this.data.contexts[name] ?? { cluster: '', user: '' }
    const next: KubeContext = { ...cur }
    for (const [k, v] of Object.entries(change) as [keyof KubeContext, string | undefined][]) {
      if (v === undefined) continue
      if (k === 'namespace' && v === '') delete next.namespace
      else next[k] = v
    }
    this.data.contexts[name] = next
  }

  /**
   * The namespace a command works in and whether the user chose it (clientcmd's Namespace()):
   * `--namespace` wins, then the context's namespace, then "default".
   */
  namespace(flags: { namespace: string; context: string }): { namespace: string; explicit: boolean } {
    if (flags.namespace) return { namespace: flags.namespace, explicit: true }
    const ctx = this.resolveContext(flags.context)
    return { namespace: ctx?.namespace || 'default', explicit: false }
  }

  /** The context a command uses; `--context` naming an unknown context is an error, as in clientcmd. */
  resolveContext(override: string): KubeContext | undefined {
    const name = override || this.data.currentContext
    const ctx = this.data.contexts[name]
    // clientcmd's ErrConfigurationInvalid, which checkErr prints as `Error in configuration: ...`.
    if (!ctx && override) throw new RawError(`Error in configuration: context was not found for specified context: ${override}`)
    return ctx
  }

  toJSON(): KubeconfigData {
    return structuredClone(this.data)
  }
}
