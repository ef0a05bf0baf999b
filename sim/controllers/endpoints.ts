// Placeholder: replaced by the real controller.
import type { Controller } from './runtime'
import type { ControllerDeps } from './deps'

export function endpointsController(_deps: ControllerDeps): Controller {
  return { name: 'endpoint-controller', watches: [], keysFor: () => [], reconcile: () => {} }
}
