// Helpers for the app's end-to-end tests: wait for the terminal, type into it and read it back
// (xterm's buffer through window.__term), and read the store (window.__ordinal).

import { expect, type Page } from '@playwright/test'

export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__ordinalReady !== undefined, null, { timeout: 20_000 })
}

export async function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const b = window.__term?.buffer.active
    if (!b) return ''
    const out: string[] = []
    for (let i = 0; i < b.length; i++) out.push(b.getLine(i)?.translateToString(true) ?? '')
    return out.join('\n').trimEnd()
  })
}

export async function typeInTerminal(page: Page, line: string): Promise<void> {
  await page.getByTestId('terminal').click()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
}

/** Runs a line in the terminal through the store (what the editor's Apply does) and waits for it. */
export async function run(page: Page, line: string): Promise<number> {
  return page.evaluate((l) => window.__ordinal!.actions.runInTerminal(l), line)
}

export async function clock(page: Page): Promise<number> {
  return page.evaluate(() => window.__ordinal!.store.getState().workspace.sim.now())
}

export async function names(page: Page, kind: 'Namespace' | 'Pod' | 'Deployment'): Promise<string[]> {
  return page.evaluate((k) => window.__ordinal!.store.getState().snapshot.objects[k].map((o) => o.metadata.name ?? ''), kind)
}

/** Saves the session now (the app also saves after changes and on pagehide). */
export async function save(page: Page): Promise<void> {
  await page.evaluate(() => window.__ordinal!.store.getState().workspace.save())
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` })
}

export async function expectFourPanes(page: Page): Promise<void> {
  for (const id of ['instructions', 'editor', 'terminal', 'cluster']) await expect(page.getByTestId(`pane-${id}`)).toBeAttached()
}
