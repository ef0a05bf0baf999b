// Keeps each piece of the view while what it was made from is unchanged. The simulator's stored
// objects are frozen and replaced on every write, so "unchanged" is identity: a pod whose object,
// claims and volumes are the same objects as last time gets the very same PodView back, and the
// component drawing it does not re-render.
//
// One pass per snapshot: entries not used during a pass (deleted objects, another namespace) are
// dropped at its end, so the cache never grows past one view's worth of objects.

interface Entry {
  deps: readonly unknown[]
  value: unknown
  pass: number
}

export class ViewCache {
  private entries = new Map<string, Entry>()
  private pass = 0
  /** How many values were computed (not reused) in the last pass: tests check reuse with it. */
  computed = 0

  begin(): void {
    this.pass++
    this.computed = 0
  }

  end(): void {
    for (const [key, e] of this.entries) if (e.pass !== this.pass) this.entries.delete(key)
  }

  memo<T>(key: string, deps: readonly unknown[], compute: () => T): T {
    const e = this.entries.get(key)
    if (e && sameItems(e.deps, deps)) {
      e.pass = this.pass
      return e.value as T
    }
    const value = compute()
    this.computed++
    this.entries.set(key, { deps, value, pass: this.pass })
    return value
  }
}

/** Same length, and the same values (by identity) at every position. */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * The array `next`, or `prev` when it holds the same items: a list whose members did not change keeps
 * its identity too.
 */
export function stableArray<T>(prev: readonly T[] | undefined, next: readonly T[]): readonly T[] {
  return prev && sameItems(prev, next) ? prev : next
}
