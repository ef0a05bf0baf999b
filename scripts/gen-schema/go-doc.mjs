// kube-openapi's fmtRawDoc (generators/openapi.go): how a Go doc comment becomes an OpenAPI
// description. Lines join with spaces, an empty line starts a paragraph, indented lines stand on
// their own, generator tags (+...) and one-line TODOs go, and everything after `---` is dropped.
// Used for the few type descriptions kubernetes-types does not carry (IntOrString).

export function fmtRawDoc(rawDoc) {
  let buf = ''
  const delPrevChar = () => {
    if (buf.length > 0) buf = buf.slice(0, -1)
  }
  for (let line of rawDoc.split('---')[0].split('\n')) {
    line = line.replace(/ +$/, '')
    const leading = line.replace(/^ +/, '')
    if (line.length === 0) {
      delPrevChar()
      buf += '\n\n'
    } else if (leading.startsWith('TODO') || leading.startsWith('+')) {
      continue
    } else if (line.startsWith(' ') || line.startsWith('\t')) {
      delPrevChar()
      buf += '\n' + line + '\n'
    } else {
      buf += line + ' '
    }
  }
  return buf.replace(/\n+$/, '').replace(/ $/, '')
}
