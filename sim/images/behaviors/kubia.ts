// luksa/kubia and luksa/kubia-pet (Kubernetes in Action, Chapter02/kubia and Chapter10/kubia-pet-image):
// `FROM node:7`, `ENTRYPOINT ["node", "app.js"]`, an HTTP server on 8080. kubia answers "You've hit
// <hostname>"; kubia-pet also keeps POSTed text in /var/data/kubia.txt and shows it on GET.

import { dirname, normalizePath } from '../../storage/memfs'
import { httpDate } from '../time-format'
import { done, type Program } from '../shell/types'
import type { ContainerEnv, HttpRequest, HttpResponse, ImageBehavior } from '../types'
import { defineImage } from './define'

const DATA_FILE = '/var/data/kubia.txt'

// Our own restatement of what each app does (not the book's source), shipped as /app.js.
const APP_KUBIA = `// kubia: logs "Kubia server starting...", then answers every request on :8080 with
// "You've hit <hostname>" and logs "Received request from <address>".
`
const APP_PET = `// kubia-pet: on :8080, POST stores the body in ${DATA_FILE} and answers
// "Data stored on pod <hostname>"; GET answers "You've hit <hostname>" and
// "Data stored on this pod: <data or No data posted yet>".
`

/** Node's http server on a dual-stack socket sees IPv4 clients as ::ffff:a.b.c.d. */
function remoteAddress(req: HttpRequest): string {
  const a = req.remoteAddr ?? '127.0.0.1'
  return a.includes(':') ? a : `::ffff:${a}`
}

/** A response the way Node's http module sends `writeHead(200)` + `end(text)` (Content-Length) or write+end (chunked). */
function nodeResponse(env: ContainerEnv, body: string, chunked: boolean): HttpResponse {
  const headers: Record<string, string> = { Date: httpDate(env.now()), Connection: 'keep-alive' }
  if (chunked) headers['Transfer-Encoding'] = 'chunked'
  else headers['Content-Length'] = String(new TextEncoder().encode(body).length)
  return { status: 200, headers, body }
}

function kubiaHttp(pet: boolean): NonNullable<ImageBehavior['http']> {
  return (_port, req, env) => {
    if (!pet) {
      env.log(`Received request from ${remoteAddress(req)}`)
      return nodeResponse(env, `You've hit ${env.hostname}\n`, false)
    }
    if (req.method.toUpperCase() === 'POST') {
      try {
        if (!env.fs.isDir(dirname(DATA_FILE))) throw new Error('ENOENT')
        env.fs.writeFile(DATA_FILE, req.body ?? '')
      } catch {
        // createWriteStream's 'error' has no listener: Node throws and the request gets no answer.
        env.log('events.js:163')
        env.log("      throw er; // Unhandled 'error' event")
        env.log('      ^')
        env.log('')
        env.log(`Error: ENOENT: no such file or directory, open '${DATA_FILE}'`)
        return { status: 0, headers: {}, body: '', reset: true }
      }
      env.log('New data has been received and stored.')
      return nodeResponse(env, `Data stored on pod ${env.hostname}\n`, false)
    }
    let data = 'No data posted yet'
    if (env.fs.exists(DATA_FILE)) data = env.fs.readFile(DATA_FILE)
    return nodeResponse(env, `You've hit ${env.hostname}\nData stored on this pod: ${data}\n`, true)
  }
}

/** node: runs a script that exists, or fails the way node 7 does when it cannot find it. */
function nodeProgram(pet: boolean): Program {
  return (argv, p) => {
    const script = argv[1]
    if (script === undefined) return done(0)
    if (script === '-v' || script === '--version') return done(0, 'v7.10.1\n')
    const path = normalizePath(script, p.cwd)
    if (!p.env.fs.exists(path)) return done(1, '', `module.js:472\n    throw err;\n    ^\n\nError: Cannot find module '${path}'\n`)
    // Other JavaScript than the app cannot run here; it is taken to finish at once.
    if (path !== '/app.js') return done(0)
    return {
      status: 'running',
      out: pet ? '' : 'Kubia server starting...\n',
      err: '',
      log: pet ? '' : 'Kubia server starting...\n',
      ms: 0,
      serve: { listens: [8080], listenAfterMs: 150 },
      // node as PID 1 installs no SIGTERM handler, and PID 1 gets no default action: it ignores it.
    }
  }
}

export function kubiaImage(pet: boolean): ImageBehavior {
  return defineImage({
    id: pet ? 'kubia-pet' : 'kubia',
    base: 'debian-jessie',
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', NPM_CONFIG_LOGLEVEL: 'info', NODE_VERSION: '7.10.1', YARN_VERSION: '0.24.4' },
    entrypoint: ['node', 'app.js'],
    cmd: [],
    files: { '/app.js': pet ? APP_PET : APP_KUBIA },
    bins: { '/usr/local/bin/node': 'node' },
    programs: { node: nodeProgram(pet) },
    http: kubiaHttp(pet),
  })
}
