// DNS messages as the simulated cluster's resolver answers them: resource records in presentation
// form (absolute names with their trailing dot), the response code and the header flags a client
// prints (dig's `flags: qr aa rd`). Wire details that clients show (message size, ids, cookies) are
// derived from these by the formatters.

export type RRType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'PTR' | 'SOA' | 'SRV' | 'TXT' | 'MX'

/** What a client may ask for: a record type, or ANY. */
export type QType = RRType | 'ANY'

export const QTYPES: readonly QType[] = ['A', 'AAAA', 'CNAME', 'NS', 'PTR', 'SOA', 'SRV', 'TXT', 'MX', 'ANY']

/** RFC 1035 type numbers, for the texts that print them (`rdata_33 = `, `TYPE33`). */
export const TYPE_CODES: Readonly<Record<QType, number>> = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  ANY: 255,
}

interface RRBase {
  /** Owner name, absolute, with the trailing dot (`web-0.nginx.default.svc.cluster.local.`). */
  name: string
  ttl: number
}

export type RR = RRBase &
  (
    | { type: 'A'; address: string }
    | { type: 'AAAA'; address: string }
    | { type: 'CNAME'; target: string }
    | { type: 'NS'; target: string }
    | { type: 'PTR'; target: string }
    | { type: 'SRV'; priority: number; weight: number; port: number; target: string }
    | { type: 'TXT'; text: readonly string[] }
    | { type: 'MX'; preference: number; exchange: string }
    | {
        type: 'SOA'
        mname: string
        rname: string
        serial: number
        refresh: number
        retry: number
        expire: number
        minimum: number
      }
  )

export type Rcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED'

export const RCODE_NUMBERS: Readonly<Record<Rcode, number>> = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
}

export interface Question {
  /** Absolute, with the trailing dot, in the case the client asked. */
  name: string
  type: QType
}

export interface DnsResponse {
  question: Question
  rcode: Rcode
  /** Authoritative answer: CoreDNS's kubernetes plugin always sets it; forwarded answers do not. */
  aa: boolean
  /** Recursion available: never set by the kubernetes plugin, set by the upstream resolver. */
  ra: boolean
  answer: readonly RR[]
  authority: readonly RR[]
  additional: readonly RR[]
}

/** Asks the cluster's DNS service one question (what a UDP query to 10.96.0.10:53 does). */
export type QueryFn = (name: string, type: QType) => DnsResponse
