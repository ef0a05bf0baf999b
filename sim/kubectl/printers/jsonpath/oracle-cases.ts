// The real kubectl's outputs recorded by __oracle__/capture.mjs, typed for the tests that replay them.

import data from './__oracle__/cases.json'

export interface OracleCase {
  query: string[]
  output?: string
  template?: string
  flags?: string[]
  files?: Record<string, string>
  stdout: string
  stderr: string
  exit: number
}

export const ORACLE_KUBECTL: string = data.kubectl
/** `kubectl get <query> -o json` of every query: the object the printers receive. */
export const ORACLE_INPUTS: Record<string, string> = data.inputs
export const ORACLE_CASES: readonly OracleCase[] = data.cases as OracleCase[]

/** The kubectl arguments of a case (as capture.mjs builds them). */
export function kubectlArgs(c: OracleCase): string[] {
  const args = ['get', ...c.query]
  if (c.output !== undefined) args.push('-o', c.output)
  if (c.template !== undefined) args.push('--template', c.template)
  return [...args, ...(c.flags ?? [])]
}

export function familyOf(c: OracleCase): 'jsonpath' | 'custom-columns' | 'go-template' {
  const o = c.output ?? ''
  if (o.startsWith('jsonpath')) return 'jsonpath'
  if (o.startsWith('custom-columns')) return 'custom-columns'
  return 'go-template'
}

export function caseTitle(c: OracleCase): string {
  return kubectlArgs(c).slice(1).join(' ')
}
