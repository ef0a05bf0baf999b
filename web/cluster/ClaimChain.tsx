// A claim and the volume bound to it: `www-web-0 Bound → pvc-1a2b… Bound 1Gi`. Two buttons, since
// the PVC and the PV are two objects with their own YAML and events (the PV outlives the pod, and
// with the default Retain policy, the claim outlives the StatefulSet's scale-down).

import { memo } from 'react'
import { useT } from '../i18n/use-t'
import type { ClaimView } from './model/types'
import { ObjectButton } from './ObjectButton'

/** `pvc-f778c539-068e-…`: the volume names the provisioner makes are long; the head identifies them. */
function shortVolume(name: string): string {
  return name.length > 16 ? name.slice(0, 13) + '…' : name
}

export const ClaimChain = memo(function ClaimChain({ claim }: { claim: ClaimView }) {
  const t = useT()
  return (
    <div className="claim" data-phase={claim.phase} data-testid={`claim-${claim.name}`}>
      <ObjectButton objRef={claim.ref} className="claim__pvc" label={`PersistentVolumeClaim ${claim.name} ${claim.phase}`}>
        <span className="claim__icon" aria-hidden>
          ⛁
        </span>
        <span className="claim__name">{claim.name}</span>
        <span className="claim__phase" data-phase={claim.phase}>
          {claim.phase}
        </span>
      </ObjectButton>
      {claim.volume && claim.volumeRef ? (
        <>
          <span className="claim__arrow" aria-hidden>
            →
          </span>
          <ObjectButton objRef={claim.volumeRef} className="claim__pv" label={`PersistentVolume ${claim.volume} ${claim.volumePhase ?? ''}`} title={claim.volume}>
            <span className="claim__name">{shortVolume(claim.volume)}</span>
            {claim.volumePhase && (
              <span className="claim__phase" data-phase={claim.volumePhase}>
                {claim.volumePhase}
              </span>
            )}
            {claim.capacity && <span className="claim__size">{claim.capacity}</span>}
          </ObjectButton>
        </>
      ) : (
        <span className="claim__waiting">{t('cluster.claim.noVolume')}</span>
      )}
    </div>
  )
})
