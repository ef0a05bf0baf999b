// Runs one golden world (worlds.ts) and prints it as a fakeapi objects file (scripts/golden-describe.sh
// writes it to worlds/<name>.json): {epoch, serverVersion, nodeOutages, items}. `epoch` is the simulation's clock (a whole second);
// `items` are every stored object, kind by kind in etcd order, plus the kubelets' node Leases (which
// the simulator derives rather than stores); `nodeOutages` lets the tests derive the same Leases.
//
// One adjustment: the real kubectl measures ages a fraction of a second after the epoch, so a
// MicroTime (event eventTime, series lastObservedTime) whose fraction is below .5 s could read one
// second older there than here. Such fractions are moved up by half a second; both sides then read
// the same file.
//
//   npx tsx sim/kubectl/describe/__golden__/dump.ts <world>    (--list: the world names)

import { rfc3339 } from '../../../core/time'
import type { KubeObject } from '../../../api/types'
import { nodeLeaseFor } from '../node-lease'
import { WORLDS } from './worlds'

function nudge(ts: unknown): unknown {
  if (typeof ts !== 'string') return ts
  const m = /^(.*\.)(\d{6})Z$/.exec(ts)
  if (!m) return ts
  const micros = Number(m[2])
  if (micros === 0 || micros >= 500_000) return ts
  return `${m[1]}${String(micros + 500_000).padStart(6, '0')}Z`
}

function adjust(o: KubeObject): KubeObject {
  if (o.kind !== 'Event') return o
  const e = structuredClone(o) as KubeObject & { eventTime?: unknown; series?: { lastObservedTime?: unknown } }
  e.eventTime = nudge(e.eventTime)
  if (e.series) e.series.lastObservedTime = nudge(e.series.lastObservedTime)
  return e
}

function dump(name: string): string {
  const sim = WORLDS[name]()
  if (sim.now() % 1000 !== 0) throw new Error(`${name}: not at a whole second`)
  const lease = nodeLeaseFor(sim as never)
  const leases = sim.api.list('Node').map((n) => {
    const l = lease(n.metadata.name!)!
    return {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: n.metadata.name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: n.metadata.name, uid: n.metadata.uid }] },
      spec: { holderIdentity: l.holderIdentity, leaseDurationSeconds: 40, renewTime: l.renewTime },
    }
  })
  const doc = {
    epoch: rfc3339(sim.now()),
    serverVersion: 'v1.33.1',
    nodeOutages: sim.nodeHealth.outages(),
    items: [...sim.api.allObjects().map(adjust), ...leases],
  }
  return JSON.stringify(doc, null, 1) + '\n'
}

const arg = process.argv[2]
if (arg === '--list') console.log(Object.keys(WORLDS).join('\n'))
else if (arg && arg in WORLDS) process.stdout.write(dump(arg))
else throw new Error(`usage: dump.ts <world>|--list (worlds: ${Object.keys(WORLDS).join(', ')})`)
