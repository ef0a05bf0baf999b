// Volume and PersistentVolume sources as describe prints them (describe.go describeVolumes and the
// print*VolumeSource helpers). The kinds a lab cluster meets are spelled out; any other source type
// prints kubectl's `<unknown>`.

import { sortedStrings } from './format'
import type { PersistentVolumeClaim, Volume } from 'kubernetes-types/core/v1'
import { printPersistentVolumeClaim } from './claim'
import { qCmp, qString, quantityOf, ZERO } from './quantity'
import { type DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, nestedWriter } from './writer'

type Source = Record<string, unknown>

export function describeVolumes(volumes: readonly Volume[] | undefined, w: DescribeWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`)
    if (!printVolumeSource(v as unknown as Source, w)) w.write(LEVEL_1, '<unknown>\n')
  }
}

const bool = (v: unknown) => (v === true ? 'true' : 'false')
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v))

/** The sources both pods and PVs can have; false when the volume has none of them. */
export function printVolumeSource(src: Source, w: DescribeWriter): boolean {
  const s = src as Record<string, Record<string, unknown> | undefined>
  if (s.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(s.hostPath.path)}\n    HostPathType:\t${s.hostPath.type ?? '<none>'}\n`)
  } else if (s.emptyDir) {
    const limit = s.emptyDir.sizeLimit as string | undefined
    const size = limit !== undefined && qCmp(quantityOf(limit), ZERO) > 0 ? qString(quantityOf(limit)) : '<unset>'
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(s.emptyDir.medium)}\n    SizeLimit:\t${size}\n`)
  } else if (s.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(s.secret.secretName)}\n    Optional:\t${bool(s.secret.optional)}\n`)
  } else if (s.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(s.configMap.name)}\n    Optional:\t${bool(s.configMap.optional)}\n`)
  } else if (s.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${str(s.nfs.server)}\n    Path:\t${str(s.nfs.path)}\n    ReadOnly:\t${bool(s.nfs.readOnly)}\n`)
  } else if (s.persistentVolumeClaim) {
    const c = s.persistentVolumeClaim
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${str(c.claimName)}\n    ReadOnly:\t${bool(c.readOnly)}\n`)
  } else if (s.ephemeral) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n')
    const t = s.ephemeral.volumeClaimTemplate as PersistentVolumeClaim | undefined
    if (t) printPersistentVolumeClaim(nestedWriter(w, LEVEL_2), t, false)
  } else if (s.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
    for (const item of (s.downwardAPI.items ?? []) as { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: { resource: string } }[]) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`)
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`)
    }
  } else if (s.projected) {
    printProjected(s.projected, w)
  } else if (s.local) {
    w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${str(s.local.path)}\n`)
  } else if (s.csi) {
    printCsi(s.csi, w)
  } else if (s.image) {
    w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${str(s.image.reference)}\n    PullPolicy:\t${str(s.image.pullPolicy)}\n`)
  } else {
    return false
  }
  return true
}

function printProjected(p: Record<string, unknown>, w: DescribeWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
  for (const src of (p.sources ?? []) as Record<string, Record<string, unknown> | undefined>[]) {
    if (src.secret) w.write(LEVEL_2, `SecretName:\t${str(src.secret.name)}\n    Optional:\t${bool(src.secret.optional)}\n`)
    else if (src.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
    else if (src.configMap) w.write(LEVEL_2, `ConfigMapName:\t${str(src.configMap.name)}\n    Optional:\t${bool(src.configMap.optional)}\n`)
    else if (src.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${str(src.serviceAccountToken.expirationSeconds)}\n`)
  }
}

/** printCSIVolumeSource / printCSIPersistentVolumeSource (a PV source has a volumeHandle). */
function printCsi(c: Record<string, unknown>, w: DescribeWriter): void {
  const handle = 'volumeHandle' in c ? `    VolumeHandle:\t${str(c.volumeHandle)}\n` : ''
  w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${str(c.driver)}\n    FSType:\t${str(c.fsType)}\n${handle}    ReadOnly:\t${bool(c.readOnly)}\n`)
  const attrs = (c.volumeAttributes ?? {}) as Record<string, string>
  w.write(LEVEL_2, 'VolumeAttributes:\t')
  const keys = sortedStrings(Object.keys(attrs))
  if (keys.length === 0) {
    w.line('<none>')
    return
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '')
      w.write(LEVEL_2, '\t')
    }
    const line = `${k}=${attrs[k]}`
    w.write(LEVEL_2, `${line.length > 140 ? line.slice(0, 140) + '...' : line}\n`)
  })
}
