// The YAML editor in real Chromium: files shared with the terminal, Apply through the terminal,
// kubectl's YAML error on kubectl's line, schema markers, vi and kubectl edit, lazy Monaco.

import { expect, test } from '@playwright/test'
import { editorText, markers, monacoReady, newFile, openApp, openTab, promptBack, runInTerminal, setText, shot, STS, terminalText, typeInTerminal } from './editor-helpers'

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror:', e.message))
})

test('applies the YAML in the editor through the terminal', async ({ page }) => {
  await openApp(page)
  await newFile(page, 'web.yaml')
  await monacoReady(page)
  await setText(page, STS.replace('replicas: 2', 'replicas: 1'))
  // Typed the way a student does: into Monaco, then Ctrl+Enter.
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('# one replica to start')
  await page.keyboard.press('Control+Enter')
  await expect.poll(() => terminalText(page)).toContain('kubectl apply -f web.yaml')
  await expect.poll(() => terminalText(page)).toContain('statefulset.apps/web created')
  // Apply saved first: the shell reads what the editor shows.
  await typeInTerminal(page, 'tail -n 1 web.yaml')
  await expect.poll(() => terminalText(page)).toContain('# one replica to start')
  await expect(page.locator('.ord-editor-tab.is-current')).toHaveText('web.yaml')
  await shot(page, 'apply')
})

test('shows kubectl\'s YAML error on the line kubectl names, and kubectl says the same', async ({ page }) => {
  await openApp(page)
  await newFile(page, 'web.yaml')
  await monacoReady(page)
  await setText(page, STS.replace('  selector:\n', '  selector: a: b\n'))
  const expected = 'error converting YAML to JSON: yaml: line 8: mapping values are not allowed in this context'
  await expect.poll(async () => (await markers(page, 'kubectl')).map((m) => [m.startLineNumber, m.message])).toEqual([[8, expected]])
  await expect(page.getByTestId('editor-kubectl-error')).toContainText(expected)
  await page.getByTestId('editor-apply').click()
  await expect.poll(() => terminalText(page)).toContain(`error: error parsing web.yaml: ${expected}`)
  await shot(page, 'kubectl-marker')
})

test('marks an indentation error at the line kubectl names', async ({ page }) => {
  await openApp(page)
  await newFile(page, 'bad.yaml')
  await monacoReady(page)
  // `image:` one space short of its siblings: kubectl names line 17 ("did not find expected key").
  await setText(page, STS.replace('        image:', '       image:'))
  await expect.poll(async () => (await markers(page, 'kubectl')).map((m) => m.startLineNumber)).toEqual([17])
  await page.getByTestId('editor-apply').click()
  await expect.poll(() => terminalText(page)).toContain('error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 17: ')
  const kubectlSays = /yaml: line 17: (.*)/.exec(await terminalText(page))?.[1]
  expect((await markers(page, 'kubectl'))[0].message).toContain(kubectlSays)
  // The status line's kubectl error takes the cursor to that line.
  await page.getByTestId('editor-kubectl-error').click()
  await expect.poll(() => page.evaluate(() => (window as any).__editor.getPosition().lineNumber)).toBe(17)
  await shot(page, 'indentation-marker')
})

test('marks a field the schema does not have', async ({ page }) => {
  await openApp(page)
  await newFile(page, 'web.yaml')
  await monacoReady(page)
  await setText(page, STS.replace('replicas: 2', 'replica: 2'))
  await expect.poll(async () => (await markers(page, 'yaml')).map((m) => `${m.startLineNumber}: ${m.message}`)).toContain('7: Property replica is not allowed.')
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('Control+End')
  await shot(page, 'schema-marker')
})

test('checks each document of a multi-document file against its own kind', async ({ page }) => {
  await openApp(page)
  await newFile(page, 'all.yaml')
  await monacoReady(page)
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  clusterIP: None\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n    name: web\n---\n'
  await setText(page, svc + STS.replace('replicas: 2', 'replica: 2'))
  await expect.poll(async () => (await markers(page, 'yaml')).map((m) => `${m.startLineNumber}: ${m.message}`)).toEqual(['19: Property replica is not allowed.'])
})

