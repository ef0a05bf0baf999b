// How kubectl turns an error into what the terminal shows (kubectl pkg/cmd/util/helpers.go checkErr,
// StandardErrorMessage, MultilineError, MultipleErrors). Verbs throw these; the root prints them to
// stderr and exits 1. Messages are kubectl's verbatim texts.

import { ApiError } from '../api/errors'

/** A plain error (`fmt.Errorf`): printed as `error: <message>`. */
export class KubectlError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'KubectlError'
  }
}

/** cmdutil.UsageErrorf: `<msg>\nSee 'kubectl get -h' for help and examples`. */
export class UsageError extends KubectlError {
  constructor(commandPath: string, message: string) {
    super(`${message}\nSee '${commandPath} -h' for help and examples`)
  }
}

/** A flag parse error as kubectl's templater wraps it (`See 'kubectl get --help' for usage.`). */
export class FlagUsageError extends KubectlError {
  constructor(commandPath: string, message: string) {
    super(`${message}\nSee '${commandPath} --help' for usage.`)
  }
}

/** An error's own text (Go's err.Error()): an API error's message without "Error from server". */
function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/**
 * Several errors (utilerrors.Aggregate). Printed at the top level one per line without `error: `;
 * nested inside another aggregate it reads as Go's Error(): `[e1, e2]` (duplicates dropped).
 */
export class AggregateError extends Error {
  constructor(readonly errors: readonly unknown[]) {
    const texts = [...new Set(errors.map(errorText))]
    super(texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`)
    this.name = 'AggregateError'
  }

  /**
   * utilerrors.NewAggregate as a verb returns it to CheckErr: nothing for no errors, the error itself
   * for one, an aggregate for several (ContinueOnError's failures, reported after the rest was done).
   */
  static throwIfAny(errors: readonly unknown[]): void {
    if (errors.length === 1) throw errors[0]
    if (errors.length > 1) throw new AggregateError(errors)
  }

  /** utilerrors.Flatten: nested aggregates become one flat list. */
  static flatten(errors: readonly unknown[]): unknown[] {
    return errors.flatMap((e) => (e instanceof AggregateError ? AggregateError.flatten(e.errors) : [e]))
  }
}

/**
 * An error whose message is printed as it is, without `error: `: the plugin handler's
 * `Error: flags cannot be placed before plugin name: -n`, or text already printed (ErrExit).
 */
export class RawError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'RawError'
  }
}

/** Wraps an error with the file it came from: `error when creating "web.yaml": ...` (AddSourceToErr). */
export function addSourceToErr(verb: string, source: string, err: unknown): unknown {
  if (!source) return err
  const prefix = `error when ${verb} "${source}": `
  if (err instanceof ApiError) return new ApiError(err.reason, prefix + err.message, err.details)
  return new KubectlError(prefix + (err instanceof Error ? err.message : String(err)))
}

/** StandardErrorMessage for API errors; undefined for anything else. */
function standardErrorMessage(err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return undefined
  if (err.reason === 'Unknown') return `Error from server: ${err.message}`
  return `Error from server (${err.reason}): ${err.message}`
}

/** messageForError: the standard message, or the bare error text. */
export function messageForError(err: unknown): string {
  return standardErrorMessage(err) ?? errorText(err)
}

/** An Invalid error as checkErr prints it: `The StatefulSet "web" is invalid: <cause>` or one `* cause` per line. */
function invalidMessage(err: ApiError): string {
  const d = err.details
  let s = 'The request is invalid'
  if (d.kind || d.name) s = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`
  // Without kind, name or causes the server's own message follows (a failed JSON patch's 422).
  else if (err.message && !(d.causes ?? []).length) s += `: ${err.message}`
  const causes: string[] = []
  for (const c of d.causes ?? []) {
    const m = `${c.field}: ${c.message}`
    if (!causes.includes(m)) causes.push(m)
  }
  if (causes.length === 0) return s
  if (causes.length === 1) return `${s}: ${causes[0]}`
  return `${s}: \n${causes.map((c) => `* ${c}`).join('\n')}`
}

/** The text checkErr writes to stderr for `err` (always ending in a newline), and the exit code. */
export function formatError(err: unknown): { text: string; exitCode: number } {
  // checkErr unwraps an aggregate of one error, once: a nested aggregate prints without `error: `.
  if (err instanceof AggregateError && err.errors.length === 1) err = err.errors[0]
  let msg: string
  let exitCode = 1
  if (err instanceof RawError) {
    msg = err.message
    exitCode = err.exitCode
  } else if (err instanceof ApiError && err.reason === 'Invalid') {
    msg = invalidMessage(err)
  } else if (err instanceof AggregateError) {
    // MultipleErrors: each error on its own line.
    msg = err.errors.map(messageForError).join('\n')
  } else {
    msg = standardErrorMessage(err) ?? (err instanceof Error ? err.message : String(err))
    if (standardErrorMessage(err) === undefined && !msg.startsWith('error: ')) msg = `error: ${msg}`
  }
  if (msg.length > 0 && !msg.endsWith('\n')) msg += '\n'
  return { text: msg, exitCode }
}

/** `Warning: <text>` lines the API server's warning headers produce (client-go WarningWriter). */
export function warningLines(warnings: readonly string[]): string {
  return warnings.map((w) => `Warning: ${w}\n`).join('')
}
