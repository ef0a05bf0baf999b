// Go's sort.Sort / sort.Slice / sort.Strings (Go 1.19+ pattern-defeating quicksort, src/sort/
// zsortinterface.go). describe sorts events by lastTimestamp with this unstable sort, so events that
// share a timestamp come out in the order Go leaves them, which is not always the input order once
// there are more than 12 of them. Reimplemented from the algorithm (pdqsort without BlockQuicksort,
// a deterministic xorshift seeded with the length for pattern breaking), operating in place.

type Less<T> = (a: T, b: T) => boolean

const MAX_INSERTION = 12
const SHORTEST_NINTHER = 50
const MAX_SWAPS = 4 * 3
const SHORTEST_SHIFTING = 50
const MAX_STEPS = 5
const MASK64 = (1n << 64n) - 1n

const enum Hint {
  Unknown,
  Increasing,
  Decreasing,
}

/** bits.Len: the number of bits needed to represent n. */
function bitLen(n: number): number {
  let bits = 0
  while (n > 0) {
    bits++
    n = Math.floor(n / 2)
  }
  return bits
}

class Sorter<T> {
  constructor(
    private readonly data: T[],
    private readonly lt: Less<T>,
  ) {}

  less(i: number, j: number): boolean {
    return this.lt(this.data[i], this.data[j])
  }

  swap(i: number, j: number): void {
    const t = this.data[i]
    this.data[i] = this.data[j]
    this.data[j] = t
  }

  insertionSort(a: number, b: number): void {
    for (let i = a + 1; i < b; i++) {
      for (let j = i; j > a && this.less(j, j - 1); j--) this.swap(j, j - 1)
    }
  }

  siftDown(lo: number, hi: number, first: number): void {
    let root = lo
    for (;;) {
      let child = 2 * root + 1
      if (child >= hi) return
      if (child + 1 < hi && this.less(first + child, first + child + 1)) child++
      if (!this.less(first + root, first + child)) return
      this.swap(first + root, first + child)
      root = child
    }
  }

