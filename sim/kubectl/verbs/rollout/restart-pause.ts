// `kubectl rollout restart | pause | resume` (kubectl pkg/cmd/rollout/rollout_{restart,pause,resume}.go
// with polymorphichelpers objectrestarter.go / objectpauser.go / objectresumer.go). Each computes a
// strategic merge patch from the object before and after the change (set.CalculatePatches) and sends
// it. Restart stamps the template with `kubectl.kubernetes.io/restartedAt` (RFC 3339, the virtual
// clock): Deployments and StatefulSets roll their pods. Pause/resume flip a Deployment's spec.paused;
// a StatefulSet answers "pausing is not supported".

import { rfc3339 } from '../../../core/time'
import type { Deployment, KubeObject, StatefulSet } from '../../../api/types'
import type { KubectlCommand, Invocation } from '../../command'
import { AggregateError, KubectlError } from '../../errors'
import { FILENAME_FLAGS, fieldManagerFlag, OUTPUT_FLAGS, SELECTOR_FLAG } from '../../mutate/flags'
import { mutationPrinter } from '../../mutate/print'
import { hasFilenames, resourceString, type Target, visitTargets } from './visit'

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt'

/** A mutator's answer: the patch to send, nothing to do (undefined), or why not. */
type Mutation = { patch: unknown } | { error: string } | undefined

function restarter(t: Target, now: number): Mutation {
  const kind = t.mapping.kind
  if (kind !== 'Deployment' && kind !== 'StatefulSet') return { error: 'restarting is not supported' }
  if (kind === 'Deployment' && (t.object as Deployment).spec?.paused) return { error: "can't restart paused deployment (run rollout resume first)" }
  const stamp = rfc3339(now)
  const current = (t.object as StatefulSet | Deployment).spec?.template?.metadata?.annotations?.[RESTARTED_AT]
  // CreateTwoWayMergePatch of an unchanged object is "{}".
  if (current === stamp) return { patch: {} }
  return { patch: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: stamp } } } } } }
}

function pauser(paused: boolean): (t: Target) => Mutation {
  return (t) => {
    if (t.mapping.kind !== 'Deployment') return { error: paused ? 'pausing is not supported' : 'resuming is not supported' }
    const d = t.object as Deployment
    if (!!d.spec?.paused === paused) return { error: paused ? 'is already paused' : 'is not paused' }
    return { patch: { spec: { paused: paused ? true : null } } }
  }
}

interface PatchVerb {
  mutate(t: Target, now: number): Mutation
  operation: string
  /** What an empty patch means: an error, or a line with this operation. */
  emptyPatch: (t: Target) => { error: string } | { operation: string }
}

async function runPatchVerb(inv: Invocation, verb: PatchVerb): Promise<number> {
  if (inv.args.length === 0 && !hasFilenames(inv)) throw new KubectlError('required resource not specified')
  const printer = mutationPrinter(inv)
  const { visits, namespace } = visitTargets(inv, { labelSelector: inv.flags.string('selector'), allowEmptySelector: true })
  const errors: unknown[] = []
  // r.Infos() keeps every object it found; the errors (ContinueOnError) come first in the report.
  for (const v of visits) if (v.error !== undefined) errors.push(v.error)
  const targets = visits.flatMap((v) => (v.target ? [v.target] : []))
  const patches = targets.map((t) => ({ t, m: verb.mutate(t, inv.now()) })).filter((p) => p.m !== undefined)
  if (patches.length === 0 && errors.length === 0) {
    inv.err(`No resources found in ${namespace} namespace.\n`)
    return 0
  }
  for (const { t, m } of patches) {
    if (m && 'error' in m) {
      errors.push(new KubectlError(`error: ${resourceString(t.mapping)} "${t.name}" ${m.error}`))
      continue
    }
    const patch = (m as { patch: unknown }).patch
    if (patch && typeof patch === 'object' && Object.keys(patch).length === 0) {
      const empty = verb.emptyPatch(t)
      if ('error' in empty) errors.push(new KubectlError(empty.error))
      else printer.print(t.object, empty.operation)
      continue
    }
    try {
      const obj = inv.api.patch(t.mapping.kind, t.namespace, t.name, 'strategic', patch, { actor: 'kubectl' }) as KubeObject
      printer.print(obj, verb.operation)
    } catch (e) {
      errors.push(new KubectlError(`failed to patch: ${e instanceof Error ? e.message : String(e)}`))
    }
  }
  if (errors.length) throw new AggregateError(errors)
  return 0
}

const PATCH_FLAGS = [...FILENAME_FLAGS, fieldManagerFlag('kubectl-rollout'), SELECTOR_FLAG, ...OUTPUT_FLAGS]

export const rolloutRestartCommand: KubectlCommand = {
  name: 'restart',
  short: 'Restart a resource',
  flags: PATCH_FLAGS,
  run: (inv) =>
    runPatchVerb(inv, {
      mutate: restarter,
      operation: 'restarted',
      emptyPatch: (t) => ({
        error: `failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
      }),
    }),
}

export const rolloutPauseCommand: KubectlCommand = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  flags: PATCH_FLAGS,
  run: (inv) => runPatchVerb(inv, { mutate: pauser(true), operation: 'paused', emptyPatch: () => ({ operation: 'already paused' }) }),
}

export const rolloutResumeCommand: KubectlCommand = {
  name: 'resume',
  short: 'Resume a paused resource',
  flags: PATCH_FLAGS,
  run: (inv) => runPatchVerb(inv, { mutate: pauser(false), operation: 'resumed', emptyPatch: () => ({ operation: 'already resumed' }) }),
}
