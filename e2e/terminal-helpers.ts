// Helpers for the terminal's end-to-end tests: read xterm's buffer (window.__term is the terminal in
// front, set by web/terminal/TerminalView.tsx) and type as a person does.

import { readFileSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'

/** The page under test: the app, or the terminal test page (e2e/pages/terminal.playwright.config.ts). */
export const TERMINAL_PAGE = process.env.TERMINAL_PAGE ?? '/'

/** Whether that page has the terminal: the test page does; the app once App.tsx mounts TerminalPane. */
export const TERMINAL_READY = TERMINAL_PAGE !== '/' || readFileSync(new URL('../web/App.tsx', import.meta.url), 'utf8').includes('terminal/TerminalPane')

export const PROMPT = 'root@k8s-master:~# '

/** Everything in the front terminal's buffer (scrollback included), rows joined by newlines. */
export async function termText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const b = (window as any).__term.buffer.active
    const out: string[] = []
    for (let i = 0; i < b.length; i++) {
      const line = b.getLine(i)
      // A wrapped row continues the one before it.
      if (line?.isWrapped && out.length) out[out.length - 1] += line.translateToString(true)
      else out.push(line?.translateToString(true) ?? '')
    }
    return out.join('\n').trimEnd()
  })
}

/** The row the cursor is on, as shown (trailing blanks dropped). */
export async function cursorLine(page: Page): Promise<string> {
  return page.evaluate(() => {
    const b = (window as any).__term.buffer.active
    return (b.getLine(b.baseY + b.cursorY)?.translateToString(true) ?? '').trimEnd()
  })
}

export async function ready(page: Page): Promise<void> {
  await page.goto(TERMINAL_PAGE)
  await expect(page.getByTestId('terminal')).toBeVisible()
  await page.waitForFunction(() => (window as any).__term !== undefined && (window as any).__ordinalReady !== undefined)
  // The terminal takes typing before the simulator has loaded; Tab completion and the other features
  // these tests look at need the shell itself, so wait for it too.
  await page.waitForFunction(() => (window as any).__ordinal?.store.getState().booting === false)
  await expect.poll(() => cursorLine(page)).toBe(PROMPT.trimEnd())
  await page.getByTestId('terminal').click()
}

/** Types a line and presses Enter. */
export async function run(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
}

/** Waits until the prompt is back (the line finished). */
export async function promptBack(page: Page): Promise<void> {
  await expect.poll(() => cursorLine(page)).toBe(PROMPT.trimEnd())
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/terminal/${name}.png` })
}

export const STS = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 1
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
`
