// `kubectl version` (kubectl pkg/cmd/version/version.go): the client's build (kubectl v1.33.1 as
// released, with its Kustomize), and the API server's /version. The server is a kubeadm v1.33.1
// kube-apiserver: its /version answer is what such servers return (same commit as the client, its own
// build date, and the emulation/compatibility versions servers report since 1.31).

import type { KubectlCommand } from '../command'
import { KubectlError } from '../errors'
import { toGoYaml } from '../printers/go-yaml'

/** version.Get() of the kubectl v1.33.1 release binary (`kubectl version --client -o json`). */
export const CLIENT_VERSION = {
  major: '1',
  minor: '33',
  gitVersion: 'v1.33.1',
  gitCommit: '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T08:27:33Z',
  goVersion: 'go1.24.2',
  compiler: 'gc',
  platform: 'linux/amd64',
}

export const KUSTOMIZE_VERSION = 'v5.6.0'

/** GET /version of a v1.33.1 kube-apiserver. */
export const SERVER_VERSION = {
  major: '1',
  minor: '33',
  emulationMajor: '1',
  emulationMinor: '33',
  minCompatibilityMajor: '1',
  minCompatibilityMinor: '32',
  gitVersion: 'v1.33.1',
  gitCommit: '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T08:19:08Z',
  goVersion: 'go1.24.2',
  compiler: 'gc',
  platform: 'linux/amd64',
}

export const versionCommand: KubectlCommand = {
  name: 'version',
  short: 'Print the client and server version information',
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
  ],
  run(inv) {
    const client = inv.flags.bool('client')
    const output = inv.flags.string('output')
    // With --client, Complete returns before it records the arguments, so they are not checked.
    if (!client && inv.args.length) throw new KubectlError(`extra arguments: [${inv.args.join(' ')}]`)
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError("--output must be 'yaml' or 'json'")
    // The Version struct's field order: clientVersion, kustomizeVersion, serverVersion (omitempty).
    const info: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION }
    if (!client) info.serverVersion = SERVER_VERSION
    if (output === 'json') inv.out(JSON.stringify(info, null, 2) + '\n')
    else if (output === 'yaml') inv.out(toGoYaml(info) + '\n')
    else {
      inv.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`)
      if (!client) inv.out(`Server Version: ${SERVER_VERSION.gitVersion}\n`)
    }
    return 0
  },
}
