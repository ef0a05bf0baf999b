// The headless runner end to end: the real CLI (`tsx scripts/sim-runner.ts`) on small scripts.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx')

function sim(script: string | Uint8Array, ...args: string[]): { stdout: Buffer; stderr: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'sim-runner-'))
  const file = join(dir, 'script.sh')
  writeFileSync(file, script)
  const r = spawnSync(TSX, ['scripts/sim-runner.ts', ...args, file], { encoding: 'buffer', timeout: 60_000 })
  return { stdout: r.stdout, stderr: r.stderr.toString(), status: r.status }
}

const text = (script: string, ...args: string[]) => sim(script, ...args).stdout.toString()

describe('npm run sim', { timeout: 30_000 }, () => {
  it('prints each command after `$ ` and then its output, skipping blank lines and comments', () => {
    expect(text('# setup\necho hello\n\nnosuch\necho $?\n')).toBe('$ echo hello\nhello\n$ nosuch\nbash: nosuch: command not found\n$ echo $?\n127\n')
  })

  it('runs a heredoc as one command and shows its first line', () => {
    const out = text('cat <<EOF > web.yaml\napiVersion: v1\nkind: Pod\nEOF\ncat web.yaml | grep -c :\n')
    expect(out).toBe('$ cat <<EOF > web.yaml\n$ cat web.yaml | grep -c :\n2\n')
  })

  it('joins lines ending in a backslash and runs loops and pipes', () => {
    const out = text('for i in 0 1 2; do echo web-$i; done | tail -2\necho a \\\n  b\n')
    expect(out).toBe('$ for i in 0 1 2; do echo web-$i; done | tail -2\nweb-1\nweb-2\n$ echo a \\\na b\n')
  })

  it('lets time pass only when a command makes it pass', () => {
    expect(text('date\ndate\nsleep 90\ndate\n')).toBe(
      '$ date\nMon Mar  3 09:00:00 UTC 2025\n$ date\nMon Mar  3 09:00:00 UTC 2025\n$ sleep 90\n$ date\nMon Mar  3 09:01:30 UTC 2025\n',
    )
  })

  it('shows a cluster that has not had time to react until time passes', () => {
    const manifest = [
      'cat <<EOF | kubectl apply -f -',
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata: {name: web}',
      'spec:',
      '  serviceName: nginx',
      '  replicas: 2',
      '  selector: {matchLabels: {app: nginx}}',
      '  template:',
      '    metadata: {labels: {app: nginx}}',
      '    spec: {containers: [{name: nginx, image: registry.k8s.io/nginx-slim:0.21}]}',
      'EOF',
    ].join('\n')
    const out = text(`${manifest}\nkubectl get pods | grep -c Running\nsleep 120\nkubectl get pods | grep -c Running\n`)
    expect(out.split('\n').filter((l) => /^\d+$/.test(l))).toEqual(['0', '2'])
  })

  it('reports an unterminated quote at the end of the file as bash does, and still exits 0', () => {
    const r = sim('echo ok\necho "unterminated\n')
    expect([r.stdout.toString(), r.status]).toEqual(['$ echo ok\nok\n$ echo "unterminated\nbash: unexpected EOF while looking for matching `"\'\n', 0])
  })

  it('prints bytes that are not UTF-8 back as bash does', () => {
    const r = sim(Uint8Array.from([0xff, 0xfe, 0x0a]))
    expect(r.stdout).toEqual(Buffer.concat([Buffer.from('$ '), Buffer.from([0xff, 0xfe]), Buffer.from("\nbash: $'\\377\\376': command not found\n")]))
  })

  it('stops reading the script after exit', () => {
    expect(text('echo one\nexit 3\necho never\n')).toBe('$ echo one\none\n$ exit 3\nexit\n')
  })

  it('reads the script from stdin with -', () => {
    const r = spawnSync(TSX, ['scripts/sim-runner.ts', '-'], { input: 'echo from stdin\n', encoding: 'utf8', timeout: 60_000 })
    expect([r.stdout, r.status]).toEqual(['$ echo from stdin\nfrom stdin\n', 0])
  })

  it('dumps the final cluster as YAML documents with --yaml', () => {
    const out = text('echo hi\n', '--yaml', '--seed', '3', '--settle')
    expect(out.startsWith('$ echo hi\nhi\n---\napiVersion: ')).toBe(true)
    const docs = parseAllDocuments(out.slice(out.indexOf('---'))).map((d) => d.toJS() as { kind: string; metadata: { name: string } })
    expect(docs.filter((d) => d.kind === 'Node').map((d) => d.metadata.name)).toEqual(['k8s-master', 'k8s-node1', 'k8s-node2'])
  })

  it('fails itself, with exit 2, on bad options or a missing file', () => {
    const bad = spawnSync(TSX, ['scripts/sim-runner.ts', '--nope', 'x'], { encoding: 'utf8', timeout: 60_000 })
    const missing = spawnSync(TSX, ['scripts/sim-runner.ts', '/nonexistent/script.sh'], { encoding: 'utf8', timeout: 60_000 })
    expect([bad.status, bad.stderr.split('\n')[0], missing.status]).toEqual([2, 'sim: unknown option --nope', 2])
  })
})
