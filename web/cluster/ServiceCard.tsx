// A Service and the DNS names CoreDNS publishes for it. For a headless Service (clusterIP: None)
// that is the point of the lesson: the Service's own name answers with every ready pod's address,
// and each ready pod gets a stable name of its own, `web-0.nginx.default.svc.cluster.local`.

import { memo } from 'react'
import { useT } from '../i18n/use-t'
import type { ServiceView } from './model/types'
import { ObjectButton } from './ObjectButton'

export const ServiceCard = memo(function ServiceCard({ svc }: { svc: ServiceView }) {
  const t = useT()
  return (
    <article className="card card--svc" data-testid={`svc-${svc.name}`}>
      <header className="card__head">
        <ObjectButton objRef={svc.ref} className="card__title">
          <span className="kind-badge">svc</span>
          <span className="card__name">{svc.name}</span>
        </ObjectButton>
        <span className="card__count">{svc.headless ? <span className="tag tag--accent">{t('cluster.svc.headless')}</span> : svc.type}</span>
      </header>
      <div className="card__facts">
        <span className="fact">ClusterIP: {svc.clusterIP ?? 'None'}</span>
        {svc.ports.length > 0 && <span className="fact">{svc.ports.join(', ')}</span>}
        {svc.selector && <span className="fact">{svc.selector}</span>}
      </div>
      <dl className="dns">
        <div className="dns__record dns__record--service" title={t('cluster.svc.serviceName')}>
          <dt className="dns__name">{svc.fqdn}</dt>
          <dd className="dns__ip">{svc.headless ? t('cluster.svc.allReady', { n: svc.readyEndpoints }) : svc.clusterIP}</dd>
        </div>
        {svc.records.map((r) => (
          <div className="dns__record" key={r.name + r.ip} data-testid="dns-record">
            <dt className="dns__name">{r.name}</dt>
            <dd className="dns__ip">{r.ip}</dd>
          </div>
        ))}
      </dl>
      {svc.headless && svc.records.length === 0 && <p className="card__note">{t('cluster.svc.noRecords')}</p>}
      {svc.notReadyEndpoints > 0 && <p className="card__note">{t('cluster.svc.notReady', { n: svc.notReadyEndpoints })}</p>}
    </article>
  )
})
