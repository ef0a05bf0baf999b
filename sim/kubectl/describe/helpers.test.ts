// describe's building blocks, with the expectations of kubectl's own tests
// (kubernetes/kubectl pkg/describe/describe_test.go at kubernetes-1.33.1: TestPrintLabelsMultiline,
// TestDescribePodTolerations, TestDescribeTopologySpreadConstraints, TestDescribePodVolumes,
// TestDescribeUnstructuredContent) and the RFC1123Z date of the reference (kubectl-output.md §2.2).
// Like upstream, the helpers write to a plain prefix writer (no tabwriter) unless a test says otherwise.

import { describe, expect, it } from 'vitest'
import type { Pod } from 'kubernetes-types/core/v1'
import { fromCivil } from '../../core/time'
import { printAnnotationsMultiline, printTolerationsMultiline, rfc1123z } from './format'
import { printUnstructuredContent, smartLabelFor } from './generic'
import { describePod } from './pod'
import { describeTopologySpreadConstraints } from './topology'
import { LEVEL_0, rawWriter } from './writer'

const annotations = (a: Record<string, string>) => {
  const w = rawWriter()
  printAnnotationsMultiline(w, 'Annotations', a)
  return w.text()
}

describe('printAnnotationsMultiline', () => {
  const key = 'MaxLenAnnotation'
  const value = 'a'.repeat(140 - key.length - 2)

  it('sorts keys bytewise, upper case first, continuation lines starting with a tab', () => {
    expect(annotations({ col1: 'asd', COL2: 'zxc' })).toBe('Annotations:\tCOL2: zxc\n\tcol1: asd\n')
  })

  it('keeps a key and value of exactly 140 bytes on one line', () => {
    expect(annotations({ [key]: value })).toBe(`Annotations:\t${key}: ${value}\n`)
  })

  it('moves a longer value to its own line', () => {
    expect(annotations({ [key]: value + '1' })).toBe(`Annotations:\t${key}:\n\t  ${value}1\n`)
  })

  it('cuts a value line at 138 bytes and adds ...', () => {
    expect(annotations({ [key]: value + value })).toBe(`Annotations:\t${key}:\n\t  ${'a'.repeat(138)}...\n`)
  })

  it('prints a multi-line value one line each, without the final newline', () => {
    expect(annotations({ key: 'value\nwith\nnewlines\n' })).toBe('Annotations:\tkey:\n\t  value\n\t  with\n\t  newlines\n')
  })

  it('prints <none> when there are none', () => {
    expect(annotations({})).toBe('Annotations:\t<none>\n')
  })

  it('never shows kubectl.kubernetes.io/last-applied-configuration', () => {
    expect(annotations({ 'kubectl.kubernetes.io/last-applied-configuration': '{}' })).toBe('Annotations:\t<none>\n')
  })
})

describe('tolerations', () => {
  it('prints operator Exists, values, effects and seconds as kubectl does', () => {
    const w = rawWriter()
    printTolerationsMultiline(w, 'Tolerations', [
      { operator: 'Exists' },
      { effect: 'NoSchedule', operator: 'Exists' },
      { key: 'key0', operator: 'Exists' },
      { key: 'key1', value: 'value1' },
      { key: 'key2', operator: 'Equal', value: 'value2', effect: 'NoSchedule' },
      { key: 'key3', value: 'value3', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'key4', effect: 'NoExecute', tolerationSeconds: 60 },
    ])
    const out = w.text()
    for (const line of ['\top=Exists\n', ':NoSchedule op=Exists\n', 'key0 op=Exists\n', 'key1=value1\n', 'key2=value2:NoSchedule\n', 'key3=value3:NoExecute for 300s\n', 'key4:NoExecute for 60s\n']) {
      expect(out).toContain(line)
    }
  })
})

describe('topology spread constraints', () => {
  it('prints one constraint a line with its selector', () => {
    const w = rawWriter()
    describeTopologySpreadConstraints(
      [
        { maxSkew: 3, topologyKey: 'topology.kubernetes.io/test1', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { key1: 'val1', key2: 'val2' } } },
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/test2', whenUnsatisfiable: 'ScheduleAnyway' },
      ],
      w,
      '',
    )
    expect(w.text()).toContain('topology.kubernetes.io/test1:DoNotSchedule when max skew 3 is exceeded for selector key1=val1,key2=val2\n')
    expect(w.text()).toContain('topology.kubernetes.io/test2:ScheduleAnyway when max skew 1 is exceeded\n')
  })
})

describe('describe pod with an image volume', () => {
  it('prints the bare pod as TestDescribePodVolumes expects', () => {
    // Image volumes (1.31+) are newer than the kubernetes-types the simulator uses.
    const volumes = [{ name: 'image', image: { reference: 'image', pullPolicy: 'IfNotPresent' } }] as unknown as NonNullable<Pod['spec']>['volumes']
    const pod: Pod = { metadata: { name: 'bar', namespace: 'foo' }, spec: { containers: [], volumes } }
    expect(describePod(pod, [], 0)).toBe(
      [
        'Name:         bar',
        'Namespace:    foo',
        'Node:         <none>',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       ',
        'IP:           ',
        'IPs:          <none>',
        'Containers: <none>',
        'Volumes:',
        '  image:',
        '    Type:        Image (a container image or OCI artifact)',
        '    Reference:   image',
        '    PullPolicy:  IfNotPresent',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    )
  })
})

describe('the generic describer', () => {
  it('labels fields by smartLabelFor, sorts them, nests maps and lists, and skips what it is told to', () => {
    const w = rawWriter()
    printUnstructuredContent(
      w,
      LEVEL_0,
      {
        apiVersion: 'v1',
        kind: 'Test',
        dummyDummy: 'present',
        'dummy/dummy': 'present',
        'dummy-dummy@dummy': 'present',
        'dummy-dummy': 'present',
        dummy1: 'present',
        dummy2: 'present',
        metadata: {
          name: 'MyName',
          namespace: 'MyNamespace',
          creationTimestamp: '2017-04-01T00:00:00Z',
          resourceVersion: 123,
          uid: '00000000-0000-0000-0000-000000000001',
          dummy3: 'present',
        },
        items: [{ itemBool: true, itemInt: 42 }],
        url: 'http://localhost',
        status: 'ok',
      },
      '',
      ['.dummy1', '.metadata.dummy3'],
    )
    expect(w.text()).toBe(`API Version:	v1
Dummy - Dummy:	present
dummy-dummy@dummy:	present
dummy/dummy:	present
dummy2:	present
Dummy Dummy:	present
Items:
  Item Bool:	true
  Item Int:	42
Kind:	Test
Metadata:
  Creation Timestamp:	2017-04-01T00:00:00Z
  Name:	MyName
  Namespace:	MyNamespace
  Resource Version:	123
  UID:	00000000-0000-0000-0000-000000000001
Status:	ok
URL:	http://localhost
`)
  })

  it('title-cases camel case, upper-cases the common acronyms and leaves odd names alone (as in the controllerrevision golden)', () => {
    expect(['apiVersion', 'uid', 'dnsPolicy', 'terminationMessagePath', '$patch'].map(smartLabelFor)).toEqual(['API Version', 'UID', 'Dns Policy', 'Termination Message Path', '$patch'])
  })
})

describe('dates', () => {
  it('prints RFC1123Z in UTC', () => {
    expect(rfc1123z(fromCivil(2024, 7, 16, 10, 21, 30))).toBe('Tue, 16 Jul 2024 10:21:30 +0000')
  })
})
