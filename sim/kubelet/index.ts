// Placeholder: replaced by the real controller.
import type { Controller } from '../controllers/runtime'
import type { ControllerDeps } from '../controllers/deps'

export function kubeletController(_deps: ControllerDeps): Controller {
  return { name: 'kubelet', watches: [], keysFor: () => [], reconcile: () => {} }
}
