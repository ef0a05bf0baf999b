// Where sessions are kept, injected so tests use memory and the browser uses IndexedDB (or
// localStorage where IndexedDB is unavailable: a sandboxed or partitioned iframe, private modes).
// Values are strings (JSON): what is read back is validated the same way wherever it came from.

/** Where the session is saved (web/workspace/session-state.ts has its format). */
export const SESSION_KEY = 'ordinal/session'

export interface StorageAdapter {
  /** Which backend this is (reported in the UI's about/debug text and the tests). */
  readonly kind: 'indexeddb' | 'localstorage' | 'memory'
  get(key: string): Promise<string | undefined>
  set(key: string, value: string): Promise<void>
  remove(key: string): Promise<void>
  keys(): Promise<string[]>
}

/** Keeps values in a Map: tests, and the last resort when the browser offers no storage at all. */
export function memoryStorage(initial: Record<string, string> = {}): StorageAdapter & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial))
  return {
    kind: 'memory',
    data,
    get: async (key) => data.get(key),
    set: async (key, value) => {
      data.set(key, value)
    },
    remove: async (key) => {
      data.delete(key)
    },
    keys: async () => [...data.keys()],
  }
}
