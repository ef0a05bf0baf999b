// curl's connection layer over a machine's NetStack (stack.ts), as the transport the shell's curl
// command takes (sim/shell/http.ts). It resolves the URL's host, tries each address in turn (a
// refused IPv6 localhost falls through to 127.0.0.1, as happy eyeballs does), lets the time a failed
// connect takes pass, and words failures as the image's curl does: 7.87+ says "Couldn't connect to
// server" after the elapsed time (lib/connect.c, curl_easy_strerror), older ones the errno text.

import { CancelSignal } from '../shell/io'
import type { CommandContext } from '../shell/types'
import type { HttpFailure, HttpRequest, HttpResult, HttpTransport } from '../shell/http'
import { CONNECT_TIMEOUT_MS, header, type DialResult } from './http'
import type { NetStack } from './stack'

/** Which curl: `modern` (7.87 and later: Debian bookworm's 7.88, Alpine's 8.x) or `old` (jessie's 7.38). */
export type CurlGeneration = 'modern' | 'old'

function defaultPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80
}

function connectFailure(gen: CurlGeneration, url: URL, port: number, why: 'refused' | 'timeout' | 'unreachable', ms: number): HttpFailure {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  if (gen === 'old') {
    const text = why === 'refused' ? 'Connection refused' : why === 'timeout' ? 'Connection timed out' : 'No route to host'
    return { code: 7, message: `Failed to connect to ${host} port ${port}: ${text}` }
  }
  return { code: why === 'timeout' ? 28 : 7, message: `Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server` }
}

/** The transport for the curl of a machine whose network is `stack`. */
export function curlTransport(stack: NetStack, gen: CurlGeneration = 'modern'): HttpTransport {
  return {
    async request(req: HttpRequest, ctx: CommandContext): Promise<HttpResult> {
      const url = req.url
      const port = defaultPort(url)
      const wait = async (ms: number) => {
        // Ctrl-C while connecting: curl dies with the terminal's SIGINT and prints nothing.
        if (ms > 0 && !(await ctx.time.sleep(ms, ctx.cancel))) throw new CancelSignal()
      }
      {
        const resolved = stack.resolve(url.hostname)
        await wait(resolved.delayMs)
        if (!resolved.addresses) return { failure: { code: 6, message: `Could not resolve host: ${url.hostname}` } }
        if (url.protocol === 'https:') return { failure: { code: 35, message: 'OpenSSL/3.0.2: error:0A00010B:SSL routines::wrong version number' } }
        const path = url.pathname + url.search
        const host = header(req.headers, 'host') ?? url.host
        let last: DialResult & { afterMs?: number } = { kind: 'refused' }
        let elapsed = 0
        for (const ip of resolved.addresses) {
          last = stack.dial(ip, port, { method: req.method, path, host, headers: req.headers, body: req.body })
          if (last.kind !== 'refused') break
        }
        switch (last.kind) {
          case 'response':
            await wait(last.afterMs ?? 0)
            return { response: { version: 'HTTP/1.1', status: last.response.status, statusText: last.response.statusText, headers: last.response.headers, body: last.response.body } }
          case 'refused':
            return { failure: connectFailure(gen, url, port, 'refused', elapsed) }
          case 'unreachable':
            elapsed = last.afterMs
            await wait(elapsed)
            return { failure: connectFailure(gen, url, port, 'unreachable', elapsed) }
          case 'timeout':
            elapsed = CONNECT_TIMEOUT_MS
            await wait(elapsed)
            return { failure: connectFailure(gen, url, port, 'timeout', elapsed) }
          case 'empty':
            return { failure: { code: 52, message: 'Empty reply from server' } }
        }
      }
    },
  }
}
