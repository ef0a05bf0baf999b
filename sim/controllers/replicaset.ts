// Placeholder: replaced by the real controller.
import type { Controller } from './runtime'
import type { ControllerDeps } from './deps'

export function replicaSetController(_deps: ControllerDeps): Controller {
  return { name: 'replicaset-controller', watches: [], keysFor: () => [], reconcile: () => {} }
}
