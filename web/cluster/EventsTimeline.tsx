// The namespace's events as a timeline, oldest at the top and the newest at the bottom (kept in
// view while the list is scrolled to its end), in the order `kubectl events` prints them. Warnings
// stand out; a click on the object opens its details. Only this list reads the clock (for the
// "12s" ages), so a clock tick re-renders it and nothing else.

import { memo, useEffect, useLayoutEffect, useRef } from 'react'
import { useT } from '../i18n/use-t'
import { useApp } from '../state/hooks'
import { age } from './format'
import type { EventView } from './model/types'
import { ObjectButton } from './ObjectButton'

/** The newest this many: an hour of a busy namespace, without thousands of DOM rows. */
const SHOWN = 300

export function EventsTimeline({ events, namespace }: { events: readonly EventView[]; namespace: string }) {
  const t = useT()
  const now = useApp((s) => s.now)
  const box = useRef<HTMLOListElement>(null)
  const atEnd = useRef(true)
  const shown = events.length > SHOWN ? events.slice(-SHOWN) : events

  useLayoutEffect(() => {
    const el = box.current
    if (el && atEnd.current) el.scrollTop = el.scrollHeight
  }, [shown])
  useEffect(() => {
    const el = box.current
    if (!el) return
    const onScroll = () => (atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 24)
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => el.removeEventListener('scroll', onScroll)
  }, [])

  if (!events.length) return <p className="empty">{t('cluster.events.none', { ns: namespace })}</p>
  return (
    <ol className="timeline" ref={box} aria-label={t('cluster.events.title', { ns: namespace })} data-testid="events-timeline">
      {shown.map((e) => (
        <EventRow key={e.key} event={e} ago={t('cluster.events.ago', { age: age(now, e.lastSeen) })} />
      ))}
    </ol>
  )
}

export const EventRow = memo(function EventRow({ event: e, ago, showObject = true }: { event: EventView; ago: string; showObject?: boolean }) {
  return (
    <li className="event" data-type={e.type} data-testid="event">
      <span className="event__dot" aria-hidden />
      <div className="event__head">
        <span className="event__reason">{e.reason}</span>
        {e.count > 1 && <span className="event__count">×{e.count}</span>}
        {showObject &&
          (e.involved ? (
            <ObjectButton objRef={e.involved} className="event__object">
              {e.object}
            </ObjectButton>
          ) : (
            <span className="event__object">{e.object}</span>
          ))}
        <span className="event__age" title={e.source}>
          {ago}
        </span>
      </div>
      <p className="event__message">{e.message}</p>
    </li>
  )
})
