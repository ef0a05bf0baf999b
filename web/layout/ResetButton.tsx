// Reset: a fresh cluster and machine after a confirmation (a modal <dialog>: focus moves into it,
// Esc closes it, and the safe choice has the focus).

import { useRef, useState } from 'react'
import { useT } from '../i18n/use-t'
import { useActions } from '../state/hooks'

export function ResetButton() {
  const t = useT()
  const actions = useActions()
  const dialog = useRef<HTMLDialogElement>(null)
  const [busy, setBusy] = useState(false)

  const confirm = async () => {
    setBusy(true)
    try {
      await actions.reset()
    } finally {
      setBusy(false)
      dialog.current?.close()
    }
  }

  return (
    <>
      <button type="button" className="tool-button tool-button--text" title={t('reset.title')} data-testid="reset" onClick={() => dialog.current?.showModal()}>
        <ResetIcon />
        <span className="label-wide">{t('reset.button')}</span>
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="reset-text" data-testid="reset-dialog">
        <p id="reset-text">{t('reset.confirm')}</p>
        <div className="dialog__buttons">
          <button type="button" className="button" autoFocus onClick={() => dialog.current?.close()} data-testid="reset-cancel">
            {t('reset.no')}
          </button>
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirm()} data-testid="reset-confirm">
            {t('reset.yes')}
          </button>
        </div>
      </dialog>
    </>
  )
}

const ResetIcon = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <path d="M3.2 6.5A5 5 0 1 1 3 9.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    <path d="M2 2.8v4h4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
)