test('shows field documentation on hover and completes field names', async ({ page }) => {
  await openApp(page)
  await newFile(page, 'web.yaml')
  await monacoReady(page)
  await setText(page, STS)
  // A hover before monaco-yaml's worker has the schema shows nothing and is not asked again: move
  // away and back until it answers.
  const word = page.locator('.monaco-editor .view-line', { hasText: 'replicas: 2' }).locator('span', { hasText: 'replicas' }).first()
  await expect(async () => {
    await page.mouse.move(0, 0)
    await word.hover()
    await expect(page.locator('.monaco-hover:not(.hidden)')).toContainText('replicas is the desired number of replicas', { timeout: 3_000 })
  }).toPass({ timeout: 15_000 })
  await shot(page, 'hover')
  await page.evaluate(() => {
    const ed = (window as any).__editor
    ed.setPosition({ lineNumber: 7, column: ed.getModel().getLineMaxColumn(7) })
    ed.focus()
  })
  await page.keyboard.press('Enter')
  await page.keyboard.type('podMan')
  await page.keyboard.press('Control+Space')
  await expect(page.locator('.suggest-widget')).toContainText('podManagementPolicy', { timeout: 10_000 })
  await shot(page, 'completion')
})

test('shows a file the terminal wrote with a heredoc', async ({ page }) => {
  await openApp(page)
  await runInTerminal(page, `cat <<EOF > web.yaml\n${STS}EOF`)
  await expect(page.locator('.ord-editor-tab', { hasText: 'web.yaml' })).toBeVisible()
  await openTab(page, 'web.yaml')
  await monacoReady(page)
  await expect.poll(() => editorText(page)).toBe(STS)
  // And the other way round: the terminal rewrites it, the editor follows.
  await runInTerminal(page, "sed -i 's/replicas: 2/replicas: 3/' web.yaml")
  await expect.poll(() => editorText(page)).toContain('replicas: 3')
  await shot(page, 'heredoc')
})

test('vi opens the file in the editor and saving writes it', async ({ page }) => {
  await openApp(page)
  await runInTerminal(page, `cat <<EOF > web.yaml\n${STS}EOF`)
  await typeInTerminal(page, 'vi web.yaml')
  await expect(page.getByTestId('editor-session')).toBeVisible()
  await monacoReady(page)
  await expect.poll(() => editorText(page)).toBe(STS)
  await shot(page, 'vi-session')
  await page.evaluate(() => {
    const ed = (window as any).__editor
    const m = ed.getModel()
    const line = m.getLinesContent().findIndex((l: string) => l.includes('replicas: 2')) + 1
    ed.setSelection({ startLineNumber: line, startColumn: 13, endLineNumber: line, endColumn: 14 })
    ed.focus()
  })
  await page.keyboard.type('5')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('editor-session')).toBeHidden()
  await promptBack(page)
  await runInTerminal(page, 'grep replicas web.yaml')
  await expect.poll(() => terminalText(page)).toContain('  replicas: 5')
})

test('Esc or Cancel leaves a file opened by vi unchanged', async ({ page }) => {
  await openApp(page)
  await runInTerminal(page, 'echo "a: 1" > a.yaml')
  await typeInTerminal(page, 'vi a.yaml')
  await expect(page.getByTestId('editor-session')).toBeVisible()
  await monacoReady(page)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('editor-session')).toBeHidden()
  await promptBack(page)
  await typeInTerminal(page, 'vi a.yaml')
  await expect(page.getByTestId('editor-session')).toBeVisible()
  await setText(page, 'a: 2\n')
  await page.getByTestId('editor-session-cancel').click()
  await expect(page.getByTestId('editor-session')).toBeHidden()
  await promptBack(page)
  await runInTerminal(page, 'cat a.yaml')
  await expect.poll(() => terminalText(page)).toMatch(/cat a\.yaml\s*\na: 1/)
  expect(await editorText(page)).toBe('a: 1\n')
})

