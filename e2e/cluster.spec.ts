// The live cluster view in real Chromium: a StatefulSet applied in the terminal comes up in the
// picture one ordinal after the other, with its claims and volumes bound and the headless Service's
// DNS names; a click (or Enter) on a pod shows kubectl's describe output, YAML and events; scaling
// down takes the highest ordinal through Terminating; the view speaks Chinese; screenshots in light
// and dark land in test-results/screenshots/.

import { expect, test, type Page } from '@playwright/test'
import { ready, run, shot } from './app-helpers'

// The Kubernetes tutorial's StatefulSet (kubectl-output.md §10): a headless Service and web with a
// volumeClaimTemplate.
const WEB = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      terminationGracePeriodSeconds: 10
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror:', e.message))
})

async function open(page: Page): Promise<void> {
  await page.goto('/')
  await ready(page)
  // Attached, not visible: on a narrow screen the view waits behind its tab.
  await expect(page.getByTestId('cluster-view')).toBeAttached({ timeout: 20_000 })
}

/**
 * Records, from now on, when each pod tile of web first appears and what stage the tile of the ordinal
 * before it shows at that moment (a MutationObserver: polling could miss a short stage).
 */
async function recordAppearances(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { name: string; before?: string }[] = []
    ;(window as unknown as { __seen: typeof seen }).__seen = seen
    const look = () => {
      for (const el of document.querySelectorAll<HTMLElement>('.pod[data-testid^="pod-web-"]')) {
        const name = el.dataset.testid!.slice(4)
        if (seen.some((s) => s.name === name)) continue
        const ord = Number(name.slice(4))
        const prev = document.querySelector<HTMLElement>(`.pod[data-testid="pod-web-${ord - 1}"]`)
        seen.push({ name, before: prev?.dataset.stage })
      }
    }
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage'] })
    look()
  })
}

const appearances = (page: Page) => page.evaluate(() => (window as unknown as { __seen: { name: string; before?: string }[] }).__seen)
const pod = (page: Page, name: string) => page.locator(`.pod[data-testid="pod-${name}"]`)

async function applyWeb(page: Page): Promise<void> {
  await recordAppearances(page)
  await run(page, `cat <<EOF | kubectl apply -f -\n${WEB}EOF`)
}

async function speed(page: Page, n: 0 | 1 | 2 | 5 | 10): Promise<void> {
  await page.evaluate((s) => window.__ordinal!.actions.setSpeed(s), n)
}

test('shows a StatefulSet coming up in ordinal order, with its volumes and DNS names', async ({ page }) => {
  test.setTimeout(120_000)
  await open(page)
  await expect(page.getByTestId('cluster-empty')).toBeVisible()
  await applyWeb(page)
  // Right after the apply: web-0 on its way, web-1 and web-2 still ghosts waiting their turn.
  await expect(pod(page, 'web-0')).toBeVisible()
  await expect(page.getByTestId('ghost-web-2')).toContainText('waits until web-1 is Running and Ready')
  await shot(page, 'cluster-coming-up')
  await speed(page, 5)
  await expect(page.getByTestId('sts-ready')).toHaveText('3/3 ready', { timeout: 60_000 })
  const seen = await appearances(page)
  expect(seen.map((s) => s.name)).toEqual(['web-0', 'web-1', 'web-2'])
  // OrderedReady: each pod appeared only when the one before it was Ready.
  expect(seen.slice(1).map((s) => s.before)).toEqual(['ready', 'ready'])
  for (const name of ['web-0', 'web-1', 'web-2']) {
    await expect(pod(page, name).getByTestId('pod-status')).toHaveText('Running')
    await expect(page.getByTestId(`claim-www-${name}`)).toContainText(/www-\S+\s*Bound\s*→\s*pvc-.*Bound\s*1Gi/)
  }
  const dns = page.getByTestId('svc-nginx')
  await expect(dns).toContainText('headless')
  await expect(dns).toContainText('nginx.default.svc.cluster.local')
  await expect(dns.getByTestId('dns-record')).toHaveText([/^web-0\.nginx\.default\.svc\.cluster\.local/, /^web-1\.nginx/, /^web-2\.nginx/])
  await shot(page, 'cluster-light')
})

