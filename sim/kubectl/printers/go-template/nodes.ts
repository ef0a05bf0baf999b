// The parse tree of a Go template (text/template/parse/node.go), with each node's String() form,
// which execution errors quote as their context: `executing "output" at <index .data 5>: ...`.

export interface NumberNode {
  type: 'number'
  pos: number
  text: string
  isInt: boolean
  isFloat: boolean
  int: number
  float: number
}

export type ArgNode =
  | { type: 'identifier'; pos: number; ident: string }
  | VariableNode
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'chain'; pos: number; node: ArgNode; field: string[] }
  | { type: 'bool'; pos: number; value: boolean }
  | NumberNode
  | { type: 'string'; pos: number; quoted: string; text: string }
  | PipeNode

export interface VariableNode {
  type: 'variable'
  pos: number
  ident: string[]
}

export interface CommandNode {
  type: 'command'
  pos: number
  args: ArgNode[]
}

export interface PipeNode {
  type: 'pipe'
  pos: number
  line: number
  isAssign: boolean
  decl: VariableNode[]
  cmds: CommandNode[]
}

export interface ListNode {
  type: 'list'
  pos: number
  nodes: Node[]
}

export interface BranchNode {
  type: 'if' | 'range' | 'with'
  pos: number
  line: number
  pipe: PipeNode
  list: ListNode
  elseList: ListNode | null
}

export type Node =
  | ListNode
  | { type: 'text'; pos: number; text: string }
  | { type: 'comment'; pos: number; text: string }
  | { type: 'action'; pos: number; line: number; pipe: PipeNode }
  | BranchNode
  | { type: 'template'; pos: number; line: number; name: string; pipe: PipeNode | null }
  | { type: 'break' | 'continue'; pos: number; line: number }
  // Only seen while parsing: they end a list.
  | { type: 'end' | 'else'; pos: number; line: number }

export type AnyNode = Node | ArgNode | CommandNode

function quote(s: string): string {
  return JSON.stringify(s)
}

export function nodeString(n: AnyNode): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('')
    case 'text':
      return n.text
    case 'comment':
      return `{{${n.text}}}`
    case 'action':
      return `{{${nodeString(n.pipe)}}}`
    case 'pipe': {
      let s = ''
      if (n.decl.length > 0) s = n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ')
      return s + n.cmds.map(nodeString).join(' | ')
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ')
    case 'identifier':
      return n.ident
    case 'variable':
      return n.ident.join('.')
    case 'dot':
      return '.'
    case 'nil':
      return 'nil'
    case 'field':
      return n.ident.map((i) => '.' + i).join('')
    case 'chain':
      return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => '.' + f).join('')
    case 'bool':
      return String(n.value)
    case 'number':
      return n.text
    case 'string':
      return n.quoted
    case 'if':
    case 'range':
    case 'with': {
      const els = n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${els}{{end}}`
    }
    case 'template':
      return n.pipe ? `{{template ${quote(n.name)} ${nodeString(n.pipe)}}}` : `{{template ${quote(n.name)}}}`
    case 'break':
      return '{{break}}'
    case 'continue':
      return '{{continue}}'
    case 'end':
      return '{{end}}'
    case 'else':
      return '{{else}}'
  }
}
