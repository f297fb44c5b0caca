// The person's own time zone, read once: every "your time" display uses it.
let cached: string | null = null

export function userZone(): string {
  cached ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  return cached
}
