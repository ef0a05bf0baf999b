// `kubectl explain` as a verb: the explain module (../explain/explain.ts) renders the v1.33 field
// documentation of the served kinds from the generated descriptions, loaded on first use.

import type { KubectlCommand } from '../command'
import { EXPLAIN_FLAGS, explain, loadDescriptions } from '../explain/explain'

export const explainCommand: KubectlCommand = {
  name: 'explain',
  short: 'Get documentation for a resource',
  flags: EXPLAIN_FLAGS,
  async run(inv) {
    const f = inv.flags
    const r = explain(
      { args: inv.args, recursive: f.bool('recursive'), apiVersion: f.string('api-version'), output: f.string('output') },
      { descriptions: await loadDescriptions() },
    )
    if (r.stdout) inv.out(r.stdout)
    if (r.stderr) inv.err(r.stderr)
    return r.exitCode
  },
}
