// Installs what the project needs when it is missing: npm packages (npm ci when node_modules is
// absent or older than package-lock.json). Chromium for the browser tests is checked by test-all.
import { existsSync, statSync } from 'node:fs'
import { execSync } from 'node:child_process'

const lock = 'package-lock.json'
const marker = 'node_modules/.package-lock.json'
const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000)
if (stale) {
  console.log('Installing npm dependencies (npm ci)...')
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' })
}
