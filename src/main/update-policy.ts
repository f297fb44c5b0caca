// The rules of Settings → Updates that need no Electron: which versions count as newer, whether a
// release is offered, when the next automatic check is due, whether this copy can update itself,
// what the saved preferences file may hold, and the release notes as text. src/main/updater.ts
// applies them to electron-updater; everything here is unit-tested on its own.
import semver from 'semver'
import { z } from 'zod'
import {
  DEFAULT_UPDATE_PREFERENCES,
  updatePreferencesSchema,
  type ReleaseSummary,
  type UpdatePreferences,
  type UpdateUnsupportedReason,
} from '../shared/updates.ts'

/** An automatic check at most once a day… */
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000
/** …or an hour after one that failed (offline, GitHub unreachable), so a bad network is not hammered. */
export const RETRY_AFTER_FAILURE_MS = 60 * 60 * 1000
/** Never in the first minute after start: opening the database and the window come first. */
export const FIRST_CHECK_DELAY_MS = 60 * 1000
/** Release notes longer than this are cut (the page shows them in full on GitHub). */
export const MAX_NOTES_CHARS = 20_000

/** A release's version, as semver reads it (a leading "v" allowed, build metadata ignored); null when it is not one. */
function parse(version: string): semver.SemVer | null {
  return semver.parse(version.trim().replace(/^v(?=\d)/, ''))
}

export function isPrerelease(version: string): boolean {
  return (parse(version)?.prerelease.length ?? 0) > 0
}

/**
 * Whether `candidate` is newer than `current` by Semantic Versioning's precedence: numbers compare
 * as numbers (1.10.0 > 1.9.0), a pre-release comes before its release (2.0.0-rc.1 < 2.0.0), its
 * numeric identifiers compare as numbers (beta.10 > beta.2), build metadata does not count.
 * Anything that is not a version is never newer.
 */
export function isNewerVersion(candidate: string, current: string): boolean {
  const next = parse(candidate)
  const now = parse(current)
  return next !== null && now !== null && semver.gt(next, now)
}

export type OfferDecision = { offer: true } | { offer: false; reason: 'not-a-version' | 'not-newer' | 'prerelease' }

/**
 * Whether the app offers `candidate` to someone running `current`: only a newer version (never a
 * downgrade, never the same one again), and a pre-release only to someone already running one —
 * a person on 1.2.0 is not moved onto 1.3.0-beta.1.
 */
export function decideOffer(current: string, candidate: string): OfferDecision {
  if (parse(candidate) === null || parse(current) === null) return { offer: false, reason: 'not-a-version' }
  if (!isNewerVersion(candidate, current)) return { offer: false, reason: 'not-newer' }
  if (isPrerelease(candidate) && !isPrerelease(current)) return { offer: false, reason: 'prerelease' }
  return { offer: true }
}

/** What main remembers between runs (userData/updates.json). */
export interface StoredUpdates {
  preferences: UpdatePreferences
  /** Epoch ms of the last check that got an answer. */
  lastCheckedAt: number | null
  /** Epoch ms of the last check started, answered or not. */
  lastAttemptAt: number | null
  lastAttemptFailed: boolean
}

export const INITIAL_STORED_UPDATES: StoredUpdates = {
  preferences: DEFAULT_UPDATE_PREFERENCES,
  lastCheckedAt: null,
  lastAttemptAt: null,
  lastAttemptFailed: false,
}

const instant = z.number().int().nonnegative().nullable().catch(null)
const storedSchema = z.object({
  // A damaged or hand-edited file never turns checking on: what cannot be read is "off".
  preferences: updatePreferencesSchema.catch(DEFAULT_UPDATE_PREFERENCES),
  lastCheckedAt: instant,
  lastAttemptAt: instant,
  lastAttemptFailed: z.boolean().catch(false),
})

/** The saved file's contents; anything unreadable falls back field by field to the initial state (checks off). */
export function parseStoredUpdates(text: string | null): StoredUpdates {
  if (text === null) return INITIAL_STORED_UPDATES
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return INITIAL_STORED_UPDATES
  }
  const parsed = storedSchema.safeParse(data)
  return parsed.success ? parsed.data : INITIAL_STORED_UPDATES
}

