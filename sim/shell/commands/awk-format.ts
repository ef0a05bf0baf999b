// awk's printf/sprintf: %c %d %i %o %x %X %u %e %E %f %F %g %G %s %% with flags, width and
// precision (`*` takes them from the arguments). %c of a number is that character.

type Val = number | string

const toNum = (v: Val) => (typeof v === 'number' ? v : Number(/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v)?.[0] ?? 0))

function exponent(v: number, prec: number, upper: boolean): string {
  const s = v.toExponential(prec).replace(/e([+-])(\d)$/, 'e$10$2')
  return upper ? s.toUpperCase() : s
}

/** C's %g: the shorter of %e and %f, trailing zeros removed unless `#`. */
export function formatG(v: number, prec: number, alt = false, upper = false): string {
  const p = prec === 0 ? 1 : prec
  if (v === 0) return '0'
  const x = Math.floor(Math.log10(Math.abs(v)))
  const useExp = x < -4 || x >= p
  let s = useExp ? exponent(v, p - 1, upper) : v.toFixed(Math.max(0, p - 1 - x))
  if (!alt && s.includes('.')) s = s.replace(/\.?0+(?=$|[eE])/, '')
  return s
}

export function formatAwk(format: string, args: Val[]): string {
  let i = 0
  const next = (): Val => (i < args.length ? args[i++] : '')
  return format.replace(/%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([cdiouxXeEfFgGs%])/g, (_whole, flags: string, w: string | undefined, p: string | undefined, conv: string) => {
    if (conv === '%') return '%'
    const width = w === '*' ? Math.trunc(toNum(next())) : w ? Number(w) : 0
    const prec = p === undefined ? undefined : p === '*' ? Math.trunc(toNum(next())) : Number(p || 0)
    const arg = next()
    let body: string
    let numeric = true
    switch (conv) {
      case 's':
        numeric = false
        body = typeof arg === 'number' ? (Number.isInteger(arg) ? String(arg) : formatG(arg, 6)) : arg
        if (prec !== undefined) body = body.slice(0, prec)
        break
      case 'c':
        numeric = false
        body = typeof arg === 'number' ? String.fromCodePoint(Math.max(0, Math.trunc(arg))) : arg.slice(0, 1)
        break
      case 'd':
      case 'i':
      case 'u': {
        const v = Math.trunc(toNum(arg))
        body = String(Math.abs(v))
        if (prec !== undefined) body = body.padStart(prec, '0')
        body = (v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + body
        break
      }
      case 'o':
      case 'x':
      case 'X': {
        const v = Math.trunc(toNum(arg))
        body = (v < 0 ? 2 ** 32 + v : v).toString(conv === 'o' ? 8 : 16)
        if (conv === 'X') body = body.toUpperCase()
        if (flags.includes('#') && v !== 0) body = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + body
        break
      }
      default: {
        const v = toNum(arg)
        const pr = prec ?? 6
        const lc = conv.toLowerCase()
        body = lc === 'f' ? v.toFixed(pr) : lc === 'e' ? exponent(v, pr, conv === 'E') : formatG(v, pr, flags.includes('#'), conv === 'G')
        if (v >= 0 && flags.includes('+')) body = '+' + body
        else if (v >= 0 && flags.includes(' ')) body = ' ' + body
      }
    }
    if (body.length >= width) return body
    if (flags.includes('-')) return body.padEnd(width)
    if (numeric && flags.includes('0')) {
      const sign = /^[-+ ]/.test(body) ? body[0] : ''
      return sign + body.slice(sign.length).padStart(width - sign.length, '0')
    }
    return body.padStart(width)
  })
}