test('opens a pod with a click: describe output, YAML and events', async ({ page }) => {
  test.setTimeout(90_000)
  await open(page)
  await applyWeb(page)
  await speed(page, 10)
  await expect(page.getByTestId('sts-ready')).toHaveText('3/3 ready', { timeout: 60_000 })
  await pod(page, 'web-0').click()
  const details = page.getByTestId('object-details')
  await expect(details).toBeVisible()
  await expect(details).toContainText('kubectl describe pod web-0 -n default')
  await expect(page.getByTestId('details-describe')).toContainText(/Name:\s+web-0/)
  await expect(page.getByTestId('details-describe')).toContainText(/Controlled By:\s+StatefulSet\/web/)
  await expect(page.getByTestId('details-describe')).toContainText(/ClaimName:\s+www-web-0/)
  await page.waitForTimeout(300) // the sheet's slide-in
  await shot(page, 'cluster-describe')
  // The sheet sits beside the view: another pod is a click away, and the sheet follows it.
  await pod(page, 'web-2').click()
  await expect(page.getByTestId('details-describe')).toContainText(/Name:\s+web-2/)
  await pod(page, 'web-0').click()
  await expect(page.getByTestId('details-describe')).toContainText(/Name:\s+web-0/)
  await page.getByTestId('details-tab-yaml').click()
  await expect(page.getByTestId('details-yaml')).toContainText('kind: Pod')
  await expect(page.getByTestId('details-yaml')).toContainText('claimName: www-web-0')
  await page.getByTestId('details-tab-events').click()
  await expect(page.getByTestId('details-events').getByTestId('event').first()).toContainText('Scheduled')
  await expect(page.getByTestId('details-events')).toContainText('Started')
  await shot(page, 'cluster-pod-events')
  await page.keyboard.press('Escape')
  await expect(details).toBeHidden()
})

test('works from the keyboard: Enter opens an object, Esc closes it and returns the focus', async ({ page }) => {
  await open(page)
  const node = page.getByTestId('node-k8s-node1')
  await node.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('object-details')).toBeFocused()
  await expect(page.getByTestId('details-describe')).toContainText(/Name:\s+k8s-node1/)
  // The arrows move along the tabs.
  await page.getByTestId('details-tab-describe').focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('details-tab-yaml')).toBeFocused()
  await expect(page.getByTestId('details-yaml')).toContainText('kind: Node')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('object-details')).toBeHidden()
  await expect(node).toBeFocused()
})

test('takes the highest ordinal through Terminating when scaled down', async ({ page }) => {
  test.setTimeout(90_000)
  await open(page)
  await applyWeb(page)
  await speed(page, 10)
  await expect(page.getByTestId('sts-ready')).toHaveText('3/3 ready', { timeout: 60_000 })
  // The clock paused: the controller marks web-2 for deletion at once, the kubelet stops it later.
  await speed(page, 0)
  await run(page, 'kubectl scale sts web --replicas=2')
  await expect(pod(page, 'web-2')).toHaveAttribute('data-stage', 'terminating')
  await expect(pod(page, 'web-2').getByTestId('pod-status')).toHaveText('Terminating')
  await expect(pod(page, 'web-2')).toContainText('being removed')
  await expect(pod(page, 'web-1').getByTestId('pod-status')).toHaveText('Running')
  await shot(page, 'cluster-terminating')
  await speed(page, 1)
  await expect(pod(page, 'web-2')).toBeHidden({ timeout: 30_000 })
  await expect(pod(page, 'web-1')).toBeVisible()
  // whenScaled: Retain (the default): the claim stays, and says so.
  await expect(page.getByTestId('sts-web')).toContainText('Claims kept after scaling down')
  await expect(page.getByTestId('claim-www-web-2')).toContainText('Bound')
  await page.getByTestId('cluster-tab-events').click()
  await expect(page.getByTestId('events-timeline')).toContainText('delete Pod web-2 in StatefulSet web successful')
  await shot(page, 'cluster-events')
})

test('marks the pods of the new revision during a rolling update', async ({ page }) => {
  test.setTimeout(90_000)
  await open(page)
  await applyWeb(page)
  await speed(page, 10)
  await expect(page.getByTestId('sts-ready')).toHaveText('3/3 ready', { timeout: 60_000 })
  await speed(page, 2)
  await run(page, 'kubectl set image statefulset/web nginx=registry.k8s.io/nginx-slim:0.27')
  const set = page.getByTestId('sts-web')
  await expect(set).toContainText('rolling update: revision 1 → 2')
  // RollingUpdate replaces the highest ordinal first.
  await expect(pod(page, 'web-2')).toContainText('new revision', { timeout: 30_000 })
  await expect(pod(page, 'web-0')).not.toContainText('new revision')
  await shot(page, 'cluster-rolling-update')
  await speed(page, 10)
  await expect(set).not.toContainText('rolling update', { timeout: 60_000 })
  await expect(page.getByTestId('sts-ready')).toHaveText('3/3 ready')
})

