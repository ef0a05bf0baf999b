// Helpers for the editor's end-to-end tests: reach Monaco (window.__editor / __monaco, set by
// web/editor/MonacoEditor.tsx) and the terminal.

import { expect, type Page } from '@playwright/test'

/** The page under test: the app. */
export const EDITOR_PAGE = process.env.EDITOR_PAGE ?? '/'

const PROMPT = 'root@k8s-master:~#'

export const STS = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
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

export interface Marker {
  owner: string
  message: string
  startLineNumber: number
  severity: number
}

export async function monacoReady(page: Page): Promise<void> {
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 })
  await page.waitForFunction(() => (window as any).__editor !== undefined)
}

export async function setText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => (window as any).__editor.setValue(t), text)
}

export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => (window as any).__editor.getValue() as string)
}

export async function markers(page: Page, owner?: string): Promise<Marker[]> {
  return page.evaluate((o) => {
    const m = (window as any).__monaco
    const uri = (window as any).__editor.getModel().uri
    return m.editor.getModelMarkers(o ? { owner: o, resource: uri } : { resource: uri }).map((x: any) => ({ owner: x.owner, message: x.message, startLineNumber: x.startLineNumber, severity: x.severity }))
  }, owner)
}

/** Opens the app and waits for the terminal's first prompt. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(EDITOR_PAGE + query)
  await page.waitForFunction(() => (window as any).__term !== undefined && (window as any).__ordinalReady !== undefined, null, { timeout: 20_000 })
  await expect.poll(() => cursorLine(page)).toBe(PROMPT)
}

/** The row xterm's cursor is on. */
async function cursorLine(page: Page): Promise<string> {
  return page.evaluate(() => {
    const b = (window as any).__term.buffer.active
    return (b.getLine(b.baseY + b.cursorY)?.translateToString(true) ?? '').trimEnd()
  })
}

/** Types a line (or a heredoc: every newline is an Enter) into the terminal, then Enter. */
export async function typeInTerminal(page: Page, line: string): Promise<void> {
  await page.getByTestId('terminal').click()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
}

/** Types a line into the terminal and waits until it has finished (the prompt is back). */
export async function runInTerminal(page: Page, line: string): Promise<void> {
  await typeInTerminal(page, line)
  await promptBack(page)
}

/** Waits until the terminal shows its prompt again (the last line finished). */
export async function promptBack(page: Page): Promise<void> {
  await expect.poll(() => cursorLine(page)).toBe(PROMPT)
}

/** The front terminal's buffer, scrollback included, wrapped rows joined to their line. */
export async function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const b = (window as any).__term.buffer.active
    const out: string[] = []
    for (let i = 0; i < b.length; i++) {
      const line = b.getLine(i)
      if (line?.isWrapped && out.length) out[out.length - 1] += line.translateToString(true)
      else out.push(line?.translateToString(true) ?? '')
    }
    return out.join('\n').trimEnd()
  })
}

export async function openTab(page: Page, label: string): Promise<void> {
  await page.locator('.ord-editor-tab', { hasText: new RegExp(`^${label.replace(/\./g, '\\.')}●?$`) }).click()
}

/** Creates a file through the editor's + button. */
export async function newFile(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New file' }).click()
  const input = page.getByRole('textbox', { name: 'New file' })
  await input.fill(name)
  await input.press('Enter')
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/editor/${name}.png` })
}
