// Placeholder: replaced by the real controller.
import type { Controller } from '../runtime'
import type { ControllerDeps } from '../deps'

export function statefulSetController(_deps: ControllerDeps): Controller {
  return { name: 'statefulset-controller', watches: [], keysFor: () => [], reconcile: () => {} }
}
