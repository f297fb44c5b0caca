// `db copy --from A --to B`: a whole database moved between a file and a team database
// (core/store/copy-database.ts). Like backup and restore it opens its databases itself, so it runs
// before the command line opens one. It speaks English only, like the service's messages.
import { CopyMismatch, CopyRefused, copyDatabase, shownLocation } from '../../core/store/copy-database.ts'
import { pluralText } from '../../shared/i18n/plural.ts'
import type { CliArgs } from '../args.ts'
import { CliFailure } from '../context.ts'
import { EXIT, UsageError } from '../usage.ts'

const rows = (count: number) => pluralText('en', count, { one: '{count} row', other: '{count} rows' })

export async function dbCommand(args: CliArgs, actor: string, out: (text: string) => void): Promise<void> {
  const [action, ...extra] = args.positionals
  if (action !== 'copy' || extra.length > 0) throw new UsageError('db takes one action: db copy --from DATABASE --to DATABASE')
  if (!args.from || !args.to) throw new UsageError('db copy needs --from and --to (a database file or postgres://…)')
  if (args.db) throw new UsageError('db copy names its databases with --from and --to, not --db')
  let outcome
  try {
    outcome = await copyDatabase({ from: args.from, to: args.to, actor })
  } catch (error) {
    if (error instanceof CopyRefused) throw new CliFailure(error.message, EXIT.usage)
    if (error instanceof CopyMismatch) throw new CliFailure(`The copy was not kept: ${error.message}`, EXIT.failure)
    // Opening either database failed (a wrong password, an unreachable server, a newer schema): its own words.
    const message = ((error as Error)?.message ?? String(error)).trim()
    const said = /nothing was changed/i.test(message) ? '' : ' Nothing was copied.'
    throw new CliFailure(`Copying ${shownLocation(args.from)} to ${shownLocation(args.to)} failed. ${message}${said}`, EXIT.failure)
  }
  if (args.json) {
    out(JSON.stringify({ ...outcome, verified: true }, null, 2))
    return
  }
  out(`Copied ${outcome.from} to ${outcome.to}: ${outcome.measures} measures.`)
  if (outcome.replacedSeed) out(`${outcome.to} held only the sample dataset its first start had loaded; it was replaced.`)
  for (const { table, rows: count } of outcome.tables) out(`  ${table.padEnd(24)} ${rows(count)}`)
  out('Verified: both databases export the same measures, and every table holds the same rows.')
}
