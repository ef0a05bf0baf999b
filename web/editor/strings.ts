// The editor's labels in English and Simplified Chinese, kept in one place so they can move into the
// app's i18n (web/i18n) as one block once it exists. Kubernetes and kubectl words stay English in both.

import type { Locale } from '../state/contract'

const en = {
  files: 'Files',
  newFile: 'New file',
  newFilePlaceholder: 'name.yaml',
  save: 'Save',
  apply: 'Apply',
  applyTitle: 'Runs kubectl apply -f on this file in the terminal (Ctrl/Cmd+Enter)',
  saveTitle: 'Save to the machine (Ctrl/Cmd+S)',
  cancel: 'Cancel',
  cancelTitle: 'Close without saving (Esc when there are no changes)',
  loading: 'Loading the editor…',
  noFile: 'No file open. Write one in the terminal (cat <<EOF > web.yaml) or create one here.',
  unsaved: 'unsaved changes',
  changedOnDisk: 'The file changed on the machine.',
  reload: 'Reload',
  deletedOnDisk: 'The file was removed on the machine; saving writes it again.',
  editing: 'The terminal is waiting for this file: Save to continue, Cancel to leave it unchanged.',
  escDirty: 'Unsaved changes: Save (Ctrl/Cmd+S) or Cancel.',
  nameExists: (name: string) => `${name} already exists`,
  badName: 'Give a file name, e.g. web.yaml',
  kubectlSays: 'kubectl',
  goToLine: (line: number) => `Go to line ${line}`,
} as const

type Strings = { [K in keyof typeof en]: (typeof en)[K] extends (...a: infer A) => string ? (...a: A) => string : string }

const zh: Strings = {
  files: '文件',
  newFile: '新建文件',
  newFilePlaceholder: 'name.yaml',
  save: '保存',
  apply: 'Apply',
  applyTitle: '在终端里对此文件运行 kubectl apply -f（Ctrl/Cmd+Enter）',
  saveTitle: '保存到机器上（Ctrl/Cmd+S）',
  cancel: '取消',
  cancelTitle: '不保存并关闭（没有修改时也可按 Esc）',
  loading: '正在加载编辑器…',
  noFile: '没有打开的文件。可以在终端里写一个（cat <<EOF > web.yaml），或在这里新建。',
  unsaved: '有未保存的修改',
  changedOnDisk: '该文件已在机器上被修改。',
  reload: '重新加载',
  deletedOnDisk: '该文件已在机器上被删除；保存会重新写入。',
  editing: '终端正在等待此文件：保存以继续，取消则保持不变。',
  escDirty: '有未保存的修改：请保存（Ctrl/Cmd+S）或取消。',
  nameExists: (name: string) => `${name} 已存在`,
  badName: '请输入文件名，例如 web.yaml',
  kubectlSays: 'kubectl',
  goToLine: (line: number) => `转到第 ${line} 行`,
}

export function editorStrings(locale: Locale): Strings {
  return locale === 'zh-CN' ? zh : en
}

export type EditorStrings = Strings
