// Placeholder: replaced by the real controller.
import type { Controller } from './runtime'
import type { ControllerDeps } from './deps'

export function disruptionController(_deps: ControllerDeps): Controller {
  return { name: 'disruption-controller', watches: [], keysFor: () => [], reconcile: () => {} }
}
