// The programs of the host machine, in one explicit list.

import type { Command } from '../types'
import { awk } from './awk'
import { cat, less, more } from './cat'
import { cp, mv } from './cp-mv'
import { hostCurl as curl } from '../../net/host-curl'
import { cut } from './cut'
import { nano, vi, vim } from './editor'
import { chmod, mkdir, rm, rmdir, touch } from './fs-ops'
import { grep } from './grep'
import { head, tail } from './head-tail'
import { kubectlStub } from './kubectl-stub'
import { ls } from './ls'
import { nodeCable } from './node-cable'
import { sed } from './sed'
import { sleep } from './sleep'
import { sort, uniq } from './sort-uniq'
import { clear, date, env, hostCommand, printenv, unameCommand } from './system'
import { base64, seq, tee, tr } from './text-misc'
import { wc } from './wc'

export function hostPrograms(hostname = 'k8s-master'): Command[] {
  return [
    cat, ls, mkdir, rmdir, rm, touch, chmod, cp, mv,
    grep, head, tail, wc, sort, uniq, cut, awk, sed, tr, tee, seq, base64,
    env, printenv, date, hostCommand(hostname), unameCommand(hostname), clear, sleep,
    vi, vim, nano, curl, less, more,
    kubectlStub, nodeCable,
  ]
}
