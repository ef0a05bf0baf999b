// Arrow keys in a row of tabs (the WAI-ARIA tabs pattern): ←/→ (and Home/End) move to the next tab
// and select it. Tab still moves through every tab button too, so nothing needs the arrows.

import type { KeyboardEvent } from 'react'

export function onTabKeys<T extends string>(ids: readonly T[], current: T, select: (id: T) => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    const i = ids.indexOf(current)
    const next = e.key === 'ArrowRight' ? ids[(i + 1) % ids.length] : e.key === 'ArrowLeft' ? ids[(i - 1 + ids.length) % ids.length] : e.key === 'Home' ? ids[0] : e.key === 'End' ? ids[ids.length - 1] : undefined
    if (next === undefined) return
    e.preventDefault()
    select(next)
    const buttons = e.currentTarget.querySelectorAll<HTMLElement>('[role=tab]')
    buttons[ids.indexOf(next)]?.focus()
  }
}
