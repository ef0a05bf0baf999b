// Placeholder page until the lab UI lands: it boots the simulated cluster in the browser and lists
// its nodes, which proves the simulator runs there.
import { useMemo } from 'react'
import { createSimulation } from '../sim'

export function App() {
  const nodes = useMemo(() => {
    const sim = createSimulation({ seed: 1 })
    return sim.snapshot().objects.Node.map((n) => n.metadata.name ?? '')
  }, [])
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
      <h1>Ordinal</h1>
      <p>A Kubernetes StatefulSet lab that runs in your browser.</p>
      <p data-testid="nodes">Nodes: {nodes.join(', ')}</p>
    </main>
  )
}
