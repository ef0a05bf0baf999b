// Executes a parsed Go template the way text/template/exec.go does over kubectl's data (a JSON object
// decoded into map[string]interface{}): fields are map lookups (a missing key is reflect's invalid
// value, printed `<no value>`, or an error with missingkey=error), pipelines pass their value as the
// last argument, range walks slices, maps (in key order) and integers, variables are scoped to their
// block, and errors carry Go's context: `template: output:1:2: executing "output" at <.foo>: ...`.
// Longer than the house's ~300 lines: it follows exec.go function by function, to be read beside it.

import { goQuote } from './fmt'
import { BUILTINS, Iface, isTrue, indirectInterface, type Builtin, type ParamType, FuncError } from './funcs'
import { GoFloat, GoInt, goTypeName, INVALID, isMap, kindOf, sortedKeys, type GoMap } from './go-value'
import { nodeString, type AnyNode, type ArgNode, type BranchNode, type CommandNode, type Node, type PipeNode } from './nodes'
import type { TreeSet } from './parse'
import { goSprint } from './fmt'

export class GoTemplateExecError extends Error {
  constructor(
    message: string,
    /** What the template printed before it failed (kubectl has written it already). */
    readonly output = '',
  ) {
    super(message)
    this.name = 'GoTemplateExecError'
  }
}

const MISSING = Symbol('missingVal')
const MAX_EXEC_DEPTH = 1000
type Final = unknown

class Break {}
class Continue {}

interface Variable {
  name: string
  value: unknown
}

/** The UTF-8 length of a string (Go's byte offsets in error positions). */
function byteLength(s: string): number {
  let n = 0
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}

/** reflect.Value.Type().String() for error texts: interface-typed values say "interface {}". */
function staticType(v: unknown): string {
  if (v instanceof Iface) return 'interface {}'
  return goTypeName(v)
}

/** Go's %v of a reflect.Value in error texts. */
function sprintValue(v: unknown): string {
  if (v === INVALID) return '<invalid reflect.Value>'
  return goSprint(v instanceof Iface ? v.v : v)
}

export class Executor {
  private vars: Variable[] = []
  private node: AnyNode | null = null
  private depth = 0
  out = ''

  constructor(
    private readonly name: string,
    private readonly text: string,
    private readonly trees: TreeSet,
    private readonly missingKeyError: boolean,
  ) {}

  execute(data: unknown): void {
    this.vars = [{ name: '$', value: data }]
    const root = this.trees.get(this.name)
    if (!root) this.errorf(`${goQuote(this.name)} is an incomplete or empty template`)
    this.walk(data, root)
  }

  private errorf(msg: string): never {
    if (!this.node) throw new GoTemplateExecError(`template: ${this.name}: ${msg}`)
    const pos = this.node.pos
    const before = this.text.slice(0, pos)
    const nl = before.lastIndexOf('\n')
    const line = before.split('\n').length
    const col = nl < 0 ? byteLength(before) : byteLength(before.slice(nl + 1))
    throw new GoTemplateExecError(`template: ${this.name}:${line}:${col}: executing ${goQuote(this.name)} at <${nodeString(this.node)}>: ${msg}`)
  }

  private at(n: AnyNode): void {
    this.node = n
  }

  private mark(): number {
    return this.vars.length
  }

  private pop(mark: number): void {
    this.vars.length = mark
  }

