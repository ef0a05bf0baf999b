// The benchmark's yardstick: the least a page can do to offer a terminal that takes typing — xterm.js
// with the fit addon, a prompt, and an echo. `npm run bench:web` times the app against this.
import { FitAddon } from '@xterm/addon-fit'
import { Terminal } from '@xterm/xterm'
import '@xterm/xterm/css/xterm.css'

const term = new Terminal({ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 14 })
const fit = new FitAddon()
term.loadAddon(fit)
term.open(document.getElementById('term')!)
fit.fit()
term.onData((d) => term.write(d === '\r' ? '\r\n$ ' : d))
term.write('root@k8s-master:~# ', () => {
  term.focus()
  ;(window as { __ordinalReady?: number }).__ordinalReady = performance.now()
})
;(window as { __term?: Terminal }).__term = term
