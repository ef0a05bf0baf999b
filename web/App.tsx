// The app: the toolbar, a notice when the saved session had to be replaced, and the four panes.
// It only composes; the parts come from web/layout, web/terminal, web/editor and web/cluster, and
// talk through the store (web/state/contract.ts).
//
// The terminal, editor and cluster view are found with import.meta.glob so the app builds while a
// part is still missing (a placeholder shows instead). The terminal is eager: it is what the page
// exists for, and the start-up benchmark times it. The editor (Monaco) and the cluster view load
// lazily, in their own chunks, after the terminal works.

import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react'
import { useT } from './i18n/use-t'
import { ErrorBoundary } from './layout/ErrorBoundary'
import { NoticeBanner } from './layout/NoticeBanner'
import { ClusterPlaceholder, InstructionsPlaceholder, PanePlaceholder } from './layout/Placeholders'
import { Toolbar } from './layout/Toolbar'
import { Workbench } from './layout/Workbench'
import { focusPane } from './layout/panes'
import { useApp } from './state/hooks'

type PaneModule = Record<string, ComponentType | undefined>

function pick(mod: PaneModule | undefined, name: string): ComponentType | undefined {
  return mod?.[name] ?? mod?.default
}

const terminalModule = Object.values(import.meta.glob<PaneModule>('./terminal/TerminalPane.tsx', { eager: true }))[0]
const TerminalPane = pick(terminalModule, 'TerminalPane')

function lazyPane(loaders: Record<string, () => Promise<PaneModule>>, name: string): ComponentType | undefined {
  const load = Object.values(loaders)[0]
  if (!load) return undefined
  return lazy(async () => {
    const Component = pick(await load(), name)
    return { default: Component ?? (() => null) }
  })
}

// TODO(cluster view): web/cluster/ClusterPane.tsx (named export ClusterPane, no props) replaces the
// placeholder list of nodes and pods as soon as the file exists.
const EditorPane = lazyPane(import.meta.glob<PaneModule>('./editor/EditorPane.tsx'), 'EditorPane')
const ClusterPane = lazyPane(import.meta.glob<PaneModule>('./cluster/ClusterPane.tsx'), 'ClusterPane')

function Lazy({ Component, fallback }: { Component: ComponentType | undefined; fallback: ReactNode }) {
  if (!Component) return <>{fallback}</>
  return (
    <Suspense fallback={fallback}>
      <Component />
    </Suspense>
  )
}

export function App({ embed }: { embed: boolean }) {
  const t = useT()
  const theme = useApp((s) => s.theme)
  // The editor and the cluster view work on the simulated machine and cluster: they mount once the
  // simulator has loaded (the terminal takes typing before that).
  const booting = useApp((s) => s.booting)
  const starting = <PanePlaceholder text={t('app.loading')} />
  useEffect(() => {
    // The start-up benchmark's stage: the page's first commit.
    if (!performance.getEntriesByName('ordinal:render').length) performance.mark('ordinal:render')
  }, [])
  return (
    <div className="app" data-theme={theme} data-embed={embed ? '' : undefined}>
      <a
        className="skip-link"
        href="#pane-terminal"
        onClick={(e) => {
          e.preventDefault()
          focusPane('terminal')
        }}
      >
        {t('layout.skipToTerminal')}
      </a>
      <Toolbar embed={embed} />
      <NoticeBanner />
      <Workbench
        panes={{
          instructions: (
            <ErrorBoundary name={t('pane.instructions')}>
              <InstructionsPlaceholder />
            </ErrorBoundary>
          ),
          editor: (
            <ErrorBoundary name={t('pane.editor')}>
              {booting ? starting : <Lazy Component={EditorPane} fallback={<PanePlaceholder text={t('editor.placeholder')} />} />}
            </ErrorBoundary>
          ),
          terminal: <ErrorBoundary name={t('pane.terminal')}>{TerminalPane ? <TerminalPane /> : <PanePlaceholder text={t('terminal.placeholder')} />}</ErrorBoundary>,
          cluster: (
            <ErrorBoundary name={t('pane.cluster')}>
              {booting ? <ClusterPlaceholder /> : <Lazy Component={ClusterPane} fallback={<ClusterPlaceholder />} />}
            </ErrorBoundary>
          ),
        }}
      />
    </div>
  )
}
