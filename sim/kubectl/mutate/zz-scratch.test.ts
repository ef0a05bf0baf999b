import { it } from 'vitest'
import { testShell } from './test-shell'
it('scratch', async () => {
  const t = testShell()
  for (const line of [
    'kubectl create configmap cm1 --from-literal=a=1 --from-literal=b=x --dry-run=client -o yaml',
    'kubectl create deployment web --image=nginx --port=80 --replicas=3 --dry-run=client -o json',
    'kubectl create ns foo',
    'kubectl create ns foo',
    'kubectl create configmap cm1 --from-literal=a=1',
    'kubectl create configmap cm1 --from-literal=a=1',
    'kubectl create secret generic s --from-literal=a=1',
    'kubectl create secret generic s --from-literal=a=1 -o yaml',
    'kubectl create service clusterip nginx --clusterip=None --tcp=80:80',
    'kubectl create secret',
    'kubectl create configmap c --from-literal=a=1 --save-config --dry-run=client -o yaml',
  ]) {
    const r = await t.sh(line)
    console.log('$ ' + line + '\n' + r.stdout + (r.stderr ? '[stderr]' + r.stderr : '') + '[rc=' + r.exitCode + ']')
  }
})
