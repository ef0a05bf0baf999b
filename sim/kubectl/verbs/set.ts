// `kubectl set image` (kubectl pkg/cmd/set/set_image.go): CONTAINER=IMAGE pairs (`*` for every
// container) applied to the pod template of each target — or the pod itself — and sent as a two-way
// strategic merge patch; an object whose images already match gets no patch and no line. The other
// `set` subcommands are not simulated; `kubectl set` alone prints its help to stderr and fails, as
// kubectl does.

import { ApiError } from '../../api/errors'
import { createTwoWayMergePatch } from '../../api/strategic-diff'
import type { KubeObject } from '../../api/types'
import { clone } from '../../core/json'
import type { KubectlCommand, Invocation } from '../command'
import { AggregateError, KubectlError } from '../errors'
import { defaultSubCommandRun } from '../help'
import { dryRunStrategy, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAGS, OUTPUT_FLAGS, RECORD_FLAG, SELECTOR_FLAG, serverDryRun, warnDeprecatedRecord } from '../mutate/flags'
import { resourcesAndPairs } from '../mutate/metadata-edit'
import { mutationPrinter } from '../mutate/print'
import { fileTargets, resolveTargets, type Target } from '../mutate/targets'

const SET_IMAGE_FLAGS = [
  ...OUTPUT_FLAGS,
  ...FILENAME_FLAGS,
  RECORD_FLAG,
  SELECTOR_FLAG,
  DRY_RUN_FLAG,
  fieldManagerFlag('kubectl-set'),
  { name: 'all', type: 'bool' as const },
  { name: 'local', type: 'bool' as const },
]

interface Container {
  name: string
  image?: string
}

interface PodSpecLike {
  containers?: Container[]
  initContainers?: Container[]
}

/** polymorphichelpers.UpdatePodSpecForObject: where each kind keeps its pod spec. */
function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  const o = obj as unknown as { spec?: PodSpecLike & { template?: { spec?: PodSpecLike } } }
  switch (obj.kind) {
    case 'Pod':
      return o.spec
    case 'StatefulSet':
    case 'Deployment':
    case 'ReplicaSet':
      return o.spec?.template?.spec
  }
  return undefined
}

/** ParsePairs(args, "image", false): `name=image` only. */
function parseImages(pairs: readonly string[]): Map<string, string> {
  const images = new Map<string, string>()
  const invalid: string[] = []
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') images.set(p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1))
    else invalid.push(p)
  }
  if (invalid.length) throw new KubectlError(`invalid image format: ${invalid.join(', ')}`)
  return images
}

function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      c.image = image
      found = true
    }
  }
  return found
}

async function runSetImage(inv: Invocation): Promise<number> {
  const f = inv.flags
  warnDeprecatedRecord(inv)
  const dryRun = dryRunStrategy(inv)
  const printer = mutationPrinter(inv, dryRun)
  const { resources, pairs } = resourcesAndPairs(inv.args, 'image')
  const images = parseImages(pairs)
  const local = f.bool('local')
  if (local && resources.length) throw new KubectlError('error: you must specify resources by --filename when --local is set.')
  // Complete collects every target first; any error stops the command before a change is made.
  const entries = local ? fileTargets(inv, { requireObject: false, local: true }) : resolveTargets(inv, { requireObject: true, args: resources, selectAll: f.bool('all'), labelSelector: f.string('selector') })
  const infoErrors = entries.flatMap((e) => (e.ok ? [] : [e.error]))
  if (infoErrors.length) throw infoErrors.length === 1 ? infoErrors[0] : new AggregateError(infoErrors)
  // Validate: all the problems at once.
  const problems: string[] = []
  if (f.bool('all') && f.string('selector')) problems.push('cannot set --all and --selector at the same time')
  if (resources.length < 1 && !f.strings('filename').length && !f.string('kustomize')) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  if (images.size < 1) problems.push('at least one image update is required')
  else if (images.size > 1 && images.has('*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs')
  if (local && dryRun === 'server') problems.push('cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
  if (problems.length) throw problems.length === 1 ? new KubectlError(problems[0]) : new AggregateError(problems.map((p) => new KubectlError(p)))

  const errors: unknown[] = []
  for (const t of entries.flatMap((e) => (e.ok ? [e.target] : []))) updateOne(inv, t, images, dryRun, local, printer, errors)
  AggregateError.throwIfAny(errors)
  return 0
}

function updateOne(inv: Invocation, t: Target, images: Map<string, string>, dryRun: string, local: boolean, printer: ReturnType<typeof mutationPrinter>, errors: unknown[]): void {
  const changed = clone(t.object)
  const spec = podSpecOf(changed)
  if (!spec) {
    const goType = `*v1.${t.mapping.kind}`
    errors.push(new KubectlError(`error: ${t.mapping.resource}/${t.name} the object is not a pod or does not have a pod template: ${goType}\n`))
    return
  }
  for (const [name, image] of images) {
    const inInit = setImage(spec.initContainers, name, image)
    const inMain = setImage(spec.containers, name, image)
    if (!inInit && !inMain) errors.push(new KubectlError(`error: unable to find container named "${name}"`))
    if (name === '*') break
  }
  const patch = createTwoWayMergePatch(t.object as unknown as Record<string, unknown>, changed as unknown as Record<string, unknown>, t.mapping.kind)
  if (Object.keys(patch).length === 0) return
  if (local || dryRun === 'client') {
    printer.print(changed, 'image updated', t.mapping.kind)
    return
  }
  let actual: KubeObject
  try {
    actual = inv.api.patch(t.mapping.kind, t.namespace, t.name, 'strategic', patch, { actor: 'kubectl', dryRun: serverDryRun(dryRun === 'server' ? 'server' : 'none') })
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    errors.push(new KubectlError(`failed to patch image update to pod template: ${e.message}`))
    return
  }
  inv.warn(inv.api.warnings())
  printer.print(actual, 'image updated', t.mapping.kind)
}

function notAvailable(name: string): KubectlCommand {
  return {
    name,
    run: (inv) => {
      throw new KubectlError(`"${inv.commandPath}" is not available in this simulator`)
    },
  }
}

export const setCommand: KubectlCommand = {
  name: 'set',
  short: 'Set specific features on objects',
  subcommands: [
    notAvailable('env'),
    { name: 'image', short: 'Update the image of a pod template', flags: SET_IMAGE_FLAGS, run: runSetImage },
    notAvailable('resources'),
    notAvailable('selector'),
    notAvailable('serviceaccount'),
    notAvailable('subject'),
  ],
  run: defaultSubCommandRun,
}
