// The builtin tables of the two shells: bash on the host, busybox ash in containers.

import { alias, complete, unalias } from './alias'
import { cd, pwd } from './cd'
import { breakCmd, colon, continueCmd, exit, falseCmd, local, returnCmd, trueCmd } from './control'
import { echo } from './echo'
import { help } from './help'
import { history, type, which } from './info'
import { bash, dot, read, sh, source } from './input'
import { jobs, kill, wait } from './jobs'
import { printf } from './printf'
import { bracket, test } from './test'
import type { Builtin } from './types'
import { watch } from './watch'
import { xargs } from './xargs'
import { exportCmd, set, unset } from './vars'

const COMMON: Builtin[] = [cd, pwd, exit, returnCmd, local, trueCmd, falseCmd, colon, breakCmd, continueCmd, echo, printf, exportCmd, unset, set, read, source, dot, test, bracket, type, jobs, kill, wait, history, sh]

function table(list: Builtin[]): ReadonlyMap<string, Builtin> {
  return new Map(list.map((b) => [b.name, b]))
}

export function bashBuiltins(): ReadonlyMap<string, Builtin> {
  return table([...COMMON, help, which, bash, watch, xargs, alias, unalias, complete])
}

export function ashBuiltins(): ReadonlyMap<string, Builtin> {
  return table([...COMMON, alias, unalias])
}
