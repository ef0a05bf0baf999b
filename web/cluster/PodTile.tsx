// One pod: a status light that animates through its life (Pending → ContainerCreating → Running →
// Ready → Terminating), kubectl's STATUS and READY cells as kubectl prints them, the node it runs on,
// and its claim → volume chain. React.memo on a PodView that keeps its identity while the pod is
// unchanged (model/memo.ts): a hundred tiles, and a write to one pod re-renders one.

import { Fragment, memo, useEffect, useRef, type CSSProperties } from 'react'
import { useT } from '../i18n/use-t'
import { ClaimChain } from './ClaimChain'
import { nodeColour } from './format'
import type { ClaimView, PodView } from './model/types'
import { ObjectButton } from './ObjectButton'

interface Props {
  pod: PodView
  /** The node's position in the node strip (its colour), if scheduled. */
  nodeIndex?: number
  /** The pod's ordinal is past the replica count: the StatefulSet removes it. */
  condemned?: boolean
  /** The pod runs the update revision of a rolling update. */
  isUpdate?: boolean
  /** Many pods: a small square per pod, details on click. */
  dense?: boolean
}

export const PodTile = memo(function PodTile({ pod, nodeIndex, condemned, isUpdate, dense }: Props) {
  const t = useT()
  // Flash when the pod *turns* Ready, not whenever a Ready pod's tile mounts (a tab switch).
  const stageBefore = useRef(pod.stage)
  const turnedReady = pod.stage === 'ready' && stageBefore.current !== 'ready'
  useEffect(() => {
    stageBefore.current = pod.stage
  }, [pod.stage])
  const data = {
    'data-stage': pod.stage,
    'data-flash': turnedReady ? '' : undefined,
    'data-condemned': condemned ? '' : undefined,
    'data-update': isUpdate ? '' : undefined,
    'data-testid': `pod-${pod.name}`,
  }
  if (dense) {
    return (
      <ObjectButton objRef={pod.ref} className="pod pod--dense" data={data} title={`${pod.name}  ${pod.status}  ${pod.ready}${pod.node ? '  ' + pod.node : ''}`}>
        <span className="pod__light" aria-hidden />
        <span className="pod__ordinal">{pod.ordinal ?? pod.name}</span>
      </ObjectButton>
    )
  }
  return (
    <div className="pod-row" data-stage={pod.stage}>
      <ObjectButton objRef={pod.ref} className="pod" data={data}>
        <span className="pod__light" aria-hidden />
        <span className="pod__name">{breakable(pod.name)}</span>
        <span className="pod__status" data-testid="pod-status">
          {pod.status}
        </span>
        <span className="pod__ready" title="READY">
          {pod.ready}
        </span>
        {pod.restarts > 0 && <span className="pod__restarts">↻ {pod.restarts}</span>}
        <span className="pod__meta">
          {pod.node ? (
            <span className="node-chip" style={{ '--node': nodeColour(nodeIndex) } as CSSProperties}>
              {pod.node}
            </span>
          ) : (
            <span className="pod__unscheduled">{t('cluster.pod.unscheduled')}</span>
          )}
          {pod.ip && <span className="pod__ip">{pod.ip}</span>}
          {condemned && <span className="tag tag--warn">{t('cluster.pod.condemned')}</span>}
          {isUpdate && <span className="tag tag--accent">{t('cluster.pod.updated')}</span>}
        </span>
      </ObjectButton>
      {pod.claims.length > 0 && <Claims claims={pod.claims} />}
    </div>
  )
})

/** `hello-86c969456-h7hxk` may break after a dash (a Deployment's pod names outgrow a narrow pane). */
function breakable(name: string) {
  const parts = name.split('-')
  return parts.map((p, i) => (
    <Fragment key={i}>
      {p}
      {i < parts.length - 1 && (
        <>
          -<wbr />
        </>
      )}
    </Fragment>
  ))
}

function Claims({ claims }: { claims: readonly ClaimView[] }) {
  return (
    <div className="pod-row__claims">
      {claims.map((c) => (
        <ClaimChain key={c.key} claim={c} />
      ))}
    </div>
  )
}