test('speaks Chinese, keeping kubectl’s own words, and has a dark theme', async ({ page }) => {
  test.setTimeout(90_000)
  await open(page)
  await applyWeb(page)
  await speed(page, 10)
  await expect(page.getByTestId('sts-ready')).toHaveText('3/3 ready', { timeout: 60_000 })
  await page.getByTestId('language').selectOption('zh-CN')
  await expect(page.getByTestId('sts-ready')).toHaveText('3/3 就绪')
  await expect(page.getByTestId('cluster-tab-objects')).toHaveText('对象')
  await expect(page.getByTestId('cluster-summary')).toContainText('3 个节点')
  await expect(page.getByTestId('svc-nginx')).toContainText('无头服务')
  // STATUS stays as kubectl prints it.
  await expect(pod(page, 'web-0').getByTestId('pod-status')).toHaveText('Running')
  await shot(page, 'cluster-zh-CN')
  await page.getByTestId('language').selectOption('en')
  const app = page.locator('.app')
  if ((await app.getAttribute('data-theme')) !== 'dark') await page.getByTestId('theme').click()
  await expect(app).toHaveAttribute('data-theme', 'dark')
  await shot(page, 'cluster-dark')
  await pod(page, 'web-1').click()
  await expect(page.getByTestId('details-describe')).toContainText(/Name:\s+web-1/)
  await page.waitForTimeout(300) // the sheet's slide-in
  await shot(page, 'cluster-dark-describe')
})

test('stays compact in the embed layout', async ({ page }) => {
  test.setTimeout(60_000)
  await page.setViewportSize({ width: 1100, height: 700 })
  await page.goto('/?embed=1')
  await ready(page)
  await expect(page.getByTestId('cluster-view')).toBeVisible({ timeout: 20_000 })
  await applyWeb(page)
  await speed(page, 10)
  await expect(page.getByTestId('sts-ready')).toHaveText('3/3 ready', { timeout: 60_000 })
  await shot(page, 'cluster-embed')
})

test('keeps a 100-pod StatefulSet readable, and quiet while the clock runs', async ({ page }) => {
  test.setTimeout(120_000)
  await open(page)
  const big = WEB.replace('replicas: 3', 'replicas: 100\n  podManagementPolicy: Parallel')
  await speed(page, 10)
  await run(page, `cat <<EOF | kubectl apply -f -\n${big}EOF`)
  await expect(page.getByTestId('sts-ready')).toHaveText('100/100 ready', { timeout: 90_000 })
  await expect(page.locator('.pod--dense')).toHaveCount(100)
  await shot(page, 'cluster-100-pods')
  // Settled, the clock still ticks ten simulated seconds a second: no pod re-renders for it, so the
  // main thread has no long task (over 50 ms) worth the name. Generous: the test machine is shared.
  await page.waitForTimeout(1000)
  const longest = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let max = 0
        const po = new PerformanceObserver((list) => list.getEntries().forEach((e) => (max = Math.max(max, e.duration))))
        po.observe({ type: 'longtask' })
        setTimeout(() => (po.disconnect(), resolve(max)), 3000)
      }),
  )
  expect(longest).toBeLessThan(250)
  await pod(page, 'web-42').click()
  await expect(page.getByTestId('details-describe')).toContainText(/Name:\s+web-42/)
})

test('shows a Deployment with its ReplicaSet and pods, and the namespaces', async ({ page }) => {
  test.setTimeout(60_000)
  await open(page)
  await speed(page, 10)
  await run(page, 'kubectl create deployment hello --image=nginx --replicas=2')
  const deploy = page.getByTestId('deploy-hello')
  await expect(deploy).toContainText('2/2 ready', { timeout: 30_000 })
  // One ReplicaSet, named after the pod template's hash, whose pods carry random suffixes.
  await expect(deploy.locator('[data-testid^="rs-hello-"]')).toHaveCount(1)
  await expect(deploy.locator('.pod[data-testid^="pod-hello-"]')).toHaveCount(2)
  await shot(page, 'cluster-deployment')
  await page.getByTestId('cluster-namespace').selectOption('kube-system')
  await expect(page.getByTestId('deploy-coredns')).toContainText('2/2 ready')
  await expect(page.getByTestId('svc-kube-dns')).toContainText('10.96.0.10')
})

test.describe('on a tablet held upright (768x1024)', () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true })
  test('shows the view above the terminal and opens a pod with a tap', async ({ page }) => {
    test.setTimeout(90_000)
    await open(page)
    await page.getByTestId('show-cluster').tap()
    await expect(page.getByTestId('cluster-view')).toBeVisible()
    await applyWeb(page)
    await speed(page, 10)
    await expect(page.getByTestId('sts-ready')).toHaveText('3/3 ready', { timeout: 60_000 })
    await shot(page, 'cluster-tablet')
    await pod(page, 'web-1').tap()
    await expect(page.getByTestId('details-describe')).toContainText(/Name:\s+web-1/)
    await page.waitForTimeout(300) // the sheet's slide-in
    await shot(page, 'cluster-tablet-describe')
  })
})
