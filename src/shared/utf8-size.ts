// The size of a text once written as UTF-8, without Node's Buffer (src/shared runs in the page too).

/** Bytes of `text` in UTF-8: a lone surrogate is written as U+FFFD (3 bytes), as every encoder does. */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/**
 * Whether `text` takes at most `maxBytes` bytes of UTF-8. A UTF-16 code unit is 1 to 3 bytes, so
 * the exact count is made only when the length alone cannot decide.
 */
export function fitsUtf8Bytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return false
  if (text.length * 3 <= maxBytes) return true
  return utf8ByteLength(text) <= maxBytes
}
