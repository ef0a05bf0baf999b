// A StatefulSet: its header (ready count, policy, revisions) and its pods in ordinal order, one slot
// per ordinal. An ordinal the set wants but has no pod for yet is a dashed ghost (OrderedReady creates
// N+1 only once N is Running and Ready); pods above the replica count are condemned while they go;
// claims of removed ordinals stay below (whenScaled: Retain).

import { memo } from 'react'
import { useT } from '../i18n/use-t'
import { ClaimChain } from './ClaimChain'
import type { Slot, StatefulSetView } from './model/types'
import { ObjectButton } from './ObjectButton'
import { PodTile } from './PodTile'

/** More slots than this: small squares instead of rows, so a 100-pod set fits the pane. */
const DENSE_OVER = 12

interface Props {
  set: StatefulSetView
  nodeIndex: ReadonlyMap<string, number>
}

export const StatefulSetCard = memo(function StatefulSetCard({ set, nodeIndex }: Props) {
  const t = useT()
  const dense = set.slots.length > DENSE_OVER
  return (
    <article className="card card--sts" data-testid={`sts-${set.name}`}>
      <header className="card__head">
        <ObjectButton objRef={set.ref} className="card__title">
          <span className="kind-badge">sts</span>
          <span className="card__name">{set.name}</span>
        </ObjectButton>
        <span className="card__count" data-testid="sts-ready" data-complete={set.readyReplicas === set.replicas ? '' : undefined}>
          {t('cluster.ready', { ready: set.readyReplicas, replicas: set.replicas })}
        </span>
      </header>
      <div className="card__facts">
        <span className="fact">{set.podManagementPolicy}</span>
        <span className="fact">
          {set.updateStrategy}
          {set.partition !== undefined && ` · partition ${set.partition}`}
        </span>
        {set.serviceName && <span className="fact">serviceName: {set.serviceName}</span>}
        {set.rolling && set.current && set.update && (
          <span className="tag tag--accent">{t('cluster.sts.rolling', { from: set.current.number ?? '?', to: set.update.number ?? '?' })}</span>
        )}
        {set.deleting && <span className="tag tag--warn">Terminating</span>}
      </div>
      <div className={dense ? 'slots slots--dense' : 'slots'} role="list" aria-label={t('cluster.sts.pods', { name: set.name })}>
        {set.slots.map((slot) => (
          <div role="listitem" key={slotKey(slot)} className="slot">
            {slot.type === 'pod' ? (
              <PodTile pod={slot.pod} nodeIndex={slot.pod.node ? nodeIndex.get(slot.pod.node) : undefined} condemned={slot.condemned} isUpdate={set.rolling && slot.isUpdate} dense={dense} />
            ) : (
              <Ghost set={set} slot={slot} dense={dense} />
            )}
          </div>
        ))}
      </div>
      {set.retainedClaims.length > 0 && (
        <div className="card__retained">
          <h4 className="card__sub">{t('cluster.sts.retained')}</h4>
          {set.retainedClaims.map((c) => (
            <ClaimChain key={c.key} claim={c} />
          ))}
        </div>
      )}
    </article>
  )
})

// Keyed by the pod's uid: a pod deleted and created again under the same name is a new tile (it
// animates in), as it is a new object with a new uid.
const slotKey = (slot: Slot) => `${slot.ordinal}/${slot.type === 'pod' ? slot.pod.key : 'ghost'}`

function Ghost({ set, slot, dense }: { set: StatefulSetView; slot: Extract<Slot, { type: 'ghost' }>; dense: boolean }) {
  const t = useT()
  const name = `${set.name}-${slot.ordinal}`
  const ordered = set.podManagementPolicy === 'OrderedReady' && slot.ordinal > set.ordinalsStart
  const why = ordered ? t('cluster.ghost.waits', { prev: `${set.name}-${slot.ordinal - 1}` }) : t('cluster.ghost.notYet')
  if (dense) {
    return (
      <div className="pod pod--dense pod--ghost" title={`${name}: ${why}`} data-testid={`ghost-${name}`}>
        <span className="pod__light" aria-hidden />
        <span className="pod__ordinal">{slot.ordinal}</span>
      </div>
    )
  }
  return (
    <div className="pod-row pod-row--ghost" data-testid={`ghost-${name}`}>
      <div className="pod pod--ghost">
        <span className="pod__light" aria-hidden />
        <span className="pod__name">{name}</span>
        <span className="pod__status">{why}</span>
      </div>
      {slot.claims.length > 0 && (
        <div className="pod-row__claims">
          {slot.claims.map((c) => (
            <ClaimChain key={c.key} claim={c} />
          ))}
        </div>
      )}
    </div>
  )
}
