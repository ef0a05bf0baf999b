// The programs of the host machine, in one explicit list.

import type { Command } from '../types'
import { cat } from './cat'
import { cp, mv } from './cp-mv'
import { chmod, mkdir, rm, rmdir, touch } from './fs-ops'
import { kubectlStub } from './kubectl-stub'
import { ls } from './ls'

export function hostPrograms(): Command[] {
  return [cat, ls, mkdir, rmdir, rm, touch, chmod, cp, mv, kubectlStub]
}
