// Deployments and ReplicaSets, for contrast with the StatefulSet: a Deployment's pods belong to a
// ReplicaSet per template revision and get random names (`coredns-79d98d477f-q8tvg`), no ordinals,
// no claims of their own. Newest revision first, as `kubectl rollout history` numbers them.

import { memo } from 'react'
import { useT } from '../i18n/use-t'
import type { DeploymentView, ReplicaSetView } from './model/types'
import { ObjectButton } from './ObjectButton'
import { PodTile } from './PodTile'

interface Props {
  nodeIndex: ReadonlyMap<string, number>
}

export const DeploymentCard = memo(function DeploymentCard({ deploy, nodeIndex }: Props & { deploy: DeploymentView }) {
  const t = useT()
  return (
    <article className="card card--deploy" data-testid={`deploy-${deploy.name}`}>
      <header className="card__head">
        <ObjectButton objRef={deploy.ref} className="card__title">
          <span className="kind-badge">deploy</span>
          <span className="card__name">{deploy.name}</span>
        </ObjectButton>
        <span className="card__count" data-complete={deploy.readyReplicas === deploy.replicas ? '' : undefined}>
          {t('cluster.ready', { ready: deploy.readyReplicas, replicas: deploy.replicas })}
        </span>
      </header>
      {deploy.replicaSets.map((rs) => (
        <ReplicaSetBlock key={rs.key} rs={rs} nodeIndex={nodeIndex} nested />
      ))}
    </article>
  )
})

export const ReplicaSetBlock = memo(function ReplicaSetBlock({ rs, nodeIndex, nested }: Props & { rs: ReplicaSetView; nested?: boolean }) {
  const t = useT()
  const body = (
    <>
      <header className="card__head card__head--rs">
        <ObjectButton objRef={rs.ref} className="card__title">
          <span className="kind-badge">rs</span>
          <span className="card__name">{rs.name}</span>
        </ObjectButton>
        <span className="card__count">
          {rs.revision && <span className="fact">{t('cluster.rs.revision', { n: rs.revision })}</span>}{' '}
          {t('cluster.ready', { ready: rs.readyReplicas, replicas: rs.replicas })}
        </span>
      </header>
      {rs.pods.length > 0 && (
        <div className="slots">
          {rs.pods.map((p) => (
            <PodTile key={p.key} pod={p} nodeIndex={p.node ? nodeIndex.get(p.node) : undefined} />
          ))}
        </div>
      )}
    </>
  )
  return nested ? (
    <section className="rs" data-testid={`rs-${rs.name}`}>
      {body}
    </section>
  ) : (
    <article className="card card--rs" data-testid={`rs-${rs.name}`}>
      {body}
    </article>
  )
})
