// describeTopologySpreadConstraints (describe.go): one line per constraint, sorted by topologyKey,
// continuation lines starting with a tab.

import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1'
import { formatLabelSelector } from './format'
import { goSortBy } from '../go-sort'
import { type DescribeWriter, LEVEL_0 } from './writer'

export function describeTopologySpreadConstraints(tscs: readonly TopologySpreadConstraint[] | undefined, w: DescribeWriter, space: string): void {
  if (!tscs || tscs.length === 0) return
  const sorted = goSortBy(tscs, (a, b) => a.topologyKey < b.topologyKey)
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`)
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`)
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`
    if (t.labelSelector) s += ` for selector ${formatLabelSelector(t.labelSelector)}`
    w.write(LEVEL_0, `${s}\n`)
  })
}
