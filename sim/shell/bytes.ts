// Bytes in and out of the headless runner. Shell input is text, but a script may hold bytes that are
// not UTF-8; bash keeps them and prints them back (`$'\377': command not found`). They travel through
// the shell as lone surrogates U+DC80..U+DCFF (Python's "surrogateescape"), one per byte.

/** Decodes UTF-8, mapping each byte of an invalid sequence to U+DC00 + byte. */
export function decodeBytes(b: Uint8Array): string {
  let out = ''
  let i = 0
  while (i < b.length) {
    const c = b[i]
    let need: number
    let cp: number
    if (c < 0x80) {
      out += String.fromCharCode(c)
      i++
      continue
    } else if (c >= 0xc2 && c <= 0xdf) {
      need = 1
      cp = c & 0x1f
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2
      cp = c & 0x0f
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3
      cp = c & 0x07
    } else {
      out += String.fromCharCode(0xdc00 + c)
      i++
      continue
    }
    let ok = i + need < b.length
    for (let k = 1; ok && k <= need; k++) {
      const d = b[i + k]
      if (d === undefined || (d & 0xc0) !== 0x80) ok = false
      else cp = (cp << 6) | (d & 0x3f)
    }
    const min = [0, 0x80, 0x800, 0x10000][need]
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += String.fromCharCode(0xdc00 + c)
      i++
      continue
    }
    out += String.fromCodePoint(cp)
    i += need + 1
  }
  return out
}

/** Encodes text as UTF-8, turning U+DC80..U+DCFF back into the bytes they stand for. */
export function encodeText(s: string): Uint8Array {
  const out: number[] = []
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (cp >= 0xdc80 && cp <= 0xdcff) out.push(cp - 0xdc00)
    else if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
  }
  return Uint8Array.from(out)
}
