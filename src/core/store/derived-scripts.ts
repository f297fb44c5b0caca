// Titles and commitment units written before migration 6 may hold one Chinese script only; every
// later write stores both (measure-rows.ts). This derives the missing one for those old rows, once,
// when a writable file is opened. OpenCC lives in JavaScript, not in SQLite, so a migration's SQL
// cannot do it. It looks first without the write lock, as seeding does, and writes only when there
// is something to derive: opening an up-to-date file writes nothing.
import type { Db } from './db.ts'
import type { ChineseScript, Commitment, LocalizedText } from '../../shared/domain.ts'
import { withDerivedScript } from '../text/chinese-script.ts'
import { inTransaction } from './database.ts'
import { statement } from './statements.ts'

// Blank = NULL or only white space, as `localizedText` counts it (near enough: SQLite's trim takes a list of characters).
const BLANK = (column: string) => `(trim(coalesce(${column}, ''), ' ' || char(9, 10, 13)) = '')`
const ONE_SCRIPT_TITLE = `title_converted IS NULL AND ${BLANK('title_zh_hant')} <> ${BLANK('title_zh_hans')}`
const ONE_SCRIPT_UNIT = `commitment IS NOT NULL AND commitment ->> '$.unit.converted' IS NULL
  AND ${BLANK(`commitment ->> '$.unit."zh-Hant"'`)} <> ${BLANK(`commitment ->> '$.unit."zh-Hans"'`)}`
const NEEDING = `SELECT id, title_en, title_zh_hant, title_zh_hans, commitment FROM measures WHERE (${ONE_SCRIPT_TITLE}) OR (${ONE_SCRIPT_UNIT})`

interface Row {
  id: string
  title_en: string
  title_zh_hant: string | null
  title_zh_hans: string | null
  commitment: string | null
}

function derive(db: Db, row: Row): void {
  const title: LocalizedText = { en: row.title_en }
  if (row.title_zh_hant !== null) title['zh-Hant'] = row.title_zh_hant
  if (row.title_zh_hans !== null) title['zh-Hans'] = row.title_zh_hans
  const derived = withDerivedScript(title)
  const commitment = row.commitment === null ? null : (JSON.parse(row.commitment) as Commitment)
  if (commitment !== null) commitment.unit = withDerivedScript(commitment.unit)
  statement(db, 'UPDATE measures SET title_zh_hant = ?, title_zh_hans = ?, title_converted = ?, commitment = ? WHERE id = ?').run(
    derived['zh-Hant'] ?? null,
    derived['zh-Hans'] ?? null,
    (derived.converted ?? null) satisfies ChineseScript | null,
    commitment === null ? null : JSON.stringify(commitment),
    row.id,
  )
}

/** Derives the Chinese script old titles and units lack; returns how many measures it changed. */
export function deriveMissingScripts(db: Db): number {
  const needing = () => statement(db, NEEDING).all() as unknown as Row[]
  if (needing().length === 0) return 0
  return inTransaction(db, () => {
    // Looked at again inside the lock: another process may have done it a moment ago.
    const rows = needing()
    for (const row of rows) derive(db, row)
    return rows.length
  })
}
