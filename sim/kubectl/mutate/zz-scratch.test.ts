import { it } from 'vitest'
import { testShell } from './test-shell'
const WEB = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`
it('scratch', async () => {
  const t = testShell()
  t.write('web.yaml', WEB)
  const lines = process.env.LINES!.split('\n')
  for (const line of lines) {
    if (line === 'settle') { t.sim.settle(); continue }
    const t0 = t.sim.now()
    const r = await t.sh(line)
    console.log('$ ' + line + '   (' + (t.sim.now() - t0) / 1000 + 's)\n' + r.stdout + (r.stderr ? '[stderr]' + r.stderr : '') + '[rc=' + r.exitCode + ']')
  }
})
