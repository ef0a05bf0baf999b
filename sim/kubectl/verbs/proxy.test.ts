// kubectl proxy with curl on the student's machine: seed 004's flow (kubia-pet StatefulSet, POST and
// GET through /api/v1/namespaces/prod/pods/<pod>/proxy/, data surviving a pod's replacement and a
// scale down and up), the API server's answers for a Service without usable endpoints and unknown
// paths (metav1.Status pretty-printed for curl, as real captures show), and the proxy's own errors.

import { describe, expect, it } from 'vitest'
import { terminal, type Terminal } from './attach/test-terminal'

const KUBIA = `apiVersion: v1
kind: Service
metadata:
  name: svc-kubia
spec:
  clusterIP: None
  selector:
    app: kubia
  ports:
  - name: http
    port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: sts-kubia
spec:
  serviceName: svc-kubia
  replicas: 2
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia-pet
        ports:
        - name: http
          containerPort: 8080
        volumeMounts:
        - name: data
          mountPath: /var/data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      resources:
        requests:
          storage: 1Mi
      accessModes:
      - ReadWriteOnce
`

const POD_URL = (pod: string) => `localhost:8001/api/v1/namespaces/prod/pods/${pod}/proxy/`

/** Seed 004's cluster: namespace prod, the kubia-pet StatefulSet, a proxy running as a job. */
async function seed004(): Promise<Terminal> {
  const t = terminal()
  t.write('kubia.yaml', KUBIA)
  await t.run('kubectl create namespace prod')
  await t.run('kubectl apply -f kubia.yaml -n prod')
  t.sim.settle()
  t.sim.tick(5000)
  await t.run('kubectl proxy &')
  await t.idle()
  return t
}

/** Time passes between the student's commands (the app starts at ready). */
function later(t: Terminal): void {
  t.sim.settle()
  t.sim.tick(5000)
}

describe('kubectl proxy and curl: seed 004', () => {
  it('says where it serves', async () => {
    const t = terminal()
    expect((await t.background('kubectl proxy')).stdout).toBe('Starting to serve on 127.0.0.1:8001\n')
  })

  it('stores POSTed data on the pod', async () => {
    const t = await seed004()
    expect(await t.run(`curl -X POST -d "Hey, there" ${POD_URL('sts-kubia-0')}`)).toEqual({ stdout: 'Data stored on pod sts-kubia-0\n', stderr: '' })
  })

  it('returns the stored data on GET', async () => {
    const t = await seed004()
    await t.run(`curl -X POST -d "Hey, there" ${POD_URL('sts-kubia-0')}`)
    expect((await t.run(`curl ${POD_URL('sts-kubia-0')}`)).stdout).toBe("You've hit sts-kubia-0\nData stored on this pod: Hey, there\n")
  })

  it('keeps the data when the pod is deleted and comes back', async () => {
    const t = await seed004()
    await t.run(`curl -X POST -d "sth sotred in sts-kubia-1" ${POD_URL('sts-kubia-1')}`)
    expect(await t.run('kubectl delete po sts-kubia-1 -n prod')).toEqual({ stdout: 'pod "sts-kubia-1" deleted\n', stderr: '' })
    later(t)
    expect((await t.run(`curl ${POD_URL('sts-kubia-1')}`)).stdout).toBe("You've hit sts-kubia-1\nData stored on this pod: sth sotred in sts-kubia-1\n")
  })

  it('keeps the data across a scale down and up', async () => {
    const t = await seed004()
    await t.run(`curl -X POST -d "sth sotred in sts-kubia-1" ${POD_URL('sts-kubia-1')}`)
    await t.run('kubectl scale sts sts-kubia -n prod --replicas=1')
    later(t)
    expect(t.sim.api.get('Pod', 'prod', 'sts-kubia-1')).toBeUndefined()
    await t.run('kubectl scale sts sts-kubia -n prod --replicas=2')
    later(t)
    expect((await t.run(`curl ${POD_URL('sts-kubia-1')}`)).stdout).toBe("You've hit sts-kubia-1\nData stored on this pod: sth sotred in sts-kubia-1\n")
  })

  it('answers that a Service without a matching port name has no endpoints', async () => {
    const t = await seed004()
    expect((await t.run('curl localhost:8001/api/v1/namespaces/prod/services/svc-kubia/proxy/')).stdout).toBe(
      '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "no endpoints available for service \\"svc-kubia\\"",\n  "reason": "ServiceUnavailable",\n  "code": 503\n}\n',
    )
  })

  it("dials the Service's target port (80, where kubia-pet does not listen) with the port name", async () => {
    const t = await seed004()
    const ips = ['sts-kubia-0', 'sts-kubia-1'].map((p) => t.sim.api.get('Pod', 'prod', p)?.status?.podIP)
    const out = (await t.run('curl localhost:8001/api/v1/namespaces/prod/services/svc-kubia:http/proxy/')).stdout
    expect(ips.map((ip) => out.includes(`"message": "error trying to reach service: dial tcp ${ip}:80: connect: connection refused"`))).toContain(true)
  })

  it('answers an unknown pod with NotFound', async () => {
    const t = await seed004()
    expect((await t.run('curl localhost:8001/api/v1/namespaces/prod/pods/sts-kubia-9/proxy/')).stdout).toBe(
      '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "pods \\"sts-kubia-9\\" not found",\n  "reason": "NotFound",\n  "details": {\n    "name": "sts-kubia-9",\n    "kind": "pods"\n  },\n  "code": 404\n}\n',
    )
  })

  it("answers a port nothing listens on with the proxy's 503", async () => {
    const t = await seed004()
    const ip = t.sim.api.get('Pod', 'prod', 'sts-kubia-0')?.status?.podIP
    expect((await t.run('curl localhost:8001/api/v1/namespaces/prod/pods/sts-kubia-0:80/proxy/')).stdout).toContain(
      `"message": "error trying to reach service: dial tcp ${ip}:80: connect: connection refused",\n  "reason": "ServiceUnavailable",\n  "code": 503`,
    )
  })

  it("answers paths outside the API with Go's 404 page", async () => {
    const t = await seed004()
    expect((await t.run('curl localhost:8001/foo')).stdout).toBe('404 page not found\n')
  })

  it('refuses exec through the proxy', async () => {
    const t = await seed004()
    expect((await t.run('curl localhost:8001/api/v1/namespaces/prod/pods/sts-kubia-0/exec')).stdout).toBe('Forbidden\n')
  })
})

describe('kubectl proxy', () => {
  it('cannot bind a port another proxy holds', async () => {
    const t = terminal()
    await t.run('kubectl proxy &')
    await t.idle()
    expect((await t.run('kubectl proxy')).stderr).toBe('error: listen tcp 127.0.0.1:8001: bind: address already in use\n')
  })

  it('stops serving when its job is killed', async () => {
    const t = terminal()
    await t.run('kubectl proxy &')
    await t.idle()
    await t.run('kill %1')
    await t.idle()
    expect((await t.run('curl localhost:8001/')).stderr).toBe("curl: (7) Failed to connect to localhost port 8001 after 0 ms: Couldn't connect to server\n")
  })
})
