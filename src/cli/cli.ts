// The command-line host over core: parse, open the store, run one command, map errors to exit codes.
import { writeKeptCalendarOnce } from '../core/calendar-file.ts'
import { actorName } from '../core/actor.ts'
import { openStore } from '../core/open.ts'
import { resolveDatabasePath } from '../core/store/location.ts'
import { ownWriteCount } from '../core/store/db.ts'
import { isTeamDatabaseUrl } from '../core/store/postgres/open-team-database.ts'
import { postgresDisplayName } from '../core/store/postgres/display-name.ts'
import { translator } from '../shared/i18n/translate.ts'
import { InstantInputError } from '../shared/time.ts'
import { ServiceError } from '../shared/result.ts'
import { parseCliArgs } from './args.ts'
import { CliFailure, type CliContext } from './context.ts'
import { FILE_COMMANDS } from './commands/backup.ts'
import { datasetCommand } from './commands/dataset.ts'
import { dbCommand } from './commands/db-copy.ts'
import { exportCommand, importCommand } from './commands/exchange.ts'
import { noteCommand } from './commands/note.ts'
import { reportCommand } from './commands/report.ts'
import { showCommand } from './commands/show.ts'
import { statusCommand } from './commands/status.ts'
import { watchCommand } from './commands/watch.ts'
import { EXIT, HELP, UsageError } from './usage.ts'

const COMMANDS: Record<string, (ctx: CliContext) => void | Promise<void>> = {
  status: statusCommand,
  show: showCommand,
  export: exportCommand,
  import: importCommand,
  report: reportCommand,
  note: noteCommand,
  dataset: datasetCommand,
  watch: watchCommand,
}

// Terminal control sequences in stored text (a hostile note) must not reach the terminal.
// CR survives only as part of CRLF, which calendar and CSV output need; a lone CR could
// overwrite what the terminal already shows. A CR ending the text is kept: the printer follows
// every text with LF, so it is a CRLF line end (a calendar printed a piece at a time).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n|$)/g
export const plainText = (text: string) => text.replace(CONTROL, '')

export async function runCli(argv: string[], io: { out(text: string): void; err(text: string): void }): Promise<number> {
  let ctx: CliContext | undefined
  try {
    const args = parseCliArgs(argv)
    if (args.help || !args.command) {
      io.out(HELP)
      return args.help ? EXIT.ok : EXIT.usage
    }
    // backup, restore, salvage open the file their own way (a damaged one must not be opened for writing).
    const fileCommand = FILE_COMMANDS[args.command]
    if (fileCommand) {
      const dbPath = resolveDatabasePath(args.db)
      if (isTeamDatabaseUrl(dbPath))
        throw new UsageError(
          `${args.command} works on a database file, and ${postgresDisplayName(dbPath)} is a team database: its server keeps its backups (pg_dump).`,
        )
      await fileCommand({ args, dbPath, actor: actorName('cli'), out: (text) => io.out(plainText(text)) })
      return EXIT.ok
    }
    // db copy opens its two databases itself (--from, --to).
    if (args.command === 'db') {
      await dbCommand(args, actorName('cli'), (text) => io.out(plainText(text)))
      return EXIT.ok
    }
    const command = COMMANDS[args.command]
    if (!command) throw new UsageError(`unknown command "${args.command}" (try --help)`)
    // An import into a new, empty database restores an export exactly: the sample data is not
    // seeded first (it would conflict with, or add to, what the file brings).
    const store = await openStore({ path: resolveDatabasePath(args.db), actor: actorName('cli'), seed: args.command !== 'import' })
    // On stderr, so exported files and --json output stay clean.
    if (store.created) io.err(`measure-tracker: created a new database at ${store.path}`)
    if (store.readOnly)
      io.err(`measure-tracker: ${store.path} is read-only (${store.readOnlyReason}): it can be read, changes are refused.`)
    ctx = { store, args, locale: args.lang, zone: args.tz, t: translator(args.lang), out: (text) => io.out(plainText(text)) }
    const changesBefore = ownWriteCount(store.core.context.db)
    await command(ctx)
    // A change from the command line reaches the subscribed calendar file too (core/calendar-file.ts);
    // a running app or browser host would also notice it, but neither need be running.
    if (ownWriteCount(store.core.context.db) !== changesBefore) {
      const problem = await writeKeptCalendarOnce(store.service)
      if (problem !== null) io.err(`measure-tracker: ${plainText(problem)}`)
    }
    return EXIT.ok
  } catch (error) {
    if (error instanceof UsageError || error instanceof InstantInputError) {
      io.err(`measure-tracker: ${error.message}`)
      return EXIT.usage
    }
    if (error instanceof CliFailure) {
      io.err(`measure-tracker: ${plainText(error.message)}`)
      for (const line of error.lines) io.err(plainText(line))
      return error.exitCode
    }
    if (error instanceof ServiceError) {
      io.err(`measure-tracker: ${error.message}`)
      return error.code === 'VALIDATION' ? EXIT.usage : EXIT.failure
    }
    io.err(`measure-tracker: ${(error as Error).message ?? String(error)}`)
    return EXIT.failure
  } finally {
    ctx?.store.close()
  }
}
