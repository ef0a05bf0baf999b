// Small helpers the components share: kubectl's own words for an object (the command lines the
// details panel runs and shows), ages as kubectl prints them, and which node colour a node gets.

import { kindInfo } from '../../sim'
import { humanDuration } from '../../sim/kubectl/printers/duration'
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

/** kubectl's AGE (HumanDuration): `45s`, `2m3s`, `12d`. */
export function age(now: number, since: number | undefined): string {
  return since === undefined ? '' : humanDuration(now - since)
}

/** A node's colour: the node strip and the node chip of every pod share it (cluster.css --node-N). */
export function nodeColour(index: number | undefined): string {
  return index === undefined ? 'var(--muted)' : `var(--node-${index % 6})`
}
