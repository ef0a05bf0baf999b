// Placeholder: replaced by the real controller.
import type { Controller } from './runtime'
import type { ControllerDeps } from './deps'

export function schedulerController(_deps: ControllerDeps): Controller {
  return { name: 'default-scheduler', watches: [], keysFor: () => [], reconcile: () => {} }
}
