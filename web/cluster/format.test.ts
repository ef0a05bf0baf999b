// The command lines the details sheet runs (and shows): kubectl's singular resource names, -n only
// for namespaced kinds, as a student would type them.

import { describe, expect, it } from 'vitest'
import { describeCommand, refName, yamlCommand } from './format'

describe('the details commands', () => {
  it('describes a pod in its namespace', () => {
    expect(describeCommand({ kind: 'Pod', namespace: 'default', name: 'web-0' })).toBe('kubectl describe pod web-0 -n default')
  })

  it('asks for a StatefulSet as YAML', () => {
    expect(yamlCommand({ kind: 'StatefulSet', namespace: 'default', name: 'web' })).toBe('kubectl get statefulset web -n default -o yaml')
  })

  it('gives no namespace for a cluster-scoped volume or node', () => {
    expect(describeCommand({ kind: 'PersistentVolume', namespace: '', name: 'pvc-1' })).toBe('kubectl describe persistentvolume pvc-1')
    expect(yamlCommand({ kind: 'Node', namespace: '', name: 'k8s-node1' })).toBe('kubectl get node k8s-node1 -o yaml')
  })

  it('names an object as kubectl prints it', () => {
    expect(refName({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'www-web-0' })).toBe('persistentvolumeclaim/www-web-0')
  })
})
