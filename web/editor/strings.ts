// The editor's labels, from the app's message tables (web/i18n, keys `editor.*`), gathered in one
// object so the components read `t.save` rather than repeating keys. Kubernetes and kubectl words stay
// English in both languages.

import { t } from '../i18n'
import type { Locale } from '../state/contract'

export function editorStrings(locale: Locale) {
  return {
    files: t(locale, 'editor.files'),
    newFile: t(locale, 'editor.newFile'),
    newFilePlaceholder: t(locale, 'editor.newFilePlaceholder'),
    save: t(locale, 'editor.save'),
    saveTitle: t(locale, 'editor.saveTitle'),
    apply: t(locale, 'editor.apply'),
    applyTitle: t(locale, 'editor.applyTitle'),
    cancel: t(locale, 'editor.cancel'),
    cancelTitle: t(locale, 'editor.cancelTitle'),
    loading: t(locale, 'editor.loading'),
    noFile: t(locale, 'editor.noFile'),
    unsaved: t(locale, 'editor.unsaved'),
    changedOnDisk: t(locale, 'editor.changedOnDisk'),
    reload: t(locale, 'editor.reload'),
    deletedOnDisk: t(locale, 'editor.deletedOnDisk'),
    editing: t(locale, 'editor.waiting'),
    escDirty: t(locale, 'editor.escDirty'),
    nameExists: (name: string) => t(locale, 'editor.nameExists', { name }),
    badName: t(locale, 'editor.badName'),
    goToLine: (line: number) => t(locale, 'editor.goToLine', { line }),
    kubectlSays: 'kubectl',
  }
}

export type EditorStrings = ReturnType<typeof editorStrings>
