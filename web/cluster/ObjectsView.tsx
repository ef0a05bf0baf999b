// The namespace's objects, in the order a StatefulSet lesson reads them: StatefulSets with their pods
// and volumes and their Services' DNS names, then Deployments, lone ReplicaSets, pods no controller
// shown here owns, the other Services, and claims no pod uses.

import { memo, useMemo } from 'react'
import { useT } from '../i18n/use-t'
import { ClaimChain } from './ClaimChain'
import { DeploymentCard, ReplicaSetBlock } from './DeploymentCard'
import type { ClusterView } from './model/types'
import { PodTile } from './PodTile'
import { ServiceCard } from './ServiceCard'
import { StatefulSetCard } from './StatefulSetCard'

interface Props {
  view: ClusterView
  nodeIndex: ReadonlyMap<string, number>
}

export const ObjectsView = memo(function ObjectsView({ view, nodeIndex }: Props) {
  const t = useT()
  // The Services StatefulSets name (their governing, usually headless, Service) right after them:
  // their DNS names are what the lesson is about. `kubernetes` and the like come after the workloads.
  const [governing, others] = useMemo(() => {
    const names = new Set(view.statefulSets.map((s) => s.serviceName))
    return [view.services.filter((s) => names.has(s.name)), view.services.filter((s) => !names.has(s.name))]
  }, [view.services, view.statefulSets])
  const empty = !view.statefulSets.length && !view.deployments.length && !view.replicaSets.length && !view.pods.length && !view.claims.length
  return (
    <div className="objects">
      {empty && (
        <div className="empty" data-testid="cluster-empty">
          <p>{t('cluster.empty', { ns: view.namespace })}</p>
          <code>kubectl apply -f web.yaml</code>
        </div>
      )}
      {view.statefulSets.map((s) => (
        <StatefulSetCard key={s.key} set={s} nodeIndex={nodeIndex} />
      ))}
      {governing.map((s) => (
        <ServiceCard key={s.key} svc={s} />
      ))}
      {view.deployments.length > 0 && <h3 className="section-title">Deployments</h3>}
      {view.deployments.map((d) => (
        <DeploymentCard key={d.key} deploy={d} nodeIndex={nodeIndex} />
      ))}
      {view.replicaSets.map((rs) => (
        <ReplicaSetBlock key={rs.key} rs={rs} nodeIndex={nodeIndex} />
      ))}
      {view.pods.length > 0 && <h3 className="section-title">{t('cluster.section.pods')}</h3>}
      {view.pods.length > 0 && (
        <div className="slots">
          {view.pods.map((p) => (
            <PodTile key={p.key} pod={p} nodeIndex={p.node ? nodeIndex.get(p.node) : undefined} />
          ))}
        </div>
      )}
      {others.length > 0 && <h3 className="section-title">Services</h3>}
      {others.map((s) => (
        <ServiceCard key={s.key} svc={s} />
      ))}
      {view.claims.length > 0 && <h3 className="section-title">PersistentVolumeClaims</h3>}
      {view.claims.map((c) => (
        <ClaimChain key={c.key} claim={c} />
      ))}
    </div>
  )
})
