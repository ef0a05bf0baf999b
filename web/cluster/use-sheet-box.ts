// Where the details sheet goes: over the cluster pane, as tall as it and reaching left over the
// editor and terminal when the pane is too narrow for describe output (about 80 columns). Measured
// from the pane, so the toolbar's height, a notice banner or ?embed=1 need no constants here.

import { useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react'

const WANT_PX = 640
const MARGIN_PX = 6

export function useSheetBox(open: boolean): [RefObject<HTMLDivElement | null>, CSSProperties] {
  const root = useRef<HTMLDivElement>(null)
  const [box, setBox] = useState<CSSProperties>({})
  useLayoutEffect(() => {
    if (!open) return
    const measure = () => {
      const el = root.current
      if (!el) return
      const r = el.getBoundingClientRect()
      const vw = window.innerWidth
      const width = Math.min(Math.max(r.width, WANT_PX), vw - 2 * MARGIN_PX)
      setBox({ top: r.top, height: r.height, left: Math.max(MARGIN_PX, Math.min(r.right, vw - MARGIN_PX) - width), width })
    }
    measure()
    const ro = new ResizeObserver(measure)
    if (root.current) ro.observe(root.current)
    window.addEventListener('resize', measure)
    return () => {
      ro.disconnect()
      window.removeEventListener('resize', measure)
    }
  }, [open])
  return [root, box]
}
