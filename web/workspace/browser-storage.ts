// The browser's storage for sessions: IndexedDB (room for volume data and files), else localStorage
// (IndexedDB missing or refused: some private modes, opaque-origin iframes), else memory (nothing
// persists, but the lab still works).

import { memoryStorage, type StorageAdapter } from './storage'

// index.html's early open uses the same name, version and store: keep them in step.
const DB_NAME = 'ordinal'
const STORE = 'kv'

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open(DB_NAME, 1)
    r.onupgradeneeded = () => r.result.createObjectStore(STORE)
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
    r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'))
  })
}

/** `db`: an already open database (index.html starts opening it before the app's script arrives). */
export async function indexedDbStorage(factory: IDBFactory, db?: IDBDatabase): Promise<StorageAdapter> {
  db ??= await openDb(factory)
  const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE)
  const write = (op: (s: IDBObjectStore) => IDBRequest) =>
    new Promise<void>((resolve, reject) => {
      const t = db.transaction(STORE, 'readwrite')
      op(t.objectStore(STORE))
      t.oncomplete = () => resolve()
      t.onerror = () => reject(t.error)
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'))
    })
  return {
    kind: 'indexeddb',
    get: async (key) => {
      const v = await request(tx('readonly').get(key))
      return typeof v === 'string' ? v : undefined
    },
    set: (key, value) => write((s) => s.put(value, key)),
    remove: (key) => write((s) => s.delete(key)),
    keys: async () => (await request(tx('readonly').getAllKeys())).map(String),
  }
}

export function localStorageAdapter(ls: Storage): StorageAdapter {
  return {
    kind: 'localstorage',
    get: async (key) => ls.getItem(key) ?? undefined,
    set: async (key, value) => ls.setItem(key, value),
    remove: async (key) => ls.removeItem(key),
    keys: async () => Array.from({ length: ls.length }, (_, i) => ls.key(i)).filter((k): k is string => k !== null),
  }
}

const PROBE = 'ordinal/probe'

async function works(s: StorageAdapter): Promise<boolean> {
  try {
    await s.set(PROBE, '1')
    const ok = (await s.get(PROBE)) === '1'
    await s.remove(PROBE)
    return ok
  } catch {
    return false
  }
}

/**
 * The best storage this page may use. `?storage=memory|localstorage` forces one (tests, debugging).
 * `early` is the database index.html began opening (null when that failed).
 */
export async function browserStorage(prefer?: string | null, early?: Promise<IDBDatabase | null>): Promise<StorageAdapter> {
  if (prefer !== 'memory' && prefer !== 'localstorage') {
    try {
      // Opening is the test: an origin that may not use IndexedDB gets an error here. (No probe write:
      // this is on the way to the first prompt.)
      if (typeof indexedDB !== 'undefined') return await indexedDbStorage(indexedDB, (await early) ?? undefined)
    } catch {
      // Fall through to localStorage.
    }
  }
  if (prefer !== 'memory') {
    try {
      const ls = localStorageAdapter(window.localStorage)
      if (await works(ls)) return ls
    } catch {
      // Fall through to memory.
    }
  }
  return memoryStorage()
}
