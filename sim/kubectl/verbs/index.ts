// The verbs this kubectl implements, listed explicitly. A new verb is one file in this directory
// exporting a KubectlCommand; add it here. The root (root.ts) places it in kubectl's command order.

import type { KubectlCommand } from '../command'
import { applyCommand } from './apply'
import { createCommand } from './create'
import { deleteCommand } from './delete'
import { describeCommand } from './describe'
import { getCommand } from './get'
import { rolloutCommand } from './rollout'
import { waitCommand } from './wait'

export function defaultVerbs(): KubectlCommand[] {
  return [
    getCommand,
    rolloutCommand,
    waitCommand,
    createCommand,
    deleteCommand,
    applyCommand,
    describeCommand,
  ]
}
