// The four panes on one CSS grid: instructions | editor over terminal | cluster, with splitters
// between them. On a narrow screen (a tablet held upright) the same panes stack: the terminal stays
// below, and the other three share the space above, one at a time, chosen with a row of tabs. The
// panes are always mounted and only the grid changes, so a resize or a rotation never restarts the
// terminal or the editor.

import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import { useActions, useApp } from '../state/hooks'
import { DEFAULT_SIZES, focusPane, MIN_PX, PANES, paneElementId, type PaneId, type SplitId } from './panes'
import { Splitter } from './Splitter'
import { useMedia } from './use-media'

export const NARROW_QUERY = '(max-width: 899px)'
const SPLIT_PX = 6

type Stacked = Exclude<PaneId, 'terminal'>

export function Workbench({ panes }: { panes: Record<PaneId, ReactNode> }) {
  const t = useT()
  const actions = useActions()
  const saved = useApp((s) => s.paneSizes)
  const openFile = useApp((s) => s.openFile)
  const narrow = useMedia(NARROW_QUERY)
  const [live, setLive] = useState<Partial<Record<SplitId, number>>>({})
  const [shown, setShown] = useState<Stacked>('instructions')
  const box = useRef<HTMLElement>(null)

  const size = (id: SplitId) => live[id] ?? saved[id] ?? DEFAULT_SIZES[id]

  // A file opened for editing (`vi web.yaml` in the terminal) brings the editor into view.
  useEffect(() => {
    if (openFile !== undefined) setShown('editor')
  }, [openFile])

  // Alt+1..4 go to a pane (showing it first on a narrow screen); Alt+S skips until settled. By key
  // code, so a layout where Alt+digit types a character works the same.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const pane = PANES.find((p) => e.code === `Digit${p.key}`)
      if (pane) {
        e.preventDefault()
        e.stopPropagation()
        if (pane.id !== 'terminal') setShown(pane.id)
        requestAnimationFrame(() => focusPane(pane.id))
      } else if (e.code === 'KeyS') {
        e.preventDefault()
        e.stopPropagation()
        actions.skipUntilSettled()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [actions])

  const rect = () => box.current?.getBoundingClientRect() ?? new DOMRect(0, 0, 1280, 680)
  const clampWidth = (id: 'instructions' | 'cluster') => (f: number) => {
    const w = rect().width
    const other = size(id === 'instructions' ? 'cluster' : 'instructions') * w
    const max = (w - other - MIN_PX.center - 2 * SPLIT_PX) / w
    return Math.min(Math.max(f, MIN_PX.side / w), Math.max(max, MIN_PX.side / w))
  }
  const clampHeight = (f: number) => {
    const h = rect().height
    return Math.min(Math.max(f, MIN_PX.editor / h), 1 - (MIN_PX.terminal + SPLIT_PX) / h)
  }
  const split = (id: SplitId, orientation: 'vertical' | 'horizontal', before: PaneId, after: PaneId, clamp: (f: number) => number, fromPointer: (x: number, y: number) => number) => (
    <Splitter
      id={id}
      orientation={orientation}
      value={size(id)}
      clamp={clamp}
      fromPointer={fromPointer}
      after={id === 'cluster'}
      label={t('layout.splitter', { before: t(`pane.${before}`), after: t(`pane.${after}`) })}
      onLive={(f) => setLive((l) => ({ ...l, [id]: f }))}
      onCommit={(f) => {
        actions.setPaneSize(id, f)
        setLive((l) => ({ ...l, [id]: undefined }))
      }}
    />
  )

  const style = {
    '--f-instructions': size('instructions'),
    '--f-cluster': size('cluster'),
    '--f-editor': size('editor'),
    '--f-stack': size('stack'),
  } as CSSProperties

  return (
    <main ref={box} className="workbench" data-narrow={narrow ? '' : undefined} style={style} data-testid="workbench">
      {narrow && (
        <div className="stack-tabs" role="tablist" aria-label={t('layout.show')}>
          {PANES.filter((p) => p.id !== 'terminal').map((p) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              aria-selected={shown === p.id}
              aria-controls={paneElementId(p.id)}
              onClick={() => setShown(p.id as Stacked)}
              data-testid={`show-${p.id}`}
            >
              {t(p.title)}
            </button>
          ))}
        </div>
      )}
      {PANES.map((p) => (
        <section
          key={p.id}
          id={paneElementId(p.id)}
          className={`pane pane--${p.id}`}
          aria-label={t(p.title)}
          tabIndex={-1}
          hidden={narrow && p.id !== 'terminal' && p.id !== shown}
          data-testid={`pane-${p.id}`}
        >
          {panes[p.id]}
        </section>
      ))}
      {!narrow && split('instructions', 'vertical', 'instructions', 'editor', clampWidth('instructions'), (x) => (x - rect().left) / rect().width)}
      {!narrow && split('cluster', 'vertical', 'terminal', 'cluster', clampWidth('cluster'), (x) => (rect().right - x) / rect().width)}
      {!narrow && split('editor', 'horizontal', 'editor', 'terminal', clampHeight, (_x, y) => (y - rect().top) / rect().height)}
      {narrow && split('stack', 'horizontal', shown, 'terminal', clampHeight, (_x, y) => (y - rect().top) / rect().height)}
    </main>
  )
}
