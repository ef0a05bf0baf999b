// A printer error after the printer already wrote part of its output. kubectl's printers write to
// stdout as they go: custom-columns has printed its header when a column's JSONPath fails to parse,
// and the go-template printer writes what the template produced so far, then its debugging text,
// before it returns the error. The caller prints `output` to stdout, then reports the error.

import { KubectlError } from '../../errors'

export class PartialOutputError extends KubectlError {
  constructor(
    message: string,
    /** What kubectl wrote to stdout before failing. */
    readonly output: string,
  ) {
    super(message)
    this.name = 'PartialOutputError'
  }
}
