// The parser of Go's text/template (text/template/parse/parse.go, Go 1.24): actions, pipelines with
// variable declarations, if/else if/range/with/else with, break/continue, define/block/template,
// comments. Errors read as Go's do: `template: output:1: unexpected EOF`.
// Longer than the house's ~300 lines: it follows parse.go function by function, to be read beside it.

import { goQuote } from './fmt'
import { isKeyword, lex, type Item } from './lex'
import { nodeString, type ArgNode, type BranchNode, type CommandNode, type ListNode, type Node, type NumberNode, type PipeNode, type VariableNode } from './nodes'
import { unquote, unquoteBody } from './strconv'

export class GoTemplateParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GoTemplateParseError'
  }
}

/** The templates of one Parse: the main one and those made by define/block. */
export type TreeSet = Map<string, ListNode>

function itemString(i: Item): string {
  if (i.type === 'EOF') return 'EOF'
  if (i.type === 'error') return i.val
  if (isKeyword(i.type)) return `<${i.val}>`
  const runes = [...i.val]
  if (runes.length > 10) return `${goQuote(runes.slice(0, 10).join(''))}...`
  return goQuote(i.val)
}

function isEmptyTree(n: Node | null): boolean {
  if (!n) return true
  if (n.type === 'list') return n.nodes.every(isEmptyTree)
  if (n.type === 'text') return n.text.trim() === ''
  return n.type === 'comment'
}

function parseNumber(text: string, charConstant: boolean): NumberNode {
  const node: NumberNode = { type: 'number', pos: 0, text, isInt: false, isFloat: false, int: 0, float: 0 }
  if (charConstant) {
    const s = unquoteBody(text.slice(1, -1), "'")
    const runes = [...s]
    if (runes.length !== 1) throw new Error(`malformed character constant: ${text}`)
    const r = runes[0].codePointAt(0)!
    return { ...node, isInt: true, isFloat: true, int: r, float: r }
  }
  if (text.endsWith('i')) throw new Error(`illegal number syntax: ${goQuote(text)}`)
  const clean = text.replaceAll('_', '')
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(clean)
  if (m) {
    const body = m[2]
    let v: number
    if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16)
    else if (/^0[oO]/.test(body)) v = parseInt(body.slice(2), 8)
    else if (/^0[bB]/.test(body)) v = parseInt(body.slice(2), 2)
    else if (body.length > 1 && body[0] === '0') v = parseInt(body, 8)
    else v = Number(body)
    if (m[1] === '-') v = -v
    if (Math.abs(v) > 2 ** 63) throw new Error(`integer overflow: ${goQuote(text)}`)
    return { ...node, isInt: true, isFloat: true, int: v, float: v }
  }
  if (/^[+-]?([0-9]+\.?[0-9]*([eE][+-]?[0-9]+)?|\.[0-9]+([eE][+-]?[0-9]+)?)$/.test(clean)) {
    const f = Number(clean)
    const isInt = Number.isInteger(f) && Math.abs(f) < 2 ** 63
    return { ...node, isFloat: true, float: f, isInt, int: isInt ? f : 0 }
  }
  throw new Error(`illegal number syntax: ${goQuote(text)}`)
}

class Parser {
  private i = 0
  private furthest = 0
  private vars: string[] = ['$']
  private actionLine = 0
  private rangeDepth = 0

  constructor(
    private readonly items: Item[],
    private readonly funcs: ReadonlySet<string>,
    private readonly treeSet: TreeSet,
    private readonly name: string,
  ) {}

  private next(): Item {
    const it = this.items[Math.min(this.i, this.items.length - 1)]
    this.i++
    this.furthest = Math.max(this.furthest, this.i - 1)
    return it
  }
  private backup(n = 1): void {
    this.i -= n
  }
  private peek(): Item {
    const it = this.next()
    this.backup()
    return it
  }
  private nextNonSpace(): Item {
    let t: Item
    do t = this.next()
    while (t.type === 'space')
    return t
  }
  /** Like Go's: the spaces before the token are consumed, the token is not. */
  private peekNonSpace(): Item {
    const t = this.nextNonSpace()
    this.backup()
    return t
  }

  errorf(msg: string): never {
    const line = this.items[Math.min(this.furthest, this.items.length - 1)].line
    throw new GoTemplateParseError(`template: ${this.name}:${line}: ${msg}`)
  }

  private expect(type: Item['type'], context: string): Item {
    const t = this.nextNonSpace()
    if (t.type !== type) this.unexpected(t, context)
    return t
  }

