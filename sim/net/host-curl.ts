// curl on the student's machine: the shell's curl command over the host's network stack, so it reaches
// `kubectl proxy` and port-forwards on localhost, and (being a node) pod IPs and ClusterIPs.

import { curlCommand } from '../shell/commands/curl'
import type { HttpTransport } from '../shell/http'
import { curlTransport } from './curl-transport'
import { hostStack } from './stack'

/** The host's transport; the simulation comes from the command's context, so one command serves every shell. */
export const hostTransport: HttpTransport = {
  request: (req, ctx) => curlTransport(hostStack(ctx.sim), 'modern').request(req, ctx),
}

export const hostCurl = curlCommand(hostTransport)
