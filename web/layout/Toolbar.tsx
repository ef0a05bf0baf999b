// The bar above the panes: the name, the clock and its controls, language, theme and reset. In an
// embed it is one compact row without the tagline.

import { LOCALES, LOCALE_NAMES } from '../i18n'
import { useT } from '../i18n/use-t'
import type { Locale } from '../state/contract'
import { useActions, useApp } from '../state/hooks'
import { ResetButton } from './ResetButton'
import { TimeControls } from './TimeControls'

export function Toolbar({ embed }: { embed: boolean }) {
  const t = useT()
  const theme = useApp((s) => s.theme)
  const locale = useApp((s) => s.locale)
  const actions = useActions()
  const next = theme === 'dark' ? 'light' : 'dark'

  return (
    <header className="toolbar" aria-label={t('layout.toolbar')}>
      <div className="brand">
        <Logo />
        <span className="brand__name">{t('app.title')}</span>
        {!embed && <span className="brand__tagline">{t('app.tagline')}</span>}
      </div>
      <TimeControls />
      <div className="toolbar__end">
        <label className="lang">
          <span className="sr-only">{t('lang.label')}</span>
          <GlobeIcon />
          <select value={locale} onChange={(e) => actions.setLocale(e.target.value as Locale)} data-testid="language" aria-label={t('lang.label')}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="tool-button"
          aria-label={next === 'light' ? t('theme.toLight') : t('theme.toDark')}
          title={next === 'light' ? t('theme.toLight') : t('theme.toDark')}
          data-testid="theme"
          onClick={() => actions.setTheme(next)}
        >
          {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
        </button>
        <ResetButton />
      </div>
    </header>
  )
}

// An ordinal stack: three pods in order, the StatefulSet's idea in a glyph.
const Logo = () => (
  <svg className="brand__logo" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
    <rect x="2" y="2" width="16" height="4.5" rx="1.2" fill="var(--accent)" />
    <rect x="2" y="7.75" width="16" height="4.5" rx="1.2" fill="var(--accent)" opacity="0.75" />
    <rect x="2" y="13.5" width="16" height="4.5" rx="1.2" fill="var(--accent)" opacity="0.5" />
  </svg>
)

const SunIcon = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <circle cx="8" cy="8" r="3" fill="currentColor" />
    <g stroke="currentColor" strokeWidth="1.4" strokeLinecap="round">
      <path d="M8 1v1.6M8 13.4V15M1 8h1.6M13.4 8H15M3 3l1.1 1.1M11.9 11.9 13 13M3 13l1.1-1.1M11.9 4.1 13 3" />
    </g>
  </svg>
)

const MoonIcon = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <path d="M13.5 10.2A6 6 0 0 1 5.8 2.5a6 6 0 1 0 7.7 7.7z" fill="currentColor" />
  </svg>
)

const GlobeIcon = () => (
  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
    <g fill="none" stroke="currentColor" strokeWidth="1.2">
      <circle cx="8" cy="8" r="6.2" />
      <path d="M1.8 8h12.4M8 1.8c-2.2 2.4-2.2 10 0 12.4M8 1.8c2.2 2.4 2.2 10 0 12.4" />
    </g>
  </svg>
)
