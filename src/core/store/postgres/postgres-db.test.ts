// The store port on PostgreSQL (postgres-db.ts) below the service: transactions, rows as node:sqlite
// gives them, and rows through the server's cursors. Against the real server (usePostgres).
import { describe, expect, it } from 'vitest'
import { postgresSkipReason, usePostgres } from '../../../../test/helpers/postgres-database.ts'
import { openPostgresDb } from './postgres-db.ts'

const skipReason = postgresSkipReason()

describe.skipIf(skipReason !== null)(`the synchronous PostgreSQL connection${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const pg = usePostgres()

  it('gives rows as SQLite would: integers and counts as numbers, comparisons as 1/0, NULL first in order', () => {
    const db = openPostgresDb(pg.database().url)
    try {
      db.exec('CREATE TABLE t (id bigint PRIMARY KEY, label text)')
      const insert = db.prepare('INSERT INTO t (id, label) VALUES (?, ?)')
      expect(insert.run(2, 'b').changes).toBe(1)
      insert.run(1, null)
      expect(db.prepare('SELECT count(*) AS n, sum(id) AS total, EXISTS (SELECT 1 FROM t WHERE id = ?) AS found FROM t').get(2)).toEqual({
        n: 2,
        total: 3,
        found: 1,
      })
      expect(db.prepare('SELECT label FROM t ORDER BY label').all()).toEqual([{ label: null }, { label: 'b' }])
    } finally {
      db.close()
    }
  })

  it('rolls back what a failed transaction wrote, and says whether one is open', () => {
    const db = openPostgresDb(pg.database().url)
    try {
      db.exec('CREATE TABLE t (id bigint PRIMARY KEY)')
      db.exec('BEGIN IMMEDIATE')
      expect(db.isTransaction).toBe(true)
      db.prepare('INSERT INTO t (id) VALUES (?)').run(1)
      expect(() => db.prepare('INSERT INTO t (id) VALUES (?)').run(1)).toThrow(/duplicate key/)
      db.exec('ROLLBACK')
      expect(db.isTransaction).toBe(false)
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 })
    } finally {
      db.close()
    }
  })

  it('walks rows a batch at a time through cursors that can be open side by side', () => {
    const db = openPostgresDb(pg.database().url)
    try {
      db.exec('CREATE TABLE t (id bigint PRIMARY KEY); INSERT INTO t SELECT generate_series(1, 2500)')
      const odd = db.prepare('SELECT id FROM t WHERE id % 2 = ? ORDER BY id')
      odd.setReturnArrays(true)
      const even = db.prepare('SELECT id FROM t WHERE id % 2 = 0 ORDER BY id')
      const evens = even.iterate()[Symbol.iterator]()
      const pairs: [number, number][] = []
      for (const [id] of odd.iterate(1) as Iterable<[number]>) {
        const next = evens.next()
        if (!next.done) pairs.push([id, (next.value as { id: number }).id])
      }
      expect(pairs).toHaveLength(1250)
      expect(pairs.every(([a, b]) => b === a + 1)).toBe(true)
      expect(odd.columns()).toEqual([{ name: 'id' }])
    } finally {
      db.close()
    }
  })
})
