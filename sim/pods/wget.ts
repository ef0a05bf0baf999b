// busybox wget (networking/wget.c, libbb/progress.c), as busybox and Alpine images have it: `-qO-`,
// `-O FILE`, `-S`, `--spider`, `-T SEC`, `--header`, `--post-data`, `-U`. Texts: "Connecting to
// <host> (<ip>:<port>)", the one-line progress bar, "'index.html' saved" / "written to stdout" (1.29
// and later), "bad address 'x'", "can't connect to remote host (<ip>): Connection refused", "server
// returned error: HTTP/1.1 404 Not Found", and refusing to overwrite a file it would name itself.

import { basename, normalizePath } from '../storage/memfs'
import type { Command, CommandContext } from '../shell/types'
import { CONNECT_TIMEOUT_MS } from '../net/http'
import type { NetStack } from '../net/stack'

export interface WgetFlavor {
  /** busybox 1.28 prints neither "saved" nor "written to stdout" and lays the bar out differently. */
  old: boolean
}

interface Opts {
  quiet: boolean
  output?: string
  serverResponse: boolean
  spider: boolean
  timeoutSec: number
  headers: string[]
  postData?: string
  userAgent: string
  urls: string[]
}

const WITH_ARG: Record<string, string> = { '-O': 'O', '--output-document': 'O', '-o': 'o', '--output-file': 'o', '-P': 'P', '--directory-prefix': 'P', '-Y': 'Y', '--proxy': 'Y', '-U': 'U', '--user-agent': 'U', '-T': 'T', '--timeout': 'T', '-t': 't', '--tries': 't', '--header': 'H', '--post-data': 'D', '--post-file': 'F' }
const FLAGS: Record<string, string> = { '-c': 'c', '--continue': 'c', '-q': 'q', '--quiet': 'q', '-S': 'S', '--server-response': 'S', '--spider': 's', '--no-check-certificate': '', '--passive-ftp': '', '--no-cache': '', '--no-verbose': '', '--no-clobber': '' }

function parse(argv: readonly string[]): Opts | string {
  const o: Opts = { quiet: false, serverResponse: false, spider: false, timeoutSec: 900, headers: [], userAgent: 'Wget', urls: [] }
  const set = (key: string, v: string) => {
    if (key === 'O') o.output = v
    else if (key === 'U') o.userAgent = v
    else if (key === 'T') o.timeoutSec = Number(v)
    else if (key === 'H') o.headers.push(v)
    else if (key === 'D') o.postData = v
  }
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      o.urls.push(...argv.slice(i + 1))
      break
    }
    if (!a.startsWith('-') || a === '-') {
      o.urls.push(a)
      continue
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq < 0 ? a : a.slice(0, eq)
      if (name in WITH_ARG) {
        const v = eq < 0 ? argv[++i] : a.slice(eq + 1)
        if (v === undefined) return `option '${name}' requires an argument`
        set(WITH_ARG[name], v)
      } else if (name in FLAGS) {
        const f = FLAGS[name]
        if (f === 'q') o.quiet = true
        if (f === 'S') o.serverResponse = true
        if (f === 's') o.spider = true
      } else return `unrecognized option '${a}'`
      continue
    }
    // Bundled short options: -qO- , -qO file, -T5.
    for (let j = 1; j < a.length; j++) {
      const c = a[j]
      const key = WITH_ARG[`-${c}`]
      if (key) {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i]
        if (v === undefined) return `option requires an argument -- '${c}'`
        set(key, v)
        break
      }
      if (c === 'q') o.quiet = true
      else if (c === 'S') o.serverResponse = true
      else if (c === 'c' || c === 'n') continue
      else return `invalid option -- '${c}'`
    }
  }
  return o
}

const USAGE = `Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--no-check-certificate	Don't validate the server's certificate
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy
`

