// Updates of the installed desktop app (Settings → Updates): what the page may ask of Electron main
// and what main answers. The checking itself (electron-updater against the project's GitHub
// releases) lives in src/main/updater.ts, its rules in src/main/update-policy.ts. The browser host
// has no updates: it runs from a copy of the source.
//
// The page sends one input, the preferences; main checks it with this schema (as every host
// checks API inputs against src/shared/api.ts) before anything is saved.
import { z } from 'zod'

export const updatePreferencesSchema = z.strictObject({
  /** Ask GitHub for a newer release by itself (at start and then once a day). Off until the user turns it on. */
  checkAutomatically: z.boolean(),
})
export type UpdatePreferences = z.infer<typeof updatePreferencesSchema>

export const DEFAULT_UPDATE_PREFERENCES: UpdatePreferences = { checkAutomatically: false }

/** A release the app may offer: its version, title, date and what is new, as plain text. */
export interface ReleaseSummary {
  version: string
  name: string | null
  /** ISO 8601, as the release feed gives it, or null. */
  releasedAt: string | null
  /** The release notes as plain text (paragraphs and list items on their own lines); '' when there are none. */
  notes: string
}

/** Why this copy of the app cannot update itself (the page says so instead of offering a check). */
export type UpdateUnsupportedReason =
  /** Started from the sources (`npm start`, `npm run dev`): only installed copies update. */
  | 'not-packaged'
  /** Installed from a package that carries no update feed (built without publish settings). */
  | 'no-feed'
  /** A Linux copy that is neither the AppImage nor the .deb (e.g. an unpacked folder). */
  | 'unsupported-package'

export type UpdatePhase =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'up-to-date' }
  | { phase: 'available'; release: ReleaseSummary }
  | { phase: 'downloading'; release: ReleaseSummary; percent: number }
  | { phase: 'downloaded'; release: ReleaseSummary }
  | { phase: 'failed'; during: 'check' | 'download' | 'install'; message: string; release: ReleaseSummary | null }

export interface UpdateStatus {
  currentVersion: string
  /** null when this copy can update itself. */
  unsupported: UpdateUnsupportedReason | null
  preferences: UpdatePreferences
  /** When a check last got an answer (ISO 8601), or null. */
  lastCheckedAt: string | null
  state: UpdatePhase
}
