import { test, expect } from '@playwright/test'

test('the page boots the simulated cluster in the browser', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Ordinal' })).toBeVisible()
  await expect(page.getByTestId('nodes')).toHaveText('Nodes: k8s-master, k8s-node1, k8s-node2')
  await page.screenshot({ path: 'test-results/e2e/smoke.png' })
})
