// Live refresh across machines on a team database: every write transaction of the core announces
// itself on one channel as it commits (NOTIFY is delivered only on COMMIT, never for a rollback),
// with the announcing session's process id; every other open store listens (LISTEN) and tells its
// host, which reloads what it shows — as SQLite's data_version does for processes sharing a file.
// A session's own commits are known to the host that made them and are not announced back to it.
import { openPostgres } from './connect.ts'

export const CHANGES_CHANNEL = 'measure_tracker_changes'

/** The statement run just before a write transaction's COMMIT. */
export const ANNOUNCE_CHANGE = `SELECT pg_notify('${CHANGES_CHANNEL}', pg_backend_pid()::text)`

/**
 * Calls `listener` when a write by another session commits. The driver listens on a connection of
 * its own and listens again after a reconnect; returns the function that stops listening.
 */
export function watchTeamChanges(url: string, ownSessionPid: number, listener: () => void): () => void {
  const sql = openPostgres(url, { max: 1 })
  let stopped = false
  const listening = sql.listen(CHANGES_CHANNEL, (payload) => {
    if (!stopped && payload !== String(ownSessionPid)) listener()
  })
  // A server that cannot be reached now is retried by the driver; the store's own calls report it.
  listening.catch(() => {})
  return () => {
    stopped = true
    sql.end({ timeout: 1 }).catch(() => {})
  }
}
