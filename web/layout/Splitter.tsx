// A resizable boundary between panes: dragged with a pointer, or focused and moved with the arrow
// keys (Home/End for the smallest and largest size), as WAI-ARIA's window splitter pattern says.
// It reports live sizes while dragging and commits once, at the end (one preferences save).

import { useRef, type KeyboardEvent, type PointerEvent } from 'react'

export interface SplitterProps {
  /** Which boundary (a key of paneSizes), also its CSS grid area. */
  id: string
  /** 'vertical': a bar between columns; 'horizontal': a bar between rows. */
  orientation: 'vertical' | 'horizontal'
  /** The fraction of the pane this splitter sizes. */
  value: number
  /** Keeps a fraction within the sizes the panes allow now. */
  clamp(fraction: number): number
  /** The fraction a pointer position means (the container's geometry is the caller's). */
  fromPointer(clientX: number, clientY: number): number
  /** True when the sized pane is after the bar (the right column): arrows move the other way. */
  after?: boolean
  label: string
  onLive(fraction: number): void
  onCommit(fraction: number): void
}

const STEP = 0.02

export function Splitter(p: SplitterProps) {
  const dragging = useRef(false)
  const last = useRef(p.value)

  const move = (fraction: number) => {
    last.current = p.clamp(fraction)
    p.onLive(last.current)
  }

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    e.preventDefault()
    e.currentTarget.setPointerCapture(e.pointerId)
    dragging.current = true
    last.current = p.value
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) move(p.fromPointer(e.clientX, e.clientY))
  }
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return
    dragging.current = false
    e.currentTarget.releasePointerCapture(e.pointerId)
    p.onCommit(last.current)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const grow = p.orientation === 'vertical' ? (p.after ? 'ArrowLeft' : 'ArrowRight') : 'ArrowDown'
    const shrink = p.orientation === 'vertical' ? (p.after ? 'ArrowRight' : 'ArrowLeft') : 'ArrowUp'
    let next: number
    if (e.key === grow) next = p.value + STEP
    else if (e.key === shrink) next = p.value - STEP
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = 1
    else return
    e.preventDefault()
    const v = p.clamp(next)
    p.onLive(v)
    p.onCommit(v)
  }

  return (
    <div
      className={`splitter splitter--${p.orientation}`}
      style={{ gridArea: `split-${p.id}` }}
      role="separator"
      aria-orientation={p.orientation}
      aria-label={p.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(p.value * 100)}
      tabIndex={0}
      data-testid={`splitter-${p.id}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
