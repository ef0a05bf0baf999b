// One StatefulSet's pods in the controller's pod table (pod-table.ts): a row per pod with its facts
// and the answers a sync asked of it, and what a sync would otherwise count or look for by walking
// every pod: the status counts, the ordinals, the pods that are not healthy, and the pods a sync must
// look at ("attention"). A pod that is healthy (or, for a Parallel set, just waiting with its claims
// in place) and needs no repair is quiet: a sync passes over it without a step, so it is not listed.

import { insertSorted, removeSorted } from '../../core/sorted'
import type { Obj } from '../../api/types'
import { parentAndOrdinal, type Set } from './identity'
import { computeFacts, identityAndStorageMatch, isWanted, podClaimsInPlace, podClaimsUpToDate, type Claims, type PodFacts, type PodRow } from './pod-facts'

type Pod = Obj<'Pod'>
type Answers = { settled?: boolean; upToDate?: boolean; inPlace?: boolean }
const byNumber = (a: number, b: number) => a - b

export class TableRow implements PodRow {
  facts: PodFacts
  /** The name is `<parent>-<ordinal>`: the claims named for the ordinal name this pod too. */
  readonly regular: boolean
  /** Matches the group's selector and set name (undefined until the group has seen its set). */
  wanted: boolean | undefined
  unhealthy = false
  attention = false
  private version = -1
  private answers: Answers = {}

  constructor(
    public pod: Pod,
    readonly group: Group | undefined,
  ) {
    this.facts = computeFacts(pod)
    const [parent, ordinal] = parentAndOrdinal(pod.metadata.name ?? '')
    this.regular = ordinal >= 0 && pod.metadata.name === `${parent}-${ordinal}`
  }

  /** A newer version of the same pod with the same controller. */
  update(pod: Pod): void {
    if (!this.group) {
      this.pod = pod
      this.facts = computeFacts(pod)
      return
    }
    // Whether the pod matches the set depends on its labels (and name) only: most updates (status
    // writes) keep the very same labels object.
    const sameLabels = this.pod.metadata.labels === pod.metadata.labels
    this.group.uncount(this, sameLabels)
    this.pod = pod
    this.facts = computeFacts(pod)
    this.answers = {}
    this.group.count(this, sameLabels)
  }

  /** One of the claims named for this pod changed. */
  forgetClaims(): void {
    this.answers = {}
    this.group?.refresh(this)
  }

  /** The answers given under the group's current set fields, if any. */
  known(): Answers | undefined {
    return this.version === this.group?.version ? this.answers : undefined
  }

  private fresh(): Answers {
    if (this.version !== this.group!.version) {
      this.version = this.group!.version
      this.answers = {}
    }
    return this.answers
  }

  settled(set: Set, updateSet: Set, claims: Claims): boolean {
    const a = this.fresh()
    if (a.settled === undefined) {
      a.settled = identityAndStorageMatch(set, this.pod) && podClaimsUpToDate(updateSet, this.pod, claims)
      this.group!.refresh(this)
    }
    return a.settled
  }

  claimsUpToDate(set: Set, claims: Claims): boolean {
    const a = this.fresh()
    return (a.upToDate ??= podClaimsUpToDate(set, this.pod, claims))
  }

  claimsInPlace(set: Set, claims: Claims): boolean {
    const a = this.fresh()
    if (a.inPlace === undefined) {
      a.inPlace = podClaimsInPlace(set, this.pod, claims)
      this.group!.refresh(this)
    }
    return a.inPlace
  }
}

/** The pods one controller (by uid) owns in one namespace. */
export class Group {
  readonly rows = new Map<string, TableRow>()
  private readonly perOrdinal = new Map<number, TableRow[]>()
  duplicates = 0
  /** Rows whose name is not `<parent>-<ordinal>` (the full path handles them). */
  irregular = 0
  /** Rows that do not match the set's selector and name (claimPods would release them). */
  unwanted = 0
  /** Bumped when what the rows' cached answers depend on in the set changes. */
  version = 0
  private signature: readonly unknown[] = []
  /** The set as seen when its fields last changed: what `wanted` is worked out against (its selector and name). */
  private wantedBy: Set | undefined
  private monotonic = true

  /** Sorted: every row's ordinal, those of rows not healthy, those of rows that are not quiet. */
  readonly ordinals: number[] = []
  readonly unhealthy: number[] = []
  readonly attention: number[] = []
  /** countStatus over every row: created, Running and Ready, and created and not terminating by revision. */
  created = 0
  ready = 0
  readonly live = new Map<string, number>()
  /** Every row's revision label, counted (truncateHistory keeps the revisions pods still carry). */
  readonly revisions = new Map<string, number>()

