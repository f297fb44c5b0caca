// What every handler receives: the connection, who is acting, and the clock (injectable so
// tests and the "as of" view can pin time).
import type { Db } from '../store/db.ts'
import type { MethodName, Output, ParsedInput } from '../../shared/api.ts'

export interface ServiceContext {
  db: Db
  dbPath: string
  schemaVersion: number
  /** Who made a change, for the audit trail: e.g. "cli:alice", "app", "web". */
  actor: string
  /**
   * Whose reminder marks are read and written (migration 11): the database user on a team
   * database, where each person's app shows each reminder once to them; absent ('') on a file.
   */
  shownTo?: string
  nowMs(): number
}

export type Handler<M extends MethodName> = (ctx: ServiceContext, input: ParsedInput<M>) => Output<M>
export type Handlers<K extends MethodName> = { [M in K]: Handler<M> }
