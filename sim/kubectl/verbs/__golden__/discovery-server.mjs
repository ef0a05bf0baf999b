#!/usr/bin/env node
/* global process, console */
// A discovery-only API server for the goldens of api-resources, api-versions and version: it serves
// /version, /api, /apis and the resource lists of the kinds the simulator serves (sim/api/kinds.ts,
// passed as JSON in argv[2]), so the REAL kubectl formats exactly our resource set. What is served is
// ours (as for shared/tools/fakeapi); what kubectl prints from it is the oracle.
//
//   node discovery-server.mjs KINDS.json   -> prints "DISCOVERY READY port=N"
import fs from 'node:fs'
import http from 'node:http'

const kinds = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
// What a v1.33.1 kube-apiserver answers on /version (captures of real servers).
const VERSION = {
  major: '1', minor: '33', emulationMajor: '1', emulationMinor: '33', minCompatibilityMajor: '1', minCompatibilityMinor: '32',
  gitVersion: 'v1.33.1', gitCommit: '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828', gitTreeState: 'clean', buildDate: '2025-05-15T08:19:08Z',
  goVersion: 'go1.24.2', compiler: 'gc', platform: 'linux/amd64',
}
const groups = [...new Set(kinds.filter((k) => k.group).map((k) => k.group))]
const resourceList = (groupVersion) => ({
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion,
  resources: kinds
    .filter((k) => k.apiVersion === groupVersion)
    .map((k) => ({
      name: k.resource,
      singularName: k.singular,
      namespaced: k.namespaced,
      kind: k.kind,
      verbs: k.verbs,
      ...(k.shortNames.length ? { shortNames: k.shortNames } : {}),
      ...(k.categories.length ? { categories: k.categories } : {}),
    })),
})
const server = http.createServer((req, res) => {
  const path = req.url.split('?')[0]
  let body
  if (path === '/version') body = VERSION
  else if (path === '/api') body = { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '192.168.56.10:6443' }] }
  else if (path === '/apis') {
    body = {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((g) => {
        const v = kinds.find((k) => k.group === g).version
        const gv = { groupVersion: `${g}/${v}`, version: v }
        return { name: g, versions: [gv], preferredVersion: gv }
      }),
    }
  } else if (path === '/api/v1') body = resourceList('v1')
  else {
    const m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path)
    if (m && groups.includes(m[1])) body = resourceList(`${m[1]}/${m[2]}`)
  }
  res.setHeader('Content-Type', 'application/json')
  if (!body) {
    res.statusCode = 404
    body = { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 }
  }
  res.end(JSON.stringify(body))
})
server.listen(0, '127.0.0.1', () => console.log(`DISCOVERY READY port=${server.address().port}`))
