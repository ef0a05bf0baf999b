// kubectl edit in a running cluster: the seed's `kubectl edit sts sts-kubia` (seed 004), the scripted
// editor (`KUBE_EDITOR="cp FILE"`), the app's editor (an EditorHook), and kubectl's texts from
// editoptions.go (header, reasons, "Edit cancelled" lines).

import { describe, expect, it } from 'vitest'
import type { EditorHook } from '../../shell/types'
import { testShell, WEB_YAML, webShell } from '../mutate/test-shell'

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`

/** An editor that answers each opening with the next edit of what it was shown. */
function scriptedEditor(...edits: ((shown: string) => string | undefined)[]): EditorHook & { shown: string[] } {
  const shown: string[] = []
  return {
    shown,
    async edit(_path, content) {
      shown.push(content)
      return edits[shown.length - 1]?.(content)
    },
  }
}

describe('kubectl edit', () => {
  it('saves the edited object and says edited (seed 004)', async () => {
    const t = testShell()
    t.write('sts.yaml', WEB_YAML.split('---\n')[1].replace('name: web', 'name: sts-kubia'))
    await t.sh('kubectl apply -f sts.yaml')
    await t.sh('kubectl get sts sts-kubia -o yaml | sed "s/replicas: 3/replicas: 1/" > edited.yaml')
    const r = await t.sh('KUBE_EDITOR="cp edited.yaml" kubectl edit sts sts-kubia')
    expect(r).toEqual({ stdout: 'statefulset.apps/sts-kubia edited\n', stderr: '', exitCode: 0 })
    expect(t.sim.api.get('StatefulSet', 'default', 'sts-kubia')?.spec?.replicas).toBe(1)
  })

  it('cancels when nothing changed', async () => {
    const t = await webShell()
    const r = await t.sh('KUBE_EDITOR=true kubectl edit sts web')
    expect(r).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 })
  })

  it('cannot launch an editor where there is no screen', async () => {
    const t = await webShell()
    const r = await t.sh('kubectl edit sts web')
    expect(r).toEqual({ stdout: '', stderr: 'error: unable to launch the editor "vi"\n', exitCode: 1 })
  })

  it('opens the object in the app editor under the instruction header', async () => {
    const editor = scriptedEditor(() => undefined)
    const t = await webShell({ editor })
    await t.sh('kubectl edit sts web')
    expect(editor.shown[0].startsWith(HEADER + 'apiVersion: apps/v1\nkind: StatefulSet\n')).toBe(true)
  })

  it('treats closing the editor without saving as no change', async () => {
    const t = await webShell({ editor: scriptedEditor(() => undefined) })
    const r = await t.sh('kubectl edit sts web')
    expect(r.stderr).toBe('Edit cancelled, no changes made.\n')
  })

  it('edits what the app editor saved', async () => {
    const t = await webShell({ editor: scriptedEditor((s) => s.replace('replicas: 3', 'replicas: 2')) })
    const r = await t.sh('kubectl edit sts web')
    expect(r.stdout).toBe('statefulset.apps/web edited\n')
    expect(t.sim.api.get('StatefulSet', 'default', 'web')?.spec?.replicas).toBe(2)
  })

  it('reopens an invalid edit with the reasons in the header', async () => {
    const editor = scriptedEditor(
      (s) => s.replace('serviceName: nginx', 'serviceName: other'),
      () => undefined,
    )
    const t = await webShell({ editor })
    await t.sh('kubectl edit sts web')
    expect(editor.shown[1].startsWith(
      HEADER +
        '# statefulsets.apps "web" was not valid:\n' +
        "# * spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n" +
        '#\n',
    )).toBe(true)
  })

  it('keeps the invalid edit in a file when it is saved again unchanged', async () => {
    const t = await webShell({ editor: scriptedEditor((s) => s.replace('serviceName: nginx', 'serviceName: other'), (s) => s) })
    const r = await t.sh('kubectl edit sts web')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(
      /^error: statefulsets\.apps "web" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    )
  })

  it('aborts on an empty file', async () => {
    const t = await webShell({ editor: scriptedEditor(() => '') })
    const r = await t.sh('kubectl edit sts web')
    expect(r.stderr).toBe('Edit cancelled, saved file was empty.\n')
  })

  it('edits several objects as one list', async () => {
    const editor = scriptedEditor(() => undefined)
    const t = await webShell({ editor })
    await t.sh('kubectl edit sts/web svc/nginx')
    expect(editor.shown[0].startsWith(HEADER + 'apiVersion: v1\nitems:\n')).toBe(true)
  })
})
