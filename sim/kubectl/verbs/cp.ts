// `kubectl cp [[namespace/]pod:]src [[namespace/]pod:]dest [-c container]` (kubectl pkg/cmd/cp/cp.go):
// kubectl runs `tar cf - <src>` (from a pod) or `tar -xmf - -C <dir>` (to a pod) through exec and
// unpacks or packs on the student's machine. The container's tar speaks on stderr as GNU or busybox
// tar does ("Removing leading `/' from member names"); an image without tar fails like any exec of a
// missing program.

import { netRng } from '../../net/rng'
import type { ContainerHandle } from '../../pods/container'
import { familyOf } from '../../pods/tools'
import { basename, dirname, normalizePath } from '../../storage/memfs'
import type { Invocation, KubectlCommand } from '../command'
import { KubectlError, RawError } from '../errors'
import { kubeletContainer } from './exec'
import { defaultContainer } from './attach/pod-target'

interface FileSpec {
  namespace?: string
  pod?: string
  file: string
}

const FORMAT = 'filespec must match the canonical format: [[namespace/]pod:]file/path'

/** extractFileSpec. */
function fileSpec(arg: string): FileSpec {
  const i = arg.indexOf(':')
  if (i === 0) throw new KubectlError(FORMAT)
  if (i < 0) return { file: arg }
  const pieces = arg.slice(0, i).split('/')
  if (pieces.length > 2) throw new KubectlError(FORMAT)
  return pieces.length === 2 ? { namespace: pieces[0], pod: pieces[1], file: arg.slice(i + 1) } : { pod: pieces[0], file: arg.slice(i + 1) }
}

async function container(inv: Invocation, spec: FileSpec): Promise<ContainerHandle> {
  const ns = spec.namespace ?? inv.namespace().namespace
  const pod = inv.api.read('Pod', ns, spec.pod ?? '')
  const name = defaultContainer(inv, pod, inv.flags.string('container'), false)
  const h = kubeletContainer(inv, pod, name, !!inv.flags.string('container'))
  if (familyOf(h) === 'none') {
    throw new KubectlError(
      `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${netRng(inv.ctx.sim).hex(64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "tar": executable file not found in $PATH: unknown`,
    )
  }
  return h
}

/** What the container's tar says about an absolute member name. */
function leadingSlashNote(h: ContainerHandle): string {
  const f = familyOf(h)
  return f === 'busybox' || f === 'alpine' ? "tar: removing leading '/' from member names\n" : "tar: Removing leading `/' from member names\n"
}

async function fromPod(inv: Invocation, src: FileSpec, dest: string): Promise<void> {
  const h = await container(inv, src)
  const fs = h.rc.fs
  const path = normalizePath(src.file, '/')
  if (src.file.startsWith('/')) inv.err(leadingSlashNote(h))
  if (!fs.exists(path)) {
    const bb = ['busybox', 'alpine'].includes(familyOf(h))
    inv.err(bb ? `tar: ${src.file}: No such file or directory\n` : `tar: ${src.file}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n`)
    throw new RawError(`command terminated with exit code ${bb ? 1 : 2}`, bb ? 1 : 2)
  }
  const local = inv.ctx.fs
  const target = normalizePath(dest, inv.ctx.cwd)
  const now = inv.now()
  const copy = (from: string, to: string) => {
    if (fs.isDir(from)) {
      local.mkdirp(to, now)
      for (const n of fs.readdir(from)) copy(`${from === '/' ? '' : from}/${n}`, `${to}/${n}`)
    } else local.writeFile(to, fs.readFile(from), now)
  }
  copy(path, target)
}

async function toPod(inv: Invocation, src: string, dest: FileSpec): Promise<void> {
  const local = inv.ctx.fs
  const from = normalizePath(src, inv.ctx.cwd)
  if (!local.exists(from)) throw new KubectlError(`${src} doesn't exist in local filesystem`)
  const h = await container(inv, dest)
  const fs = h.rc.fs
  let to = normalizePath(dest.file, '/')
  // checkDestinationIsDir: `test -d <dest>` in the container.
  if (fs.isDir(to)) to = normalizePath(`${to}/${basename(from)}`)
  const copy = (a: string, b: string) => {
    if (local.isDir(a)) {
      fs.mkdir(b, { parents: true })
      for (const n of local.readdir(a)) copy(`${a}/${n}`, `${b}/${n}`)
    } else fs.writeFile(b, local.readFile(a))
  }
  if (!fs.isDir(dirname(to))) {
    const bb = ['busybox', 'alpine'].includes(familyOf(h))
    inv.err(bb ? `tar: can't change directory to '${dirname(to)}': No such file or directory\n` : `tar: ${dirname(to)}: Cannot chdir: No such file or directory\ntar: Error is not recoverable: exiting now\n`)
    throw new RawError(`command terminated with exit code ${bb ? 1 : 2}`, bb ? 1 : 2)
  }
  copy(from, to)
}

async function run(inv: Invocation): Promise<number> {
  const args = inv.args
  if (args.length !== 2) throw new KubectlError('source and destination are required')
  const src = fileSpec(args[0])
  const dest = fileSpec(args[1])
  if (src.pod && dest.pod) throw new KubectlError('one of src or dest must be a local file specification')
  if (!src.file || !dest.file) throw new KubectlError('filepath can not be empty')
  if (src.pod) await fromPod(inv, src, dest.file)
  else if (dest.pod) await toPod(inv, src.file, dest)
  else throw new KubectlError('one of src or dest must be a remote file specification')
  return 0
}

export const cpCommand: KubectlCommand = {
  name: 'cp',
  short: 'Copy files and directories to and from containers',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string' },
    { name: 'no-preserve', type: 'bool' },
    { name: 'retries', type: 'int', default: '0' },
  ],
  run,
}
