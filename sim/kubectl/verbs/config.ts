// `kubectl config` (kubectl pkg/cmd/config): view, current-context, get-contexts, get-clusters,
// get-users, set-context and use-context over the shell's KubeconfigState (so `set-context --current
// --namespace=web` changes the namespace later commands use). The subcommands that edit clusters and
// users (set-cluster, set-credentials, set, unset, delete-*, rename-context) answer honestly that
// this simulator does not offer them; their --help is the real one.

import type { KubectlCommand, Invocation } from '../command'
import { AggregateError, KubectlError, UsageError } from '../errors'
import { loadHelp } from '../help'
import { selectOutput } from '../printers/registry'
import { TabWriter } from '../printers/tabwriter'
import { toGoYaml } from '../printers/go-yaml'
import { normalizePath } from '../../storage/memfs'
import type { KubeObject } from '../../api/types'
import { parentCommand } from './parent-command'
import { CLUSTER_NAME, kubeconfigDocument, USER_NAME } from './config-view'

/** helpErrorf: the command's help on stdout, then the error. */
async function helpError(inv: Invocation, message: string): Promise<never> {
  inv.out((await loadHelp(inv.commandPath)) ?? '')
  throw new KubectlError(message)
}

const viewCommand: KubectlCommand = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [
    { name: 'output', shorthand: 'o', type: 'string', default: 'yaml' },
    { name: 'template', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool', default: 'true' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'merge', type: 'string', default: 'true', noOptDefVal: 'true' },
    { name: 'raw', type: 'bool' },
    { name: 'flatten', type: 'bool' },
    { name: 'minify', type: 'bool' },
  ],
  run(inv) {
    const f = inv.flags
    if (inv.args.length) throw new UsageError(inv.commandPath, `unexpected arguments: [${inv.args.join(' ')}]`)
    const mode = selectOutput(
      {
        output: f.string('output'),
        template: f.string('template'),
        allowMissingTemplateKeys: f.bool('allow-missing-template-keys'),
        noHeaders: false,
        readFile: (p) => inv.ctx.fs.readFile(normalizePath(p, inv.ctx.cwd)),
      },
      inv.outputFormats,
    )
    const doc = kubeconfigDocument(inv.ctx.sim, inv.kubeconfig, {
      raw: f.bool('raw') || f.bool('flatten'),
      minify: f.bool('minify'),
      context: f.string('context'),
    })
    if (mode.type === 'table' || mode.format === 'yaml') inv.out(toGoYaml(doc))
    // cli-runtime's JSONPrinter indents typed objects by four spaces, fields in struct order.
    else if (mode.format === 'json') inv.out(JSON.stringify(doc, null, 4) + '\n')
    else inv.out(mode.printer.print(doc as unknown as KubeObject))
    return 0
  },
}

const currentContextCommand: KubectlCommand = {
  name: 'current-context',
  short: 'Display the current-context',
  run(inv) {
    const current = inv.kubeconfig.currentContext
    if (!current) throw new KubectlError('current-context is not set')
    inv.out(`${current}\n`)
    return 0
  },
}

const getContextsCommand: KubectlCommand = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  flags: [
    { name: 'no-headers', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
  ],
  run(inv) {
    const output = inv.flags.string('output')
    if (output !== '' && output !== 'name') {
      throw new KubectlError(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`)
    }
    const nameOnly = output === 'name'
    const kc = inv.kubeconfig
    const errors: KubectlError[] = []
    const names = inv.args.length ? inv.args.filter((n) => kc.context(n) || !errors.push(new KubectlError(`context ${n} not found`))) : kc.contextNames()
    let text = ''
    const w = TabWriter.forTables((t) => (text += t))
    if (!inv.flags.bool('no-headers') && !nameOnly) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n')
    for (const name of [...names].sort()) {
      const c = kc.context(name)!
      w.write(nameOnly ? `${name}\n` : `${kc.currentContext === name ? '*' : ' '}\t${name}\t${c.cluster}\t${c.user}\t${c.namespace ?? ''}\n`)
    }
    w.flush()
    inv.out(text)
    if (errors.length) throw new AggregateError(errors)
    return 0
  },
}

function listCommand(name: string, short: string, value: string): KubectlCommand {
  return { name, short, run: (inv) => (inv.out(`NAME\n${value}\n`), 0) }
}

const setContextCommand: KubectlCommand = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  flags: [
    { name: 'current', type: 'bool' },
    { name: 'cluster', type: 'string' },
    { name: 'user', type: 'string' },
    { name: 'namespace', type: 'string' },
  ],
  async run(inv) {
    const f = inv.flags
    if (inv.args.length > 1) await helpError(inv, `Unexpected args: [${inv.args.join(' ')}]`)
    const given = inv.args[0] ?? ''
    if (!given && !f.bool('current')) throw new KubectlError('you must specify a non-empty context name or --current')
    if (given && f.bool('current')) throw new KubectlError('you cannot specify both a context name and --current')
    const kc = inv.kubeconfig
    if (f.bool('current') && !kc.currentContext) throw new KubectlError('no current context is set')
    const name = f.bool('current') ? kc.currentContext : given
    const exists = kc.context(name) !== undefined
    kc.setContext(name, {
      cluster: f.changed('cluster') ? f.string('cluster') : undefined,
      user: f.changed('user') ? f.string('user') : undefined,
      namespace: f.changed('namespace') ? f.string('namespace') : undefined,
    })
    inv.out(`Context "${name}" ${exists ? 'modified' : 'created'}.\n`)
    return 0
  },
}

const useContextCommand: KubectlCommand = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  async run(inv) {
    if (inv.args.length !== 1) await helpError(inv, `Unexpected args: [${inv.args.join(' ')}]`)
    const name = inv.args[0]
    if (!name) throw new KubectlError('empty context names are not allowed')
    if (!inv.kubeconfig.context(name)) throw new KubectlError(`no context exists with the name: "${name}"`)
    inv.kubeconfig.setCurrentContext(name)
    inv.out(`Switched to context "${name}".\n`)
    return 0
  },
}

function notOffered(name: string, short: string): KubectlCommand {
  return {
    name,
    short,
    run: () => {
      throw new KubectlError(`"kubectl config ${name}" is not available in this simulator: the cluster "${CLUSTER_NAME}" and the user "${USER_NAME}" are fixed`)
    },
  }
}

export const configCommand: KubectlCommand = parentCommand({
  name: 'config',
  short: 'Modify kubeconfig files',
  helpTo: 'stderr',
  subcommands: [
    currentContextCommand,
    notOffered('delete-cluster', 'Delete the specified cluster from the kubeconfig'),
    notOffered('delete-context', 'Delete the specified context from the kubeconfig'),
    notOffered('delete-user', 'Delete the specified user from the kubeconfig'),
    listCommand('get-clusters', 'Display clusters defined in the kubeconfig', CLUSTER_NAME),
    getContextsCommand,
    listCommand('get-users', 'Display users defined in the kubeconfig', USER_NAME),
    notOffered('rename-context', 'Rename a context from the kubeconfig file'),
    notOffered('set', 'Set an individual value in a kubeconfig file'),
    notOffered('set-cluster', 'Set a cluster entry in kubeconfig'),
    setContextCommand,
    notOffered('set-credentials', 'Set a user entry in kubeconfig'),
    notOffered('unset', 'Unset an individual value in a kubeconfig file'),
    useContextCommand,
    viewCommand,
  ],
})
