// One terminal tab's behaviour, between the keyboard and the tab's shell (TerminalTab): bash's
// interactive loop as a person sees it. At a prompt, keys go to the line editor; Enter runs the line
// (or, when the shell needs more, shows PS2 `> ` for the next); while a line runs, keys are typed
// ahead, echoed as a tty echoes them and read by the next prompt; Ctrl-C shows `^C` and cancels.
// Lines run from elsewhere (the editor's Apply) take the prompt's place and give it back after.
// No DOM: the screen is anything that takes writes, so this is tested on a virtual screen.

import type { TabActivity, TerminalTab } from '../state/contract'
import { parseKeys, type Key } from './keys'
import { initialEditor, step, view, type EditorState, type Effect } from './line-editor'
import { columnAfter, toTerminal } from './output'
import { LineRenderer } from './render'

export interface Screen {
  write(data: string): void
  /** An impossible move (readline's rl_ding). */
  bell(): void
  /** Rows above the cursor still on screen (a redraw never moves above them). */
  rowsAbove?(): number
}

/** bash's PS2. */
export const PS2 = '> '

type Mode = 'idle' | 'running'

export class TerminalDriver {
  private editor: EditorState = initialEditor()
  private mode: Mode = 'idle'
  /** Lines of a command that needs more (PS2), before the one being edited. */
  private pending: string[] = []
  /** Keys typed while a line runs, for the next prompt. */
  private typeAhead: Key[] = []
  private interrupted = false
  private col = 0
  private columns: number
  private readonly renderer: LineRenderer
  private readonly offs: (() => void)[] = []
  private started = false
  private readonly onPrompt: (() => void) | undefined

  constructor(
    private readonly tab: TerminalTab,
    private readonly screen: Screen,
    opts: { columns?: number; onPrompt?: () => void } = {},
  ) {
    this.columns = opts.columns ?? 80
    this.renderer = new LineRenderer(this.columns)
    this.onPrompt = opts.onPrompt
  }

  /** Starts listening to the tab and shows the first prompt (or waits, when a line is running). */
  start(): void {
    if (this.started) return
    this.started = true
    this.offs.push(this.tab.onOutput((c) => this.output(c.text)))
    this.offs.push(this.tab.onActivity((e) => this.activity(e)))
    if (this.tab.busy()) this.mode = 'running'
    else this.showPrompt()
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off()
  }

  /** Whether a prompt is shown (nothing runs in the tab). */
  get idle(): boolean {
    return this.mode === 'idle'
  }

  /** Input from the terminal (xterm's onData). */
  input(data: string): void {
    for (const key of parseKeys(data)) {
      if (this.mode === 'running') this.typeAheadKey(key)
      else this.editorKey(key)
    }
  }

  /** The terminal is `columns` wide now (its pane was resized). */
  resize(columns: number): void {
    columns = Math.max(1, Math.floor(columns))
    if (columns === this.columns) return
    this.columns = columns
    this.tab.resize(columns)
    this.write(this.renderer.resize(columns, this.mode === 'idle' ? this.currentView() : undefined))
  }

  private write(data: string): void {
    if (!data) return
    this.screen.write(data)
    this.col = columnAfter(this.col, data, this.columns)
  }

  private prompt(): string {
    return this.pending.length ? PS2 : this.tab.current().prompt()
  }

  private currentView() {
    return view(this.editor, this.prompt())
  }

  private render(): void {
    if (this.mode !== 'idle' || !this.renderer.active) return
    this.write(this.renderer.render(this.currentView(), this.screen.rowsAbove?.()))
  }

  private showPrompt(): void {
    this.mode = 'idle'
    this.renderer.begin(Math.min(this.col, this.columns - 1))
    this.render()
    this.onPrompt?.()
  }

  /** Leaves the drawn line (after `suffix`) so that what follows starts on the next row. */
  private leaveLine(suffix = ''): void {
    this.write(this.renderer.finish(suffix))
    this.col = 0
  }

  private editorKey(key: Key): void {
    const r = step(this.editor, key, {
      history: this.tab.history(),
      complete: (line, cursor) => this.tab.complete(line, cursor),
      columns: this.columns,
    })
    this.editor = r.state
    for (const e of r.effects) this.effect(e)
    this.render()
  }

  private effect(e: Effect): void {
    switch (e.kind) {
      case 'accept':
        return this.accept(e.line)
      case 'interrupt':
        this.pending = []
        this.leaveLine('^C')
        return this.showPrompt()
      case 'eof':
        return this.endOfInput()
      case 'bell':
        return this.screen.bell()
      case 'clear-screen':
        this.write('\x1b[H\x1b[2J')
        this.col = 0
        return this.showPrompt()
      case 'print':
        this.leaveLine()
        this.write(e.lines.map((l) => l + '\r\n').join(''))
        return this.showPrompt()
      case 'newline':
        this.leaveLine()
        return this.showPrompt()
    }
  }