/**
 * When the next automatic check is due (epoch ms), or null when automatic checks are off. Due at
 * once when there has never been one, an hour after a failed one, a day after one that got an
 * answer — and never within the first minute after `startedAt`. A record from the future (the
 * clock was moved back) does not postpone the check.
 */
export function nextAutomaticCheckAt(stored: StoredUpdates, now: number, startedAt: number): number | null {
  if (!stored.preferences.checkAutomatically) return null
  const earliest = startedAt + FIRST_CHECK_DELAY_MS
  const { lastAttemptAt, lastCheckedAt } = stored
  let due: number
  if (lastAttemptAt === null || lastAttemptAt > now) due = now
  else if (stored.lastAttemptFailed) due = lastAttemptAt + RETRY_AFTER_FAILURE_MS
  else due = (lastCheckedAt !== null && lastCheckedAt <= now ? lastCheckedAt : lastAttemptAt) + CHECK_INTERVAL_MS
  return Math.max(due, earliest)
}

export interface UpdateSupportProbe {
  /** app.isPackaged: false when started from the sources. */
  isPackaged: boolean
  platform: NodeJS.Platform
  /** Set by the AppImage runtime to the AppImage's own path. */
  appImagePath: string | undefined
  /** resources/app-update.yml: electron-builder writes it when the build knew where releases are published. */
  hasFeed: boolean
  /** resources/package-type ('deb' in the .deb), or null. */
  linuxPackageType: string | null
}

/** Why this copy cannot update itself, or null when it can. */
export function updateSupport(probe: UpdateSupportProbe): UpdateUnsupportedReason | null {
  if (!probe.isPackaged) return 'not-packaged'
  if (!probe.hasFeed) return 'no-feed'
  if (probe.platform === 'linux' && !probe.appImagePath && probe.linuxPackageType !== 'deb') return 'unsupported-package'
  return null
}

/** What electron-updater tells of a release (UpdateInfo), as far as the page needs it. */
export interface ReleaseInfo {
  version: string
  releaseName?: string | null
  releaseDate?: string | null
  /** GitHub gives HTML; a full changelog comes as a list of { version, note }. */
  releaseNotes?: string | readonly { version: string; note: string | null }[] | null
}

export function releaseSummary(info: ReleaseInfo): ReleaseSummary {
  const date = info.releaseDate && !Number.isNaN(Date.parse(info.releaseDate)) ? new Date(info.releaseDate).toISOString() : null
  return {
    version: info.version,
    name: info.releaseName?.trim() ? info.releaseName.trim() : null,
    releasedAt: date,
    notes: releaseNotesText(info.releaseNotes ?? null),
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD'
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

/**
 * Release notes as plain text. GitHub's feed gives the release body as HTML; the page shows text
 * only (never HTML from the network), so tags go — scripts and styles with their content —
 * the source's own line breaks are spaces (as a browser reads them; a <pre> block loses its lines),
 * paragraphs, headings and <br> become line breaks, list items "• " lines, entities are
 * decoded, and the result is cut at MAX_NOTES_CHARS.
 */
export function releaseNotesText(notes: ReleaseInfo['releaseNotes']): string {
  if (notes === null || notes === undefined) return ''
  const html = typeof notes === 'string' ? notes : notes.map((entry) => `<h3>${entry.version}</h3>${entry.note ?? ''}`).join('\n')
  const text = decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
      .replace(/<!--[\s\S]*?(-->|$)/g, '')
      // Line breaks in the HTML source are spaces; only the markup below makes lines.
      .replace(/\s+/g, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\n• ')
      .replace(/<\/?(p|div|h[1-6]|ul|ol|pre|blockquote|table|tr|hr)\b[^>]*>/gi, '\n\n')
      .replace(/<[^>]*>?/g, ''),
  )
  const tidy = text
    .split('\n')
    .map((line) => line.replace(/[\t \u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return tidy.length > MAX_NOTES_CHARS ? `${tidy.slice(0, MAX_NOTES_CHARS).trimEnd()}…` : tidy
}
