// Placeholder: replaced by the real controller.
import type { Controller } from './runtime'
import type { ControllerDeps } from './deps'

export function deploymentController(_deps: ControllerDeps): Controller {
  return { name: 'deployment-controller', watches: [], keysFor: () => [], reconcile: () => {} }
}
