// The terminal in real Chromium: typing kubectl, history, Tab completion, Ctrl-C of a watch, a watch
// piped to grep, a pasted heredoc, two tabs (a watch in one sees a scale from the other), wide
// characters, resizing.

import { expect, test, type Page } from '@playwright/test'
import { cursorLine, promptBack, PROMPT, ready, run, shot, STS, termText, TERMINAL_READY } from './terminal-helpers'

test.skip(!TERMINAL_READY, 'the app does not show the terminal pane yet: run with e2e/pages/terminal.playwright.config.ts')

/** Time at 10x, and the StatefulSet applied through the terminal (a pasted heredoc piped to kubectl). */
async function applyStsFast(page: Page): Promise<void> {
  await page.evaluate(() => (window as any).__ordinal.store.getState().workspace.setSpeed(10))
  await page.evaluate((text) => (window as any).__term.paste(text), `cat <<EOF | kubectl apply -f -\n${STS}EOF\n`)
  await page.keyboard.press('Enter')
  await expect.poll(() => termText(page)).toContain('statefulset.apps/web created')
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror:', e.message))
  await ready(page)
})

test('runs kubectl get nodes', async ({ page }) => {
  await run(page, 'kubectl get nodes')
  await expect.poll(() => termText(page)).toContain('k8s-master   Ready    control-plane   12d   v1.33.1')
  await promptBack(page)
  expect((await termText(page)).split('\n').slice(0, 2)).toEqual([PROMPT + 'kubectl get nodes', 'NAME         STATUS   ROLES           AGE   VERSION'])
  await shot(page, 'get-nodes')
})

test('recalls history with the arrow keys and edits the recalled line', async ({ page }) => {
  await run(page, 'echo one')
  await run(page, 'echo two')
  await promptBack(page)
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect.poll(() => cursorLine(page)).toBe(PROMPT + 'echo one')
  await page.keyboard.press('Control+W')
  await page.keyboard.type('three')
  await page.keyboard.press('Enter')
  await expect.poll(() => termText(page)).toContain(PROMPT + 'echo three\nthree')
})