  heapSort(a: number, b: number): void {
    const first = a
    const hi = b - a
    for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) this.siftDown(i, hi, first)
    for (let i = hi - 1; i >= 0; i--) {
      this.swap(first, first + i)
      this.siftDown(0, i, first)
    }
  }

  pdqsort(a: number, b: number, limit: number): void {
    let wasBalanced = true
    let wasPartitioned = true
    for (;;) {
      const length = b - a
      if (length <= MAX_INSERTION) {
        this.insertionSort(a, b)
        return
      }
      if (limit === 0) {
        this.heapSort(a, b)
        return
      }
      if (!wasBalanced) {
        this.breakPatterns(a, b)
        limit--
      }
      let [pivot, hint] = this.choosePivot(a, b)
      if (hint === Hint.Decreasing) {
        this.reverseRange(a, b)
        pivot = b - 1 - (pivot - a)
        hint = Hint.Increasing
      }
      if (wasBalanced && wasPartitioned && hint === Hint.Increasing && this.partialInsertionSort(a, b)) return
      if (a > 0 && !this.less(a - 1, pivot)) {
        a = this.partitionEqual(a, b, pivot)
        continue
      }
      const [mid, alreadyPartitioned] = this.partition(a, b, pivot)
      wasPartitioned = alreadyPartitioned
      const leftLen = mid - a
      const rightLen = b - mid
      const balanceThreshold = Math.floor(length / 8)
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold
        this.pdqsort(a, mid, limit)
        a = mid + 1
      } else {
        wasBalanced = rightLen >= balanceThreshold
        this.pdqsort(mid + 1, b, limit)
        b = mid
      }
    }
  }

  partition(a: number, b: number, pivot: number): [number, boolean] {
    this.swap(a, pivot)
    let i = a + 1
    let j = b - 1
    while (i <= j && this.less(i, a)) i++
    while (i <= j && !this.less(j, a)) j--
    if (i > j) {
      this.swap(j, a)
      return [j, true]
    }
    this.swap(i, j)
    i++
    j--
    for (;;) {
      while (i <= j && this.less(i, a)) i++
      while (i <= j && !this.less(j, a)) j--
      if (i > j) break
      this.swap(i, j)
      i++
      j--
    }
    this.swap(j, a)
    return [j, false]
  }

  partitionEqual(a: number, b: number, pivot: number): number {
    this.swap(a, pivot)
    let i = a + 1
    let j = b - 1
    for (;;) {
      while (i <= j && !this.less(a, i)) i++
      while (i <= j && this.less(a, j)) j--
      if (i > j) break
      this.swap(i, j)
      i++
      j--
    }
    return i
  }

  partialInsertionSort(a: number, b: number): boolean {
    let i = a + 1
    for (let step = 0; step < MAX_STEPS; step++) {
      while (i < b && !this.less(i, i - 1)) i++
      if (i === b) return true
      if (b - a < SHORTEST_SHIFTING) return false
      this.swap(i, i - 1)
      if (i - a >= 2) {
        for (let j = i - 1; j >= 1; j--) {
          if (!this.less(j, j - 1)) break
          this.swap(j, j - 1)
        }
      }
      if (b - i >= 2) {
        for (let j = i + 1; j < b; j++) {
          if (!this.less(j, j - 1)) break
          this.swap(j, j - 1)
        }
      }
    }
    return false
  }

  breakPatterns(a: number, b: number): void {
    const length = b - a
    if (length < 8) return
    let random = BigInt(length)
    const modulus = 2 ** bitLen(length)
    const base = a + Math.floor(length / 4) * 2
    for (let idx = base - 1; idx <= base + 1; idx++) {
      random ^= (random << 13n) & MASK64
      random ^= random >> 17n
      random ^= (random << 5n) & MASK64
      let other = Number(random & BigInt(modulus - 1))
      if (other >= length) other -= length
      this.swap(idx, a + other)
    }
  }

  choosePivot(a: number, b: number): [number, Hint] {
    const l = b - a
    const swaps = { n: 0 }
    let i = a + Math.floor(l / 4)
    let j = a + Math.floor(l / 4) * 2
    let k = a + Math.floor(l / 4) * 3
    if (l >= 8) {
      if (l >= SHORTEST_NINTHER) {
        i = this.median(i - 1, i, i + 1, swaps)
        j = this.median(j - 1, j, j + 1, swaps)
        k = this.median(k - 1, k, k + 1, swaps)
      }
      j = this.median(i, j, k, swaps)
    }
    if (swaps.n === 0) return [j, Hint.Increasing]
    if (swaps.n === MAX_SWAPS) return [j, Hint.Decreasing]
    return [j, Hint.Unknown]
  }

  order2(a: number, b: number, swaps: { n: number }): [number, number] {
    if (this.less(b, a)) {
      swaps.n++
      return [b, a]
    }
    return [a, b]
  }

  /** The index of the median of data[a], data[b], data[c] (median_func: three order2 steps). */
  median(a: number, b: number, c: number, swaps: { n: number }): number {
    const [lo1, hi1] = this.order2(a, b, swaps)
    const [lo2] = this.order2(hi1, c, swaps)
    return this.order2(lo1, lo2, swaps)[1]
  }

  reverseRange(a: number, b: number): void {
    for (let i = a, j = b - 1; i < j; i++, j--) this.swap(i, j)
  }
}

/** sort.Slice(items, less): sorts in place, unstable exactly as Go is. Returns the same array. */
export function goSort<T>(items: T[], less: Less<T>): T[] {
  const n = items.length
  if (n > 1) new Sorter(items, less).pdqsort(0, n, bitLen(n))
  return items
}

/** sort.Strings on a copy: byte order (Go compares strings bytewise; UTF-16 order agrees for BMP text). */
export function goSortStrings(items: readonly string[]): string[] {
  return goSort([...items], (a, b) => a < b)
}