  private unexpected(t: Item, context: string): never {
    if (t.type === 'error') {
      let extra = ''
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.name}:${this.actionLine}`
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length)
      }
      this.errorf(`${itemString(t)}${extra}`)
    }
    this.errorf(`unexpected ${itemString(t)} in ${context}`)
  }

  parse(): ListNode {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] }
    while (this.peek().type !== 'EOF') {
      if (this.peek().type === 'leftDelim') {
        const at = this.i
        this.next()
        if (this.nextNonSpace().type === 'define') {
          this.parseDefinition()
          continue
        }
        this.i = at
      }
      const n = this.textOrAction()
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`)
      root.nodes.push(n)
    }
    return root
  }

  private add(name: string, root: ListNode): void {
    const existing = this.treeSet.get(name)
    if (!existing || isEmptyTree(existing)) this.treeSet.set(name, root)
    else if (!isEmptyTree(root)) this.errorf(`template: multiple definition of template ${goQuote(name)}`)
  }

  private parseDefinition(): void {
    const context = 'define clause'
    const t = this.nextNonSpace()
    if (t.type !== 'string' && t.type !== 'rawString') this.unexpected(t, context)
    const name = this.unquoteOrFail(t.val)
    this.expect('rightDelim', context)
    const saved = { vars: this.vars, rangeDepth: this.rangeDepth }
    this.vars = ['$']
    this.rangeDepth = 0
    const { list, next } = this.itemList()
    if (next.type !== 'end') this.errorf(`unexpected ${nodeString(next)} in ${context}`)
    this.vars = saved.vars
    this.rangeDepth = saved.rangeDepth
    this.add(name, list)
  }

  private unquoteOrFail(s: string): string {
    try {
      return unquote(s)
    } catch (e) {
      this.errorf((e as Error).message)
    }
  }

  private itemList(): { list: ListNode; next: Node } {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] }
    while (this.peekNonSpace().type !== 'EOF') {
      const n = this.textOrAction()
      if (n.type === 'end' || n.type === 'else') return { list, next: n }
      list.nodes.push(n)
    }
    this.errorf('unexpected EOF')
  }

  private textOrAction(): Node {
    const t = this.nextNonSpace()
    switch (t.type) {
      case 'text':
        return { type: 'text', pos: t.pos, text: t.val }
      case 'leftDelim':
        this.actionLine = t.line
        try {
          return this.action()
        } finally {
          this.actionLine = 0
        }
      case 'comment':
        return { type: 'comment', pos: t.pos, text: t.val }
      default:
        this.unexpected(t, 'input')
    }
  }

  private action(): Node {
    const t = this.nextNonSpace()
    switch (t.type) {
      case 'block':
        return this.blockControl()
      case 'break':
      case 'continue':
        return this.loopControl(t)
      case 'else':
        return this.elseControl()
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos, line: t.line }
      case 'if':
      case 'range':
      case 'with':
        return this.branchControl(t.type)
      case 'template':
        return this.templateControl()
    }
    this.backup()
    const tok = this.peek()
    return { type: 'action', pos: tok.pos, line: tok.line, pipe: this.pipeline('command', 'rightDelim') }
  }

  private loopControl(t: Item): Node {
    const kw = t.type as 'break' | 'continue'
    const n = this.nextNonSpace()
    if (n.type !== 'rightDelim') this.unexpected(n, `{{${kw}}}`)
    if (this.rangeDepth === 0) this.errorf(`{{${kw}}} outside {{range}}`)
    return { type: kw, pos: t.pos, line: t.line }
  }

  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): PipeNode {
    const first = this.peekNonSpace()
    const pipe: PipeNode = { type: 'pipe', pos: first.pos, line: first.line, isAssign: false, decl: [], cmds: [] }
    for (;;) {
      const v = this.peekNonSpace()
      if (v.type !== 'variable') break
      const at = this.i
      this.nextNonSpace()
      const afterVar = this.peek()
      const next = this.peekNonSpace()
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign'
        this.nextNonSpace()
        pipe.decl.push(this.variableNode(v.pos, v.val))
        this.vars.push(v.val)
      } else if (next.type === 'char' && next.val === ',') {
        this.nextNonSpace()
        pipe.decl.push(this.variableNode(v.pos, v.val))
        this.vars.push(v.val)
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().type
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue
          this.errorf('range can only initialize variables')
        }
        this.errorf(`too many declarations in ${context}`)
      } else {
        this.i = at
        void afterVar
      }
      break
    }
    for (;;) {
      const t = this.nextNonSpace()
      if (t.type === end) {
        this.checkPipeline(pipe, context)
        return pipe
      }
      switch (t.type) {
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup()
          pipe.cmds.push(this.command())
          break
        default:
          this.unexpected(t, context)
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`)
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0].type
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`)
      }
    })
  }

  private branchControl(context: 'if' | 'range' | 'with'): BranchNode {
    const varsLen = this.vars.length
    const pipe = this.pipeline(context, 'rightDelim')
    if (context === 'range') this.rangeDepth++
    const body = this.itemList()
    const list = body.list
    let next = body.next
    if (context === 'range') this.rangeDepth--
    let elseList: ListNode | null = null
    if (next.type === 'else') {
      // `{{else if x}}` / `{{else with x}}` read as `{{else}}{{if x}}...{{end}}{{end}}`.
      const p = this.peek().type
      if ((context === 'if' && p === 'if') || (context === 'with' && p === 'with')) {
        this.next()
        elseList = { type: 'list', pos: next.pos, nodes: [this.branchControl(context)] }
      } else {
        ;({ list: elseList, next } = this.itemList())
        if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`)
      }
    }
    this.vars.length = varsLen
    return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList }
  }

  private elseControl(): Node {
    const p = this.peekNonSpace()
    if (p.type === 'if' || p.type === 'with') return { type: 'else', pos: p.pos, line: p.line }
    const t = this.expect('rightDelim', 'else')
    return { type: 'else', pos: t.pos, line: t.line }
  }

  private templateName(t: Item, context: string): string {
    if (t.type !== 'string' && t.type !== 'rawString') this.unexpected(t, context)
    return this.unquoteOrFail(t.val)
  }

  private blockControl(): Node {
    const context = 'block clause'
    const t = this.nextNonSpace()
    const name = this.templateName(t, context)
    const pipe = this.pipeline(context, 'rightDelim')
    const saved = { vars: this.vars, rangeDepth: this.rangeDepth }
    this.vars = ['$']
    this.rangeDepth = 0
    const { list, next } = this.itemList()
    if (next.type !== 'end') this.errorf(`unexpected ${nodeString(next)} in ${context}`)
    this.vars = saved.vars
    this.rangeDepth = saved.rangeDepth
    this.add(name, list)
    return { type: 'template', pos: t.pos, line: t.line, name, pipe }
  }

  private templateControl(): Node {
    const context = 'template clause'
    const t = this.nextNonSpace()
    const name = this.templateName(t, context)
    let pipe: PipeNode | null = null
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup()
      pipe = this.pipeline(context, 'rightDelim')
    }
    return { type: 'template', pos: t.pos, line: t.line, name, pipe }
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] }
    for (;;) {
      this.peekNonSpace()
      const operand = this.operand()
      if (operand) cmd.args.push(operand)
      const t = this.next()
      if (t.type === 'space') continue
      if (t.type === 'rightDelim' || t.type === 'rightParen') this.backup()
      else if (t.type !== 'pipe') this.unexpected(t, 'operand')
      break
    }
    if (cmd.args.length === 0) this.errorf('empty command')
    return cmd
  }

  private operand(): ArgNode | null {
    const node = this.term()
    if (!node) return null
    if (this.peek().type !== 'field') return node
    const pos = this.peek().pos
    const fields: string[] = []
    while (this.peek().type === 'field') fields.push(this.next().val.slice(1))
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] }
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] }
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`)
    }
    return { type: 'chain', pos, node, field: fields }
  }

  private term(): ArgNode | null {
    const t = this.nextNonSpace()
    switch (t.type) {
      case 'identifier':
        if (!this.funcs.has(t.val)) this.errorf(`function ${goQuote(t.val)} not defined`)
        return { type: 'identifier', pos: t.pos, ident: t.val }
      case 'dot':
        return { type: 'dot', pos: t.pos }
      case 'nil':
        return { type: 'nil', pos: t.pos }
      case 'variable':
        return this.useVar(t.pos, t.val)
      case 'field':
        return { type: 'field', pos: t.pos, ident: [t.val.slice(1)] }
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.val === 'true' }
      case 'charConstant':
      case 'complex':
      case 'number':
        try {
          return { ...parseNumber(t.val, t.type === 'charConstant'), pos: t.pos }
        } catch (e) {
          this.errorf((e as Error).message)
        }
      // falls through (errorf never returns)
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen')
      case 'string':
      case 'rawString':
        return { type: 'string', pos: t.pos, quoted: t.val, text: this.unquoteOrFail(t.val) }
    }
    this.backup()
    return null
  }

  private variableNode(pos: number, name: string): VariableNode {
    return { type: 'variable', pos, ident: name.split('.') }
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = this.variableNode(pos, name)
    if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${goQuote(v.ident[0])}`)
    return v
  }
}

/** Parses a template named `name` (kubectl: "output"); define/block templates land in the set too. */
export function parseTemplate(name: string, text: string, funcs: ReadonlySet<string>): TreeSet {
  const treeSet: TreeSet = new Map()
  const items = lex(text, !funcs.has('break'), !funcs.has('continue'))
  const p = new Parser(items, funcs, treeSet, name)
  const root = p.parse()
  const existing = treeSet.get(name)
  if (!existing || isEmptyTree(existing)) treeSet.set(name, root)
  else if (!isEmptyTree(root)) p.errorf(`template: multiple definition of template ${goQuote(name)}`)
  return treeSet
}
