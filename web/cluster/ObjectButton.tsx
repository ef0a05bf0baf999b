// Every object in the picture is a button: a click, Enter or Space opens its details (YAML, describe
// output, events). Each button reads only whether *it* is selected (a boolean selector), so selecting
// one pod re-renders two buttons, not a hundred.

import { type ReactNode } from 'react'
import { useActions, useApp } from '../state/hooks'
import { refName, sameRef } from './format'
import type { ObjectRef } from './model/types'

interface Props {
  objRef: ObjectRef
  className: string
  children: ReactNode
  /** Extra attributes the styles and tests key on (data-stage...). */
  data?: Record<`data-${string}`, string | undefined>
  label?: string
  title?: string
}

export function ObjectButton({ objRef, className, children, data, label, title }: Props) {
  const { select } = useActions()
  const selected = useApp((s) => sameRef(s.selected, objRef))
  return (
    <button
      type="button"
      className={className}
      aria-haspopup="dialog"
      aria-expanded={selected}
      aria-label={label}
      title={title ?? refName(objRef)}
      data-selected={selected ? '' : undefined}
      data-object={refName(objRef)}
      onClick={() => select({ kind: objRef.kind, namespace: objRef.namespace, name: objRef.name })}
      {...data}
    >
      {children}
    </button>
  )
}