/** parse_url: `host[:port][/path]`, http:// assumed; host and path as wget sends them. */
function parseUrl(url: string): { host: string; hostname: string; port: number; path: string } | string {
  let rest = url
  const sep = url.indexOf('://')
  if (sep >= 0) {
    const scheme = url.slice(0, sep)
    if (scheme !== 'http') return scheme === 'https' || scheme === 'ftp' ? `${scheme} is not supported here` : `not an http or ftp url: ${url}`
    rest = url.slice(sep + 3)
  }
  const cut = rest.search(/[/?#]/)
  const host = cut < 0 ? rest : rest.slice(0, cut)
  let path = cut < 0 ? '' : rest[cut] === '/' ? rest.slice(cut + 1) : rest.slice(cut)
  path = path.split('#')[0]
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host)
  return { host, hostname: m?.[1] ?? host, port: m?.[2] ? Number(m[2]) : 80, path: '/' + path }
}

function progress(flavor: WgetFlavor, name: string, size: number, tty: boolean): string {
  const eta = '  0:00:00 ETA'
  const lead = tty ? '\r' : ''
  if (flavor.old) return `${lead}${name.padEnd(20).slice(0, 20)}${'100%'.padStart(5)} |${'*'.repeat(31)}|${String(size).padStart(6)} ${eta}\n`
  const n = size < 100000 ? String(size).padStart(5) : `${Math.floor(size / 1024)}k`.padStart(5)
  return `${lead}${name.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${n}${eta}\n`
}

/** The wget of a busybox-based image whose network is `net`. */
export function wgetCommand(net: (ctx: CommandContext) => NetStack, flavor: WgetFlavor): Command {
  return {
    name: 'wget',
    async run(ctx) {
      const o = parse(ctx.argv)
      if (typeof o === 'string') {
        ctx.stderr(`wget: ${o}\n${USAGE}`)
        return 1
      }
      if (o.urls.length === 0) {
        ctx.stderr(USAGE)
        return 1
      }
      const die = (msg: string) => {
        ctx.stderr(`wget: ${msg}\n`)
        return 1
      }
      const stack = net(ctx)
      for (const url of o.urls) {
        const u = parseUrl(url)
        if (typeof u === 'string') return die(u)
        const toStdout = o.output === '-'
        const fname = o.output ?? (basename(u.path.split('?')[0]) || 'index.html')
        const resolved = stack.resolve(u.hostname)
        if (resolved.delayMs && !(await ctx.time.sleep(resolved.delayMs, ctx.cancel))) return 130
        const ip = resolved.addresses?.find((a) => !a.includes(':')) ?? resolved.addresses?.[0]
        if (!ip) return die(`bad address '${u.hostname}'`)
        if (!o.quiet) ctx.stderr(`Connecting to ${u.host} (${ip.includes(':') ? `[${ip}]` : ip}:${u.port})\n`)
        const headers: [string, string][] = [['Host', u.host], ['User-Agent', o.userAgent], ['Connection', 'close']]
        for (const h of o.headers) {
          const c = h.indexOf(':')
          if (c > 0) headers.push([h.slice(0, c).trim(), h.slice(c + 1).trim()])
        }
        if (o.postData !== undefined) headers.push(['Content-Type', 'application/x-www-form-urlencoded'], ['Content-Length', String(o.postData.length)])
        const r = stack.dial(ip, u.port, { method: o.postData !== undefined ? 'POST' : 'GET', path: u.path, host: u.host, headers, body: o.postData })
        const cannot = async (why: string, ms: number) => {
          const limit = Math.min(ms, o.timeoutSec * 1000)
          if (limit > 0 && !(await ctx.time.sleep(limit, ctx.cancel))) return 130
          return die(limit < ms ? 'download timed out' : `can't connect to remote host (${ip}): ${why}`)
        }
        if (r.kind === 'refused') return cannot('Connection refused', 0)
        if (r.kind === 'unreachable') return cannot('No route to host', r.afterMs)
        if (r.kind === 'timeout') return cannot('Connection timed out', CONNECT_TIMEOUT_MS)
        if (r.kind === 'empty') return die('error getting response')
        if (r.afterMs && !(await ctx.time.sleep(r.afterMs, ctx.cancel))) return 130
        const res = r.response
        const statusLine = `HTTP/1.1 ${res.status} ${res.statusText}`
        if (o.serverResponse) ctx.stderr(`  ${statusLine}\n` + res.headers.map(([k, v]) => `  ${k}: ${v}\n`).join(''))
        if (!([200, 201, 202, 203, 204].includes(res.status) || (res.status >= 300 && res.status <= 308))) return die(`server returned error: ${statusLine}`)
        if (o.spider) {
          if (!o.quiet) ctx.stderr('remote file exists\n')
          continue
        }
        if (!toStdout) {
          const path = normalizePath(fname, ctx.cwd)
          // Without -O, wget opens its own file name with O_EXCL.
          if (o.output === undefined && ctx.fs.exists(path)) return die(`can't open '${fname}': File exists`)
          try {
            ctx.fs.writeFile(path, res.body, ctx.time.now())
          } catch {
            return die(`can't open '${fname}': No such file or directory`)
          }
        } else ctx.stdout(res.body)
        if (!o.quiet) {
          ctx.stderr(progress(flavor, toStdout ? '-' : basename(fname), new TextEncoder().encode(res.body).length, ctx.tty))
          if (!flavor.old) ctx.stderr(toStdout ? 'written to stdout\n' : `'${fname}' saved\n`)
        }
      }
      return 0
    },
  }
}
