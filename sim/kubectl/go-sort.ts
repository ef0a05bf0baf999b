// Go's sort.Sort (pattern-defeating quicksort since Go 1.19, src/sort/zsortinterface.go), re-implemented
// so --sort-by puts equal keys in the order the real kubectl does: sort.Sort is not stable, and
// kubectl's Less is not even consistent for missing fields, so only the same algorithm gives the same
// order. Deterministic: its "random" pattern breaking is a xorshift seeded by the length.

export interface SortData {
  len: number
  less(i: number, j: number): boolean
  swap(i: number, j: number): void
}

const INCREASING = 1
const DECREASING = 2

function bitsLen(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n)
}

function insertionSort(d: SortData, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1)
}

function siftDown(d: SortData, lo: number, hi: number, first: number): void {
  let root = lo
  for (;;) {
    let child = 2 * root + 1
    if (child >= hi) return
    if (child + 1 < hi && d.less(first + child, first + child + 1)) child++
    if (!d.less(first + root, first + child)) return
    d.swap(first + root, first + child)
    root = child
  }
}

function heapSort(d: SortData, a: number, b: number): void {
  const first = a
  const hi = b - a
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, first)
  for (let i = hi - 1; i >= 0; i--) {
    d.swap(first, first + i)
    siftDown(d, 0, i, first)
  }
}

function order2(d: SortData, a: number, b: number, swaps: { n: number }): [number, number] {
  if (d.less(b, a)) {
    swaps.n++
    return [b, a]
  }
  return [a, b]
}

function median(d: SortData, a: number, b: number, c: number, swaps: { n: number }): number {
  const [a1, b1] = order2(d, a, b, swaps)
  const [b2] = order2(d, b1, c, swaps)
  return order2(d, a1, b2, swaps)[1]
}

function choosePivot(d: SortData, a: number, b: number): [number, number] {
  const l = b - a
  const swaps = { n: 0 }
  let i = a + Math.trunc(l / 4) * 1
  let j = a + Math.trunc(l / 4) * 2
  let k = a + Math.trunc(l / 4) * 3
  if (l >= 8) {
    if (l >= 50) {
      i = median(d, i - 1, i, i + 1, swaps)
      j = median(d, j - 1, j, j + 1, swaps)
      k = median(d, k - 1, k, k + 1, swaps)
    }
    j = median(d, i, j, k, swaps)
  }
  if (swaps.n === 0) return [j, INCREASING]
  if (swaps.n === 12) return [j, DECREASING]
  return [j, 0]
}

function reverseRange(d: SortData, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) d.swap(i, j)
}

function partialInsertionSort(d: SortData, a: number, b: number): boolean {
  let i = a + 1
  for (let step = 0; step < 5; step++) {
    while (i < b && !d.less(i, i - 1)) i++
    if (i === b) return true
    if (b - a < 50) return false
    d.swap(i, i - 1)
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!d.less(j, j - 1)) break
        d.swap(j, j - 1)
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!d.less(j, j - 1)) break
        d.swap(j, j - 1)
      }
    }
  }
  return false
}

function breakPatterns(d: SortData, a: number, b: number): void {
  const length = b - a
  if (length < 8) return
  let r = BigInt(length)
  const mask = (1n << 64n) - 1n
  const next = () => {
    r ^= (r << 13n) & mask
    r ^= r >> 7n
    r ^= (r << 17n) & mask
    return r
  }
  const modulus = 2 ** bitsLen(length)
  const mid = a + Math.trunc(length / 4) * 2
  for (let idx = mid - 1; idx <= mid + 1; idx++) {
    let other = Number(next() & BigInt(modulus - 1))
    if (other >= length) other -= length
    d.swap(idx, a + other)
  }
}

function partitionEqual(d: SortData, a: number, b: number, pivot: number): number {
  d.swap(a, pivot)
  let i = a + 1
  let j = b - 1
  for (;;) {
    while (i <= j && !d.less(a, i)) i++
    while (i <= j && d.less(a, j)) j--
    if (i > j) break
    d.swap(i, j)
    i++
    j--
  }
  return i
}

function partition(d: SortData, a: number, b: number, pivot: number): [number, boolean] {
  d.swap(a, pivot)
  let i = a + 1
  let j = b - 1
  while (i <= j && d.less(i, a)) i++
  while (i <= j && !d.less(j, a)) j--
  if (i > j) {
    d.swap(j, a)
    return [j, true]
  }
  d.swap(i, j)
  i++
  j--
  for (;;) {
    while (i <= j && d.less(i, a)) i++
    while (i <= j && !d.less(j, a)) j--
    if (i > j) break
    d.swap(i, j)
    i++
    j--
  }
  d.swap(j, a)
  return [j, false]
}

function pdqsort(d: SortData, a: number, b: number, limit: number): void {
  let wasBalanced = true
  let wasPartitioned = true
  for (;;) {
    const length = b - a
    if (length <= 12) return insertionSort(d, a, b)
    if (limit === 0) return heapSort(d, a, b)
    if (!wasBalanced) {
      breakPatterns(d, a, b)
      limit--
    }
    let [pivot, hint] = choosePivot(d, a, b)
    if (hint === DECREASING) {
      reverseRange(d, a, b)
      pivot = b - 1 - (pivot - a)
      hint = INCREASING
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING && partialInsertionSort(d, a, b)) return
    if (a > 0 && !d.less(a - 1, pivot)) {
      a = partitionEqual(d, a, b, pivot)
      continue
    }
    const [mid, alreadyPartitioned] = partition(d, a, b, pivot)
    wasPartitioned = alreadyPartitioned
    const leftLen = mid - a
    const rightLen = b - mid
    const balanceThreshold = Math.trunc(length / 8)
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold
      pdqsort(d, a, mid, limit)
      a = mid + 1
    } else {
      wasBalanced = rightLen >= balanceThreshold
      pdqsort(d, mid + 1, b, limit)
      b = mid
    }
  }
}

/** sort.Sort. */
export function goSort(d: SortData): void {
  if (d.len <= 1) return
  pdqsort(d, 0, d.len, bitsLen(d.len))
}

/** Sorts a copy of `items` with sort.Sort and a Less over item values. */
export function goSortBy<T>(items: readonly T[], less: (a: T, b: T) => boolean): T[] {
  const arr = [...items]
  goSort({
    len: arr.length,
    less: (i, j) => less(arr[i], arr[j]),
    swap: (i, j) => {
      const t = arr[i]
      arr[i] = arr[j]
      arr[j] = t
    },
  })
  return arr
}
