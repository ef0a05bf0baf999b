// The view model for the namespace shown, rebuilt when the store's snapshot changes (a write in the
// simulator), never on a clock tick. The ViewCache lives as long as the pane, so an unchanged pod
// comes back as the same PodView and its React.memo tile does not re-render.

import { useMemo, useRef } from 'react'
import { useApp } from '../state/hooks'
import { buildClusterView } from './model/cluster-view'
import { eventTimeline } from './model/events'
import { ViewCache } from './model/memo'
import { kindList } from './model/snapshot-index'
import type { ClusterView, EventView } from './model/types'

export function useClusterView(namespace: string): ClusterView {
  const snapshot = useApp((s) => s.snapshot)
  const zone = useApp((s) => s.workspace.sim.config?.clusterDomain)
  const cache = useRef<ViewCache | null>(null)
  const prev = useRef<ClusterView | undefined>(undefined)
  return useMemo(() => {
    cache.current ??= new ViewCache()
    const view = buildClusterView(snapshot, { namespace, zone }, cache.current, prev.current)
    prev.current = view
    return view
  }, [snapshot, namespace, zone])
}

/** The namespace's events, oldest first (its own cache: the timeline and the details share it). */
export function useEventTimeline(namespace: string): readonly EventView[] {
  // The Event list keeps its identity while no event is written (the simulator's snapshot reuses it).
  const events = useApp((s) => kindList(s.snapshot, 'Event'))
  const cache = useRef<ViewCache | null>(null)
  const prev = useRef<readonly EventView[]>([])
  return useMemo(() => {
    cache.current ??= new ViewCache()
    cache.current.begin()
    const next = eventTimeline(cache.current, events, namespace)
    cache.current.end()
    // Same events, same array: the timeline does not re-render for writes that made no event.
    const same = next.length === prev.current.length && next.every((e, i) => e === prev.current[i])
    if (!same) prev.current = next
    return prev.current
  }, [events, namespace])
}
