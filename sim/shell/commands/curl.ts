// curl: the request side (options, URL, output, exit codes); the transport decides what answers.

import { normalizePath } from '../../storage/memfs'
import { noServers, type HttpRequest, type HttpResponse, type HttpTransport } from '../http'
import type { Command, CommandContext } from '../types'

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n"
const WITH_ARG = new Set(['-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '-o', '--output', '-m', '--max-time', '-u', '--user', '-A', '--user-agent', '-w', '--write-out', '--connect-timeout', '-e', '--referer'])
const FLAGS = new Set(['-s', '--silent', '-S', '--show-error', '-i', '--include', '-I', '--head', '-v', '--verbose', '-L', '--location', '-f', '--fail', '-k', '--insecure', '-4', '-6', '-O', '--remote-name', '-sS', '-Ss', '-sL', '-Ls', '-fsSL', '-sSL', '-sf', '-fs', '-sv', '-vs', '-si', '-is', '-sI', '-Is'])

interface Opts {
  method?: string
  headers: [string, string][]
  data?: string
  output?: string
  silent: boolean
  showError: boolean
  include: boolean
  head: boolean
  fail: boolean
  location: boolean
  urls: string[]
}

function parse(ctx: CommandContext): Opts | number {
  const o: Opts = { headers: [], silent: false, showError: false, include: false, head: false, fail: false, location: false, urls: [] }
  const argv = ctx.argv
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('-') || a === '-') {
      o.urls.push(a)
      continue
    }
    if (WITH_ARG.has(a) || /^-[XHdomuAwe]./.test(a)) {
      const attached = /^-[XHdomuAwe]./.test(a) && !WITH_ARG.has(a)
      const v = attached ? a.slice(2) : argv[++i]
      const key = attached ? a.slice(0, 2) : a
      if (v === undefined) {
        ctx.stderr(`curl: option ${a}: requires parameter\n${TRY}`)
        return 2
      }
      if (key === '-X' || key === '--request') o.method = v
      else if (key === '-H' || key === '--header') {
        const c = v.indexOf(':')
        if (c > 0) o.headers.push([v.slice(0, c).trim(), v.slice(c + 1).trim()])
      } else if (key.startsWith('-d') || key.startsWith('--data')) o.data = o.data === undefined ? v : `${o.data}&${v}`
      else if (key === '-o' || key === '--output') o.output = v
      continue
    }
    if (!FLAGS.has(a) && !/^-[sSiIvLfk46O]+$/.test(a)) {
      ctx.stderr(`curl: option ${a}: is unknown\n${TRY}`)
      return 2
    }
    const letters = a.startsWith('--') ? { '--silent': 's', '--show-error': 'S', '--include': 'i', '--head': 'I', '--fail': 'f', '--location': 'L' }[a] ?? '' : a.slice(1)
    if (letters.includes('s')) o.silent = true
    if (letters.includes('S')) o.showError = true
    if (letters.includes('i')) o.include = true
    if (letters.includes('I')) o.head = true
    if (letters.includes('f')) o.fail = true
    if (letters.includes('L')) o.location = true
  }
  return o
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`)
  } catch {
    return undefined
  }
}

function headerBlock(r: HttpResponse): string {
  return `${r.version} ${r.status} ${r.statusText}\r\n` + r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n'
}

/** Builds curl with a transport; `curl` below has none that answers yet. */
export function curlCommand(transport: HttpTransport = noServers): Command {
  return {
    name: 'curl',
    async run(ctx) {
      const o = parse(ctx)
      if (typeof o === 'number') return o
      if (!o.urls.length) {
        ctx.stderr(TRY)
        return 2
      }
      const fail = (code: number, message: string) => {
        if (!o.silent || o.showError) ctx.stderr(`curl: (${code}) ${message}\n`)
        return code
      }
      let status = 0
      for (const text of o.urls) {
        let url = parseUrl(text)
        if (!url) return fail(3, `URL using bad/illegal format or missing URL`)
        const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET')
        const headers: [string, string][] = [['Host', url.host], ['User-Agent', 'curl/7.81.0'], ['Accept', '*/*'], ...o.headers]
        if (o.data !== undefined) headers.push(['Content-Type', 'application/x-www-form-urlencoded'])
        let result = await transport.request({ method, url, headers, body: o.data } satisfies HttpRequest, ctx)
        for (let hops = 0; o.location && 'response' in result && [301, 302, 303, 307, 308].includes(result.response.status) && hops < 50; hops++) {
          const loc = result.response.headers.find(([k]) => k.toLowerCase() === 'location')?.[1]
          if (!loc) break
          url = new URL(loc, url)
          result = await transport.request({ method, url, headers, body: o.data }, ctx)
        }
        if ('failure' in result) {
          status = fail(result.failure.code, result.failure.message)
          continue
        }
        const r = result.response
        if (o.fail && r.status >= 400) {
          status = fail(22, `The requested URL returned error: ${r.status}`)
          continue
        }
        const shown = (o.include || o.head ? headerBlock(r) : '') + (o.head ? '' : r.body)
        if (o.output) ctx.fs.writeFile(normalizePath(o.output, ctx.cwd), shown, ctx.sim.now())
        else ctx.stdout(shown)
      }
      return status
    },
  }
}

export const curl = curlCommand()
