// Placeholder: replaced by the real controller.
import type { Controller } from './runtime'
import type { ControllerDeps } from './deps'

export function garbageCollectorController(_deps: ControllerDeps): Controller {
  return { name: 'garbage-collector', watches: [], keysFor: () => [], reconcile: () => {} }
}
