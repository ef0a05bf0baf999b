// Prints a freshly booted cluster's saved state (sim.exportState()) as JSON. The build bakes it into
// the app (vite.config.ts, virtual:ordinal/fresh-cluster), so a first visit or a reset restores a
// ready cluster in milliseconds instead of booting one in the browser (its ten simulated minutes of
// start-up take a few hundred milliseconds of real time there). Same seed, same cluster, every time.
import { createSimulation } from '../sim'

export const FRESH_SEED = 1

process.stdout.write(JSON.stringify(createSimulation({ seed: FRESH_SEED }).exportState()))
