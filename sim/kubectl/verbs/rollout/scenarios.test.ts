// rollout history / undo / restart / pause / resume in a running cluster. Expected texts: kubectl-output.md
// §5 and §11.11 (history after set image and after undo), kubectl's rollback.go and objectrestarter.go.
import { describe, expect, it } from 'vitest'
import { rfc3339 } from '../../../core/time'
import { editWeb, headlessService, webStatefulSet } from '../../../testing/fixtures'
import { bootedEnv, distinctRuns, lines } from '../test-env'

const NEW_IMAGE = 'registry.k8s.io/nginx-slim:0.27'

async function updatedWeb() {
  const env = bootedEnv()
  env.create(headlessService(), webStatefulSet())
  env.sim.settle()
  editWeb(env.sim, (s) => (s.template.spec.containers[0].image = NEW_IMAGE))
  env.sim.settle()
  return env
}

const image = (env: ReturnType<typeof bootedEnv>) => env.sim.api.read('StatefulSet', 'default', 'web').spec?.template.spec?.containers[0].image

describe('kubectl rollout history and undo for a StatefulSet', () => {
  it('lists revisions 1 and 2 after set image (§11.11)', async () => {
    const env = await updatedWeb()
    const r = await env.run(['rollout', 'history', 'sts/web'])
    expect(r.stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n')
  })

  it('shows the updated template for --revision=2 with raw tabs (§11.11)', async () => {
    const env = await updatedWeb()
    const r = await env.run(['rollout', 'history', 'sts/web', '--revision=2'])
    expect(r.stdout).toBe(
      [
        'statefulset.apps/web with revision #2',
        'Pod Template:',
        '  Labels:\tapp=nginx',
        '  Containers:',
        '   nginx:',
        '    Image:\tregistry.k8s.io/nginx-slim:0.27',
        '    Port:\t80/TCP',
        '    Host Port:\t0/TCP',
        '    Environment:\t<none>',
        '    Mounts:',
        '      /usr/share/nginx/html from www (rw)',
        '  Volumes:\t<none>',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
        '',
      ].join('\n'),
    )
  })

  it('rolls back to the previous template', async () => {
    const env = await updatedWeb()
    const r = await env.run(['rollout', 'undo', 'sts/web'])
    expect(r).toEqual({ stdout: 'statefulset.apps/web rolled back\n', stderr: '', exitCode: 0 })
    expect(image(env)).toBe('registry.k8s.io/nginx-slim:0.24')
  })

  it('renumbers the restored revision to 3 once the controller sees the rollback (§5, §11.11)', async () => {
    const env = await updatedWeb()
    await env.run(['rollout', 'undo', 'sts/web'])
    env.sim.settle()
    const r = await env.run(['rollout', 'history', 'sts/web'])
    expect(r.stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n')
  })

  it('skips a rollback to the revision already running', async () => {
    const env = await updatedWeb()
    const r = await env.run(['rollout', 'undo', 'sts/web', '--to-revision=2'])
    expect(r.stdout).toBe('statefulset.apps/web skipped rollback (current template already matches revision 2)\n')
  })

  it('refuses a revision that is not in the history', async () => {
    const env = await updatedWeb()
    const r = await env.run(['rollout', 'undo', 'sts/web', '--to-revision=9'])
    expect(r).toEqual({ stdout: '', stderr: 'error: unable to find specified revision 9 in history\n', exitCode: 1 })
  })

  it('has no last revision to roll back to with one revision', async () => {
    const env = bootedEnv()
    env.create(headlessService(), webStatefulSet())
    env.sim.settle()
    const r = await env.run(['rollout', 'undo', 'sts/web'])
    expect(r.stderr).toBe('error: no last revision to roll back to\n')
  })

  it('changes nothing with --dry-run=server', async () => {
    const env = await updatedWeb()
    const r = await env.run(['rollout', 'undo', 'sts/web', '--dry-run=server'])
    expect(r.stdout).toBe('statefulset.apps/web rolled back (server dry run)\n')
    expect(image(env)).toBe(NEW_IMAGE)
  })
})

describe('kubectl rollout restart', () => {
  it('stamps the template with restartedAt from the virtual clock', async () => {
    const env = bootedEnv()
    env.create(headlessService(), webStatefulSet())
    env.sim.settle()
    const r = await env.run(['rollout', 'restart', 'sts/web'])
    expect(r.stdout).toBe('statefulset.apps/web restarted\n')
    const annotations = env.sim.api.read('StatefulSet', 'default', 'web').spec?.template.metadata?.annotations
    expect(annotations?.['kubectl.kubernetes.io/restartedAt']).toBe(rfc3339(env.sim.now()))
  })

  it('replaces every pod of the StatefulSet', async () => {
    const env = bootedEnv()
    env.create(headlessService(), webStatefulSet())
    env.sim.settle()
    const before = env.sim.api.list('Pod', { namespace: 'default' }).map((p) => p.metadata.uid)
    await env.run(['rollout', 'restart', 'sts/web'])
    await env.run(['rollout', 'status', 'sts/web'])
    const after = env.sim.api.list('Pod', { namespace: 'default' }).map((p) => p.metadata.uid)
    expect(after.filter((u) => before.includes(u))).toEqual([])
  })

  it('refuses a second restart within the same second', async () => {
    const env = bootedEnv()
    env.create(headlessService(), webStatefulSet())
    env.sim.settle()
    await env.run(['rollout', 'restart', 'sts/web'])
    const r = await env.run(['rollout', 'restart', 'sts/web'])
    expect(r.stderr).toBe('error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n')
  })
})

describe('kubectl rollout for a Deployment', () => {
  it('pauses and resumes the CoreDNS Deployment', async () => {
    const env = bootedEnv()
    const paused = await env.run(['rollout', 'pause', 'deploy/coredns', '-n', 'kube-system'])
    expect(paused.stdout).toBe('deployment.apps/coredns paused\n')
    expect(env.sim.api.read('Deployment', 'kube-system', 'coredns').spec?.paused).toBe(true)
    const resumed = await env.run(['rollout', 'resume', 'deploy/coredns', '-n', 'kube-system'])
    expect(resumed.stdout).toBe('deployment.apps/coredns resumed\n')
    expect(env.sim.api.read('Deployment', 'kube-system', 'coredns').spec?.paused).toBeUndefined()
  })

  it('says a paused Deployment is already paused', async () => {
    const env = bootedEnv()
    await env.run(['rollout', 'pause', 'deploy/coredns', '-n', 'kube-system'])
    const r = await env.run(['rollout', 'pause', 'deploy/coredns', '-n', 'kube-system'])
    expect(r.stderr).toBe('error: deployments.apps "coredns" is already paused\n')
  })

  it('refuses to restart a paused Deployment', async () => {
    const env = bootedEnv()
    await env.run(['rollout', 'pause', 'deploy/coredns', '-n', 'kube-system'])
    const r = await env.run(['rollout', 'restart', 'deploy/coredns', '-n', 'kube-system'])
    expect(r.stderr).toBe('error: deployments.apps "coredns" can\'t restart paused deployment (run rollout resume first)\n')
  })

  it('lists one revision for CoreDNS', async () => {
    const env = bootedEnv()
    const r = await env.run(['rollout', 'history', 'deploy/coredns', '-n', 'kube-system'])
    expect(r.stdout).toBe('deployment.apps/coredns \nREVISION  CHANGE-CAUSE\n1         <none>\n\n')
  })

  it('rolls a restarted Deployment back to revision 1', async () => {
    const env = bootedEnv()
    await env.run(['rollout', 'restart', 'deploy/coredns', '-n', 'kube-system'])
    await env.run(['rollout', 'status', 'deploy/coredns', '-n', 'kube-system'])
    const r = await env.run(['rollout', 'undo', 'deploy/coredns', '-n', 'kube-system'])
    expect(r.stdout).toBe('deployment.apps/coredns rolled back\n')
    const template = env.sim.api.read('Deployment', 'kube-system', 'coredns').spec?.template
    expect(template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeUndefined()
  })

  it('has no history to roll back to with one ReplicaSet', async () => {
    const env = bootedEnv()
    const r = await env.run(['rollout', 'undo', 'deploy/coredns', '-n', 'kube-system'])
    expect(r.stderr).toBe('error: no rollout history found for deployment "coredns"\n')
  })
})

const webDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
}

function setDeploymentImage(env: ReturnType<typeof bootedEnv>, image: string) {
  const d = structuredClone(env.sim.api.read('Deployment', 'default', 'web')) as { spec: { template: { spec: { containers: { image: string }[] } } } }
  d.spec.template.spec.containers[0].image = image
  env.sim.api.update(d, { actor: 'kubectl' })
}

describe('kubectl rollout status for a new Deployment', () => {
  it('counts the available updated replicas up to successfully rolled out (rollout_status.go)', async () => {
    const env = bootedEnv()
    env.create(webDeployment)
    const out = distinctRuns(lines((await env.run(['rollout', 'status', 'deployment/web'])).stdout))
    expect(out.slice(-4)).toEqual([
      'Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...',
      'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...',
      'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
      'deployment "web" successfully rolled out',
    ])
  })

  it('waits for the old replicas to terminate after a new image', async () => {
    const env = bootedEnv()
    env.create(webDeployment)
    await env.run(['rollout', 'status', 'deployment/web'])
    setDeploymentImage(env, 'nginx:1.28')
    const out = distinctRuns(lines((await env.run(['rollout', 'status', 'deployment/web'])).stdout))
    expect(out).toContain('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...')
    expect(out.slice(-2)).toEqual(['Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...', 'deployment "web" successfully rolled out'])
  })

  it('renumbers the restored ReplicaSet after undo', async () => {
    const env = bootedEnv()
    env.create(webDeployment)
    await env.run(['rollout', 'status', 'deployment/web'])
    setDeploymentImage(env, 'nginx:1.28')
    await env.run(['rollout', 'status', 'deployment/web'])
    await env.run(['rollout', 'undo', 'deployment/web'])
    await env.run(['rollout', 'status', 'deployment/web'])
    const r = await env.run(['rollout', 'history', 'deployment/web'])
    expect(r.stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n')
  })
})
