// ls on a terminal lays names out in columns. Expected screens were captured from GNU ls 9.1 run
// under script(1) with `stty cols N` (tabs included: ls pads with tabs every 8 columns).

import { describe, expect, it } from 'vitest'
import { runScript, testShell } from '../test-shell'

const GREEK = 'alpha beta gamma delta-long-name-here epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'

async function lsOnTerminal(setup: string, columns: number): Promise<string> {
  const shell = testShell({ tty: true, columns })
  await runScript(setup, shell)
  return (await runScript('ls', shell)).output
}

describe('ls on a terminal', () => {
  it('fills columns down then across in 80 columns', async () => {
    expect(await lsOnTerminal(`touch ${GREEK}; mkdir dir1`, 80)).toBe(
      'alpha  delta-long-name-here  eta    kappa   nu\t     phi  rho\t theta\t  zeta\nbeta   dir1\t\t     gamma  lambda  omega    pi   sigma  upsilon\nchi    epsilon\t\t     iota   mu\t    omicron  psi  tau\t xi\n',
    )
  })

  it('uses fewer columns on a narrow terminal', async () => {
    expect(await lsOnTerminal(`touch ${GREEK}; mkdir dir1`, 40)).toBe(
      'alpha\t\t      kappa    rho\nbeta\t\t      lambda   sigma\nchi\t\t      mu       tau\ndelta-long-name-here  nu       theta\ndir1\t\t      omega    upsilon\nepsilon\t\t      omicron  xi\neta\t\t      phi      zeta\ngamma\t\t      pi\niota\t\t      psi\n',
    )
  })

  it('quotes names with spaces and lines the others up', async () => {
    expect(await lsOnTerminal("touch web.yaml 'my file' pods.txt", 80)).toBe("'my file'   pods.txt   web.yaml\n")
  })

  it('prints one name per line into a pipe', async () => {
    const shell = testShell({ tty: true })
    expect((await runScript("touch b a 'c d'; ls | cat", shell)).output).toBe('a\nb\nc d\n')
  })
})

describe('ls -l', () => {
  it('shows modes, sizes, the virtual clock date and a total', async () => {
    const r = await runScript("printf 'hello\\n' > a.yaml; touch big empty; mkdir d; mkdir d/x; ls -l")
    // The layout of GNU ls -l: `total` in 1K blocks, right-aligned links and sizes, `Mar  3 09:00`.
    expect(r.output).toBe(
      [
        'total 8',
        '-rw-r--r-- 1 root root    6 Mar  3 09:00 a.yaml',
        '-rw-r--r-- 1 root root    0 Mar  3 09:00 big',
        'drwxr-xr-x 3 root root 4096 Mar  3 09:00 d',
        '-rw-r--r-- 1 root root    0 Mar  3 09:00 empty',
        '',
      ].join('\n'),
    )
  })
})
