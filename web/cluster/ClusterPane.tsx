// The live cluster view: the nodes, the namespace's objects (or its events timeline) and, over the
// right of the page, the details of the object clicked. It only composes; the picture is derived in
// model/ (pure, tested) and each piece is drawn by a memoised component.

import { useEffect, useMemo, useState } from 'react'
import { useT } from '../i18n/use-t'
import { useActions, useApp } from '../state/hooks'
import './cluster.css'
import './cards.css'
import './pods.css'
import './claims.css'
import './details.css'
import { ClusterHeader, type ViewTab } from './ClusterHeader'
import { EventsTimeline } from './EventsTimeline'
import { NodeStrip } from './NodeStrip'
import { ObjectDetails } from './ObjectDetails'
import { ObjectsView } from './ObjectsView'
import type { ObjectRef } from './model/types'
import { useClusterView, useEventTimeline } from './use-cluster-view'
import { useSheetBox } from './use-sheet-box'

export function ClusterPane() {
  const t = useT()
  const { select } = useActions()
  const [namespace, setNamespace] = useState('default')
  const [tab, setTab] = useState<ViewTab>('objects')
  const view = useClusterView(namespace)
  const events = useEventTimeline(namespace)
  const selected = useApp((s) => s.selected) as ObjectRef | undefined
  const [root, sheetBox] = useSheetBox(selected !== undefined)
  // The namespace shown was deleted (or a reset made a fresh cluster): back to default.
  useEffect(() => {
    if (!view.namespaces.includes(namespace)) setNamespace('default')
  }, [view.namespaces, namespace])
  const nodeIndex = useMemo(() => new Map(view.nodes.map((n) => [n.name, n.index])), [view.nodes])

  return (
    <div
      className="cluster"
      ref={root}
      data-testid="cluster-view"
      onKeyDown={(e) => {
        // Esc anywhere in the view closes the details, not only inside the sheet.
        if (e.key === 'Escape' && selected) {
          e.stopPropagation()
          select(undefined)
        }
      }}
    >
      <ClusterHeader namespaces={view.namespaces} namespace={namespace} onNamespace={setNamespace} tab={tab} onTab={setTab} eventCount={events.length} />
      <NodeStrip nodes={view.nodes} />
      <div className="cluster__body" role="tabpanel" aria-label={t(tab === 'objects' ? 'cluster.tab.objects' : 'cluster.tab.events')}>
        {tab === 'objects' ? <ObjectsView view={view} nodeIndex={nodeIndex} /> : <EventsTimeline events={events} namespace={namespace} />}
      </div>
      {selected && (
        <div className="details-frame" style={sheetBox}>
          <ObjectDetails objRef={selected} />
        </div>
      )}
    </div>
  )
}
