import { LOCALES } from '../../shared/domain.ts'
import { statement } from '../store/statements.ts'
import { readOnlyReasonOf } from '../store/database.ts'
import type { Handlers } from './context.ts'

export const metaHandlers: Handlers<'meta.info'> = {
  'meta.info': (ctx) => ({
    dbPath: ctx.dbPath,
    schemaVersion: ctx.schemaVersion,
    readOnly: readOnlyReasonOf(ctx.db) !== null,
    readOnlyReason: readOnlyReasonOf(ctx.db),
    measureCount: (statement(ctx.db, 'SELECT count(*) AS n FROM measures WHERE deleted_at IS NULL').get() as { n: number }).n,
    locales: LOCALES,
  }),
}
