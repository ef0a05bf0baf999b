// Runs a kubectl line through the workspace's hidden shell (Workspace.capture: the simulator's own
// kubectl, nothing printed in the student's terminal) and keeps its output. Re-runs when `version`
// changes — the object was written, or got an event — at most every RERUN_MS, keeping the last
// output meanwhile so the text does not flicker while a pod comes up.

import { useEffect, useRef, useState } from 'react'
import { useWorkspace } from '../state/hooks'

const RERUN_MS = 400

export interface KubectlOutput {
  line: string
  stdout: string
  stderr: string
  /** No output for this line yet. */
  loading: boolean
}

export function useKubectl(line: string | undefined, version: string): KubectlOutput {
  const workspace = useWorkspace()
  const [out, setOut] = useState<KubectlOutput>({ line: '', stdout: '', stderr: '', loading: true })
  const lastRun = useRef(0)

  useEffect(() => {
    if (!line) return
    let live = true
    const wait = Math.max(0, lastRun.current + RERUN_MS - performance.now())
    const timer = setTimeout(() => {
      lastRun.current = performance.now()
      workspace.capture(line).then(
        (r) => live && setOut({ line, stdout: r.stdout, stderr: r.stderr, loading: false }),
        (e: unknown) => live && setOut({ line, stdout: '', stderr: String(e), loading: false }),
      )
    }, wait)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [workspace, line, version])

  // Another object's output is not shown for this one while its own is on the way.
  return out.line === line ? out : { line: line ?? '', stdout: '', stderr: '', loading: true }
}
