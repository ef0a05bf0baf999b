// Offline once loaded: kubectl keeps its help texts, explain's field descriptions and its completion
// scripts in chunks loaded on first use. Using each once in the background, soon after start, loads
// them while the network is surely there, so a page that later goes offline (a train, a flaky Wi-Fi)
// still answers `kubectl explain` and `--help`. Running the commands (hidden, output dropped) rather
// than importing the chunks keeps this independent of where kubectl keeps them.

import type { Workspace } from '../state/contract'

export const WARM_UP_LINES = ['kubectl get --help', 'kubectl explain pods.spec', 'kubectl completion bash']

export async function warmUp(ws: Pick<Workspace, 'capture'>): Promise<void> {
  for (const line of WARM_UP_LINES) {
    try {
      await ws.capture(line)
    } catch {
      // A chunk that fails to load now will be tried again when a command needs it.
    }
  }
}
