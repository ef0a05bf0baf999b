// Small helpers the components share: kubectl's own words for an object (the command lines the
// details panel runs and shows), simulated clock times, and which node colour a node gets.

import { kindInfo } from '../../sim'
import type { ObjectRef } from './model/types'

/** `pod/web-0`: how kubectl names an object (its singular resource name). */
export function refName(ref: ObjectRef): string {
  return `${kindInfo(ref.kind).singular}/${ref.name}`
}

function nsFlag(ref: ObjectRef): string {
  return kindInfo(ref.kind).namespaced ? ` -n ${ref.namespace}` : ''
}

/** What the details panel runs (and shows, so the student learns the command behind the picture). */
export function describeCommand(ref: ObjectRef): string {
  return `kubectl describe ${kindInfo(ref.kind).singular} ${ref.name}${nsFlag(ref)}`
}

export function yamlCommand(ref: ObjectRef): string {
  return `kubectl get ${kindInfo(ref.kind).singular} ${ref.name}${nsFlag(ref)} -o yaml`
}

export function sameRef(a: { kind: string; namespace: string; name: string } | undefined, b: ObjectRef): boolean {
  return !!a && a.kind === b.kind && a.name === b.name && a.namespace === b.namespace
}

/** `09:00:14`: simulated time as the toolbar's clock shows it (the simulation's clock is UTC). */
export function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19)
}

/** A node's colour: the node strip and the node chip of every pod share it (cluster.css --node-N). */
export function nodeColour(index: number | undefined): string {
  return index === undefined ? 'var(--muted)' : `var(--node-${index % 6})`
}
