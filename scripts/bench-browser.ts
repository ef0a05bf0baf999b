// Runs the simulator benchmark in Chromium, the browser the lab runs in: scripts/bench-browser/entry.ts
// is built for the browser as the app is (vite, minified) and run on a blank page's main thread.
// Chromium's V8 is years newer than node 20's, so its figures are the ones a student's page sees.

import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build, type Rolldown } from 'vite'
import { chromium } from '@playwright/test'
import type { BrowserFigures } from './bench-browser/entry'

const ROOT = resolve(import.meta.dirname, '..')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      write: false,
      lib: { entry: join(ROOT, 'scripts/bench-browser/entry.ts'), formats: ['iife'], name: 'OrdinalBench', fileName: 'bench' },
    },
  })
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[]
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk')
  if (!chunk || chunk.type !== 'chunk') throw new Error('bench-browser: the build made no script')
  return chunk.code
}

/** The figures, or why there are none (no Chromium on this machine). */
export async function benchInChromium(): Promise<{ version: string; figures: BrowserFigures } | string> {
  if (!existsSync(CHROMIUM)) return `skipped: ${CHROMIUM} not found (apt-get install -y chromium)`
  const code = await bundle()
  // gc exposed so the heap figure is taken after collections, as node's is; precise memory info so
  // usedJSHeapSize is not rounded to protect pages from each other.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--js-flags=--expose-gc', '--enable-precise-memory-info'] })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><title>Ordinal bench</title>')
    await page.addScriptTag({ content: code })
    const figures = await page.evaluate(() => (globalThis as unknown as { ordinalBench: () => BrowserFigures }).ordinalBench())
    return { version: browser.version(), figures }
  } finally {
    await browser.close()
  }
}
