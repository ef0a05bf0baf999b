// Stands in for Prettier in monaco-yaml's worker (vite.config.ts aliases prettier/standalone and its
// yaml/estree plugins here). The editor turns formatting off (`format: { enable: false }`), so the
// 436 KiB of Prettier would be dead weight; validation, hover and completion do not use it.
export async function format(text: string): Promise<string> {
  return text
}
export default {}
