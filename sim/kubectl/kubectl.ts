// `kubectl` as one command of the emulated shell. It finds the verb in argv (cobra's rules), parses
// the verb's flags together with the global ones (pflag's rules), prints help, runs the verb, and
// prints what the verb throws the way kubectl's checkErr does: stderr, exit code 1.

import { ApiError } from '../api/errors'
import type { Command, CommandContext } from '../shell/types'
import { type KubectlCommand, makeInvocation } from './command'
import { completeKubectl } from './complete'
import { find, flagSetFor, pluginHandlerError, unknownCommandError } from './dispatch'
import { AggregateError, FlagUsageError, formatError, KubectlError, RawError } from './errors'
import { parseRequestTimeout } from './flags/global'
import { FlagError } from './flags/pflag'
import { loadHelp } from './help'
import { ROOT_HELP } from './help/root-help'
import { KubeconfigState } from './kubeconfig'
import { type OutputFormats, TEMPLATE_OUTPUT_FORMATS } from './printers/registry'
import { buildCommandTree } from './root'
import { defaultVerbs } from './verbs'

export interface KubectlOptions {
  /** The verbs to offer; defaults to every implemented verb (verbs/index.ts). */
  verbs?: readonly KubectlCommand[]
  /** Shared with `kubectl config ...`; one per shell so the current namespace persists. */
  kubeconfig?: KubeconfigState
  /** Printers for -o jsonpath/go-template/custom-columns (and their -file forms); all of them by default. */
  outputFormats?: OutputFormats
}

function isKubectlError(e: unknown): boolean {
  return e instanceof KubectlError || e instanceof RawError || e instanceof AggregateError || e instanceof ApiError
}

function genericHelp(path: string, cmd: KubectlCommand): string {
  const subs = (cmd.subcommands ?? []).filter((c) => !c.hidden)
  const lines = [`${cmd.short ?? path}`, '']
  if (subs.length) {
    lines.push('Available Commands:')
    const w = Math.max(...subs.map((s) => s.name.length)) + 2
    for (const s of subs) lines.push(`  ${s.name.padEnd(w)}${s.short ?? ''}`)
    lines.push('')
  }
  lines.push('Usage:', `  ${path} [flags] [options]`, '', 'Use "kubectl options" for a list of global command-line options (applies to all commands).')
  return lines.join('\n') + '\n'
}

const ROOT_USAGE = ROOT_HELP.slice(ROOT_HELP.indexOf('Basic Commands'))

/** The command's own help, else the real kubectl's captured text (help/), else a generic one. */
async function helpText(path: string, cmd: KubectlCommand): Promise<string> {
  return cmd.help ?? (await loadHelp(path)) ?? genericHelp(path, cmd)
}

export function createKubectl(opts: KubectlOptions = {}): Command {
  const kubeconfig = opts.kubeconfig ?? new KubeconfigState()
  const root: KubectlCommand = { name: 'kubectl', subcommands: buildCommandTree(opts.verbs ?? defaultVerbs()) }

  async function execute(ctx: CommandContext): Promise<number> {
    const argv = ctx.argv.slice(1)
    const found = find(root, argv)
    const unknown = unknownCommandError(root, found)
    const plugin = pluginHandlerError(argv, unknown)
    if (plugin) throw plugin

    // cobra's own `help` command: `kubectl help get`.
    if (found.path.length === 1 && found.args.find((a) => !a.startsWith('-')) === 'help') {
      const topic = found.args.slice(found.args.indexOf('help') + 1).filter((a) => !a.startsWith('-'))
      if (topic.length === 0) {
        ctx.stdout(ROOT_HELP)
        return 0
      }
      const target = find(root, topic)
      if (target.path.length === 1 || unknownCommandError(root, target)) {
        ctx.stderr(`Unknown help topic [\`${topic.join(' ')}\`]\n\n\n${ROOT_USAGE}`)
        return 0
      }
      const t = target.path[target.path.length - 1]
      ctx.stdout(await helpText(`kubectl ${target.path.slice(1).map((c) => c.name).join(' ')}`, t))
      return 0
    }
    if (unknown) throw unknown
    const cmd = found.path[found.path.length - 1]
    const commandPath = ['kubectl', ...found.path.slice(1).map((c) => c.name)].join(' ')

    let flags
    try {
      flags = flagSetFor(cmd).parse(found.args)
    } catch (e) {
      if (!(e instanceof FlagError)) throw e
      if (!cmd.unavailable) throw new FlagUsageError(commandPath, e.message)
      if (found.args.some((a) => a === '-h' || a === '--help')) {
        ctx.stdout(await helpText(commandPath, cmd))
        return 0
      }
      throw new KubectlError(`"${commandPath}" is not available in this simulator`)
    }
    if (flags.bool('help') || (!cmd.run && found.path.length > 1) || found.path.length === 1) {
      ctx.stdout(found.path.length === 1 ? ROOT_HELP : await helpText(commandPath, cmd))
      return 0
    }
    kubeconfig.resolveContext(flags.string('context'))
    parseRequestTimeout(flags.string('request-timeout'))
    const code = await cmd.run!(makeInvocation({ ctx, flags, commandPath, kubeconfig, outputFormats: opts.outputFormats ?? TEMPLATE_OUTPUT_FORMATS }))
    return code ?? 0
  }

  return {
    name: 'kubectl',
    complete: (req) => completeKubectl(root, kubeconfig, req),
    async run(ctx: CommandContext): Promise<number> {
      try {
        return await execute(ctx)
      } catch (e) {
        // Anything else is a bug in the simulator, not a kubectl error: let it surface.
        if (!isKubectlError(e)) throw e
        const { text, exitCode } = formatError(e)
        ctx.stderr(text)
        return exitCode
      }
    },
  }
}
