// Placeholder: replaced by the real controller.
import type { Controller } from './runtime'
import type { ControllerDeps } from './deps'

export function endpointSliceController(_deps: ControllerDeps): Controller {
  return { name: 'endpointslice-controller', watches: [], keysFor: () => [], reconcile: () => {} }
}
