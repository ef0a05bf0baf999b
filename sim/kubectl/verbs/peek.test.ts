import { it } from 'vitest'
import { editWeb, headlessService, webStatefulSet } from '/work/main/sim/testing/fixtures'
import { bootedEnv } from '/work/main/sim/kubectl/verbs/test-env'
it('peek', async () => {
  const env = bootedEnv()
  env.create(headlessService(), webStatefulSet())
  const r = await env.run(['rollout', 'status', 'sts/web'])
  console.log(r.stdout)
  editWeb(env.sim, (s) => (s.template.spec.containers[0].image = 'registry.k8s.io/nginx-slim:0.27'))
  console.log((await env.run(['rollout', 'status', 'sts/web'])).stdout)
})
