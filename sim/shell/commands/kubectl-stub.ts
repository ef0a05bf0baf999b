// Stands in for kubectl until the real one is plugged in with `commands.add(kubectl)`.

import type { Command } from '../types'

export const kubectlStub: Command = {
  name: 'kubectl',
  run(ctx) {
    ctx.stderr('error: kubectl is not available yet\n')
    return 1
  },
}
