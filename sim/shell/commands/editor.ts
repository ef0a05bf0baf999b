// vi, vim and nano open a file in the app's editor (ctx.editor). Saving writes the file; closing
// without saving leaves it as it was. Without an editor (the headless runner, a pipe) they say so
// and fail, instead of pretending to be a terminal editor.

import { dirname, normalizePath } from '../../storage/memfs'
import type { Command, CommandContext } from '../types'
import { writeKeepingMode } from './files'

async function edit(ctx: CommandContext, tool: string): Promise<number> {
  const files = ctx.argv.slice(1).filter((a) => !a.startsWith('-') && !a.startsWith('+'))
  if (!ctx.editor) {
    ctx.stderr(`${tool}: the editor is not available here (no screen); write files with cat <<EOF > FILE ... EOF instead\n`)
    return 1
  }
  const name = files[0]
  if (name === undefined) {
    ctx.stderr(`${tool}: give the file to edit: ${tool} FILE\n`)
    return 1
  }
  const path = normalizePath(name, ctx.cwd)
  const entry = ctx.fs.stat(path)
  if (entry?.type === 'dir') {
    ctx.stderr(`${tool}: ${name}: Is a directory\n`)
    return 1
  }
  if (!ctx.fs.isDir(dirname(path))) {
    ctx.stderr(`${tool}: ${name}: No such file or directory\n`)
    return 1
  }
  const saved = await ctx.editor.edit(path, entry?.type === 'file' ? entry.content : '')
  if (saved !== undefined) writeKeepingMode(ctx.fs, path, saved, ctx.sim.now())
  return 0
}

export const vi: Command = { name: 'vi', run: (ctx) => edit(ctx, 'vi') }
export const vim: Command = { name: 'vim', run: (ctx) => edit(ctx, 'vim') }
export const nano: Command = { name: 'nano', run: (ctx) => edit(ctx, 'nano') }
