// The subcommands of `kubectl create`, in the order kubectl adds them (create.go NewCmdCreate). The
// ones a StatefulSet lab needs are implemented (namespace, configmap, secret generic, service
// clusterip|nodeport|loadbalancer|externalname, deployment); the others answer that they are not
// available. `create secret` and `create service` alone print their help to stderr and fail
// (cmdutil.DefaultSubCommandRun), as kubectl does.

import type { Invocation, KubectlCommand } from '../command'
import { KubectlError } from '../errors'
import { defaultSubCommandRun } from '../help'
import type { FlagSpec } from '../flags/pflag'
import { generatorCommand, GENERATOR_FLAGS, wrapAs } from './generator-command'
import { configMapObject, deploymentObject, namespaceObject, secretObject, serviceObject, type ServiceType, validateService } from './generators'

function notAvailable(name: string, aliases?: string[]): KubectlCommand {
  return {
    name,
    aliases,
    run: (inv) => {
      throw new KubectlError(`"${inv.commandPath}" is not available in this simulator`)
    },
  }
}

/** DefaultSubCommandRun: no arguments allowed, the help on stderr, exit 1. */
const SOURCE_FLAGS: readonly FlagSpec[] = [
  { name: 'from-file', type: 'stringSlice' },
  { name: 'from-literal', type: 'stringArray' },
  { name: 'from-env-file', type: 'stringSlice' },
  { name: 'append-hash', type: 'bool' },
]

function sources(inv: Invocation) {
  return { fromLiteral: inv.flags.strings('from-literal'), fromFile: inv.flags.strings('from-file'), fromEnvFile: inv.flags.strings('from-env-file') }
}

function validateSources(inv: Invocation): void {
  const s = sources(inv)
  if (s.fromEnvFile.length && (s.fromFile.length || s.fromLiteral.length)) throw new KubectlError('from-env-file cannot be combined with from-file or from-literal')
  if (inv.flags.bool('append-hash')) throw new KubectlError('--append-hash is not available in this simulator')
}

const namespace = generatorCommand({
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  flags: GENERATOR_FLAGS,
  build: (_inv, name) => namespaceObject(name),
  // NamespaceOptions.Run returns the API error as it is.
  wrapError: (e) => e,
})

const configmap = generatorCommand({
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  flags: [...GENERATOR_FLAGS, ...SOURCE_FLAGS],
  validate: validateSources,
  build: (inv, name, ns) => configMapObject(inv, name, ns, sources(inv)),
  wrapError: wrapAs('failed to create configmap: '),
})

const secretGeneric = generatorCommand({
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  flags: [...GENERATOR_FLAGS, ...SOURCE_FLAGS, { name: 'type', type: 'string' }],
  validate: validateSources,
  build: (inv, name, ns) => secretObject(inv, name, ns, sources(inv), inv.flags.string('type')),
  // fmt.Errorf("failed to create secret %v", err): no colon in kubectl's text.
  wrapError: wrapAs('failed to create secret '),
})

function service(name: string, type: ServiceType, short: string, extra: readonly FlagSpec[], required?: string[]): KubectlCommand {
  const opts = (inv: Invocation) => ({
    type,
    tcp: inv.flags.strings('tcp'),
    clusterIP: inv.flags.has('clusterip') ? inv.flags.string('clusterip') : '',
    nodePort: inv.flags.has('node-port') ? inv.flags.int('node-port') : 0,
    externalName: inv.flags.has('external-name') ? inv.flags.string('external-name') : '',
  })
  return generatorCommand({
    name,
    short,
    flags: [...GENERATOR_FLAGS, { name: 'tcp', type: 'stringSlice' }, ...extra],
    required,
    validate: (inv) => validateService(opts(inv)),
    build: (inv, n, ns) => serviceObject(n, ns, opts(inv)),
    wrapError: wrapAs(`failed to create ${type} service: `),
  })
}

const deployment = generatorCommand({
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'image', type: 'stringSlice' },
    { name: 'port', type: 'int32', default: '-1' },
    { name: 'replicas', shorthand: 'r', type: 'int32', default: '1' },
  ],
  required: ['image'],
  validate: (inv) => {
    const command = inv.flags.argsLenAtDash === -1 ? [] : inv.args.slice(1)
    if (inv.flags.strings('image').length > 1 && command.length) throw new KubectlError('cannot specify multiple --image options and command')
  },
  build: (inv, name, ns) =>
    deploymentObject(inv, name, ns, {
      images: inv.flags.strings('image'),
      command: inv.args.slice(1),
      port: inv.flags.int('port'),
      replicas: inv.flags.int('replicas'),
    }),
  wrapError: wrapAs('failed to create deployment: '),
})

export function createSubcommands(): KubectlCommand[] {
  return [
    namespace,
    notAvailable('quota', ['resourcequota']),
    {
      name: 'secret',
      short: 'Create a secret using a specified subcommand',
      subcommands: [notAvailable('docker-registry'), secretGeneric, notAvailable('tls')],
      run: defaultSubCommandRun,
    },
    configmap,
    notAvailable('serviceaccount', ['sa']),
    {
      name: 'service',
      aliases: ['svc'],
      short: 'Create a service using a specified subcommand',
      subcommands: [
        service('clusterip', 'ClusterIP', 'Create a ClusterIP service', [{ name: 'clusterip', type: 'string' }]),
        service('externalname', 'ExternalName', 'Create an ExternalName service', [{ name: 'external-name', type: 'string' }], ['external-name']),
        service('loadbalancer', 'LoadBalancer', 'Create a LoadBalancer service', []),
        service('nodeport', 'NodePort', 'Create a NodePort service', [{ name: 'node-port', type: 'int' }]),
      ],
      run: defaultSubCommandRun,
    },
    deployment,
    notAvailable('clusterrole'),
    notAvailable('clusterrolebinding'),
    notAvailable('role'),
    notAvailable('rolebinding'),
    notAvailable('poddisruptionbudget', ['pdb']),
    notAvailable('priorityclass', ['pc']),
    notAvailable('job'),
    notAvailable('cronjob', ['cj']),
    notAvailable('ingress', ['ing']),
    notAvailable('token'),
  ]
}
