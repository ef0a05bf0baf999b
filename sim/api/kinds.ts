// The resource types the simulated API server serves, as a v1.33 server's discovery describes them
// (names, short names, scope, categories). kubectl resolves `sts`, `statefulsets.apps`, `StatefulSet`
// through this table, and the API server uses it for names in messages (`statefulsets.apps "web"`).

export type Kind =
  | 'Namespace'
  | 'Node'
  | 'Pod'
  | 'Service'
  | 'Endpoints'
  | 'EndpointSlice'
  | 'StatefulSet'
  | 'ControllerRevision'
  | 'Deployment'
  | 'ReplicaSet'
  | 'PersistentVolume'
  | 'PersistentVolumeClaim'
  | 'StorageClass'
  | 'ConfigMap'
  | 'Secret'
  | 'ServiceAccount'
  | 'PodDisruptionBudget'
  | 'Event'

export interface KindInfo {
  kind: Kind
  group: string // '' for the core group
  version: string
  apiVersion: string
  resource: string // plural
  singular: string
  shortNames: readonly string[]
  namespaced: boolean
  /** Writes to .status go through the status subresource only (and .status is ignored on update). */
  statusSubresource: boolean
  /** metadata.generation is kept and bumped on spec changes. */
  generation: boolean
  categories: readonly string[]
  /** What kubectl calls it in names and messages: `statefulsets.apps`, `pods`. */
  qualifiedResource: string
  verbs: readonly string[]
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const

function info(
  kind: Kind,
  apiVersion: string,
  resource: string,
  opts: Partial<Pick<KindInfo, 'shortNames' | 'namespaced' | 'statusSubresource' | 'generation' | 'categories' | 'verbs'>> = {},
): KindInfo {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]
  return {
    kind,
    group,
    version,
    apiVersion,
    resource,
    singular: kind.toLowerCase(),
    shortNames: opts.shortNames ?? [],
    namespaced: opts.namespaced ?? true,
    statusSubresource: opts.statusSubresource ?? false,
    generation: opts.generation ?? false,
    categories: opts.categories ?? [],
    qualifiedResource: group ? `${resource}.${group}` : resource,
    verbs: opts.verbs ?? ALL_VERBS,
  }
}

export const KINDS: readonly KindInfo[] = [
  info('Namespace', 'v1', 'namespaces', { shortNames: ['ns'], namespaced: false, statusSubresource: true, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
  info('Node', 'v1', 'nodes', { shortNames: ['no'], namespaced: false, statusSubresource: true }),
  info('Pod', 'v1', 'pods', { shortNames: ['po'], statusSubresource: true, categories: ['all'] }),
  info('Service', 'v1', 'services', { shortNames: ['svc'], statusSubresource: true, categories: ['all'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }),
  info('Endpoints', 'v1', 'endpoints', { shortNames: ['ep'] }),
  info('EndpointSlice', 'discovery.k8s.io/v1', 'endpointslices', { generation: true }),
  info('StatefulSet', 'apps/v1', 'statefulsets', { shortNames: ['sts'], statusSubresource: true, generation: true, categories: ['all'] }),
  info('ControllerRevision', 'apps/v1', 'controllerrevisions'),
  info('Deployment', 'apps/v1', 'deployments', { shortNames: ['deploy'], statusSubresource: true, generation: true, categories: ['all'] }),
  info('ReplicaSet', 'apps/v1', 'replicasets', { shortNames: ['rs'], statusSubresource: true, generation: true, categories: ['all'] }),
  info('PersistentVolume', 'v1', 'persistentvolumes', { shortNames: ['pv'], namespaced: false, statusSubresource: true }),
  info('PersistentVolumeClaim', 'v1', 'persistentvolumeclaims', { shortNames: ['pvc'], statusSubresource: true }),
  info('StorageClass', 'storage.k8s.io/v1', 'storageclasses', { shortNames: ['sc'], namespaced: false }),
  info('ConfigMap', 'v1', 'configmaps', { shortNames: ['cm'] }),
  info('Secret', 'v1', 'secrets'),
  info('ServiceAccount', 'v1', 'serviceaccounts', { shortNames: ['sa'] }),
  info('PodDisruptionBudget', 'policy/v1', 'poddisruptionbudgets', { shortNames: ['pdb'], statusSubresource: true, generation: true }),
  info('Event', 'v1', 'events', { shortNames: ['ev'] }),
]

const byKind = new Map<string, KindInfo>(KINDS.map((k) => [k.kind, k]))

export function kindInfo(kind: Kind): KindInfo {
  const k = byKind.get(kind)
  if (!k) throw new Error(`unknown kind ${kind}`)
  return k
}

export function isKind(kind: string): kind is Kind {
  return byKind.has(kind)
}

/**
 * Resolves what a user typed (`sts`, `statefulset`, `StatefulSets`, `statefulsets.apps`,
 * `statefulsets.v1.apps`) to a kind, as kubectl's RESTMapper does; undefined when unknown.
 */
export function resolveResource(text: string): KindInfo | undefined {
  const t = text.toLowerCase()
  const dot = t.indexOf('.')
  const name = dot < 0 ? t : t.slice(0, dot)
  const qualifier = dot < 0 ? undefined : t.slice(dot + 1)
  for (const k of KINDS) {
    const names = [k.resource, k.singular, ...k.shortNames]
    if (!names.includes(name)) continue
    if (qualifier === undefined) return k
    const groupOk = qualifier === k.group || qualifier === `${k.version}.${k.group}` || (k.group === '' && qualifier === k.version)
    if (groupOk) return k
  }
  return undefined
}

/** Finds the kind an object's apiVersion+kind names, if the server serves it. */
export function kindFor(apiVersion: string | undefined, kind: string | undefined): KindInfo | undefined {
  if (!kind) return undefined
  const k = byKind.get(kind)
  if (!k) return undefined
  return apiVersion === k.apiVersion ? k : undefined
}
