// Launching the editor for `kubectl edit` (kubectl pkg/cmd/util/editor/editor.go): the command comes
// from $KUBE_EDITOR, else $EDITOR, else `vi`, and gets the temporary file's path as its last argument.
// What can run here:
//   - vi, vim, nano (or any editor name) open the file in the app's YAML editor (ctx.editor); closing
//     without saving leaves the file as it was.
//   - `cp SOURCE` copies SOURCE over the temporary file: the scripted way to edit, and it behaves the
//     same with the real kubectl (`KUBE_EDITOR="cp /root/web-edited.yaml" kubectl edit sts web`).
//   - `true` / `:` save without a change; `false` fails.
// Anything else — and any editor when there is no screen (the headless runner, tests) — cannot be
// launched: `error: unable to launch the editor "vi"`, as kubectl says when the program is missing.

import { normalizePath } from '../../storage/memfs'
import type { Invocation } from '../command'
import { KubectlError } from '../errors'

const SCREEN_EDITORS = new Set(['vi', 'vim', 'nvim', 'nano', 'emacs', 'code', 'gedit', 'pico', 'ed', 'editor'])

/** defaultEnvEditor: the words of the editor command as kubectl would run them. */
function editorWords(inv: Invocation): string[] {
  const env = inv.ctx.env
  const editor = env.get('KUBE_EDITOR') || env.get('EDITOR') || 'vi'
  return editor.split(' ').filter((w) => w !== '')
}

/** Runs the editor on `path` (which holds `content`); returns the file's content afterwards. */
export async function launchEditor(inv: Invocation, path: string, content: string): Promise<string> {
  const words = editorWords(inv)
  const display = words.join(' ')
  const fs = inv.ctx.fs
  fs.writeFile(path, content, inv.now())
  const program = (words[0] ?? '').split('/').pop() ?? ''
  if (program === 'cp' && words.length >= 2) {
    const source = normalizePath(words[words.length - 1], inv.ctx.cwd)
    if (!fs.exists(source) || fs.isDir(source)) {
      inv.err(`cp: cannot stat '${words[words.length - 1]}': No such file or directory\n`)
      throw new KubectlError(`there was a problem with the editor "${display}"`)
    }
    fs.writeFile(path, fs.readFile(source), inv.now())
    return fs.readFile(path)
  }
  if (program === 'true' || program === ':') return content
  if (program === 'false') throw new KubectlError(`there was a problem with the editor "${display}"`)
  if (inv.ctx.editor && SCREEN_EDITORS.has(program)) {
    const saved = await inv.ctx.editor.edit(path, content)
    if (saved !== undefined) fs.writeFile(path, saved, inv.now())
    return fs.readFile(path)
  }
  throw new KubectlError(`unable to launch the editor "${display}"`)
}

/** os.CreateTemp("", "kubectl-edit-*.yaml"): a fresh name in /tmp. */
export function tempEditPath(inv: Invocation, ext: string): string {
  const fs = inv.ctx.fs
  if (!fs.exists('/tmp')) fs.mkdirp('/tmp', inv.now())
  let n = 1000000000 + (Math.floor(inv.now() / 7) % 3000000000)
  while (fs.exists(`/tmp/kubectl-edit-${n}${ext}`)) n++
  return `/tmp/kubectl-edit-${n}${ext}`
}