  rowAt(ordinal: number): TableRow | undefined {
    const at = this.perOrdinal.get(ordinal)
    return at?.length === 1 ? at[0] : undefined
  }

  list(): TableRow[] {
    return [...this.rows.values()]
  }

  add(row: TableRow): void {
    this.rows.set(row.pod.metadata.name!, row)
    const o = row.facts.ordinal
    const at = this.perOrdinal.get(o)
    if (at) {
      at.push(row)
      if (at.length === 2) this.duplicates++
    } else this.perOrdinal.set(o, [row])
    if (!row.regular) this.irregular++
    insertSorted(this.ordinals, o, byNumber)
    this.count(row)
  }

  remove(row: TableRow): void {
    this.rows.delete(row.pod.metadata.name!)
    this.uncount(row)
    const o = row.facts.ordinal
    const at = this.perOrdinal.get(o)!.filter((r) => r !== row)
    if (at.length === 0) this.perOrdinal.delete(o)
    else this.perOrdinal.set(o, at)
    if (at.length === 1) this.duplicates--
    if (!row.regular) this.irregular--
    removeSorted(this.ordinals, o, byNumber)
    this.mark(row, 'unhealthy', false)
    this.mark(row, 'attention', false)
  }

  /** Adds the row's facts to the counts (after a change; `wantedKnown`: its labels did not change). */
  count(row: TableRow, wantedKnown = false): void {
    this.tally(row, 1)
    if (this.wantedBy && !wantedKnown) {
      row.wanted = isWanted(this.wantedBy, row.pod)
      if (!row.wanted) this.unwanted++
    }
    this.refresh(row)
  }

  /** Takes the row's facts out of the counts (before a change; `keepWanted`: its labels will not change). */
  uncount(row: TableRow, keepWanted = false): void {
    this.tally(row, -1)
    if (keepWanted) return
    if (row.wanted === false) this.unwanted--
    row.wanted = undefined
  }

  private tally(row: TableRow, d: number): void {
    const f = row.facts
    if (f.created) this.created += d
    if (f.runningAndReady) this.ready += d
    if (f.created && !f.terminating) bump(this.live, f.revision, d)
    bump(this.revisions, f.revision, d)
  }

  /** The set fields the rows' answers and the quiet rule read; a change forgets every answer. */
  observeSet(set: Set): void {
    const spec = set.spec
    const selector = spec?.selector
    const sig = [set.metadata.uid, set.metadata.name, set.metadata.namespace, spec?.volumeClaimTemplates, spec?.persistentVolumeClaimRetentionPolicy, spec?.replicas, spec?.ordinals?.start, spec?.podManagementPolicy, selector]
    if (sig.length === this.signature.length && sig.every((v, i) => v === this.signature[i])) return
    this.signature = sig
    this.version++
    this.monotonic = spec?.podManagementPolicy !== 'Parallel'
    this.wantedBy = set
    this.unwanted = 0
    for (const row of this.rows.values()) {
      row.wanted = isWanted(set, row.pod)
      if (!row.wanted) this.unwanted++
      this.refresh(row)
    }
  }

  /** Puts the row in or out of the unhealthy and attention lists after its facts or answers changed. */
  refresh(row: TableRow): void {
    const f = row.facts
    this.mark(row, 'unhealthy', !(f.runningAndReady && !f.terminating))
    this.mark(row, 'attention', !this.quiet(row))
  }

  /**
   * A sync would take no step for the row and not stop at it (with minReadySeconds 0): known to need
   * no repair, and healthy; for a Parallel set, also a pod still starting whose claims are in place
   * (its createMissingClaims step would find nothing to do).
   */
  private quiet(row: TableRow): boolean {
    const f = row.facts
    const a = row.known()
    if (a?.settled !== true || !f.created || f.failed || f.succeeded) return false
    if (this.monotonic) return f.runningAndReady && !f.terminating
    return !f.pending || a.inPlace === true
  }

  private mark(row: TableRow, list: 'unhealthy' | 'attention', on: boolean): void {
    if (row[list] === on) return
    row[list] = on
    if (on) insertSorted(this[list], row.facts.ordinal, byNumber)
    else removeSorted(this[list], row.facts.ordinal, byNumber)
  }
}

function bump(m: Map<string, number>, key: string, d: number): void {
  const n = (m.get(key) ?? 0) + d
  if (n === 0) m.delete(key)
  else m.set(key, n)
}
