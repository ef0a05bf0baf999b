// Strategic-merge-patch metadata of the kinds we serve: for each struct on a path to a list with a
// patch strategy, which fields lead where and how they merge. The values are the Go struct tags of
// k8s.io/api v0.33 (`patchStrategy:"merge" patchMergeKey:"name"`; core/v1, apps/v1, policy/v1 and
// apimachinery meta/v1 types.go) — the server looks them up the same way
// (strategicpatch.PatchMetaFromStruct; kubectl reads the same values from the OpenAPI extensions
// x-kubernetes-patch-strategy / x-kubernetes-patch-merge-key).
//
// Only structs that lead to a field with a strategy are listed. A field not listed has no strategy,
// so lists there are replaced whole and maps merge key by key — e.g. Node spec.taints,
// PodSpec.tolerations, StatefulSetSpec.volumeClaimTemplates (kubernetes#74819), Container.envFrom.
// Upstream errors on a field its struct does not have ("unable to find api field ..."); for our kinds
// that cannot matter (stored objects are typed, and apply diffs only keys present on both sides), so
// unlisted fields are looked up leniently. A table may mark a type `strict` to get upstream's error
// (the tests use that for apimachinery's own MergeItem fixture).

import type { Kind } from './kinds'
import { SmpError } from './strategic-errors'

/** One field: the struct its value (or each list element) is, and its patch strategy and merge key. */
export interface FieldMeta {
  /** Type name in the table (struct, or element struct for lists); omitted when nothing below matters. */
  type?: string
  /** The patchStrategy tag: 'merge', 'replace', 'retainKeys' or 'merge,retainKeys'. */
  strategy?: string
  /** The patchMergeKey tag. */
  key?: string
}

/** A struct: JSON field name → metadata; a bare string is a field that is just a struct of that type. */
export type StructMeta = Record<string, FieldMeta | string>

export interface MetaTable {
  types: Record<string, StructMeta>
  /** Types whose field list is complete: looking up any other field is an error, as upstream. */
  strict?: readonly string[]
}

/** What LookupPatchMetadataForStruct/ForSlice answer: where to look next and how this field merges. */
export interface PatchMeta {
  strategies: readonly string[]
  mergeKey: string
}

/** strategicpatch.LookupPatchMeta: walks the schema one JSON key at a time. */
export interface PatchMetaLookup {
  forStruct(key: string): [PatchMetaLookup, PatchMeta]
  forSlice(key: string): [PatchMetaLookup, PatchMeta]
  /** What upstream's error texts call the type. */
  name(): string
}

// ---- the table (k8s.io/api v0.33.9) ----

const merge = (key: string, type?: string): FieldMeta => ({ type, strategy: 'merge', key })
const mergeRetain = (key: string, type?: string): FieldMeta => ({ type, strategy: 'merge,retainKeys', key })
/** A list of conditions merged by `type` (every status.conditions of our kinds). */
const conditions = merge('type')

const container: StructMeta = {
  ports: merge('containerPort'),
  env: merge('name'),
  volumeMounts: merge('mountPath'),
  volumeDevices: merge('devicePath'),
}

