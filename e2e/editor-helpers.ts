// Helpers for the editor's end-to-end tests: reach Monaco (window.__editor / __monaco, set by
// web/editor/MonacoEditor.tsx) and the terminal.

import { expect, type Page } from '@playwright/test'

/**
 * The page under test: e2e/pages/playwright.config.ts sets the editor test page; undefined under the
 * app's config until the app's layout has the editor pane (the tests skip).
 */
export const EDITOR_PAGE = process.env.EDITOR_PAGE

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

/** Runs a line (or a heredoc) in the terminal as if typed, then Enter. */
export async function typeInTerminal(page: Page, line: string): Promise<void> {
  const input = page.getByTestId('terminal-input')
  await input.fill(line)
  await input.press('Enter')
}

export async function terminalText(page: Page): Promise<string> {
  return (await page.getByTestId('terminal-output').textContent()) ?? ''
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
