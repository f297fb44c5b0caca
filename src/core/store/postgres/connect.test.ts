// The pool the PostgreSQL store reads through gives rows as SQLite's does: integers as numbers,
// exactly or not at all.
import { describe, expect, it } from 'vitest'
import { postgresSkipReason, usePostgres } from '../../../../test/helpers/postgres-database.ts'
import { int8ToNumber, openPostgres } from './connect.ts'

describe('int8ToNumber', () => {
  it('reads every integer a number holds exactly, and refuses one it would round', () => {
    expect(int8ToNumber('0')).toBe(0)
    expect(int8ToNumber('-1764892800000')).toBe(-1764892800000)
    expect(int8ToNumber('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER)
    expect(() => int8ToNumber('9007199254740993')).toThrow('the integer 9007199254740993 does not fit in a JavaScript number')
  })
})

const skipReason = postgresSkipReason()

describe.skipIf(skipReason !== null)(`a pool on the team database${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const pg = usePostgres()

  it('gives bigint columns and counts as numbers, and takes numbers as parameters', async () => {
    const { sql } = pg.database()
    await sql.unsafe('CREATE TABLE t (at_ms bigint NOT NULL, flag bigint NOT NULL)')
    await sql.unsafe('INSERT INTO t VALUES ($1, $2), ($3, $4)', [1764892800123, 1, -5, 0])
    expect(await sql.unsafe('SELECT at_ms, flag FROM t WHERE at_ms > $1 ORDER BY at_ms', [-10])).toEqual([
      { at_ms: -5, flag: 0 },
      { at_ms: 1764892800123, flag: 1 },
    ])
    const [row] = await sql.unsafe('SELECT count(*) AS n FROM t')
    expect(row).toEqual({ n: 2 })
  })

  it('fails a read whose integer a number cannot hold, instead of rounding it', async () => {
    const { sql } = pg.database()
    await expect(sql.unsafe('SELECT 9007199254740993::bigint AS n')).rejects.toThrow('does not fit in a JavaScript number')
  })

  it('names its connections "Measure Tracker" on the server, and hands notices to the caller instead of printing them', async () => {
    const { url } = pg.database()
    const notices: string[] = []
    const sql = openPostgres(url, { max: 1, onNotice: (message) => notices.push(message) })
    try {
      const [row] = await sql.unsafe('SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()')
      expect(row).toEqual({ application_name: 'Measure Tracker' })
      await sql.unsafe('CREATE TABLE IF NOT EXISTS n (x integer); CREATE TABLE IF NOT EXISTS n (x integer)')
      expect(notices).toEqual(['relation "n" already exists, skipping'])
    } finally {
      await sql.end()
    }
  })
})
