// The view's header: the namespace shown, how many nodes and pods the cluster has, and the switch
// between the objects and the events timeline.

import { memo } from 'react'
import { useT } from '../i18n/use-t'
import { useApp } from '../state/hooks'
import { onTabKeys } from './tab-keys'

export type ViewTab = 'objects' | 'events'
const VIEW_TABS: readonly ViewTab[] = ['objects', 'events']

interface Props {
  namespaces: readonly string[]
  namespace: string
  onNamespace(ns: string): void
  tab: ViewTab
  onTab(tab: ViewTab): void
  eventCount: number
}

export const ClusterHeader = memo(function ClusterHeader({ namespaces, namespace, onNamespace, tab, onTab, eventCount }: Props) {
  const t = useT()
  const nodes = useApp((s) => s.snapshot.objects.Node.length)
  const pods = useApp((s) => s.snapshot.objects.Pod.length)
  return (
    <header className="cluster__head">
      <div className="cluster__title-row">
        <h2 className="cluster__title">{t('pane.cluster')}</h2>
        <span className="cluster__summary" data-testid="cluster-summary">
          {t('cluster.summary', { nodes, pods })}
        </span>
      </div>
      <div className="cluster__bar">
        <div className="tabs" role="tablist" aria-label={t('pane.cluster')} onKeyDown={onTabKeys(VIEW_TABS, tab, onTab)}>
          {VIEW_TABS.map((id) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} className="tabs__tab" data-testid={`cluster-tab-${id}`} onClick={() => onTab(id)}>
              {t(`cluster.tab.${id}`)}
              {id === 'events' && eventCount > 0 && <span className="tabs__count">{eventCount}</span>}
            </button>
          ))}
        </div>
        <label className="cluster__ns">
          <span className="sr-only">{t('cluster.namespace')}</span>
          <select value={namespace} onChange={(e) => onNamespace(e.target.value)} data-testid="cluster-namespace" title={t('cluster.namespace')}>
            {namespaces.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  )
})
