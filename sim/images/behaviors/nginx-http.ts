// nginx answering HTTP from its html root: the index module for `/`-ending URIs (index.html, else 403
// "directory index ... is forbidden" — what an empty PVC mounted on the html dir gives), the static
// module for files (404, 301 to add a slash, 405 for POST), its own error pages, and a combined-format
// access log line plus error-log lines in the container log.

import { normalizePath } from '../../storage/memfs'
import { commonLogTime, httpDate, nginxErrorTime } from '../time-format'
import type { ContainerEnv, ContainerFs, HttpRequest, ImageBehavior } from '../types'
import { mimeType, specialPage } from './nginx-pages'

export const NGINX_ROOT = '/usr/share/nginx/html'
const WORKER = 29

/** Connection numbers (`*N` in the error log) count per container, from 1 (ngx_connection_counter). */
const connections = new WeakMap<ContainerFs, number>()

function nextConnection(env: ContainerEnv): number {
  const n = (connections.get(env.fs) ?? 0) + 1
  connections.set(env.fs, n)
  return n
}

/** root and index of the server's `location /` (first ones in conf.d), as nginx would use them. */
function serverConfig(fs: ContainerFs): { root: string; index: string[]; serverName: string } {
  let root = NGINX_ROOT
  let index = ['index.html']
  let serverName = 'localhost'
  try {
    const names = fs.readdir('/etc/nginx/conf.d').filter((n) => n.endsWith('.conf'))
    const text = names.map((n) => fs.readFile(`/etc/nginx/conf.d/${n}`)).join('\n').replace(/#[^\n]*/g, '')
    const r = /\broot\s+([^;]+);/.exec(text)
    if (r) root = normalizePath(r[1].trim(), '/etc/nginx')
    const i = /\bindex\s+([^;]+);/.exec(text)
    if (i) index = i[1].trim().split(/\s+/)
    const s = /\bserver_name\s+([^;\s]+)/.exec(text)
    if (s) serverName = s[1]
  } catch {
    /* no conf.d: the defaults */
  }
  return { root, index, serverName }
}

function header(req: HttpRequest, name: string): string | undefined {
  const h = req.headers ?? {}
  const key = Object.keys(h).find((k) => k.toLowerCase() === name)
  return key === undefined ? undefined : h[key]
}

/** Decodes %XX and resolves dot segments; undefined for URIs nginx rejects with 400. */
function cleanUri(raw: string): string | undefined {
  let uri = raw.split('?')[0] || '/'
  try {
    uri = decodeURIComponent(uri)
  } catch {
    return undefined
  }
  if (!uri.startsWith('/')) return undefined
  const parts: string[] = []
  for (const seg of uri.split('/').slice(1)) {
    if (seg === '..') {
      if (!parts.length) return undefined
      parts.pop()
    } else if (seg !== '.' && seg !== '') parts.push(seg)
  }
  return '/' + parts.join('/') + (uri.endsWith('/') && parts.length ? '/' : '')
}

interface Outcome {
  status: number
  body?: string
  contentType?: string
  location?: string
  /** An error-log message (without the client/request suffix). */
  error?: string
}

function route(method: string, uri: string, port: number, req: HttpRequest, fs: ContainerFs): Outcome {
  const { root, index, serverName } = serverConfig(fs)
  if (!['GET', 'HEAD', 'POST'].includes(method)) return { status: 405 }
  const path = root + (uri === '/' ? '/' : uri)
  if (uri.endsWith('/')) {
    for (const name of index) {
      const file = normalizePath(path + name)
      if (fs.exists(file) && !fs.isDir(file)) {
        if (method === 'POST') return { status: 405 }
        return { status: 200, body: fs.readFile(file), contentType: mimeType(file) }
      }
    }
    if (fs.exists(path) && fs.isDir(path)) return { status: 403, error: `directory index of "${path}" is forbidden` }
    return { status: 404, error: `"${path}${index[0]}" is not found (2: No such file or directory)` }
  }
  if (!fs.exists(path)) return { status: 404, error: `open() "${path}" failed (2: No such file or directory)` }
  if (fs.isDir(path)) {
    const host = (header(req, 'host') ?? serverName).replace(/:\d+$/, '')
    return { status: 301, location: `http://${host}${port === 80 ? '' : `:${port}`}${uri}/` }
  }
  if (method === 'POST') return { status: 405 }
  return { status: 200, body: fs.readFile(path), contentType: mimeType(path) }
}

export function nginxHttp(version: string): NonNullable<ImageBehavior['http']> {
  return (port, req, env) => {
    const conn = nextConnection(env)
    const now = env.now()
    const method = req.method.toUpperCase()
    const uri = cleanUri(req.path)
    const outcome: Outcome = uri === undefined ? { status: 400 } : route(method, uri, port, req, env.fs)
    const requestLine = `${method} ${req.path} HTTP/1.1`
    const client = req.remoteAddr ?? '127.0.0.1'
    if (outcome.error) {
      const host = header(req, 'host')
      env.log(`${nginxErrorTime(now)} [error] ${WORKER}#${WORKER}: *${conn} ${outcome.error}, client: ${client}, server: localhost, request: "${requestLine}"${host ? `, host: "${host}"` : ''}`)
    }
    const body = outcome.status === 200 ? (outcome.body ?? '') : specialPage(outcome.status, version)
    const headers: Record<string, string> = {
      Server: `nginx/${version}`,
      Date: httpDate(now),
      'Content-Type': outcome.status === 200 ? (outcome.contentType ?? 'text/html') : 'text/html',
      'Content-Length': String(new TextEncoder().encode(body).length),
      Connection: 'keep-alive',
    }
    if (outcome.location) headers.Location = outcome.location
    if (outcome.status === 200) headers['Accept-Ranges'] = 'bytes'
    const sent = method === 'HEAD' ? '' : body
    const bytes = new TextEncoder().encode(sent).length
    const q = (v: string | undefined) => (v === undefined || v === '' ? '-' : v)
    env.log(`${client} - - [${commonLogTime(now)}] "${requestLine}" ${outcome.status} ${bytes} "${q(header(req, 'referer'))}" "${q(header(req, 'user-agent'))}" "${q(header(req, 'x-forwarded-for'))}"`)
    return { status: outcome.status, headers, body: sent }
  }
}
