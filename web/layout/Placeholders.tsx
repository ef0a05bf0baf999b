// What the panes show until their parts arrive: the lab's instructions (the labs work fills this
// pane), and a plain list of the cluster's nodes and pods until the cluster view lands.

import { useT } from '../i18n/use-t'
import { useApp } from '../state/hooks'

export function InstructionsPlaceholder() {
  const t = useT()
  return (
    <div className="placeholder placeholder--instructions" data-testid="instructions">
      <h2>{t('instructions.placeholder.title')}</h2>
      <p>{t('instructions.placeholder.body')}</p>
      <pre className="placeholder__code">kubectl get nodes</pre>
      <p className="placeholder__keys">{t('instructions.placeholder.keys')}</p>
    </div>
  )
}

export function ClusterPlaceholder() {
  const t = useT()
  const snapshot = useApp((s) => s.snapshot)
  const nodes = snapshot.objects.Node
  const pods = snapshot.objects.Pod
  return (
    <div className="placeholder" data-testid="cluster-summary">
      <h2>{t('pane.cluster')}</h2>
      <p>{t('cluster.summary', { nodes: nodes.length, pods: pods.length })}</p>
      <ul className="placeholder__list">
        {nodes.map((n) => (
          <li key={n.metadata.uid}>
            <strong>{n.metadata.name}</strong>
            <ul>
              {pods
                .filter((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === n.metadata.name)
                .map((p) => (
                  <li key={p.metadata.uid}>
                    {p.metadata.namespace}/{p.metadata.name}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function PanePlaceholder({ text }: { text: string }) {
  return <div className="placeholder placeholder--center">{text}</div>
}