test('kubectl edit opens the object in the editor', async ({ page }) => {
  await openApp(page)
  await runInTerminal(page, `cat <<EOF | kubectl apply -f -\n${STS}EOF`)
  await expect.poll(() => terminalText(page)).toContain('statefulset.apps/web created')
  await typeInTerminal(page, 'kubectl edit sts web')
  await expect(page.getByTestId('editor-session')).toBeVisible()
  await monacoReady(page)
  await expect.poll(() => editorText(page)).toContain('# Please edit the object below.')
  await expect(page.locator('.ord-editor-tab.is-current')).toHaveText(/^kubectl-edit-\d+\.yaml$/)
  await shot(page, 'kubectl-edit')
  await page.evaluate(() => {
    const ed = (window as any).__editor
    ed.setValue(ed.getValue().replace(/\n {2}replicas: 2\n/, '\n  replicas: 4\n'))
  })
  await page.getByTestId('editor-session-save').click()
  await expect.poll(() => terminalText(page)).toContain('statefulset.apps/web edited')
  // The temporary file's tab goes away with the session.
  await expect(page.locator('.ord-editor-tab', { hasText: 'kubectl-edit' })).toHaveCount(0)
  // No newline after the value: the prompt follows it on the same row.
  await typeInTerminal(page, 'kubectl get sts web -o jsonpath={.spec.replicas}')
  await expect.poll(() => terminalText(page)).toMatch(/jsonpath=\{\.spec\.replicas\}\s*\n4/)
})

test('kubectl edit reopens the file with its error, and Cancel gives up', async ({ page }) => {
  await openApp(page)
  await runInTerminal(page, `cat <<EOF | kubectl apply -f -\n${STS}EOF`)
  await typeInTerminal(page, 'kubectl edit sts web')
  await expect(page.getByTestId('editor-session')).toBeVisible()
  await monacoReady(page)
  await expect.poll(() => editorText(page)).toContain('  replicas: 2\n')
  await page.evaluate(() => {
    const ed = (window as any).__editor
    ed.setValue(ed.getValue().replace(/\n {2}replicas: 2\n/, '\n  replicas: two\n'))
  })
  await page.keyboard.press('Control+s')
  // kubectl puts its error at the top of the file and opens the editor again.
  await expect.poll(() => editorText(page)).toContain('# statefulsets.apps "web" was not valid:')
  await expect(page.getByTestId('editor-session')).toBeVisible()
  await shot(page, 'kubectl-edit-invalid')
  await page.getByTestId('editor-session-cancel').click()
  await promptBack(page)
  await expect.poll(() => terminalText(page)).toContain('error: Edit cancelled, no valid changes were saved.')
  await expect(page.locator('.ord-editor-tab', { hasText: 'kubectl-edit' })).toHaveCount(0)
})

test('the terminal works before Monaco has loaded', async ({ page }) => {
  // Hold Monaco's chunk back: the editor shows its plain text area, the terminal runs commands.
  let release!: () => void
  const held = new Promise<void>((r) => (release = r))
  await page.route(/MonacoEditor-[^/]*\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await openApp(page)
  await runInTerminal(page, 'kubectl get nodes')
  await expect.poll(() => terminalText(page)).toContain('k8s-node2')
  await runInTerminal(page, 'echo "kind: Pod" > pod.yaml')
  await openTab(page, 'pod.yaml')
  await expect(page.getByTestId('editor-placeholder')).toBeVisible()
  await expect(page.getByTestId('editor-placeholder').locator('textarea')).toHaveValue('kind: Pod\n')
  await shot(page, 'before-monaco')
  release()
  await monacoReady(page)
  await expect.poll(() => editorText(page)).toBe('kind: Pod\n')
})

test('speaks the app\'s language', async ({ page }) => {
  await openApp(page, '?lang=zh-CN')
  await runInTerminal(page, 'echo "a: 1" > a.yaml')
  await typeInTerminal(page, 'vi a.yaml')
  await expect(page.getByTestId('editor-session')).toContainText('终端正在等待此文件')
  await expect(page.getByTestId('editor-session-cancel')).toHaveText('取消')
  await shot(page, 'zh-CN')
  await page.getByTestId('editor-session-cancel').click()
  await promptBack(page)
})

test('follows the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await openApp(page)
  await runInTerminal(page, `cat <<EOF > web.yaml\n${STS}EOF`)
  await openTab(page, 'web.yaml')
  await monacoReady(page)
  await expect(page.locator('.monaco-editor')).toHaveClass(/vs-dark/)
  await shot(page, 'dark')
})
