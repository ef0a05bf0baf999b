// registry.k8s.io/coredns/coredns: a distroless image whose ENTRYPOINT is /coredns. It serves DNS on 53
// (the answers come from sim/dns), /health on 8080, /ready on 8181 and metrics on 9153, and with the
// kubeadm Corefile's `health { lameduck 5s }` it keeps answering for 5 s after SIGTERM.

import { fnv32a } from '../../core/hash'
import { normalizePath } from '../../storage/memfs'
import { httpDate } from '../time-format'
import type { Program } from '../shell/types'
import type { HttpResponse, ImageBehavior } from '../types'
import { defineImage } from './define'

/** The reload plugin's hash of kubeadm's default Corefile, as `kubectl logs` of kube-system CoreDNS shows it. */
const KUBEADM_COREFILE_SHA512 = '591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908'

const BUILD: Record<string, string> = { '1.12.0': 'go1.23.3, 51e11f1', '1.11.3': 'go1.21.11, a6338e9', '1.11.1': 'go1.20.7, ae2bbc2' }

/** A fixed stand-in for SHA-512 of any other Corefile (the real one needs the exact bytes hashed). */
function corefileHash(text: string): string {
  let hex = ''
  for (let i = 0; hex.length < 128; i++) hex += fnv32a(`${i}:${text}`).toString(16).padStart(8, '0')
  return hex
}

function corednsProgram(version: string): Program {
  return (argv, p) => {
    const i = argv.indexOf('-conf')
    const path = normalizePath(i > 0 ? (argv[i + 1] ?? 'Corefile') : 'Corefile', p.cwd)
    // Missing Corefile: the simulated kube-system Deployment mounts none, so the kubeadm one is assumed.
    const text = p.env.fs.exists(path) && !p.env.fs.isDir(path) ? p.env.fs.readFile(path) : undefined
    const sha = text === undefined || /^\.:53 \{[\s\S]*kubernetes cluster\.local in-addr\.arpa ip6\.arpa/.test(text) ? KUBEADM_COREFILE_SHA512 : corefileHash(text)
    const log = [
      'maxprocs: Leaving GOMAXPROCS=4: CPU quota undefined',
      '.:53',
      `[INFO] plugin/reload: Running configuration SHA512 = ${sha}`,
      `CoreDNS-${version}`,
      `linux/amd64, ${BUILD[version] ?? 'go1.23.3, 51e11f1'}`,
    ]
      .map((l) => l + '\n')
      .join('')
    return {
      status: 'running',
      out: log,
      err: '',
      log,
      ms: 0,
      serve: { listens: [53, 8080, 8181, 9153], listenAfterMs: 200 },
      sigterm: { exitAfterMs: 5000, exitCode: 0 },
    }
  }
}

function plain(status: number, body: string, now: number): HttpResponse {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', Date: httpDate(now), 'Content-Length': String(body.length) }, body }
}

export function corednsImage(version: string): ImageBehavior {
  return defineImage({
    id: 'coredns',
    base: 'scratch',
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    entrypoint: ['/coredns'],
    cmd: [],
    bins: { '/coredns': 'coredns' },
    programs: { coredns: corednsProgram(version) },
    http: (port, req, env) => {
      const path = req.path.split('?')[0]
      if ((port === 8080 && path === '/health') || (port === 8181 && path === '/ready')) return plain(200, 'OK', env.now())
      if (port === 9153 && path === '/metrics') {
        const res = plain(200, `# HELP coredns_build_info A metric with a constant '1' value labeled by version, revision, and goversion from which CoreDNS was built.\n# TYPE coredns_build_info gauge\ncoredns_build_info{goversion="${(BUILD[version] ?? 'go1.23.3, x').split(',')[0]}",revision="${(BUILD[version] ?? 'x, 51e11f1').split(', ')[1]}",version="${version}"} 1\n`, env.now())
        res.headers['Content-Type'] = 'text/plain; version=0.0.4; charset=utf-8'
        return res
      }
      // Go's http.NotFound.
      return plain(404, '404 page not found\n', env.now())
    },
  })
}
