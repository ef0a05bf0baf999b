// The verbs this kubectl implements, listed explicitly. A new verb is one file in this directory
// exporting a KubectlCommand; add it here. The root (root.ts) places it in kubectl's command order.

import type { KubectlCommand } from '../command'
import { annotateCommand } from './annotate'
import { attachCommand } from './attach/attach'
import { apiResourcesCommand, apiVersionsCommand } from './api-resources'
import { applyCommand } from './apply'
import { clusterInfoCommand } from './cluster-info'
import { completionCommand } from './completion'
import { configCommand } from './config'
import { cordonVerb, uncordonVerb } from './cordon'
import { cpCommand } from './cp'
import { createCommand } from './create'
import { deleteCommand } from './delete'
import { describeCommand } from './describe'
import { drainVerb } from './drain'
import { editCommand } from './edit'
import { execCommand } from './exec'
import { explainCommand } from './explain'
import { getCommand } from './get'
import { labelCommand } from './label'
import { logsCommand } from './logs'
import { patchCommand } from './patch'
import { portForwardCommand } from './port-forward/port-forward'
import { proxyCommand } from './proxy'
import { exposeCommand } from './expose'
import { taintCommand } from './taint'
import { eventsCommand } from './events'
import { replaceCommand } from './replace'
import { rolloutCommand } from './rollout'
import { runCommand } from './run/run'
import { scaleCommand } from './scale'
import { setCommand } from './set'
import { optionsCommand, unsupportedCommands } from './unsupported'
import { topCommand } from './top'
import { versionCommand } from './version'
import { waitCommand } from './wait'

export function defaultVerbs(): KubectlCommand[] {
  return [
    getCommand,
    rolloutCommand,
    waitCommand,
    cordonVerb,
    uncordonVerb,
    drainVerb,
    taintCommand,
    explainCommand,
    apiResourcesCommand,
    apiVersionsCommand,
    versionCommand,
    configCommand,
    clusterInfoCommand,
    completionCommand,
    optionsCommand,
    ...unsupportedCommands,
    topCommand,
    createCommand,
    exposeCommand,
    deleteCommand,
    applyCommand,
    replaceCommand,
    editCommand,
    scaleCommand,
    patchCommand,
    setCommand,
    labelCommand,
    annotateCommand,
    describeCommand,
    eventsCommand,
    execCommand,
    runCommand,
    logsCommand,
    attachCommand,
    portForwardCommand,
    proxyCommand,
    cpCommand,
  ]
}
