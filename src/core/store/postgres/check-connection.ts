// "Connect" in Settings → Team database: before the app saves a team database and restarts on it,
// one connection is opened and closed, so a typo or a wrong password is said at once, in the
// panel, instead of at the next start.
import { openPostgres } from './connect.ts'

/** How long the check waits for the server (a start would wait as long; the user is watching). */
export const CHECK_TIMEOUT_SECONDS = 10

/** Resolves when the server lets this user in; rejects with the driver's or server's words (which never carry the password). */
export async function checkTeamConnection(url: string): Promise<void> {
  const sql = openPostgres(url, { max: 1, connectTimeoutSeconds: CHECK_TIMEOUT_SECONDS })
  try {
    await sql`select 1`
  } finally {
    await sql.end({ timeout: 1 })
  }
}
