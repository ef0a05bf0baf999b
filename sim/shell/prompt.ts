// PS1 as bash and busybox ash expand it: \u user, \h host, \w directory with ~ for home, \W its last
// part, \$ `#` for root, \[ \] markers dropped. Debian/Ubuntu's root PS1 is `\u@\h:\w\$ ` →
// `root@k8s-master:~# `; busybox's default `\w \$ ` → `/ # `.

import type { ShellState } from './state'

export const BASH_PS1 = '\\u@\\h:\\w\\$ '
export const ASH_PS1 = '\\w \\$ '

export function renderPrompt(st: ShellState): string {
  const ps1 = st.get('PS1') ?? (st.env.dialect.kind === 'bash' ? BASH_PS1 : ASH_PS1)
  const user = st.get('USER') ?? 'root'
  const home = st.home()
  const cwd = st.cwd
  const w = home !== '/' && (cwd === home || cwd.startsWith(home + '/')) ? '~' + cwd.slice(home.length) : cwd
  return ps1.replace(/\\([uhHwW$\\\][n])/g, (_, c: string) => {
    switch (c) {
      case 'u':
        return user
      case 'h':
        return st.env.hostname.split('.')[0]
      case 'H':
        return st.env.hostname
      case 'w':
        return w
      case 'W':
        return cwd === '/' ? '/' : w === '~' ? '~' : cwd.slice(cwd.lastIndexOf('/') + 1)
      case '$':
        return user === 'root' ? '#' : '$'
      case 'n':
        return '\n'
      case '\\':
        return '\\'
      default:
        return ''
    }
  })
}
