// Resource records as BIND prints them (lib/dns/rdata totext, lib/dns/masterdump.c): rdata text, and
// the column layout of dig's sections — owner, then TTL, class, type and rdata at columns 24, 32,
// 40, 48 with tab stops every 8, each at least one column past the text before it.

import type { QType, RR } from '../types'
import { TYPE_CODES } from '../types'

/** dns_rdata_totext: names keep their trailing dot; TXT strings are quoted. */
export function rdataText(rr: RR): string {
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return rr.address
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return rr.target
    case 'SRV':
      return `${rr.priority} ${rr.weight} ${rr.port} ${rr.target}`
    case 'MX':
      return `${rr.preference} ${rr.exchange}`
    case 'TXT':
      return rr.text.map((t) => `"${t.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(' ')
    case 'SOA':
      return `${rr.mname} ${rr.rname} ${rr.serial} ${rr.refresh} ${rr.retry} ${rr.expire} ${rr.minimum}`
  }
}

/** Type mnemonics as dig prints them; numbers for what it has no name for. */
export function typeText(t: QType): string {
  return t in TYPE_CODES ? t : `TYPE${TYPE_CODES[t]}`
}

/** masterdump.c indent(): tabs to the last tab stop before `to`, then spaces. */
function indentTo(col: number, to: number): { text: string; col: number } {
  const target = Math.max(to, col + 1)
  const ntabs = Math.floor(target / 8) - Math.floor(col / 8)
  let text = ''
  let c = col
  if (ntabs > 0) {
    text += '\t'.repeat(ntabs)
    c = Math.floor(target / 8) * 8
  }
  text += ' '.repeat(target - c)
  return { text, col: target }
}

/** Lays out `owner` and then each field at its column. `startCol` counts text already printed. */
export function layout(owner: string, fields: readonly [string, number][], startCol = 0): string {
  let out = owner
  let col = startCol + owner.length
  for (const [text, to] of fields) {
    const ind = indentTo(col, to)
    out += ind.text + text
    col = ind.col + text.length
  }
  return out
}

/** Columns of dig's default style (dns_master_stylecreate(…, 24, 32, 40, 48, 80, 8 …)). */
export const DIG_COLUMNS = { ttl: 24, class: 32, type: 40, rdata: 48 }

/** An RR line of a dig section: `web-0.nginx.default.svc.cluster.local. 30 IN A→10.244.1.5`. */
export function digRRLine(rr: RR): string {
  return layout(rr.name, [
    [String(rr.ttl), DIG_COLUMNS.ttl],
    ['IN', DIG_COLUMNS.class],
    [rr.type, DIG_COLUMNS.type],
    [rdataText(rr), DIG_COLUMNS.rdata],
  ])
}

/** A question line: `;` (not counted in the columns), the name, class and type. */
export function digQuestionLine(name: string, type: QType): string {
  return ';' + layout(name, [
    ['IN', DIG_COLUMNS.class],
    [typeText(type), DIG_COLUMNS.type],
  ])
}
