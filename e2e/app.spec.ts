// The app in real Chromium: the four panes and a terminal that takes typing, language and theme
// (switched and remembered), the simulated clock's controls, reset, a corrupt or outdated saved
// session, keyboard use, the embed layout, a tablet, and working offline once loaded.
// Screenshots land in test-results/screenshots/ for people to look at.

import { expect, test, type Page } from '@playwright/test'
import { clock, expectFourPanes, names, ready, run, save, shot, terminalText, typeInTerminal } from './app-helpers'

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror:', e.message))
})

async function open(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await ready(page)
  // The terminal takes typing before the rest of the layout (React's chunk) has arrived; these tests
  // look at the layout, so wait for its toolbar too.
  await expect(page.locator('.toolbar')).toBeVisible()
}

/** Writes the saved session straight into IndexedDB while no app page is running to overwrite it. */
async function putSession(page: Page, value: string): Promise<void> {
  await page.goto('/favicon.svg')
  await page.evaluate(
    (v) =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('ordinal', 1)
        r.onupgradeneeded = () => r.result.createObjectStore('kv')
        r.onerror = () => reject(r.error)
        r.onsuccess = () => {
          const tx = r.result.transaction('kv', 'readwrite')
          tx.objectStore('kv').put(v, 'ordinal/session')
          tx.oncomplete = () => resolve()
          tx.onerror = () => reject(tx.error)
        }
      }),
    value,
  )
}

test('loads with four panes and a terminal that runs kubectl', async ({ page }) => {
  await open(page)
  await expectFourPanes(page)
  for (const id of ['instructions', 'editor', 'terminal', 'cluster']) await expect(page.getByTestId(`pane-${id}`)).toBeVisible()
  await typeInTerminal(page, 'kubectl get nodes')
  await expect.poll(() => terminalText(page)).toMatch(/k8s-master +Ready +control-plane/)
  await expect(page.getByTestId('cluster-summary')).toContainText('3 nodes')
  await shot(page, 'app-1280x720')
})

