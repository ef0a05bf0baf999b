// Placeholder: replaced by the real controller.
import type { Controller } from './runtime'
import type { ControllerDeps } from './deps'

export function provisionerController(_deps: ControllerDeps): Controller {
  return { name: 'local-path-provisioner', watches: [], keysFor: () => [], reconcile: () => {} }
}
