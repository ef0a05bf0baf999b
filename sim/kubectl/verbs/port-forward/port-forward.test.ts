// kubectl port-forward with curl on the student's machine (client-go tools/portforward texts:
// "Forwarding from 127.0.0.1:8080 -> 80", "Forwarding from [::1]:8080 -> 80", "Handling connection
// for 8080"; portforward.go's errors).

import { describe, expect, it } from 'vitest'
import { terminal, webTerminal, type Terminal } from '../attach/test-terminal'

async function withPage(): Promise<Terminal> {
  const t = await webTerminal()
  await t.run('kubectl exec web-0 -- sh -c "echo web-0 > /usr/share/nginx/html/index.html"')
  return t
}

describe('kubectl port-forward', () => {
  it('says where it listens', async () => {
    const t = await withPage()
    expect((await t.background('kubectl port-forward pod/web-0 8080:80')).stdout).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n')
  })

  it('forwards a connection to the pod and says so', async () => {
    const t = await withPage()
    await t.run('kubectl port-forward pod/web-0 8080:80 &')
    await t.idle()
    expect(await t.run('curl -s localhost:8080/')).toEqual({ stdout: 'Handling connection for 8080\nweb-0\n', stderr: '' })
  })

  it("maps a Service's named port to the pod's target port", async () => {
    const t = await withPage()
    expect((await t.background('kubectl port-forward svc/nginx 8081:web')).stdout).toBe('Forwarding from 127.0.0.1:8081 -> 80\nForwarding from [::1]:8081 -> 80\n')
  })

  it('refuses a pod that is not running', async () => {
    const t = terminal()
    await t.run('kubectl run slow --image=nginx:1.27')
    expect((await t.run('kubectl port-forward slow 8080:80')).stderr).toBe('error: unable to forward port because pod is not running. Current status=Pending\n')
  })

  it('ends with "lost connection to pod" when the pod goes away', async () => {
    const t = await withPage()
    await t.run('kubectl port-forward pod/web-0 8080:80 > /tmp/pf.log 2>&1 &')
    await t.idle()
    await t.run('kubectl delete pod web-0 --wait=false')
    await t.run('sleep 1')
    await t.idle()
    expect(t.shell.fs.readFile('/tmp/pf.log')).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\nerror: lost connection to pod\n')
  })
})
