// Properties over arbitrary input: the shell answers every line with an exit status and never
// throws, whatever the bytes; quoting round-trips; 100 KB lines and NUL bytes behave as in bash.

import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Parser } from './parser'
import { runScript, testShell } from './test-shell'
import { NEVER } from './cancel'
import { headlessTime } from './headless-time'
import { decodeBytes, encodeText } from './bytes'

/** Shell-safe single quoting, as a person would type the word. */
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

describe('any input', () => {
  it('gets an exit status and never an exception', async () => {
    const shell = testShell({ strict: false })
    const time = headlessTime(shell.state.env.sim)
    const alphabet = fc.constantFrom(...'ab $"\'`\\|&;<>(){}[]*?~#=!\n\t-0123456789'.split(''), 'echo ', 'cat ', 'for ', 'do ', 'done', 'if ', 'fi', '$(', '${', '<<EOF\n', 'EOF', 'sleep 0', 'x\0y', '\udcff', '\x1b')
    await fc.assert(
      fc.asyncProperty(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), async (line) => {
        if (shell.ended) return
        const status = await shell.execute(line, { stdout: () => {}, stderr: () => {}, cancel: NEVER, time })
        expect(Number.isInteger(status) && status >= 0 && status <= 255).toBe(true)
      }),
      { numRuns: 300, seed: 42 },
    )
  })

  it('tells complete lines from incomplete ones without throwing', () => {
    const shell = testShell()
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (line) => {
        expect(typeof shell.needsMore(line)).toBe('boolean')
      }),
      { numRuns: 1000, seed: 7 },
    )
  })
})

describe('quoting', () => {
  it('single-quoted words come back as they were', async () => {
    const shell = testShell()
    const time = headlessTime(shell.state.env.sim)
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('\0')), { minLength: 1, maxLength: 4 }), async (words) => {
        let out = ''
        await shell.execute(`printf '%s\\n' ${words.map(quote).join(' ')}`, { stdout: (t) => (out += t), stderr: (t) => (out += t), cancel: NEVER, time })
        expect(out).toBe(words.map((w) => w + '\n').join(''))
      }),
      { numRuns: 200, seed: 3 },
    )
  })

  it('the parser keeps each quoted word as one word', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 5 }), (words) => {
        const r = Parser.line('echo ' + words.map(quote).join(' '))
        expect(r.kind === 'ok' && r.list.items[0].andOr.first.commands[0]).toMatchObject({ type: 'simple', words: words.map(() => ({})).concat([{}]) })
      }),
      { numRuns: 300, seed: 11 },
    )
  })
})

describe('odd input', () => {
  it('runs a 100 KB line', async () => {
    const word = 'a'.repeat(100_000)
    const r = await runScript(`echo ${word} | wc -c`)
    expect(r.output).toBe('100001\n')
  })

  it('answers a 100 KB unknown command like bash', async () => {
    const name = 'x'.repeat(100_000)
    const r = await runScript(name)
    expect([r.status, r.output]).toEqual([127, `bash: ${name}: command not found\n`])
  })

  it('drops NUL bytes from the input as bash does', async () => {
    // printf 'echo a\0b\nfo\0o\n' | bash -i  →  ab / bash: foo: command not found
    const r = await runScript('echo a\0b\nfo\0o')
    expect(r.output).toBe('ab\nbash: foo: command not found\n')
  })

  it('quotes unprintable command names as bash does', async () => {
    // printf '\xff\xfe\n' | bash -i  →  bash: $'\377\376': command not found
    const r = await runScript(decodeBytes(Uint8Array.from([0xff, 0xfe])))
    expect(r.output).toBe("bash: $'\\377\\376': command not found\n")
  })

  it('keeps bytes that are not UTF-8 through echo', async () => {
    const r = await runScript(decodeBytes(Uint8Array.from([...new TextEncoder().encode('echo '), 0xff, 0x41])))
    expect([...encodeText(r.output)]).toEqual([0xff, 0x41, 0x0a])
  })

  it('reports an unterminated quote at the end like an interactive bash', async () => {
    const r = await runScript('echo "abc')
    expect([r.status, r.output]).toEqual([2, "bash: unexpected EOF while looking for matching `\"'\n"])
  })
})
