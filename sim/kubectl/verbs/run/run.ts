// `kubectl run NAME --image=IMAGE [...] [-- COMMAND args...]` (kubectl pkg/cmd/run/run.go): the
// checks in RunOptions.Run's order, the generated Pod (generate.ts) created or printed, --expose's
// Service, and with -i/--attach: wait for the pod to run, attach (the pod's shell takes the terminal),
// wait for it to complete when the restart policy says the exit code matters, and with --rm delete what
// was created (`pod "dns-test" deleted`, kubectl 1.33 wording).

import type { KubeObject, Obj } from '../../../api/types'
import { isPodReady } from '../../../api/pod-util'
import { parseNormalizedNamed } from '../../../images/reference'
import { podLogs } from '../../../kubelet/log-access'
import type { Invocation, KubectlCommand } from '../../command'
import { KubectlError, RawError, UsageError } from '../../errors'
import { dryRunStrategy, DRY_RUN_FLAG, fieldManagerFlag, OUTPUT_FLAGS, SAVE_CONFIG_FLAG, serverDryRun } from '../../mutate/flags'
import { requireFlags } from '../../mutate/generator-command'
import { mutationPrinter } from '../../mutate/print'
import { attachRun } from '../attach/attach-run'
import { POD_RUNNING_TIMEOUT, podRunningTimeout } from '../attach/streams'
import { runParams, runPod, runService } from './generate'

const WAIT_TIMEOUT = 'timed out waiting for the condition'

function restartPolicy(inv: Invocation, interactive: boolean): string {
  const r = inv.flags.string('restart')
  if (r === '') return interactive ? 'OnFailure' : 'Always'
  if (r === 'Always' || r === 'OnFailure' || r === 'Never') return r
  throw new UsageError(inv.commandPath, `invalid restart policy: ${r}`)
}

/** waitForPod: until `cond` holds; a deleted pod is NotFound, running out of time the watch's timeout. */
async function waitForPod(inv: Invocation, ns: string, name: string, timeoutMs: number, cond: (p: Obj<'Pod'>) => boolean): Promise<Obj<'Pod'>> {
  let gone = false
  const ok = await inv.ctx.time.until(
    () => {
      const p = inv.api.get('Pod', ns, name)
      gone = !p
      return !p || cond(p)
    },
    timeoutMs,
    inv.ctx.cancel,
  )
  if (gone) throw new KubectlError('pods "" not found')
  if (!ok) throw new KubectlError(WAIT_TIMEOUT)
  return inv.api.read('Pod', ns, name)
}

const completed = (p: Obj<'Pod'>) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'

/** logOpts: a pod that already completed shows its log instead of a session. */
function printLogs(inv: Invocation, pod: Obj<'Pod'>): void {
  const r = podLogs(inv.api, inv.ctx.sim.runtime, pod.metadata.namespace ?? '', pod.metadata.name ?? '', pod.spec?.containers?.[0]?.name)
  if (r.ok) inv.out(r.text)
}