test('switches the UI to Chinese and remembers it after a reload', async ({ page }) => {
  await open(page)
  await expect(page.getByTestId('skip')).toContainText('Skip until settled')
  await page.getByTestId('language').selectOption('zh-CN')
  await expect(page.getByTestId('skip')).toContainText('跳到稳定状态')
  await expect(page.getByRole('region', { name: '终端' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await shot(page, 'app-zh-CN')
  await page.reload()
  await ready(page)
  await expect(page.getByTestId('skip')).toContainText('跳到稳定状态')
  await expect(page.getByTestId('language')).toHaveValue('zh-CN')
})

test.describe('in a browser set to Chinese', () => {
  test.use({ locale: 'zh-CN' })
  test('starts in Chinese', async ({ page }) => {
    await open(page)
    await expect(page.getByTestId('reset')).toContainText('重置')
  })
})

test('switches between the light and the dark theme and remembers it', async ({ page }) => {
  await open(page)
  const app = page.locator('.app')
  const before = await app.getAttribute('data-theme')
  const after = before === 'dark' ? 'light' : 'dark'
  const bg = () => app.evaluate((el) => getComputedStyle(el).backgroundColor)
  const bgBefore = await bg()
  await page.getByTestId('theme').click()
  await expect(app).toHaveAttribute('data-theme', after)
  expect(await bg()).not.toBe(bgBefore)
  await page.getByTestId('theme').click()
  await expect(app).toHaveAttribute('data-theme', before!)
  await page.getByTestId('theme').click()
  await shot(page, `app-${after}`)
  await page.reload()
  await ready(page)
  await expect(page.locator('.app')).toHaveAttribute('data-theme', after)
})

test('runs the clock in real time, pauses it, speeds it up', async ({ page }) => {
  await open(page)
  const shown = () => page.getByTestId('clock').textContent()
  const first = await shown()
  await expect.poll(shown, { timeout: 5000 }).not.toBe(first)

  await page.getByTestId('pause').click()
  await expect(page.getByTestId('pause')).toHaveAttribute('aria-pressed', 'true')
  const paused = await clock(page)
  await page.waitForTimeout(1200)
  expect(await clock(page)).toBe(paused)
  await shot(page, 'clock-paused')

  await page.getByTestId('speed-10').click()
  await expect(page.getByTestId('speed-10')).toHaveAttribute('aria-pressed', 'true')
  const t0 = await clock(page)
  await page.waitForTimeout(1000)
  // Ten simulated seconds a real second (less what the frames take to start).
  expect((await clock(page)) - t0).toBeGreaterThan(5000)
})

test('skips until the cluster has settled', async ({ page }) => {
  await open(page)
  await page.getByTestId('pause').click()
  await run(page, 'kubectl create deployment web --image=nginx --replicas=2')
  const phases = () => page.evaluate(() => window.__ordinal!.store.getState().snapshot.objects.Pod.filter((p) => p.metadata.name?.startsWith('web-')).map((p) => (p as { status?: { phase?: string } }).status?.phase))
  expect(await phases()).toEqual(['Pending', 'Pending'])
  await page.getByTestId('skip').click()
  expect(await phases()).toEqual(['Running', 'Running'])
  await typeInTerminal(page, 'kubectl get deploy web')
  await expect.poll(() => terminalText(page)).toMatch(/web +2\/2 +2 +2/)
})

test('keeps the session across a reload', async ({ page }) => {
  await open(page)
  await typeInTerminal(page, 'kubectl create namespace kept')
  await expect.poll(() => terminalText(page)).toContain('namespace/kept created')
  await typeInTerminal(page, 'echo saved > note.txt')
  await save(page)
  await page.reload()
  await ready(page)
  expect(await names(page, 'Namespace')).toContain('kept')
  await typeInTerminal(page, 'cat note.txt')
  await expect.poll(() => terminalText(page)).toContain('saved')
  const history = await page.evaluate(() => window.__ordinal!.store.getState().terminals[0].history())
  expect(history.slice(0, 2)).toEqual(['kubectl create namespace kept', 'echo saved > note.txt'])
})

test('resets to a fresh cluster after confirming, keeping the preferences', async ({ page }) => {
  await open(page)
  await page.getByTestId('language').selectOption('zh-CN')
  await run(page, 'kubectl create namespace gone')
  expect(await names(page, 'Namespace')).toContain('gone')
  await page.getByTestId('reset').click()
  await expect(page.getByTestId('reset-dialog')).toBeVisible()
  await shot(page, 'reset-dialog')
  // The safe choice has the focus: Enter keeps the work.
  await expect(page.getByTestId('reset-cancel')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('reset-dialog')).toBeHidden()
  expect(await names(page, 'Namespace')).toContain('gone')

  await page.getByTestId('reset').click()
  await page.getByTestId('reset-confirm').click()
  await expect(page.getByTestId('reset-dialog')).toBeHidden()
  expect(await names(page, 'Namespace')).not.toContain('gone')
  expect(await page.evaluate(() => window.__ordinal!.store.getState().terminals.map((t) => t.history().length))).toEqual([0])
  await expect(page.getByTestId('language')).toHaveValue('zh-CN')
  await typeInTerminal(page, 'kubectl get ns gone')
  await expect.poll(() => terminalText(page)).toContain('Error from server (NotFound): namespaces "gone" not found')
})

test('reports a corrupt saved session and starts a working fresh one', async ({ page }) => {
  await open(page)
  await putSession(page, '{"schema":1,"sim":{"objects":[')
  await open(page)
  await expect(page.getByTestId('notice')).toContainText('could not be read')
  await expectFourPanes(page)
  await typeInTerminal(page, 'kubectl get nodes -o name')
  await expect.poll(() => terminalText(page)).toContain('node/k8s-node2')
  await shot(page, 'notice-corrupt')
  // The bad copy is kept for debugging.
  expect(await page.evaluate(() => window.__ordinal!.storage.get('ordinal/session.bad'))).toBe('{"schema":1,"sim":{"objects":[')
  await page.getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByTestId('notice')).toBeHidden()
  await page.reload()
  await ready(page)
  await expect(page.getByTestId('notice')).toBeHidden()
})

test('reports a saved session of another version, in localStorage when asked to use it', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('ordinal/session', JSON.stringify({ schema: 99 }))
      sessionStorage.setItem('seeded', '1')
    }
  })
  await open(page, '/?storage=localstorage')
  await expect(page.getByTestId('notice')).toContainText('another version')
  expect(await page.evaluate(() => window.__ordinal!.storage.kind)).toBe('localstorage')
  await typeInTerminal(page, 'echo fine')
  await expect.poll(() => terminalText(page)).toMatch(/^fine$/m)
})

