// Settings → Team database (issue 17): which database this copy of the desktop app opens — the
// file on this computer or a PostgreSQL database shared by a team — as the page may ask to change
// it and as main answers. The choice is kept by main (src/main/team-database-choice.ts); the
// password never comes back to the page, and is kept in the system keychain (Electron's
// safeStorage) only where one exists and the user asked for it.
import { z } from 'zod'

/** The longest connection string accepted (a URL; the limit is about hostile input, not real ones). */
export const MAX_CONNECTION_STRING_LENGTH = 2048
/** The longest password accepted. */
export const MAX_PASSWORD_LENGTH = 1024

export const CONNECTION_STRING_MESSAGE = 'Enter the connection string as postgres://user@host:5432/database.'

/** Why a text is not a team database's connection string; null when it is one. */
export function connectionStringProblem(text: string): string | null {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return CONNECTION_STRING_MESSAGE
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return CONNECTION_STRING_MESSAGE
  if (!url.hostname) return 'The connection string names no server (postgres://user@host:5432/database).'
  if (!url.username) return 'The connection string names no database user (postgres://user@host:5432/database).'
  if (url.pathname.length <= 1) return 'The connection string names no database (postgres://user@host:5432/database).'
  return null
}

export const teamDatabaseConnectSchema = z.strictObject({
  /** postgres://user@host:port/database; a password in it is taken as the password when the field is empty. */
  url: z
    .string({ error: CONNECTION_STRING_MESSAGE })
    .max(MAX_CONNECTION_STRING_LENGTH, { error: `The connection string must have at most ${MAX_CONNECTION_STRING_LENGTH} characters.` })
    .superRefine((text, context) => {
      const problem = text.length > MAX_CONNECTION_STRING_LENGTH ? null : connectionStringProblem(text.trim())
      if (problem !== null) context.addIssue({ code: 'custom', message: problem })
    }),
  /** '' when the server needs none or the connection string carries it. */
  password: z
    .string({ error: 'The password must be text.' })
    .max(MAX_PASSWORD_LENGTH, { error: `The password must have at most ${MAX_PASSWORD_LENGTH} characters.` }),
  /** Keep the password in the system keychain (refused where there is none). */
  remember: z.boolean({ error: 'remember must be true or false.' }),
})
export type TeamDatabaseConnectRequest = z.infer<typeof teamDatabaseConnectSchema>

/** What decided the database this window uses, strongest first. */
export type DatabaseChosenBy = 'argument' | 'environment' | 'settings' | 'default'

/** Where the saved team database's password is. */
export type KeptPassword = 'keychain' | 'this-run' | 'none'

export interface TeamDatabaseStatus {
  /** The database this window uses: its file path, or its connection string without the password. */
  current: { kind: 'file' | 'team'; location: string; chosenBy: DatabaseChosenBy }
  /** The team database chosen in Settings, if any (without the password). */
  saved: { location: string; password: KeptPassword } | null
  /** A system keychain can keep the password (safeStorage with a real secret store). */
  keychain: boolean
  /** The saved team database could not be used at start, so this window uses the file on this computer. */
  notice: { kind: 'needs-password' | 'failed'; location: string; message: string | null } | null
  /** The app is restarting to use the database just chosen. */
  restarting: boolean
}
