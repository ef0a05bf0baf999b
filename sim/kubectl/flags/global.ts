// kubectl's persistent (global) flags, as `kubectl options` lists them for v1.33. They are accepted
// before or after the verb. Most only matter against a real cluster; the ones that change behaviour
// here are --namespace, --context and --request-timeout (validated like client-go does).

import type { FlagSpec } from './pflag'
import { KubectlError } from '../errors'
import { parseDuration } from './strconv'

export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
  { name: 'as-uid', type: 'string' },
  { name: 'cache-dir', type: 'string' },
  { name: 'certificate-authority', type: 'string' },
  { name: 'client-certificate', type: 'string' },
  { name: 'client-key', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'disable-compression', type: 'bool' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'log-flush-frequency', type: 'duration', default: '5s' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'namespace', shorthand: 'n', type: 'string' },
  { name: 'password', type: 'string' },
  { name: 'profile', type: 'string', default: 'none' },
  { name: 'profile-output', type: 'string', default: 'profile.pprof' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'server', shorthand: 's', type: 'string' },
  { name: 'tls-server-name', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'username', type: 'string' },
  { name: 'v', shorthand: 'v', type: 'level' },
  { name: 'vmodule', type: 'string' },
  { name: 'warnings-as-errors', type: 'bool' },
]

/** client-go's request timeout parsing: whole seconds, or a Go duration. */
export function parseRequestTimeout(value: string): number {
  if (/^\d+$/.test(value)) return Number(value) * 1000
  try {
    return parseDuration(value)
  } catch {
    throw new KubectlError(
      'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)',
    )
  }
}
