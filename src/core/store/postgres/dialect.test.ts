// The translation of the core's SQLite statements, rule by rule (each rule's meaning is checked
// against a real server by the contract tests of the "team-store" project).
import { describe, expect, it } from 'vitest'
import { WRITE_LOCK_KEY, toPostgres, toPostgresScript } from './dialect.ts'

describe('SQLite statements on PostgreSQL', () => {
  it('numbers positional parameters, keeping ?N as $N, and leaves quoted text alone', () => {
    expect(toPostgres('SELECT \'?\', "a?" FROM t WHERE a = ? AND b = ?2 AND c = ?')).toBe(
      `SELECT '?', "a?" FROM t WHERE a = $1 AND b = $2 AND c = $3`,
    )
  })

  it('turns INSERT OR IGNORE / OR REPLACE into ON CONFLICT on the table key', () => {
    expect(toPostgres('INSERT OR IGNORE INTO reminders_shown (key, measure_id) VALUES (?, ?)')).toBe(
      'INSERT INTO reminders_shown (key, measure_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    )
    expect(toPostgres('INSERT OR REPLACE INTO links (measure_id, target_id, relation) VALUES (?, ?, ?)')).toBe(
      'INSERT INTO links (measure_id, target_id, relation) VALUES ($1, $2, $3) ON CONFLICT (measure_id, target_id) DO UPDATE SET relation = EXCLUDED.relation',
    )
    expect(() => toPostgres('INSERT OR REPLACE INTO unknown_table (a) VALUES (?)')).toThrow(/REPLACE_KEYS/)
  })

  it("keeps SQLite's NULL placement in every ORDER BY item, and reads rowid order as ctid", () => {
    expect(toPostgres('SELECT a FROM t ORDER BY COALESCE(a, 0), b DESC, c NULLS LAST LIMIT ?')).toBe(
      'SELECT a FROM t ORDER BY COALESCE(a, 0) NULLS FIRST, b DESC NULLS LAST, c NULLS LAST LIMIT $1',
    )
    expect(toPostgres('SELECT body FROM note_revisions ORDER BY edited_at, rowid')).toBe(
      'SELECT body FROM note_revisions ORDER BY edited_at NULLS FIRST, ctid NULLS FIRST',
    )
  })

  it('translates json_each, instr, JSON paths and camelCase aliases', () => {
    expect(toPostgres('SELECT count(*) AS editRevision FROM m WHERE id IN (SELECT value FROM json_each(?)) AND instr(s, ?) > 0')).toBe(
      'SELECT count(*) AS "editRevision" FROM m WHERE id IN (SELECT value FROM json_array_elements_text(CAST(CAST($1 AS text) AS json))) AND strpos(s, $2) > 0',
    )
    expect(toPostgres(`SELECT translations -> '$.shortName', commitment ->> '$.unit."zh-Hant"' FROM m`)).toBe(
      `SELECT (translations::json #> '{shortName}')::text, (commitment::json #>> '{unit,zh-Hant}') FROM m`,
    )
  })

  it('splits scripts on semicolons outside quotes; a write transaction takes the store write lock', () => {
    expect(toPostgresScript("DELETE FROM a; INSERT INTO b (x) VALUES (';');")).toEqual(['DELETE FROM a', "INSERT INTO b (x) VALUES (';')"])
    expect(toPostgresScript('BEGIN IMMEDIATE')).toEqual([`BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`])
  })
})
