// Lists kept sorted as items come and go (binary search, then one splice), for the places that would
// otherwise sort a whole list again after every change.

/** The first position whose item does not sort before `item` (or before a key that `compare` compares items with). */
export function lowerBound<T, K = T>(list: readonly T[], item: K, compare: (a: T, b: K) => number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compare(list[mid], item) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Puts `item` in its place. */
export function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  list.splice(lowerBound(list, item, compare), 0, item)
}

/** Takes out the item that compares equal to `item`, if there is one; says whether it did. */
export function removeSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): boolean {
  const at = lowerBound(list, item, compare)
  if (at === list.length || compare(list[at], item) !== 0) return false
  list.splice(at, 1)
  return true
}
