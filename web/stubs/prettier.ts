// Stands in for Prettier inside monaco-yaml's worker (vite.config.ts aliases prettier's entries here):
// the editor turns formatting off, and Prettier would add about 130 KB gzip to the worker.
export async function format(text: string): Promise<string> {
  return text
}
export default {}
