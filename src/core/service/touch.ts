import { statement } from '../store/statements.ts'
import { timestamp } from './clock.ts'
import type { ServiceContext } from './context.ts'

/** Marks a measure changed when one of its parts (event, source, link, note) changes. */
export function touch(ctx: ServiceContext, measureId: string): void {
  statement(ctx.db, 'UPDATE measures SET updated_at = ? WHERE id = ?').run(timestamp(ctx.nowMs()), measureId)
}
