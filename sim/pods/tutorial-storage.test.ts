// The StatefulSet Basics tutorial's "Writing to stable storage" (kubernetes.io, tutorials/stateful-
// application/basic-stateful-set): each pod's hostname written to its index.html, served by nginx-slim
// to curl inside the pod, and served again by the pods that replace them — their claims kept the files.

import { describe, expect, it } from 'vitest'
import { webTerminal } from '../kubectl/verbs/attach/test-terminal'

const WRITE = `for i in 0 1; do kubectl exec "web-$i" -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'; done`
const READ = 'for i in 0 1; do kubectl exec -i -t "web-$i" -- curl http://localhost/; done'

describe('writing to stable storage, as the tutorial does', () => {
  it('serves each pod its own hostname through curl inside the pod', async () => {
    const t = await webTerminal()
    await t.run(WRITE)
    expect(await t.run(READ)).toEqual({ stdout: 'web-0\nweb-1\n', stderr: '' })
  })

  it('serves the same pages after every pod was deleted and replaced', async () => {
    const t = await webTerminal()
    await t.run(WRITE)
    const uids = t.sim.api.list('Pod', { namespace: 'default' }).map((p) => p.metadata.uid)
    await t.run('kubectl delete pod -l app=nginx')
    t.sim.settle()
    expect(t.sim.api.list('Pod', { namespace: 'default' }).some((p) => uids.includes(p.metadata.uid))).toBe(false)
    expect(await t.run(READ)).toEqual({ stdout: 'web-0\nweb-1\n', stderr: '' })
  })
})
