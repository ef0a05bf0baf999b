// Where the details sheet goes: beside the cluster pane, over the editor and terminal, as tall as the
// pane, so the live picture stays in sight (click another pod and the sheet follows) and describe
// output gets its ~80 columns. Where there is no room beside it (a tablet held upright, where the
// pane is the whole width), over the pane. Measured from the pane, so the toolbar's height, a notice
// banner or ?embed=1 need no constants here.

import { useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react'

const WANT_PX = 640
/** Narrower than this beside the pane, and the sheet goes over the pane instead. */
const MIN_BESIDE_PX = 480
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
      const beside = r.left - 2 * MARGIN_PX
      if (beside >= MIN_BESIDE_PX) {
        const width = Math.min(WANT_PX, beside)
        setBox({ top: r.top, height: r.height, left: r.left - MARGIN_PX - width, width })
        return
      }
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
