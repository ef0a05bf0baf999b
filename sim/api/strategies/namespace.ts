// Namespace registry strategy: deletion is two-phase. The namespace turns Terminating and stays until
// the namespace controller has removed its contents and cleared spec.finalizers ("kubernetes").

import type { KindStrategy } from '../strategy'
import type { Namespace } from '../types'
import { validateNamespace } from '../validation/core-misc'
import { validateObjectMetaUpdate } from '../validation/meta'
import { isUpdate } from './common'

export const namespaceStrategy: KindStrategy = {
  defaults(obj) {
    const ns = obj as Namespace
    // SetDefaults_Namespace: every named namespace carries its name as a label.
    if (!ns.metadata?.name) return
    ns.metadata = { ...ns.metadata, labels: { ...(ns.metadata?.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata!.name! } }
  },
  prepareForCreate(obj) {
    const ns = obj as Namespace
    ns.spec = { finalizers: ['kubernetes'] }
    ns.status = { phase: 'Active' }
  },
  validate(obj, ctx) {
    return isUpdate('Namespace', obj, ctx) ? [] : validateNamespace(obj as Namespace)
  },
  validateUpdate(obj, old) {
    return validateObjectMetaUpdate(obj.metadata, old.metadata)
  },
  holdsDeletion(obj) {
    return ((obj as Namespace).spec?.finalizers?.length ?? 0) > 0
  },
  prepareForDelete(obj) {
    ;(obj as Namespace).status = { ...((obj as Namespace).status ?? {}), phase: 'Terminating' }
  },
  defaultPropagation: 'Background',
}
