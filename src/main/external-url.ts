// The one gate in front of shell.openExternal. Handing the OS an arbitrary URL is how Electron
// apps get turned into launchers (file:, smb:, ms-msdt:, custom schemes registered by other apps),
// so only plain web links pass: http(s), a real host, no credentials, nothing the URL parser
// would have to repair first.
import { MAX_EXTERNAL_URL_LENGTH } from '../shared/shell-api.ts'

export { MAX_EXTERNAL_URL_LENGTH }

/** `scheme://` spelled out literally: no "https:evil.com", "https:/evil.com" or "https:///evil.com". */
const WEB_PREFIX = /^https?:\/\/(?!\/)/i
/**
 * Whitespace, ASCII control characters, backslashes and the Unicode line/format characters the
 * WHATWG parser strips or rewrites silently ("java\tscript:", "https:\\evil.com", U+2028).
 */
// eslint-disable-next-line no-control-regex
const REPAIRED_CHARACTERS = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/

/**
 * Returns the normalized URL to hand to shell.openExternal, or null when `url` is not a plain
 * http(s) link. The host must be written in ASCII (an internationalized name is accepted in its
 * punycode form, "xn--…", which is what the person sees): a raw Unicode host could imitate
 * another site letter for letter. Non-ASCII text in the path or query is fine (it is
 * percent-encoded in the result).
 */
export function toSafeExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null
  if (url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return null
  if (!WEB_PREFIX.test(url) || REPAIRED_CHARACTERS.test(url)) return null

  // The authority is what sits between "//" and the first "/", "?" or "#".
  const afterSlashes = url.slice(url.indexOf('//') + 2)
  const authority = afterSlashes.split(/[/?#]/, 1)[0] ?? ''
  if (authority.length === 0 || authority.includes('@')) return null
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(authority)) return null
  if (/%/.test(authority)) return null

  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  if (parsed.username !== '' || parsed.password !== '') return null
  if (parsed.hostname === '') return null
  const href = parsed.href
  if (href.length > MAX_EXTERNAL_URL_LENGTH) return null
  return href
}

export function isSafeExternalUrl(url: unknown): url is string {
  return toSafeExternalUrl(url) !== null
}

/**
 * The app's only way to shell.openExternal: validates again right at the call, whatever the
 * caller already checked, and opens the normalized URL. Resolves false when refused.
 */
export function externalOpener(shell: { openExternal(url: string): Promise<void> }): (url: string) => Promise<boolean> {
  return async (url) => {
    const safe = toSafeExternalUrl(url)
    if (safe === null) return false
    await shell.openExternal(safe)
    return true
  }
}
