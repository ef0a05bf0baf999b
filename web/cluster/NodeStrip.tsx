// The nodes across the top: kubectl's STATUS cell, the roles, and how many of the namespace's pods
// run there. Each node has a colour that the node chip of each pod repeats, so where a pod landed
// (and that web-0 and web-1 went to different nodes) shows at a glance.

import { memo, type CSSProperties } from 'react'
import { useT } from '../i18n/use-t'
import { nodeColour } from './format'
import type { NodeView } from './model/types'
import { ObjectButton } from './ObjectButton'

export const NodeStrip = memo(function NodeStrip({ nodes }: { nodes: readonly NodeView[] }) {
  const t = useT()
  return (
    <div className="nodes" role="list" aria-label={t('cluster.nodes')}>
      {nodes.map((n) => (
        <div role="listitem" key={n.key} className="nodes__item">
          <ObjectButton
            objRef={n.ref}
            className="node"
            data={{ 'data-ready': n.ready ? '' : undefined, 'data-testid': `node-${n.name}` }}
            title={`${n.name}  ${n.status}${n.roles ? '  ' + n.roles : ''}`}
          >
            <span className="node__swatch" style={{ '--node': nodeColour(n.index) } as CSSProperties} aria-hidden />
            <span className="node__name">{n.name}</span>
            <span className="node__line">
              <span className="node__status" data-ready={n.ready ? '' : undefined}>
                {n.status}
              </span>
              <span className="node__pods" title={t('cluster.node.podsTitle', { n: n.pods })}>
                {n.pods === 1 ? t('cluster.node.pod') : t('cluster.node.pods', { n: n.pods })}
              </span>
            </span>
          </ObjectButton>
        </div>
      ))}
    </div>
  )
})