async function attachCreated(inv: Invocation, pod: Obj<'Pod'>, restart: string, timeoutMs: number): Promise<void> {
  const ns = pod.metadata.namespace ?? ''
  const name = pod.metadata.name ?? ''
  const f = inv.flags
  const ready = await waitForPod(inv, ns, name, timeoutMs, (p) => completed(p) || (p.status?.phase === 'Running' && isPodReady(p)))
  if (completed(ready)) printLogs(inv, ready)
  else {
    try {
      await attachRun(inv, ready, { stdin: f.bool('stdin'), tty: f.bool('tty'), quiet: f.bool('quiet'), container: '', commandName: 'kubectl attach' })
    } catch (e) {
      if (!(e instanceof Error)) throw e
      inv.err(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${e.message}\n`)
      printLogs(inv, inv.api.get('Pod', ns, name) ?? ready)
    }
  }
  if (f.bool('leave-stdin-open') || (restart !== 'Never' && restart !== 'OnFailure')) return
  const done = await waitForPod(inv, ns, name, timeoutMs, restart === 'OnFailure' ? (p) => p.status?.phase === 'Succeeded' : completed)
  if (done.status?.phase === 'Succeeded') return
  if (done.status?.phase !== 'Failed') throw new KubectlError(`pod ${ns}/${name} left in phase ${done.status?.phase}`)
  const term = done.status?.containerStatuses?.[0]?.state?.terminated
  if (!term || term.exitCode === 0) throw new KubectlError(`pod ${ns}/${name} failed with unknown exit code`)
  // A CodeExitError: checkErr (cmd/util/helpers.go) prints its text as is and exits with its code, after
  // the deferred removeCreatedObjects has printed `pod "x" deleted`. So a session whose shell exits
  // non-zero (e.g. `exit` after a failed nslookup) ends with this line; kubectl-output.md §11.13's
  // transcript, which ends that way, leaves it out.
  throw new RawError(`pod ${ns}/${name} terminated (${term.reason ?? ''})\n${term.message ?? ''}`, term.exitCode)
}

/** removeCreatedObjects: deletes what run created, printing as `kubectl delete` does. */
function removeCreated(inv: Invocation, created: readonly KubeObject[]): void {
  for (const o of created) {
    const kind = o.kind as 'Pod' | 'Service'
    try {
      inv.api.delete(kind, o.metadata.namespace ?? '', o.metadata.name ?? '', { actor: 'kubectl' })
      inv.out(`${kind.toLowerCase()} "${o.metadata.name}" deleted\n`)
    } catch {
      /* IgnoreNotFound */
    }
  }
}

async function run(inv: Invocation): Promise<number> {
  const f = inv.flags
  requireFlags(inv, ['image'])
  const interactive = f.bool('stdin')
  const attach = f.changed('attach') ? f.bool('attach') : interactive
  const dryRun = dryRunStrategy(inv)
  const printer = mutationPrinter(inv, dryRun)
  const args = inv.args
  if (args.length === 0 || f.argsLenAtDash === 0) throw new UsageError(inv.commandPath, 'NAME is required for run')
  const timeoutMs = podRunningTimeout(inv)
  const image = f.string('image')
  if (image === '') throw new KubectlError('--image is required')
  if (!parseNormalizedNamed(image).ok && !/^[a-f0-9]{64}$/.test(image)) throw new KubectlError(`Invalid image name "${image}": invalid reference format`)
  if (f.bool('tty') && !interactive) throw new UsageError(inv.commandPath, '-i/--stdin is required for containers with -t/--tty=true')
  if (f.bool('expose') && !f.string('port')) throw new UsageError(inv.commandPath, '--port must be set when exposing a service')
  const { namespace, explicit } = inv.namespace()
  const restart = restartPolicy(inv, interactive)
  const remove = f.bool('rm')
  if (!attach && remove) throw new UsageError(inv.commandPath, '--rm should only be used for attached containers')
  if (attach && dryRun !== 'none') throw new UsageError(inv.commandPath, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)")
  const pull = f.string('image-pull-policy')
  if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull)) throw new UsageError(inv.commandPath, `invalid image pull policy: ${pull}`)
  if (f.string('overrides')) throw new KubectlError('--overrides is not available in this simulator')

  const params = runParams(inv, args[0], args.slice(1), explicit && dryRun === 'client' ? namespace : undefined)
  const create = (obj: Record<string, unknown>): KubeObject => {
    if (dryRun === 'client') return obj as unknown as KubeObject
    const body = { ...obj, metadata: { ...(obj.metadata as object), namespace } } as unknown as KubeObject
    const out = inv.api.create(body, { actor: 'kubectl', dryRun: serverDryRun(dryRun) })
    inv.warn(inv.api.warnings())
    return out
  }
  const pod = create(runPod(params))
  const created: KubeObject[] = [pod]
  let printed = 0
  if (f.bool('expose')) {
    const svc = create(runService(params))
    created.push(svc)
    printer.print(svc, 'created', 'Service')
    printed++
    if (f.string('output') === 'yaml') inv.out('---\n')
  }
  if (attach) {
    try {
      await attachCreated(inv, pod as unknown as Obj<'Pod'>, restart, timeoutMs)
    } finally {
      if (remove) removeCreated(inv, created)
    }
    return 0
  }
  if (printed > 0 && f.string('output') === 'yaml') inv.out('---\n')
  printer.print(pod, 'created', 'Pod')
  return 0
}

export const runCommand: KubectlCommand = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  flags: [
    ...OUTPUT_FLAGS,
    { name: 'annotations', type: 'stringArray' },
    { name: 'attach', type: 'bool' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background' },
    { name: 'command', type: 'bool' },
    DRY_RUN_FLAG,
    { name: 'env', type: 'stringArray' },
    { name: 'expose', type: 'bool' },
    fieldManagerFlag('kubectl-run'),
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: '-1' },
    { name: 'image', type: 'string' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'labels', shorthand: 'l', type: 'string' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'override-type', type: 'string', default: 'merge' },
    { name: 'overrides', type: 'string' },
    POD_RUNNING_TIMEOUT('1m0s'),
    { name: 'port', type: 'string' },
    { name: 'privileged', type: 'bool' },
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
    { name: 'restart', type: 'string', default: 'Always' },
    { name: 'rm', type: 'bool' },
    SAVE_CONFIG_FLAG,
    { name: 'stdin', shorthand: 'i', type: 'bool' },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'tty', shorthand: 't', type: 'bool' },
    { name: 'wait', type: 'bool' },
  ],
  run,
}
