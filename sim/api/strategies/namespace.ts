// Namespace registry strategy: deletion is two-phase. The namespace turns Terminating and stays until
// the namespace controller has removed its contents and cleared spec.finalizers ("kubernetes").

import type { KindStrategy } from '../strategy'
import type { Namespace } from '../types'

export const namespaceStrategy: KindStrategy = {
  defaults(obj) {
    const ns = obj as Namespace
    ns.metadata = { ...ns.metadata, labels: { ...(ns.metadata?.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata!.name! } }
  },
  prepareForCreate(obj) {
    const ns = obj as Namespace
    ns.spec = { finalizers: ['kubernetes'] }
    ns.status = { phase: 'Active' }
  },
  holdsDeletion(obj) {
    return ((obj as Namespace).spec?.finalizers?.length ?? 0) > 0
  },
  prepareForDelete(obj) {
    ;(obj as Namespace).status = { ...((obj as Namespace).status ?? {}), phase: 'Terminating' }
  },
}
