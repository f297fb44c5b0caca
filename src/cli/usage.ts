// Exit codes and the usage error the command line raises for bad arguments.
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

export class UsageError extends Error {}

export const HELP = `Measure Tracker — track government measures and their deadlines.

Usage: measure-tracker [global options] <command> [options]

Commands:
  status [--at INSTANT] [--text WORDS] [--json]
                                            every measure with status, since, next deadline, countdown;
                                            with --text, only those with every word in a title (any
                                            language), short name, instrument, tag, party or note
  show <id> [--at INSTANT] [--json]         one measure with its events, sources, links and notes
  export --format json [--out FILE]         the whole database as versioned JSON (stdout without --out)
  export --format ics [ID] [--out FILE]     every transition (of all measures, or of measure ID) as an
                                            iCalendar file in --lang, with alarms at the lead times
  import FILE [--dry-run] [--replace]       add measures from an export; --replace replaces existing ids
  report [--at INSTANT] [--format html|md|csv|json] [--out FILE] [--include-notes] [--days N]
         [--paper A4|Letter] [--orientation portrait|landscape] [--text WORDS] [--charts]
                                            status report (default HTML to stdout): counts, deadlines in
                                            the next N days (30), needs review, a table per party with
                                            counter-measures, pinned notes, sources; times in --tz;
                                            --text: only the measures status --text lists
                                            --charts: the timeline and the stacked rate charts
                                            (SVG, in HTML and JSON)
  report --measure ID [--at INSTANT] [--format html|md|json] [--out FILE] [--paper A4|Letter]
                                            that measure's one-page brief: title, parties, instrument,
                                            status, suspension chain, next or lapsed deadline, pinned
                                            notes, sources (dates on their legal clocks)
  note add <id> TEXT [--pinned]             add a Markdown note to a measure; prints the note's id
  note list <id> [--json]                   a measure's notes, pinned first, then newest first
  dataset status [--json]                   which dataset (id and version) the database holds, and the
                                            last update that can be undone
  dataset diff FILE [--json]                what a newer version of the dataset would change, measure by
                                            measure: new measures, corrected facts, and conflicts with
                                            your edits (yours stay in use)
  dataset apply FILE [--measure ID …]       apply that update (only the measures named with --measure),
                                            in one transaction; your edits, notes and tags are kept
  dataset undo                              reverse the last dataset update exactly
  dataset check-feed [--out FILE] [--json]  check the signed dataset feed set up in Settings → Dataset
                                            feed now (https only; the signature checked against your
                                            key); a verified newer dataset waits for review, and with
                                            --out is written to FILE for dataset diff / apply
  watch status [--json]                     what is watched (Federal Register, feeds), each source's
                                            last check, and the items to review
  watch check [--measure ID] [--json]       check every source that is on now (with --measure, only
                                            that measure's watch terms; the schedule is left as it was)
  backup [--out FILE]                       copy the database now (default: into the backups folder
                                            next to it); the app also keeps a daily copy (last 7)
  backup list [--json]                      the copies in the backups folder, newest first
  restore FILE [--yes]                      show what a backup (a file, or a name from backup list)
                                            holds; with --yes, keep the current contents as a backup
                                            and replace them with the backup's
  salvage [--out FILE]                      copy everything still readable from a damaged database
                                            into a new file; the damaged file is left as it is
  db copy --from DB --to DB [--json]        copy a whole database between a file and a team database
                                            (postgres://…), either way, into a new or empty one;
                                            verified by comparing both databases' exports

Global options:
  --db PATH            database file (default: MEASURE_TRACKER_DB, else the app's data folder)
  --lang en|zh-Hant|zh-Hans   language of the output (default en)
  --tz ZONE            time zone for dates you type and times shown (default: the system zone)
  --help               this text

INSTANT is 2026-11-10 (start of that day in --tz), 2026-11-10T00:01 (wall clock in --tz),
2026-11-10T05:01Z, or 2026-11-10T00:01:00-05:00[America/New_York].
Exit codes: 0 ok, 1 runtime failure, 2 bad usage or invalid input.
`
