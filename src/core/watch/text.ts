// Text that arrives from the network, made safe to store and show: plain text only (markup and
// control characters removed, whitespace collapsed, length capped). The page shows it through
// text interpolation, never as HTML, so even what slips through stays inert.

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g
const TAG = /<[^>]*>/g

export function plainText(value: unknown, maxLength = 500): string {
  if (typeof value !== 'string') return ''
  const text = value.replace(TAG, ' ').replace(CONTROL, '').replace(/\s+/g, ' ').trim()
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text
}

/** An http(s) address, or null (javascript:, data:, file: and relative addresses are dropped). */
export function httpAddress(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2_000) return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

/** YYYY-MM-DD from a date the source wrote (ISO, RFC 822 of RSS), or null. */
export function isoDay(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 100) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const ms = Date.parse(value)
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null
}
