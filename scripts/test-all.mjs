// Runs every test the project has and ends with one plain line: "N passed, N failed".
// Stages: lint, typecheck, unit/scenario tests (vitest), browser tests (Playwright + Debian Chromium).
// Each stage's own output is shown; the counts come from the runners' JSON reports.
import { spawnSync, execSync } from 'node:child_process'
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs'

const only = process.argv.slice(2)
const want = (stage) => only.length === 0 || only.includes(stage)
let passed = 0
let failed = 0
const failures = []

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts })
  return r.status ?? 1
}

function check(name, code) {
  if (code === 0) passed++
  else {
    failed++
    failures.push(name)
  }
}

mkdirSync('test-results', { recursive: true })

if (want('lint')) check('lint', run('npx', ['eslint', '.']))
if (want('typecheck')) check('typecheck', run('npx', ['tsc', '--noEmit', '-p', '.']))

if (want('unit')) {
  const out = 'test-results/vitest.json'
  rmSync(out, { force: true })
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`])
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'))
    passed += r.numPassedTests ?? 0
    failed += r.numFailedTests ?? 0
    for (const f of r.testResults ?? []) {
      for (const a of f.assertionResults ?? []) if (a.status === 'failed') failures.push(`${f.name}: ${a.fullName}`)
      if (f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')) {
        failures.push(`${f.name}: ${f.message?.split('\n')[0] ?? 'suite failed'}`)
        failed++
      }
    }
  } else check('vitest (no report)', code || 1)
}

if (want('e2e')) {
  let chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromium)) {
    console.log('Chromium is missing: installing Debian\'s chromium package...')
    try {
      execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' })
    } catch {
      console.log('Could not install chromium with apt-get.')
    }
  }
  if (!existsSync(chromium)) {
    check('e2e (chromium unavailable)', 1)
  } else {
    const built = run('npx', ['vite', 'build', '--logLevel', 'warn'])
    if (built !== 0) check('vite build', built)
    else {
      const out = 'test-results/playwright.json'
      rmSync(out, { force: true })
      const code = run('npx', ['playwright', 'test'], { env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: out, CI: '1' } })
      if (existsSync(out)) {
        const r = JSON.parse(readFileSync(out, 'utf8'))
        const s = r.stats ?? {}
        passed += (s.expected ?? 0) + (s.flaky ?? 0)
        failed += (s.unexpected ?? 0)
        const walk = (suite) => {
          for (const sp of suite.specs ?? []) if (!sp.ok) failures.push(`e2e: ${sp.title}`)
          for (const c of suite.suites ?? []) walk(c)
        }
        for (const s2 of r.suites ?? []) walk(s2)
        if ((r.errors ?? []).length) {
          failed++
          failures.push(`e2e: ${r.errors[0].message?.split('\n')[0]}`)
        }
      } else check('playwright (no report)', code || 1)
    }
  }
}

if (failures.length) {
  console.log('\nFailed:')
  for (const f of failures) console.log(`  - ${f}`)
}
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
