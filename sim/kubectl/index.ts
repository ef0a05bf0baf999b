// The emulated kubectl: `createKubectl()` gives the shell's `kubectl` command.

export { createKubectl, type KubectlOptions } from './kubectl'
export type { KubectlCommand, Invocation } from './command'
export { KubeconfigState, type KubeconfigData } from './kubeconfig'
export type { OutputFormats, ObjectPrinter, TemplatePrinterFactory, TemplatePrinterSpec } from './printers/registry'
