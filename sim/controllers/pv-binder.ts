// Placeholder: replaced by the real controller.
import type { Controller } from './runtime'
import type { ControllerDeps } from './deps'

export function pvBinderController(_deps: ControllerDeps): Controller {
  return { name: 'persistentvolume-controller', watches: [], keysFor: () => [], reconcile: () => {} }
}
