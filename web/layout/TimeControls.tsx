// The simulated clock and its controls: pause/resume, 1×/2×/5×/10×, and "skip until settled".
// The clock shows the cluster's time (UTC, as kubectl's timestamps are).

import { useRef } from 'react'
import { useT } from '../i18n/use-t'
import type { Speed } from '../state/contract'
import { useActions, useApp } from '../state/hooks'

const SPEEDS: readonly Exclude<Speed, 0>[] = [1, 2, 5, 10]

export function formatClock(now: number): string {
  return new Date(now).toISOString().slice(11, 19)
}

export function TimeControls() {
  const t = useT()
  const now = useApp((s) => s.now)
  const speed = useApp((s) => s.speed)
  const actions = useActions()
  // The speed to resume at: the last one chosen before pausing.
  const resume = useRef<Exclude<Speed, 0>>(1)
  if (speed !== 0) resume.current = speed
  const paused = speed === 0

  return (
    <div className="time" role="group" aria-label={t('time.clock')}>
      <time
        className="time__clock"
        dateTime={new Date(now).toISOString()}
        title={`${t('time.clock')}: ${new Date(now).toISOString()}`}
        data-testid="clock"
        data-paused={paused ? '' : undefined}
      >
        {formatClock(now)}
      </time>
      <button
        type="button"
        className="tool-button"
        aria-pressed={paused}
        aria-label={paused ? t('time.resume') : t('time.pause')}
        title={paused ? t('time.resume') : t('time.pause')}
        data-testid="pause"
        onClick={() => actions.setSpeed(paused ? resume.current : 0)}
      >
        {paused ? <PlayIcon /> : <PauseIcon />}
      </button>
      <div className="segmented" role="group" aria-label={t('time.speed')}>
        {SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={speed === s}
            aria-label={t('time.speedOption', { n: s })}
            data-testid={`speed-${s}`}
            onClick={() => actions.setSpeed(s)}
          >
            {s}×
          </button>
        ))}
      </div>
      <button type="button" className="tool-button tool-button--text" title={t('time.skipTitle')} data-testid="skip" onClick={() => actions.skipUntilSettled()}>
        <SkipIcon />
        <span className="label-wide">{t('time.skip')}</span>
      </button>
    </div>
  )
}

const PauseIcon = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <rect x="3.5" y="2.5" width="3" height="11" rx="0.5" fill="currentColor" />
    <rect x="9.5" y="2.5" width="3" height="11" rx="0.5" fill="currentColor" />
  </svg>
)

const PlayIcon = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <path d="M4 2.5v11l9.5-5.5z" fill="currentColor" />
  </svg>
)

const SkipIcon = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <path d="M2 3v10l6-5zM8 3v10l6-5z" fill="currentColor" />
    <rect x="13.5" y="3" width="1.5" height="10" fill="currentColor" />
  </svg>
)
