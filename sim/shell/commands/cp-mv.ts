// cp and mv (GNU coreutils 9): SOURCE DEST, or SOURCE... DIRECTORY; cp needs -r for directories.

import { basename, normalizePath, type MemFs } from '../../storage/memfs'
import type { Command, CommandContext } from '../types'
import { quoteName, setMode, writeKeepingMode } from './files'
import { getopt, usageError } from './getopt'

/** Copies a file or a directory tree from one path to another. */
function copyTree(fs: MemFs, from: string, to: string, now: number): void {
  for (const [path, entry] of fs.walk(from)) {
    const dest = to + path.slice(from.length)
    if (entry.type === 'dir') fs.mkdir(dest, now, { parents: true })
    else {
      writeKeepingMode(fs, dest, entry.content, now)
      if (entry.mode !== undefined) setMode(fs, dest, entry.mode)
    }
  }
}

function transfer(ctx: CommandContext, tool: 'cp' | 'mv'): number {
  const p = getopt(ctx, tool, { flags: tool === 'cp' ? 'rRafipvnT' : 'fivnT', long: { recursive: { key: 'r' }, force: { key: 'f' }, verbose: { key: 'v' }, 'no-clobber': { key: 'n' } } })
  if (typeof p === 'number') return p
  const recursive = p.flags.has('r') || p.flags.has('R') || p.flags.has('a')
  const args = p.args
  if (!args.length) return usageError(ctx, tool, 'missing file operand', 1)
  if (args.length === 1) return usageError(ctx, tool, `missing destination file operand after ${quoteName(args[0])}`, 1)
  const fs = ctx.fs
  const now = ctx.sim.now()
  const destName = args[args.length - 1]
  const dest = normalizePath(destName, ctx.cwd)
  const destIsDir = fs.isDir(dest)
  const sources = args.slice(0, -1)
  if (sources.length > 1 && !destIsDir) {
    ctx.stderr(`${tool}: target ${quoteName(destName)}${fs.exists(dest) ? ' is not a directory' : ': No such file or directory'}\n`)
    return 1
  }
  let status = 0
  const fail = (msg: string) => {
    ctx.stderr(`${tool}: ${msg}\n`)
    status = 1
  }
  for (const name of sources) {
    const src = normalizePath(name, ctx.cwd)
    const entry = fs.stat(src)
    if (!entry) {
      fail(`cannot stat ${quoteName(name)}: No such file or directory`)
      continue
    }
    const target = destIsDir ? normalizePath(basename(src), dest) : dest
    const targetName = destIsDir ? `${destName.replace(/\/+$/, '')}/${basename(src)}` : destName
    if (target === src) {
      fail(tool === 'cp' ? `${quoteName(name)} and ${quoteName(targetName)} are the same file` : `${quoteName(name)} and ${quoteName(targetName)} are the same file`)
      continue
    }
    if (entry.type === 'dir') {
      if (tool === 'cp' && !recursive) {
        fail(`-r not specified; omitting directory ${quoteName(name)}`)
        continue
      }
      if (target.startsWith(src + '/')) {
        fail(tool === 'cp' ? `cannot copy a directory, ${quoteName(name)}, into itself, ${quoteName(targetName)}` : `cannot move ${quoteName(name)} to a subdirectory of itself, ${quoteName(targetName)}`)
        continue
      }
      const existing = fs.stat(target)
      if (existing && existing.type !== 'dir') {
        fail(`cannot overwrite non-directory ${quoteName(targetName)} with directory ${quoteName(name)}`)
        continue
      }
    } else if (fs.isDir(target)) {
      fail(`cannot overwrite directory ${quoteName(targetName)} with non-directory`)
      continue
    }
    if (!fs.isDir(normalizePath('..', target))) {
      fail(`cannot ${tool === 'cp' ? 'create regular file' : 'move'} ${tool === 'cp' ? quoteName(targetName) : `${quoteName(name)} to ${quoteName(targetName)}`}: No such file or directory`)
      continue
    }
    if (p.flags.has('n') && fs.exists(target)) continue
    copyTree(fs, src, target, now)
    if (tool === 'mv') fs.remove(src, { recursive: true })
    if (p.flags.has('v')) ctx.stdout(`${tool === 'mv' ? 'renamed ' : ''}${quoteName(name)} -> ${quoteName(targetName)}\n`)
  }
  return status
}

export const cp: Command = { name: 'cp', run: (ctx) => transfer(ctx, 'cp') }
export const mv: Command = { name: 'mv', run: (ctx) => transfer(ctx, 'mv') }
