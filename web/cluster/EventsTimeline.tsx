// The namespace's events as a timeline, oldest at the top and the newest at the bottom (kept in
// view while the list is scrolled to its end), in the order `kubectl events` prints them. Warnings
// stand out; a click on the object opens its details. Each event shows the simulated time it was
// last seen, as the toolbar's clock shows time, not a "12s ago" age: an age changes every simulated
// second (ten times a second at 10×), and re-rendering hundreds of rows that often made the page stutter.

import { memo, useEffect, useLayoutEffect, useRef } from 'react'
import { useT } from '../i18n/use-t'
import { clockTime } from './format'
import type { EventView } from './model/types'
import { ObjectButton } from './ObjectButton'

/** The newest this many: an hour of a busy namespace, without thousands of DOM rows. */
const SHOWN = 300

export function EventsTimeline({ events, namespace }: { events: readonly EventView[]; namespace: string }) {
  const t = useT()
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
        <EventRow key={e.key} event={e} />
      ))}
    </ol>
  )
}

export const EventRow = memo(function EventRow({ event: e, showObject = true }: { event: EventView; showObject?: boolean }) {
  const t = useT()
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
        {e.lastSeen !== undefined && (
          <time className="event__age" dateTime={new Date(e.lastSeen).toISOString()} title={t('cluster.events.seen', { source: e.source, first: clockTime(e.firstSeen ?? e.lastSeen) })}>
            {clockTime(e.lastSeen)}
          </time>
        )}
      </div>
      <p className="event__message">{e.message}</p>
    </li>
  )
})