test('is usable from the keyboard: pane keys, splitters, the skip link', async ({ page }) => {
  await open(page)
  await page.keyboard.press('Alt+1')
  await expect(page.getByTestId('pane-instructions')).toBeFocused()
  await page.keyboard.press('Alt+3')
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid=pane-terminal]') !== null)).toBe(true)

  const splitter = page.getByTestId('splitter-instructions')
  await splitter.focus()
  const before = Number(await splitter.getAttribute('aria-valuenow'))
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 4))
  const width = await page.getByTestId('pane-instructions').evaluate((el) => el.getBoundingClientRect().width)
  expect(width).toBeGreaterThan(0.27 * 1280)

  const editor = page.getByTestId('splitter-editor')
  await editor.focus()
  await page.keyboard.press('ArrowUp')
  await expect(editor).toHaveAttribute('aria-valuenow', '46')

  // The skip link is the first stop of the page (just before the clock's controls) and goes to the terminal.
  await page.getByTestId('pause').focus()
  await page.keyboard.press('Shift+Tab')
  await expect(page.locator('.skip-link')).toBeFocused()
  await shot(page, 'keyboard-skip-link')
  await page.keyboard.press('Enter')
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid=pane-terminal]') !== null)).toBe(true)

  // Sizes are preferences: they come back after a reload.
  await page.reload()
  await ready(page)
  await expect(page.getByTestId('splitter-instructions')).toHaveAttribute('aria-valuenow', String(before + 4))
})

test('resizes panes by dragging a splitter', async ({ page }) => {
  await open(page)
  const bar = page.getByTestId('splitter-cluster')
  const box = (await bar.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x - 150, box.y + box.height / 2, { steps: 5 })
  await page.mouse.up()
  const width = await page.getByTestId('pane-cluster').evaluate((el) => el.getBoundingClientRect().width)
  expect(width).toBeGreaterThan(0.26 * 1280 + 100)
})

test.describe('embedded (?embed=1)', () => {
  test.use({ viewport: { width: 1100, height: 700 } })
  test('shows a compact layout with the four panes', async ({ page }) => {
    await open(page, '/?embed=1')
    await expect(page.locator('.app')).toHaveAttribute('data-embed', '')
    await expect(page.locator('.brand__tagline')).toHaveCount(0)
    // Polled: while the page is busy the toolbar may be between two renders, with no box for a moment.
    await expect.poll(async () => (await page.locator('.toolbar').boundingBox())?.height ?? Infinity).toBeLessThanOrEqual(40)
    await expectFourPanes(page)
    for (const id of ['instructions', 'editor', 'terminal', 'cluster']) await expect(page.getByTestId(`pane-${id}`)).toBeVisible()
    await shot(page, 'embed-1100x700')
  })

  test('takes the language from ?lang=', async ({ page }) => {
    await open(page, '/?embed=1&lang=zh-CN')
    await expect(page.getByTestId('reset')).toHaveAttribute('title', '全新的集群和机器')
  })
})

test.describe('on a tablet held upright (768x1024)', () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true })
  test('stacks one pane above the terminal, chosen with tabs', async ({ page }) => {
    await open(page)
    await expect(page.getByTestId('show-instructions')).toBeVisible()
    await expect(page.getByTestId('pane-instructions')).toBeVisible()
    await expect(page.getByTestId('pane-editor')).toBeHidden()
    await expect(page.getByTestId('pane-terminal')).toBeVisible()
    await shot(page, 'tablet-portrait')
    await page.getByTestId('show-cluster').tap()
    await expect(page.getByTestId('pane-cluster')).toBeVisible()
    await expect(page.getByTestId('pane-instructions')).toBeHidden()
    await page.getByTestId('show-editor').tap()
    await expect(page.getByTestId('pane-editor')).toBeVisible()
    await shot(page, 'tablet-portrait-editor')
    await typeInTerminal(page, 'kubectl get ns default -o name')
    await expect.poll(() => terminalText(page)).toContain('namespace/default')
  })
})

test.describe('on a tablet held sideways (1024x768)', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true })
  test('shows the four panes side by side', async ({ page }) => {
    await open(page)
    await expect(page.getByTestId('show-instructions')).toHaveCount(0)
    for (const id of ['instructions', 'editor', 'terminal', 'cluster']) await expect(page.getByTestId(`pane-${id}`)).toBeVisible()
    await shot(page, 'tablet-landscape')
  })
})

test('keeps working offline once loaded', async ({ page, context, baseURL }) => {
  const foreign: string[] = []
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !/^(data|blob):/.test(r.url())) foreign.push(r.url())
  })
  await open(page)
  // The background warm-up loads kubectl's lazy parts (help, explain, completion) a moment after start.
  await page.waitForTimeout(4500)
  await context.setOffline(true)
  await typeInTerminal(page, 'kubectl explain pods.spec.hostname | head -5')
  await expect.poll(() => terminalText(page)).toContain('FIELD: hostname <string>')
  await typeInTerminal(page, 'kubectl get --help | head -1')
  await expect.poll(() => terminalText(page)).toContain('Display one or many resources.')
  expect(foreign).toEqual([])
  await context.setOffline(false)
})
