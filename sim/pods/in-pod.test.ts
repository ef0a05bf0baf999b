// Programs inside pods reaching each other: busybox wget and curl to pod DNS names, headless names and
// ClusterIP Services, served by the simulated nginx; their failure texts as busybox's wget.c /
// xconnect.c and curl 7.88+ word them. The web pods' html directory is an empty volume at first
// (nginx answers 403), so each test writes an index.html through kubectl exec.

import { describe, expect, it } from 'vitest'
import { webTerminal, type Terminal } from '../kubectl/verbs/attach/test-terminal'

const CLIENT = 'kubectl run client --image=busybox:1.36 -- sleep 3600'

async function cluster(): Promise<Terminal> {
  const t = await webTerminal()
  for (const p of ['web-0', 'web-1', 'web-2']) await t.run(`kubectl exec ${p} -- sh -c "echo ${p} > /usr/share/nginx/html/index.html"`)
  await t.run(CLIENT)
  t.sim.settle()
  return t
}

function ip(t: Terminal, kind: 'Pod' | 'Service', name: string): string {
  if (kind === 'Pod') return t.sim.api.get('Pod', 'default', name)?.status?.podIP ?? ''
  return t.sim.api.get('Service', 'default', name)?.spec?.clusterIP ?? ''
}

describe('wget in a busybox pod', () => {
  it("fetches a StatefulSet pod's page by its DNS name", async () => {
    const t = await cluster()
    expect(await t.run('kubectl exec client -- wget -qO- web-0.nginx')).toEqual({ stdout: 'web-0\n', stderr: '' })
  })

  it('reports where it connects and what it wrote', async () => {
    const t = await cluster()
    const r = await t.run('kubectl exec client -- wget -O- http://web-1.nginx.default.svc.cluster.local/')
    expect(r.stdout).toBe('web-1\n')
    // busybox 1.36 wget.c / libbb/progress.c: the bar is drawn once at the end; stderr is not a tty.
    expect(r.stderr).toBe(
      `Connecting to web-1.nginx.default.svc.cluster.local (${ip(t, 'Pod', 'web-1')}:80)\n` + `-                    100% |${'*'.repeat(32)}|     6  0:00:00 ETA\n` + 'written to stdout\n',
    )
  })

  it('reaches a ClusterIP Service through kube-proxy', async () => {
    const t = await cluster()
    t.write('svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web-svc\nspec:\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n')
    await t.run('kubectl apply -f svc.yaml')
    t.sim.settle()
    const r = await t.run('kubectl exec client -- wget -qO- web-svc')
    expect(r.stdout).toMatch(/^web-[012]\n$/)
  })

  it('saves to index.html and refuses to overwrite it', async () => {
    const t = await cluster()
    await t.run('kubectl exec client -- wget -q web-2.nginx')
    expect((await t.run('kubectl exec client -- cat index.html')).stdout).toBe('web-2\n')
    expect((await t.run('kubectl exec client -- wget -q web-2.nginx')).stderr).toBe("wget: can't open 'index.html': File exists\ncommand terminated with exit code 1\n")
  })

  it('says a name does not resolve', async () => {
    const t = await cluster()
    expect((await t.run('kubectl exec client -- wget -qO- web-3.nginx')).stderr).toBe("wget: bad address 'web-3.nginx'\ncommand terminated with exit code 1\n")
  })

  it('says the connection was refused by a Service without endpoints', async () => {
    const t = await cluster()
    await t.run('kubectl create service clusterip empty --tcp=80:80')
    expect((await t.run('kubectl exec client -- wget -qO- empty')).stderr).toBe(`wget: can't connect to remote host (${ip(t, 'Service', 'empty')}): Connection refused\ncommand terminated with exit code 1\n`)
  })

  it("reports the server's error status", async () => {
    const t = await cluster()
    expect((await t.run('kubectl exec client -- wget -qO- web-0.nginx/missing.html')).stderr).toBe('wget: server returned error: HTTP/1.1 404 Not Found\ncommand terminated with exit code 1\n')
  })

  it('leaves an access log line in nginx', async () => {
    const t = await cluster()
    await t.run('kubectl exec client -- wget -qO- web-0.nginx')
    const log = (await t.run('kubectl logs web-0')).stdout.trimEnd().split('\n')
    // nginx's combined format: $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"
    expect(log[log.length - 1]).toMatch(new RegExp(`^${ip(t, 'Pod', 'client').replace(/\./g, '\\.')} - - \\[03/Mar/2025:09:\\d\\d:\\d\\d \\+0000\\] "GET / HTTP/1\\.1" 200 6 "-" "Wget" "-"$`))
  })
})

describe('DNS tools and files in a pod', () => {
  it('lists all ready pods behind the headless name with busybox 1.28 nslookup', async () => {
    const t = await cluster()
    await t.run('kubectl run old --image=busybox:1.28 -- sleep 3600')
    t.sim.settle()
    const out = (await t.run('kubectl exec old -- nslookup nginx')).stdout
    expect(out.split('\n').slice(0, 4)).toEqual(['Server:    10.96.0.10', 'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local', '', 'Name:      nginx'])
    expect(out.split('\n').filter((l) => l.startsWith('Address ')).length).toBe(4)
  })

  it('answers hostname -i with the pod IP', async () => {
    const t = await cluster()
    expect((await t.run('kubectl exec client -- hostname -i')).stdout).toBe(`${ip(t, 'Pod', 'client')}\n`)
  })
})

describe('curl in an image that ships it', () => {
  it('fetches a pod page from the official nginx image', async () => {
    const t = await cluster()
    await t.run('kubectl run curler --image=nginx:1.27')
    t.sim.settle()
    expect((await t.run('kubectl exec curler -- curl -s web-1.nginx')).stdout).toBe('web-1\n')
  })

  it('words a refused connection as curl 7.88 does', async () => {
    const t = await cluster()
    await t.run('kubectl run curler --image=nginx:1.27')
    t.sim.settle()
    const web0 = ip(t, 'Pod', 'web-0')
    expect((await t.run(`kubectl exec curler -- curl ${web0}:81`)).stderr).toBe(
      `curl: (7) Failed to connect to ${web0} port 81 after 0 ms: Couldn't connect to server\ncommand terminated with exit code 7\n`,
    )
  })
})
