// A problem found while loading the saved session, said once, above the panes, until dismissed.

import { isMessageKey } from '../i18n'
import { useT } from '../i18n/use-t'
import { useActions, useApp } from '../state/hooks'

export function NoticeBanner() {
  const t = useT()
  const notice = useApp((s) => s.notice)
  const actions = useActions()
  if (!notice) return null
  return (
    <div className="notice" role="alert" data-testid="notice">
      <span>{isMessageKey(notice) ? t(notice) : notice}</span>
      <button type="button" className="button" onClick={() => actions.dismissNotice()}>
        {t('notice.dismiss')}
      </button>
    </div>
  )
}