  private accept(line: string): void {
    // The line as it will stay on screen: the shell's prompt (not the search's), the cursor at its end.
    this.write(this.renderer.render({ prompt: this.prompt(), text: line, cursor: line.length }))
    this.leaveLine()
    const full = [...this.pending, line].join('\n')
    if (this.tab.current().needsMore(full)) {
      this.pending.push(line)
      return this.showPrompt()
    }
    this.pending = []
    if (full.trim() === '') return this.showPrompt()
    this.runLine(full)
  }

  /**
   * Ctrl-D on an empty line. A container's shell ends (busybox ash prints a newline on EOF, ash.c
   * cmdloop) and the host prompt returns. The host shell stays, as bash does with `set -o ignoreeof`:
   * closing the tab by accident would lose the shell's variables and directory.
   */
  private endOfInput(): void {
    if (this.pending.length) return this.screen.bell()
    if (!this.tab.nested()) {
      this.leaveLine()
      this.write('Use "exit" to leave the shell.\r\n')
      return this.showPrompt()
    }
    this.leaveLine()
    this.runLine('exit')
  }

  private runLine(line: string): void {
    this.mode = 'running'
    this.interrupted = false
    this.tab.run(line, { echo: false }).catch((err: unknown) => {
      this.output(`${err instanceof Error ? err.message : String(err)}\n`)
    })
  }

  /** A key while a line runs: echoed as the tty would (control keys as ^X), kept for the next prompt. */
  private typeAheadKey(key: Key): void {
    if (key.type === 'ctrl' && key.char === 'c' && !key.meta) {
      // The tty flushes its input on SIGINT: what was typed ahead is gone.
      this.typeAhead = []
      this.write('^C')
      this.interrupted = true
      this.tab.interrupt()
      return
    }
    if (key.type === 'ctrl' && key.char === 'd' && !key.meta) return
    if (key.type === 'paste') {
      // bash turns bracketed paste off while a command runs: the text arrives as typed.
      for (const k of parseKeys(key.text.replace(/\n/g, '\r'))) this.typeAheadKey(k)
      return
    }
    if (key.type === 'key' && key.name === 'backspace' && !key.meta) {
      const last = this.typeAhead[this.typeAhead.length - 1]
      if (last?.type !== 'text') return
      const chars = [...last.text]
      chars.pop()
      if (chars.length) this.typeAhead[this.typeAhead.length - 1] = { type: 'text', text: chars.join('') }
      else this.typeAhead.pop()
      this.write('\b \b')
      return
    }
    this.typeAhead.push(key)
    this.write(echoOf(key))
  }

  private output(text: string): void {
    const out = toTerminal(text)
    if (this.mode === 'idle' && this.renderer.active) {
      // Output while a prompt is shown (a background job): above the prompt, which is drawn again.
      this.write(this.renderer.erase())
      this.write(out)
      if (this.col !== 0) this.write('\r\n')
      this.showPrompt()
      return
    }
    this.write(out)
  }

  private activity(e: TabActivity): void {
    if (e.type === 'start') {
      if (this.mode === 'idle') {
        // A line sent from elsewhere (the editor's Apply): its echo takes the prompt's place; what
        // was being typed comes back with the next prompt.
        this.write(this.renderer.erase())
        this.mode = 'running'
        this.interrupted = false
      }
      return
    }
    if (this.tab.busy()) return
    if (this.interrupted && this.col !== 0) this.write('\r\n')
    this.interrupted = false
    this.showPrompt()
    // What was typed meanwhile is read now, up to the next line it runs.
    const keys = this.typeAhead
    this.typeAhead = []
    for (let i = 0; i < keys.length; i++) {
      if (this.mode === 'running') {
        this.typeAhead.push(...keys.slice(i))
        break
      }
      this.editorKey(keys[i])
    }
  }
}

/** What a tty in canonical mode with echoctl shows for a key typed while a program runs. */
function echoOf(key: Key): string {
  switch (key.type) {
    case 'text':
      return key.text
    case 'paste':
      return toTerminal(key.text)
    case 'ctrl':
      return (key.meta ? '^[' : '') + '^' + key.char.toUpperCase()
    case 'meta':
      return '^[' + key.char
    case 'key':
      if (key.name === 'enter') return '\r\n'
      if (key.name === 'tab') return '\t'
      return key.seq.split('\x1b').join('^[').split('\x7f').join('^?')
  }
}
