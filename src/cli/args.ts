// Turns argv into a command and its options; anything unknown is a usage error (exit 2).
import { parseArgs } from 'node:util'
import { LOCALES, type Locale } from '../shared/domain.ts'
import { isValidTimeZone, systemTimeZone } from '../shared/time.ts'
import { UsageError } from './usage.ts'

export interface CliArgs {
  command: string | undefined
  positionals: string[]
  db: string | undefined
  lang: Locale
  tz: string
  help: boolean
  json: boolean
  at: string | undefined
  format: string | undefined
  out: string | undefined
  dryRun: boolean
  replace: boolean
  /** report */
  includeNotes: boolean
  /** report: include the timeline and rate charts. */
  charts: boolean
  days: string | undefined
  paper: string | undefined
  orientation: string | undefined
  /** report: the one-page brief of this measure instead of the status report */
  measure: string | undefined
  /** dataset apply: every --measure given (only these measures are updated) */
  measures: string[]
  pinned: boolean
  /** status, report: only the measures this search finds (shared/text-search.ts) */
  text: string | undefined
  /** restore: go ahead (without it, restore only shows what the backup holds) */
  yes: boolean
  /** db copy: the database to copy (a file or postgres://…) */
  from: string | undefined
  /** db copy: where to copy it (a new file, or an empty PostgreSQL database) */
  to: string | undefined
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        tz: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        json: { type: 'boolean', default: false },
        at: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        'dry-run': { type: 'boolean', default: false },
        replace: { type: 'boolean', default: false },
        'include-notes': { type: 'boolean', default: false },
        charts: { type: 'boolean', default: false },
        days: { type: 'string' },
        paper: { type: 'string' },
        orientation: { type: 'string' },
        measure: { type: 'string', multiple: true },
        pinned: { type: 'boolean', default: false },
        text: { type: 'string' },
        yes: { type: 'boolean', short: 'y', default: false },
        from: { type: 'string' },
        to: { type: 'string' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const lang = values.lang as string
  if (!(LOCALES as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${LOCALES.join(', ')} (got "${lang}")`)
  const tz = values.tz ?? systemTimeZone()
  if (!isValidTimeZone(tz)) throw new UsageError(`--tz: unknown time zone "${tz}"`)
  return {
    command: positionals[0],
    positionals: positionals.slice(1),
    db: values.db,
    lang: lang as Locale,
    tz,
    help: values.help as boolean,
    json: values.json as boolean,
    at: values.at,
    format: values.format,
    out: values.out,
    dryRun: values['dry-run'] as boolean,
    replace: values.replace as boolean,
    includeNotes: values['include-notes'] as boolean,
    charts: values.charts as boolean,
    days: values.days,
    paper: values.paper,
    orientation: values.orientation,
    // report takes one measure (the last given, as before); dataset apply takes them all.
    measure: values.measure?.at(-1),
    measures: values.measure ?? [],
    pinned: values.pinned as boolean,
    text: values.text,
    yes: values.yes as boolean,
    from: values.from,
    to: values.to,
  }
}

/** The measures a listing command covers: all, or with --text those the board's search finds for it. */
export function listFilterOf(args: Pick<CliArgs, 'text'>): { text?: string } {
  return args.text === undefined ? {} : { text: args.text }
}