  private varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value
    this.errorf(`undefined variable: ${name}`)
  }

  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value
        return
      }
    }
    this.errorf(`undefined variable: ${name}`)
  }

  private walk(dot: unknown, node: Node): void {
    this.at(node)
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe)
        if (node.pipe.decl.length === 0) this.printValue(node, val)
        return
      }
      case 'comment':
        return
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node)
      case 'list':
        for (const n of node.nodes) this.walk(dot, n)
        return
      case 'range':
        return this.walkRange(dot, node)
      case 'template':
        return this.walkTemplate(dot, node)
      case 'text':
        this.out += node.text
        return
      case 'break':
        throw new Break()
      case 'continue':
        throw new Continue()
      default:
        this.errorf(`unknown node: ${nodeString(node)}`)
    }
  }

  private walkIfOrWith(dot: unknown, node: BranchNode): void {
    const mark = this.mark()
    try {
      const val = this.evalPipeline(dot, node.pipe)
      const truth = isTrue(indirectInterface(val))
      if (truth === undefined) this.errorf(`if/with can't use ${sprintValue(val)}`)
      if (truth) this.walk(node.type === 'with' ? val : dot, node.list)
      else if (node.elseList) this.walk(dot, node.elseList)
    } finally {
      this.pop(mark)
    }
  }

  private walkRange(dot: unknown, r: BranchNode): void {
    this.at(r)
    const outer = this.mark()
    try {
      let val = this.evalPipeline(dot, r.pipe)
      while (val instanceof Iface) val = val.v === null ? INVALID : val.v
      const mark = this.mark()
      const oneIteration = (index: unknown, elem: unknown): boolean => {
        if (r.pipe.decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(r.pipe.decl[r.pipe.decl.length > 1 ? 1 : 0].ident[0], elem)
          else this.vars[this.vars.length - 1].value = elem
        }
        if (r.pipe.decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(r.pipe.decl[0].ident[0], index)
          else this.vars[this.vars.length - 2].value = index
        }
        try {
          this.walk(elem, r.list)
        } catch (e) {
          if (e instanceof Break) return false
          if (!(e instanceof Continue)) throw e
        } finally {
          this.pop(mark)
        }
        return true
      }
      const kind = kindOf(val)
      if (kind === 'slice') {
        const arr = val as unknown[]
        if (arr.length > 0) {
          for (let i = 0; i < arr.length; i++) if (!oneIteration(new GoInt(i), new Iface(arr[i]))) break
          return
        }
      } else if (kind === 'map') {
        const keys = sortedKeys(val as GoMap)
        if (keys.length > 0) {
          for (const k of keys) if (!oneIteration(k, new Iface((val as GoMap)[k]))) break
          return
        }
      } else if (kind === 'int') {
        if (r.pipe.decl.length > 1) this.errorf(`can't use ${sprintValue(val)} to iterate over more than one variable`)
        const n = (val as GoInt | number) instanceof GoInt ? (val as GoInt).value : (val as number)
        if (n > 0) {
          for (let i = 0; i < n; i++) if (!oneIteration(new GoInt(i), new GoInt(i))) break
          return
        }
      } else if (kind !== 'invalid') {
        this.errorf(`range can't iterate over ${sprintValue(val)}`)
      }
      if (r.elseList) this.walk(dot, r.elseList)
    } finally {
      this.pop(outer)
    }
  }

  private walkTemplate(dot: unknown, t: Extract<Node, { type: 'template' }>): void {
    this.at(t)
    const tmpl = this.trees.get(t.name)
    if (!tmpl) this.errorf(`template ${goQuote(t.name)} not defined`)
    // Go allows 100000 nested template calls (1000 on wasm); a JS stack holds far fewer, so
    // recursion stops at 1000 with Go's message.
    if (this.depth >= MAX_EXEC_DEPTH) this.errorf('exceeded maximum template depth (100000)')
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : INVALID
    const savedVars = this.vars
    this.vars = [{ name: '$', value: newDot }]
    this.depth++
    try {
      this.walk(newDot, tmpl)
    } finally {
      this.depth--
      this.vars = savedVars
    }
  }

  evalPipeline(dot: unknown, pipe: PipeNode): unknown {
    this.at(pipe)
    let value: unknown = MISSING
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value)
      // An interface{} value: dig down to the thing inside.
      if (value instanceof Iface) value = value.v === null ? INVALID : value.v
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value)
      else this.vars.push({ name: v.ident[0], value })
    }
    return value
  }

  private notAFunction(args: readonly ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`)
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0]
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final)
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final)
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final)
      case 'pipe':
        this.notAFunction(cmd.args, final)
        return this.evalPipeline(dot, first)
      case 'variable':
        return this.evalVariableNode(first, cmd.args, final)
    }
    this.at(first)
    this.notAFunction(cmd.args, final)
    switch (first.type) {
      case 'bool':
        return first.value
      case 'dot':
        return dot
      case 'nil':
        this.errorf('nil is not a command')
      // falls through (errorf never returns)
      case 'number':
        return this.idealConstant(first)
      case 'string':
        return first.text
    }
  }

  private idealConstant(n: Extract<ArgNode, { type: 'number' }>): unknown {
    this.at(n)
    const hex = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text)
    if (n.isFloat && !hex && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return new GoFloat(n.float)
    if (n.isInt) return new GoInt(n.int)
    return INVALID
  }

  private evalFieldNode(dot: unknown, field: Extract<ArgNode, { type: 'field' }>, args: readonly ArgNode[], final: Final): unknown {
    this.at(field)
    return this.evalFieldChain(dot, field.ident, args, final)
  }

  private evalChainNode(dot: unknown, chain: Extract<ArgNode, { type: 'chain' }>, args: readonly ArgNode[] | null, final: Final): unknown {
    this.at(chain)
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`)
    const pipe = this.evalArg(dot, 'value', chain.node)
    return this.evalFieldChain(pipe, chain.field, args, final)
  }

  private evalVariableNode(v: Extract<ArgNode, { type: 'variable' }>, args: readonly ArgNode[] | null, final: Final): unknown {
    this.at(v)
    const value = this.varValue(v.ident[0])
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [v], final)
      return value
    }
    return this.evalFieldChain(value, v.ident.slice(1), args, final)
  }

  private evalFieldChain(receiver: unknown, ident: string[], args: readonly ArgNode[] | null, final: Final): unknown {
    const n = ident.length
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(ident[i], null, MISSING, receiver)
    return this.evalField(ident[n - 1], args, final, receiver)
  }

  private evalFunction(dot: unknown, node: Extract<ArgNode, { type: 'identifier' }>, cmd: AnyNode, args: readonly ArgNode[] | null, final: Final): unknown {
    this.at(node)
    const fn = BUILTINS[node.ident]
    if (!fn) this.errorf(`${goQuote(node.ident)} is not a defined function`)
    return this.evalCall(dot, fn, cmd, node.ident, args, final)
  }

  private evalField(fieldName: string, args: readonly ArgNode[] | null, final: Final, receiver: unknown): unknown {
    if (receiver === INVALID) {
      if (this.missingKeyError) this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`)
      return INVALID
    }
    const typ = staticType(receiver)
    const concrete = receiver instanceof Iface ? receiver.v : receiver
    if (receiver instanceof Iface && concrete === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`)
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING
    if (isMap(concrete)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`)
      const m = concrete as GoMap
      if (Object.prototype.hasOwnProperty.call(m, fieldName) && m[fieldName] !== undefined) return new Iface(m[fieldName])
      if (this.missingKeyError) this.errorf(`map has no entry for key ${goQuote(fieldName)}`)
      return INVALID
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`)
  }

  private evalCall(dot: unknown, fn: Builtin, node: AnyNode, name: string, argNodes: readonly ArgNode[] | null, final: Final): unknown {
    const args = argNodes ? argNodes.slice(1) : []
    const numIn = args.length + (final !== MISSING ? 1 : 0)
    const numFixed = fn.params.length
    if (fn.variadic) {
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`)
    } else if (numIn !== numFixed) {
      this.errorf(`wrong number of args for ${name}: want ${numFixed} got ${numIn}`)
    }
    const typeAt = (i: number): ParamType => (i < numFixed ? fn.params[i] : fn.variadic!)
    // and/or evaluate their arguments only as far as needed.
    if (name === 'and' || name === 'or') {
      let v: unknown = INVALID
      for (const a of args) {
        v = this.evalArg(dot, 'value', a)
        if ((isTrue(indirectInterface(v)) ?? false) === (name === 'or')) return v
      }
      if (final !== MISSING) v = this.validateType(final, 'value')
      return v
    }
    const argv: unknown[] = args.map((a, i) => this.evalArg(dot, typeAt(i), a))
    if (final !== MISSING) argv.push(this.validateType(final, typeAt(numIn - 1)))
    try {
      return fn.call(argv.map((v, i) => (typeAt(i) === 'value' ? v : v instanceof Iface ? v.v : v)))
    } catch (e) {
      if (!(e instanceof FuncError)) throw e
      this.at(node)
      this.errorf(`error calling ${name}: ${e.message}`)
    }
  }

  private validateType(value: unknown, typ: ParamType): unknown {
    if (value === INVALID) {
      if (typ === 'any') return new Iface(null)
      if (typ === 'value') return INVALID
      this.errorf(`invalid value; expected ${typ}`)
    }
    if (typ === 'value' || typ === 'any') return value
    const inner = value instanceof Iface && value.v !== null ? value.v : value
    if (kindOf(inner) === 'string' && !(inner instanceof Iface)) return inner
    this.errorf(`wrong type for value; expected ${typ}; got ${inner instanceof Iface ? 'interface {}' : goTypeName(inner)}`)
  }

  private evalArg(dot: unknown, typ: ParamType, n: ArgNode): unknown {
    this.at(n)
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ)
      case 'nil':
        if (typ === 'any') return new Iface(null)
        if (typ === 'value') return INVALID
        this.errorf(`cannot assign nil to ${typ}`)
      // falls through (errorf never returns)
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ)
      case 'variable':
        return this.validateType(this.evalVariableNode(n, null, MISSING), typ)
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ)
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ)
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ)
    }
    if (typ === 'string') {
      if (n.type === 'string') return n.text
      this.errorf(`expected string; found ${nodeString(n)}`)
    }
    return this.evalEmptyInterface(n)
  }

  private evalEmptyInterface(n: ArgNode): unknown {
    this.at(n)
    switch (n.type) {
      case 'bool':
        return n.value
      case 'number':
        return this.idealConstant(n)
      case 'string':
        return n.text
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`)
  }

  private printValue(n: AnyNode, v: unknown): void {
    this.at(n)
    if (v === INVALID) this.out += '<no value>'
    else this.out += goSprint(v instanceof Iface ? v.v : v)
  }
}

/** Runs a template; returns what it printed, or throws with `output` holding the partial text. */
export function executeTemplate(name: string, text: string, trees: TreeSet, data: unknown, missingKeyError: boolean): string {
  const ex = new Executor(name, text, trees, missingKeyError)
  try {
    ex.execute(data)
  } catch (e) {
    if (e instanceof GoTemplateExecError) throw new GoTemplateExecError(e.message, ex.out)
    throw e
  }
  return ex.out
}

