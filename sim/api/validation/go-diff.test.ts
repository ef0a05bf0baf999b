import { describe, expect, it } from 'vitest'
import { goDiff, podSpecDiff } from './go-diff'

// Expected layouts follow go-cmp's reporter rules (report_compare.go: two records of context around
// changes, "... // N identical fields"; report_text.go: lines over 80 columns are split, keys of
// consecutive one-line records aligned) and match the shapes of real API server messages, e.g. the
// removed kube-api-access volume in opensearch-k8s-operator#1066.
describe('go-cmp style diffs', () => {
  it('is empty for equal values', () => {
    expect(goDiff('core.PodSpec', { containers: [{ name: 'c', image: 'x' }] }, { containers: [{ name: 'c', image: 'x' }] })).toBe('')
  })

  it('prints a removed list element in full, split over lines, and elides the equal tail', () => {
    const volumes = [
      { name: 'config', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'data', emptyDir: {} },
      { name: 'kube-api-access-xtlsn', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3607 } }] } },
    ]
    const before = { volumes, containers: [{ name: 'c', image: 'x' }] }
    const after = { volumes: volumes.slice(0, 2), containers: [{ name: 'c', image: 'x' }] }
    expect(podSpecDiff(before, after)).toBe(
      '  core.PodSpec{\n' +
        '  \tVolumes: []core.Volume{\n' +
        '  \t\t{Name: "config", VolumeSource: {ConfigMap: &{LocalObjectReference: {Name: "cfg"}, DefaultMode: &420}}},\n' +
        '  \t\t{Name: "data", VolumeSource: {EmptyDir: &{}}},\n' +
        '- \t\t{\n' +
        '- \t\t\tName: "kube-api-access-xtlsn",\n' +
        '- \t\t\tVolumeSource: core.VolumeSource{\n' +
        '- \t\t\t\tProjected: &core.ProjectedVolumeSource{Sources: []core.VolumeProjection{...}, DefaultMode: &420},\n' +
        '- \t\t\t},\n' +
        '- \t\t},\n' +
        '  \t},\n' +
        '  \tInitContainers: nil,\n' +
        '  \tContainers:     {{Name: "c", Image: "x"}},\n' +
        '  \t... // 31 identical fields\n' +
        '  }\n',
    )
  })

  it('shows a nil pointer turning into a struct as a -/+ pair with the type', () => {
    const before = { containers: [{ name: 'c', image: 'x' }], securityContext: {} }
    const after = { containers: [{ name: 'c', image: 'x' }], securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }
    expect(podSpecDiff(before, after)).toBe(
      '  core.PodSpec{\n' +
        '  \t... // 10 identical fields\n' +
        '  \tAutomountServiceAccountToken: nil,\n' +
        '  \tNodeName:                     "",\n' +
        '  \tSecurityContext: &core.PodSecurityContext{\n' +
        '  \t\t... // 13 identical fields\n' +
        '  \t\tFSGroupChangePolicy: nil,\n' +
        '  \t\tSysctls:             nil,\n' +
        '- \t\tSeccompProfile:      nil,\n' +
        '+ \t\tSeccompProfile:      &core.SeccompProfile{Type: "RuntimeDefault"},\n' +
        '  \t\tAppArmorProfile:     nil,\n' +
        '  \t\tSELinuxChangePolicy: nil,\n' +
        '  \t},\n' +
        '  \tImagePullSecrets: nil,\n' +
        '  \tHostname:         "",\n' +
        '  \t... // 19 identical fields\n' +
        '  }\n',
    )
  })
})
