// `kubectl rollout` (kubectl pkg/cmd/rollout/rollout.go): history, pause, restart, resume, status and
// undo for Deployments and StatefulSets (DaemonSets are not served by this cluster).

import type { KubectlCommand } from '../../command'
import { parentCommand } from '../parent-command'
import { rolloutHistoryCommand } from './history'
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand } from './restart-pause'
import { rolloutStatusCommand } from './status'
import { rolloutUndoCommand } from './undo'

export const rolloutCommand: KubectlCommand = parentCommand({
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  helpTo: 'stdout',
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
})
