// Placeholder: replaced by the real controller.
import type { Controller } from './runtime'
import type { ControllerDeps } from './deps'

export function nodeLifecycleController(_deps: ControllerDeps): Controller {
  return { name: 'node-lifecycle-controller', watches: [], keysFor: () => [], reconcile: () => {} }
}
