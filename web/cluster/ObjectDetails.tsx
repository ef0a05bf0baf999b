// The details of the selected object, in a sheet over the right of the page: `kubectl describe`,
// `kubectl get -o yaml` (both run by the simulator's own kubectl, and the command shown, so the
// picture teaches the command behind it) and the object's events. Esc or the close button closes it
// and gives the focus back to the object that opened it.

import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { kindInfo } from '../../sim'
import { useT } from '../i18n/use-t'
import { useActions, useApp } from '../state/hooks'
import { describeCommand, refName, yamlCommand } from './format'
import { EventRow } from './EventsTimeline'
import { eventsFor } from './model/events'
import type { EventView, ObjectRef } from './model/types'
import { useEventTimeline } from './use-cluster-view'
import { onTabKeys } from './tab-keys'
import { useKubectl } from './use-kubectl'

type Tab = 'describe' | 'yaml' | 'events'
const TABS: readonly Tab[] = ['describe', 'yaml', 'events']

export function ObjectDetails({ objRef }: { objRef: ObjectRef }) {
  const t = useT()
  const { select } = useActions()
  const [tab, setTab] = useState<Tab>('describe')
  const sheet = useRef<HTMLElement>(null)
  const opener = useRef<Element | null>(null)
  const titleId = useId()

  // The object's version: its resourceVersion, or gone. A write re-runs kubectl.
  const obj = useApp((s) => (s.snapshot.objects[objRef.kind] ?? []).find((o) => o.metadata.name === objRef.name && (o.metadata.namespace ?? '') === objRef.namespace))
  const namespaced = kindInfo(objRef.kind).namespaced
  // Events about cluster-scoped objects (nodes, volumes) are recorded in `default`.
  const timeline = useEventTimeline(namespaced ? objRef.namespace : 'default')
  const events = useMemo(() => eventsFor(timeline, objRef, obj?.metadata.uid), [timeline, objRef, obj?.metadata.uid])
  const version = `${obj?.metadata.resourceVersion ?? 'gone'}/${events.length}/${events[events.length - 1]?.count ?? 0}`
  const line = tab === 'describe' ? describeCommand(objRef) : tab === 'yaml' ? yamlCommand(objRef) : undefined
  const out = useKubectl(line, version)

  useEffect(() => {
    // Opened by a click or Enter on an object: that button gets the focus back on close.
    opener.current = document.activeElement
    sheet.current?.focus()
    return () => {
      const el = opener.current as HTMLElement | null
      if (el?.isConnected) el.focus()
    }
  }, [objRef.kind, objRef.namespace, objRef.name])

  const close = () => select(undefined)
  return (
    <aside
      className="details"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={sheet}
      data-testid="object-details"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          close()
        }
      }}
    >
      <header className="details__head">
        <h2 id={titleId} className="details__title">
          <span className="kind-badge">{objRef.kind}</span> {objRef.name}
        </h2>
        {obj?.metadata.deletionTimestamp && <span className="tag tag--warn">Terminating</span>}
        {!obj && <span className="tag">{t('cluster.details.gone')}</span>}
        <button type="button" className="details__close" onClick={close} aria-label={t('cluster.details.close')} title={t('cluster.details.close')}>
          ✕
        </button>
      </header>
      <div className="tabs" role="tablist" aria-label={refName(objRef)} onKeyDown={onTabKeys(TABS, tab, setTab)}>
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className="tabs__tab" data-testid={`details-tab-${id}`} onClick={() => setTab(id)}>
            {t(`cluster.details.${id}`)}
            {id === 'events' && events.length > 0 && <span className="tabs__count">{events.length}</span>}
          </button>
        ))}
      </div>
      <div className="details__body" role="tabpanel">
        {tab === 'events' ? (
          <ObjectEvents events={events} />
        ) : (
          <>
            <div className="details__command">
              <span aria-hidden>$ </span>
              {line}
            </div>
            {out.loading ? (
              <p className="details__loading">{t('cluster.details.loading')}</p>
            ) : (
              <pre className="details__output" data-testid={`details-${tab}`} tabIndex={0}>
                {out.stdout}
                {out.stderr && <span className="details__stderr">{out.stderr}</span>}
              </pre>
            )}
          </>
        )}
      </div>
    </aside>
  )
}

function ObjectEvents({ events }: { events: readonly EventView[] }) {
  const t = useT()
  if (!events.length) return <p className="empty">{t('cluster.details.noEvents')}</p>
  return (
    <ol className="timeline timeline--details" data-testid="details-events">
      {events.map((e) => (
        <EventRow key={e.key} event={e} showObject={false} />
      ))}
    </ol>
  )
}
