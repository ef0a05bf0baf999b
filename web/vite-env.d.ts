/// <reference types="vite/client" />

/** A freshly booted cluster's saved state as JSON, made at build time (vite.config.ts). */
declare module 'virtual:ordinal/fresh-cluster' {
  const json: string
  export default json
}