export const K8S_PATCH_META: MetaTable = {
  types: {
    ObjectMeta: {
      ownerReferences: merge('uid'),
      // A list of strings with the merge strategy: union on patch, `$deleteFromPrimitiveList` to remove.
      finalizers: { strategy: 'merge' },
    },
    PodTemplateSpec: { metadata: 'ObjectMeta', spec: 'PodSpec' },
    PodSpec: {
      volumes: mergeRetain('name'),
      initContainers: merge('name', 'Container'),
      containers: merge('name', 'Container'),
      ephemeralContainers: merge('name', 'Container'), // EphemeralContainerCommon carries the same tags
      imagePullSecrets: merge('name'),
      hostAliases: merge('ip'),
      topologySpreadConstraints: merge('topologyKey'),
      schedulingGates: merge('name'),
      resourceClaims: mergeRetain('name'),
    },
    Container: container,
    PodStatus: {
      conditions,
      hostIPs: merge('ip'),
      podIPs: merge('ip'),
      resourceClaimStatuses: mergeRetain('name'),
      initContainerStatuses: { type: 'ContainerStatus' },
      containerStatuses: { type: 'ContainerStatus' },
      ephemeralContainerStatuses: { type: 'ContainerStatus' },
    },
    ContainerStatus: { volumeMounts: merge('mountPath'), allocatedResourcesStatus: merge('name') },
    Pod: { metadata: 'ObjectMeta', spec: 'PodSpec', status: 'PodStatus' },

    StatefulSet: { metadata: 'ObjectMeta', spec: 'StatefulSetSpec', status: 'ConditionsStatus' },
    StatefulSetSpec: { template: 'PodTemplateSpec', volumeClaimTemplates: { type: 'PersistentVolumeClaim' } },
    Deployment: { metadata: 'ObjectMeta', spec: 'DeploymentSpec', status: 'ConditionsStatus' },
    // `strategy` clears the keys the patch does not keep (type: Recreate drops rollingUpdate).
    DeploymentSpec: { template: 'PodTemplateSpec', strategy: { strategy: 'retainKeys' } },
    ReplicaSet: { metadata: 'ObjectMeta', spec: 'ReplicaSetSpec', status: 'ConditionsStatus' },
    ReplicaSetSpec: { template: 'PodTemplateSpec' },
    ControllerRevision: { metadata: 'ObjectMeta' },

    Service: { metadata: 'ObjectMeta', spec: 'ServiceSpec', status: 'ConditionsStatus' },
    ServiceSpec: { ports: merge('port') },
    PersistentVolumeClaim: { metadata: 'ObjectMeta', status: 'ConditionsStatus' },
    PersistentVolume: { metadata: 'ObjectMeta' },
    Node: { metadata: 'ObjectMeta', spec: 'NodeSpec', status: 'NodeStatus' },
    NodeSpec: { podCIDRs: { strategy: 'merge' } },
    NodeStatus: { conditions, addresses: merge('type') },
    Namespace: { metadata: 'ObjectMeta', status: 'ConditionsStatus' },
    ServiceAccount: { metadata: 'ObjectMeta', secrets: merge('name') },
    PodDisruptionBudget: { metadata: 'ObjectMeta', spec: 'PodDisruptionBudgetSpec', status: 'ConditionsStatus' },
    // The selector is replaced whole: a patch naming matchLabels drops matchExpressions.
    PodDisruptionBudgetSpec: { selector: { strategy: 'replace' } },
    /** Status of every kind whose only strategic list is `conditions`. */
    ConditionsStatus: { conditions },

    Endpoints: { metadata: 'ObjectMeta' },
    EndpointSlice: { metadata: 'ObjectMeta' },
    StorageClass: { metadata: 'ObjectMeta' },
    ConfigMap: { metadata: 'ObjectMeta' },
    Secret: { metadata: 'ObjectMeta' },
    Event: { metadata: 'ObjectMeta' },
  },
}

// ---- lookup ----

const NO_META: PatchMeta = { strategies: [], mergeKey: '' }

class TableLookup implements PatchMetaLookup {
  constructor(
    private readonly table: MetaTable,
    private readonly type: string | undefined,
  ) {}

  forStruct(key: string): [PatchMetaLookup, PatchMeta] {
    const struct = this.type === undefined ? undefined : this.table.types[this.type]
    if (struct === undefined) return [new TableLookup(this.table, undefined), NO_META]
    // encoding/json matches a key to a field exactly, else case-insensitively (forked json fields.go).
    let raw = Object.prototype.hasOwnProperty.call(struct, key) ? struct[key] : undefined
    if (raw === undefined) {
      const folded = Object.keys(struct).find((f) => f.toLowerCase() === key.toLowerCase())
      raw = folded === undefined ? undefined : struct[folded]
    }
    if (raw === undefined) {
      if (this.table.strict?.includes(this.type!)) {
        throw new SmpError(`unable to find api field in struct ${this.type} for the json field "${key}"`)
      }
      return [new TableLookup(this.table, undefined), NO_META]
    }
    const field: FieldMeta = typeof raw === 'string' ? { type: raw } : raw
    // An untagged field splits to [""], as strings.Split does: no strategy.
    const strategies = field.strategy === undefined ? [''] : field.strategy.split(',')
    return [new TableLookup(this.table, field.type), { strategies, mergeKey: field.key ?? '' }]
  }

  forSlice(key: string): [PatchMetaLookup, PatchMeta] {
    // Element metadata lives on the field itself in this table.
    return this.forStruct(key)
  }

  name(): string {
    // PatchMetaFromStruct.Name() is the reflect kind, which is "struct" for every type here.
    return 'struct'
  }
}

/** The lookup for a table's type (tests use their own tables). */
export function lookupFor(table: MetaTable, type: string): PatchMetaLookup {
  return new TableLookup(table, type)
}

/** The schema kubectl and the API server use for a kind we serve. */
export function patchMetaFor(kind: Kind): PatchMetaLookup {
  return new TableLookup(K8S_PATCH_META, kind)
}

/**
 * extractRetainKeysPatchStrategy: whether the field has retainKeys, and its other strategy.
 * More than one non-retainKeys strategy is an error upstream.
 */
export function splitStrategies(strategies: readonly string[]): { retainKeys: boolean; strategy: string } {
  if (strategies.length === 0) return { retainKeys: false, strategy: '' }
  if (strategies.length === 1) {
    return strategies[0] === 'retainKeys' ? { retainKeys: true, strategy: '' } : { retainKeys: false, strategy: strategies[0] }
  }
  if (strategies.length === 2) {
    if (strategies[0] === 'retainKeys') return { retainKeys: true, strategy: strategies[1] }
    if (strategies[1] === 'retainKeys') return { retainKeys: true, strategy: strategies[0] }
  }
  throw new SmpError(`unexpected patch strategy: [${strategies.join(' ')}]`)
}