test('finds an older line with Ctrl-R', async ({ page }) => {
  await run(page, 'kubectl get nodes -o wide')
  await run(page, 'echo later')
  await promptBack(page)
  await page.keyboard.press('Control+R')
  await page.keyboard.type('wide')
  await expect.poll(() => cursorLine(page)).toBe("(reverse-i-search)`wide': kubectl get nodes -o wide")
  await shot(page, 'reverse-search')
  await page.keyboard.press('Enter')
  await expect.poll(() => termText(page)).toMatch(/echo later\nlater\nroot@k8s-master:~# kubectl get nodes -o wide\nNAME /)
})

test('completes kubectl get po with Tab, then lists what is possible', async ({ page }) => {
  await page.keyboard.type('kubectl get po')
  await page.keyboard.press('Tab')
  await expect.poll(() => cursorLine(page)).toBe(PROMPT + 'kubectl get pod')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect.poll(() => termText(page)).toContain('poddisruptionbudgets.policy  pods')
  await page.keyboard.type('s')
  await page.keyboard.press('Tab')
  await expect.poll(() => cursorLine(page)).toBe(PROMPT + 'kubectl get pods')
  await shot(page, 'completion')
  await page.keyboard.press('Enter')
  await expect.poll(() => termText(page)).toContain('No resources found in default namespace.')
})

test('Ctrl-C stops kubectl get pods -w and gives the prompt back', async ({ page }) => {
  await run(page, 'kubectl get pods -w')
  // The watch keeps running: no prompt.
  await page.waitForTimeout(500)
  expect(await cursorLine(page)).toBe('')
  await page.keyboard.press('Control+C')
  await expect.poll(() => termText(page)).toMatch(/\^C\nroot@k8s-master:~#$/)
  await run(page, 'echo back')
  await expect.poll(() => termText(page)).toContain(PROMPT + 'echo back\nback')
})

test('kubectl get pods -w | grep shows the lines grep selects as they come, until Ctrl-C', async ({ page }) => {
  await applyStsFast(page)
  await run(page, 'kubectl get pods -w | grep web-0')
  // Live: web-0's lines show while the watch still runs (no prompt yet), the header is filtered out.
  await expect.poll(() => termText(page), { timeout: 15_000 }).toMatch(/web-0 +1\/1 +Running/)
  expect(await cursorLine(page)).toBe('')
  const shown = (await termText(page)).split('kubectl get pods -w | grep web-0\n')[1]
  expect(shown).not.toContain('NAME')
  for (const line of shown.split('\n').filter(Boolean)) expect(line).toMatch(/^web-0 /)
  await page.keyboard.press('Control+C')
  await expect.poll(() => termText(page)).toMatch(/\^C\nroot@k8s-master:~#$/)
})

test('a pasted heredoc waits for Enter, writes the file, and kubectl applies it', async ({ page }) => {
  await page.evaluate((text) => (window as any).__term.paste(text), `cat <<EOF > web.yaml\n${STS}EOF\n`)
  // Bracketed paste: the lines are in the prompt's line, not run yet.
  await expect.poll(() => termText(page)).toContain('          name: web\nEOF')
  await page.keyboard.press('Enter')
  await promptBack(page)
  await run(page, 'kubectl apply -f web.yaml')
  await expect.poll(() => termText(page)).toContain('service/nginx created\nstatefulset.apps/web created')
  await run(page, 'grep -c . web.yaml')
  await expect.poll(() => termText(page)).toContain(`grep -c . web.yaml\n${STS.trimEnd().split('\n').length}`)
  await shot(page, 'heredoc-apply')
})

test('two tabs: a watch in one shows the scale made in the other', async ({ page }) => {
  await applyStsFast(page)
  await run(page, 'kubectl get pods -w')
  await expect.poll(() => termText(page), { timeout: 15_000 }).toMatch(/web-0 +1\/1 +Running/)

  await page.getByTestId('terminal-new').click()
  await expect(page.getByTestId('terminal-tab')).toHaveCount(2)
  await expect.poll(() => cursorLine(page)).toBe(PROMPT.trimEnd())
  await run(page, 'kubectl scale statefulset web --replicas=3')
  await expect.poll(() => termText(page)).toContain('statefulset.apps/web scaled')
  await shot(page, 'two-tabs-scale')

  await page.getByTestId('terminal-tab').first().click()
  await expect.poll(() => termText(page), { timeout: 20_000 }).toMatch(/web-2 +1\/1 +Running/)
  expect(await termText(page)).toMatch(/web-1 +0\/1 +Pending/)
  await shot(page, 'two-tabs-watch')
  await page.getByTestId('terminal').click()
  await page.keyboard.press('Control+C')
  await promptBack(page)
})

test('edits Chinese text by character, two columns each', async ({ page }) => {
  await page.keyboard.type('echo 你好世界')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Backspace')
  await expect.poll(() => cursorLine(page)).toBe(PROMPT + 'echo 你世界')
  const x = await page.evaluate(() => (window as any).__term.buffer.active.cursorX)
  expect(x).toBe(PROMPT.length + 5 + 2)
  await page.keyboard.press('Enter')
  await expect.poll(() => termText(page)).toContain('\n你世界')
  await shot(page, 'chinese')
})

test('fits the terminal to its pane, and ls lays out for the new width', async ({ page }) => {
  const before = await page.evaluate(() => (window as any).__term.cols)
  // A line being typed that wraps: redrawn for the new width, still one line.
  const long = 'echo ' + 'abcdefghij'.repeat(15)
  await page.keyboard.type(long)
  await page.setViewportSize({ width: 700, height: 500 })
  // The pane gets another width (narrower on the test page; the app may also re-arrange its panes).
  await expect.poll(() => page.evaluate(() => (window as any).__term.cols)).not.toBe(before)
  await expect.poll(() => termText(page)).toBe(PROMPT + long)
  await page.keyboard.press('Enter')
  await expect.poll(() => termText(page)).toContain(long + '\n' + 'abcdefghij'.repeat(15) + '\n' + PROMPT.trimEnd())
  const cols: number = await page.evaluate(() => (window as any).__term.cols)
  await run(page, 'touch f{01..40}.yaml')
  await run(page, 'ls')
  await expect.poll(() => termText(page)).toContain('f40.yaml')
  const first = (await termText(page)).split('\n').find((l) => l.startsWith('f01.yaml'))!
  // GNU ls fills the width: one more 10-column name would not fit.
  expect(first.length).toBeLessThanOrEqual(cols)
  expect(first.length + 10).toBeGreaterThan(cols)
  await shot(page, 'narrow')
})

test('Ctrl-L clears the screen and keeps the line; screen-reader mode is on', async ({ page }) => {
  await run(page, 'echo hello')
  await page.keyboard.type('kubectl get')
  await page.keyboard.press('Control+L')
  await expect.poll(() => cursorLine(page)).toBe(PROMPT + 'kubectl get')
  expect(await page.evaluate(() => (window as any).__term.buffer.active.cursorY)).toBe(0)
  await expect(page.locator('.xterm-accessibility')).toHaveCount(1)
})

test('pastes with Ctrl+V and copies what is selected', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate(() => navigator.clipboard.writeText('echo pasted-text'))
  await page.keyboard.press('Control+V')
  await expect.poll(() => cursorLine(page)).toBe(PROMPT + 'echo pasted-text')
  await page.keyboard.press('Enter')
  await promptBack(page)
  // Select the output row with the mouse: it lands on the clipboard.
  const box = (await page.locator('.xterm-screen').boundingBox())!
  const rowHeight = box.height / (await page.evaluate(() => (window as any).__term.rows))
  await page.mouse.dblclick(box.x + 20, box.y + rowHeight * 1.5)
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('pasted-text')
})

test('a shell in a container: its prompt, Ctrl-C there, Ctrl-D back to the host', async ({ page }) => {
  await page.evaluate(() => (window as any).__ordinal.store.getState().workspace.setSpeed(10))
  await run(page, 'kubectl run box -it --image=busybox --restart=Never -- sh')
  await expect.poll(() => cursorLine(page), { timeout: 20_000 }).toBe('/ #')
  await run(page, 'hostname')
  await expect.poll(() => termText(page)).toContain('/ # hostname\nbox\n/ #')
  await page.keyboard.type('sleep 1000')
  await page.keyboard.press('Control+C')
  await expect.poll(() => termText(page)).toContain('/ # sleep 1000^C\n/ #')
  await shot(page, 'container-shell')
  await page.keyboard.press('Control+D')
  await promptBack(page)
})

test('Ctrl-C stops kubectl rollout status', async ({ page }) => {
  await run(page, 'kubectl create deployment web --image=nginx --replicas=2')
  await run(page, 'kubectl rollout status deployment/web')
  await expect.poll(() => termText(page)).toContain('Waiting for deployment "web" rollout to finish')
  await page.keyboard.press('Control+C')
  await expect.poll(() => termText(page)).toMatch(/\^C\nroot@k8s-master:~#$/)
})

test("a line from the editor's Apply takes the prompt's place, and what was typed comes back", async ({ page }) => {
  await page.keyboard.type('kubectl get')
  await page.evaluate(() => (window as any).__ordinal.store.getState().workspace.terminals()[0].run('kubectl get nodes'))
  await expect.poll(() => termText(page)).toBe(
    [
      PROMPT + 'kubectl get nodes',
      'NAME         STATUS   ROLES           AGE   VERSION',
      'k8s-master   Ready    control-plane   12d   v1.33.1',
      'k8s-node1    Ready    <none>          12d   v1.33.1',
      'k8s-node2    Ready    <none>          12d   v1.33.1',
      PROMPT + 'kubectl get',
    ].join('\n'),
  )
  await page.keyboard.type(' pods')
  await page.keyboard.press('Enter')
  await expect.poll(() => termText(page)).toContain(PROMPT + 'kubectl get pods\nNo resources found in default namespace.')
})
