// The PostgreSQL schema is SQLite's, read from both catalogs (sqlite_schema and its pragmas;
// information_schema and pg_catalog) rather than from the migration texts: the same tables,
// columns in the same order, types by the documented mapping (migrations.ts), nullability,
// defaults, keys, foreign keys with their ON DELETE, indexes and summary triggers. And the parts
// that are PostgreSQL's own behave as SQLite's: the triggers leave the same summary state after
// the same writes, text sorts by bytes, and the search index serves a substring search.
import { describe, expect, it } from 'vitest'
import { DatabaseSync } from 'node:sqlite'
import type { Sql } from 'postgres'
import { postgresSkipReason, usePostgres } from '../../../../test/helpers/postgres-database.ts'
import { MIGRATIONS } from '../migrations.ts'
import { migratePostgres } from './migrate.ts'

const skipReason = postgresSkipReason()

/** SQLite STRICT type → PostgreSQL type (migrations.ts). */
const TYPE_MAPPING: Record<string, string> = { TEXT: 'text', INTEGER: 'bigint', REAL: 'double precision' }
/** Tables PostgreSQL has and SQLite has not: the schema version (SQLite keeps it in PRAGMA user_version). */
const POSTGRES_ONLY_TABLES = ['schema_migrations']
/** The index PostgreSQL has and SQLite has not: the trigram search index (SQLite's is an FTS5 table the code creates). */
const SEARCH_INDEX = { name: 'measure_summary_search', table: 'measure_summary', columns: ['search_text'], unique: false, partial: false }

interface Column {
  name: string
  type: string
  nullable: boolean
  default: string | null
  identity: boolean
}
interface Index {
  name: string
  table: string
  columns: string[]
  unique: boolean
  partial: boolean
}
interface ForeignKey {
  table: string
  columns: string[]
  references: string
  referencedColumns: string[]
  onDelete: string
}
interface Catalog {
  columns: Record<string, Column[]>
  primaryKeys: Record<string, string[]>
  uniques: string[]
  indexes: Index[]
  foreignKeys: ForeignKey[]
  triggers: string[]
}

const byName = <T extends { name: string }>(rows: T[]) => [...rows].sort((a, b) => (a.name < b.name ? -1 : 1))

function sqliteCatalog(db: DatabaseSync): Catalog {
  const all = (sql: string, ...params: string[]) => db.prepare(sql).all(...params) as Record<string, unknown>[]
  const tables = all(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).map(
    (row) => row.name as string,
  )
  const catalog: Catalog = { columns: {}, primaryKeys: {}, uniques: [], indexes: [], foreignKeys: [], triggers: [] }
  for (const table of tables) {
    const info = all('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid', table)
    const rowidAlias = info.filter((c) => Number(c.pk) > 0).length === 1 && info.some((c) => Number(c.pk) > 0 && c.type === 'INTEGER')
    catalog.columns[table] = info.map((c) => ({
      name: c.name as string,
      type: TYPE_MAPPING[c.type as string] ?? `unmapped ${String(c.type)}`,
      nullable: Number(c.notnull) === 0 && Number(c.pk) === 0,
      default: (c.dflt_value as string | null) ?? null,
      identity: rowidAlias && Number(c.pk) > 0,
    }))
    catalog.primaryKeys[table] = info
      .filter((c) => Number(c.pk) > 0)
      .sort((a, b) => Number(a.pk) - Number(b.pk))
      .map((c) => c.name as string)
    for (const index of all('SELECT name, "unique", origin, partial FROM pragma_index_list(?)', table)) {
      const columns = all('SELECT name FROM pragma_index_info(?) ORDER BY seqno', index.name as string).map((c) => c.name as string)
      if (index.origin === 'u') catalog.uniques.push(`${table}(${columns.join(', ')})`)
      if (index.origin === 'c')
        catalog.indexes.push({
          name: index.name as string,
          table,
          columns,
          unique: Number(index.unique) === 1,
          partial: Number(index.partial) === 1,
        })
    }
    const keys = new Map<number, ForeignKey>()
    for (const fk of all('SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq', table)) {
      const key = keys.get(Number(fk.id)) ?? {
        table,
        columns: [],
        references: fk.table as string,
        referencedColumns: [],
        onDelete: fk.on_delete as string,
      }
      key.columns.push(fk.from as string)
      key.referencedColumns.push(fk.to as string)
      keys.set(Number(fk.id), key)
    }
    catalog.foreignKeys.push(...keys.values())
  }
  for (const trigger of all(`SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger'`)) {
    const [, timing, event] = /\b(AFTER|BEFORE)\s+(INSERT|UPDATE|DELETE)\s+ON\b/i.exec(trigger.sql as string) ?? []
    catalog.triggers.push(`${trigger.name as string} ${timing} ${event} ON ${trigger.tbl_name as string} FOR EACH ROW`)
  }
  catalog.indexes = byName(catalog.indexes)
  catalog.uniques.sort()
  catalog.triggers.sort()
  catalog.foreignKeys.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
  return catalog
}

const ON_DELETE: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' }

async function postgresCatalog(sql: Sql): Promise<Catalog & { collations: string[] }> {
  const catalog: Catalog & { collations: string[] } = {
    columns: {},
    primaryKeys: {},
    uniques: [],
    indexes: [],
    foreignKeys: [],
    triggers: [],
    collations: [],
  }
  const columns = await sql.unsafe(`
    SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity, collation_name
    FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`)
  for (const c of columns) {
    if (POSTGRES_ONLY_TABLES.includes(c.table_name)) continue
    ;(catalog.columns[c.table_name] ??= []).push({
      name: c.column_name,
      type: c.data_type,
      nullable: c.is_nullable === 'YES',
      // A text default reads '…'::text here: the literal is SQLite's.
      default: c.column_default === null ? null : String(c.column_default).replace(/::text$/, ''),
      identity: c.is_identity === 'YES',
    })
    if (c.data_type === 'text') catalog.collations.push(`${c.table_name}.${c.column_name} ${c.collation_name}`)
  }
  const constraints = await sql.unsafe(`
    SELECT c.conrelid::regclass::text AS "table", c.contype AS kind, c.confrelid::regclass::text AS "references", c.confdeltype AS on_delete,
      (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(att, n)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att) AS columns,
      (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(att, n)
        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.att) AS referenced_columns
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = 'public' AND c.contype IN ('p', 'u', 'f')`)
  for (const c of constraints) {
    if (POSTGRES_ONLY_TABLES.includes(c.table)) continue
    const list = (c.columns as string).split(',')
    if (c.kind === 'p') catalog.primaryKeys[c.table] = list
    if (c.kind === 'u') catalog.uniques.push(`${c.table}(${list.join(', ')})`)
    if (c.kind === 'f')
      catalog.foreignKeys.push({
        table: c.table,
        columns: list,
        references: c.references,
        referencedColumns: (c.referenced_columns as string).split(','),
        onDelete: ON_DELETE[c.on_delete as string] ?? c.on_delete,
      })
  }
  for (const table of Object.keys(catalog.columns)) catalog.primaryKeys[table] ??= []
  const indexes = await sql.unsafe(`
    SELECT i.relname AS name, t.relname AS "table", x.indisunique AS unique, x.indpred IS NOT NULL AS partial,
      (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(x.indkey) WITH ORDINALITY k(att, n)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.att) AS columns
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`)
  catalog.indexes = byName(
    indexes.map((x) => ({ name: x.name, table: x.table, columns: (x.columns as string).split(','), unique: x.unique, partial: x.partial })),
  )
  const triggers = await sql.unsafe(`
    SELECT trigger_name, action_timing, event_manipulation, event_object_table, action_orientation
    FROM information_schema.triggers WHERE trigger_schema = 'public'`)
  catalog.triggers = triggers
    .map((t) => `${t.trigger_name} ${t.action_timing} ${t.event_manipulation} ON ${t.event_object_table} FOR EACH ${t.action_orientation}`)
    .sort()
  catalog.uniques.sort()
  catalog.foreignKeys.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
  return catalog
}

function sqliteAtLatest(): DatabaseSync {
  const db = new DatabaseSync(':memory:')
  db.exec('PRAGMA foreign_keys = ON')
  for (const step of MIGRATIONS) db.exec(step)
  return db
}

describe.skipIf(skipReason !== null)(`the PostgreSQL schema against SQLite's${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const pg = usePostgres()
  async function migrated(): Promise<Sql> {
    const { sql, display } = pg.database()
    await migratePostgres(sql, { database: display })
    return sql
  }

  it('has the same tables, columns, keys, foreign keys, indexes and triggers, by the documented mapping', async () => {
    const lite = sqliteCatalog(sqliteAtLatest())
    const { collations, ...pg } = await postgresCatalog(await migrated())
    expect(Object.keys(pg.columns).sort()).toEqual(Object.keys(lite.columns).sort())
    for (const table of Object.keys(lite.columns)) expect(pg.columns[table], table).toEqual(lite.columns[table])
    expect(pg.primaryKeys).toEqual(lite.primaryKeys)
    expect(pg.uniques).toEqual(lite.uniques)
    expect(pg.foreignKeys).toEqual(lite.foreignKeys)
    expect(pg.indexes).toEqual(byName([...lite.indexes, SEARCH_INDEX]))
    expect(pg.triggers).toEqual(lite.triggers)
    expect(
      collations.filter((c) => !c.endsWith(' C')),
      'every text column compares by bytes',
    ).toEqual([])
  })

  it('marks summaries dirty, queues new measures and forgets removed ones as SQLite does, write for write', async () => {
    const lite = sqliteAtLatest()
    const sql = await migrated()
    // Plain SQL both dialects read; after each phase both stores must hold the same summary state.
    const phases = [
      `INSERT INTO measures (id, title_en, imposer, target, category, created_at, updated_at) VALUES
         ('a', 'A', 'US', 'CN', 'tariff', 't0', 't0'), ('b', 'B', 'US', 'CN', 'tariff', 't0', 't0'), ('c', 'C', 'CN', 'US', 'export-control', 't0', 't0')`,
      // What summary-table.ts does when it takes in new measures.
      `INSERT INTO measure_summary (id, dirty) SELECT id, 1 FROM measure_summary_pending ORDER BY id; DELETE FROM measure_summary_pending;
       UPDATE measure_summary SET dirty = 0`,
      `UPDATE measures SET title_en = 'A2' WHERE id = 'a'`,
      `UPDATE measure_summary SET dirty = 0; INSERT INTO measure_tags (measure_id, tag, position) VALUES ('b', 'steel', 0)`,
      `UPDATE measure_summary SET dirty = 0; DELETE FROM measure_tags WHERE measure_id = 'b'`,
      `UPDATE measure_summary SET dirty = 0; INSERT INTO notes (measure_id, id, body, created_at, updated_at) VALUES ('c', 'n1', 'x', 't1', 't1')`,
      `UPDATE measure_summary SET dirty = 0; UPDATE notes SET body = 'y' WHERE id = 'n1'`,
      `UPDATE measure_summary SET dirty = 0; INSERT INTO links (measure_id, target_id, relation) VALUES ('a', 'c', 'related')`,
      `UPDATE measure_summary SET dirty = 0; UPDATE links SET measure_id = 'b' WHERE measure_id = 'a'`,
      `UPDATE measure_summary SET dirty = 0; INSERT INTO events (measure_id, id, kind, at, at_ms) VALUES ('c', 'e1', 'imposed', 't2', 2)`,
      `UPDATE measure_summary SET dirty = 0; UPDATE events SET note = 'n' WHERE id = 'e1'`,
      `UPDATE measure_summary SET dirty = 0; INSERT INTO commitment_progress (measure_id, id, value, as_of, as_of_ms, recorded_at) VALUES ('a', 'p1', 1.5, 't3', 3, 't3')`,
      `UPDATE measure_summary SET dirty = 0; UPDATE commitment_progress SET value = 2 WHERE id = 'p1'`,
      `UPDATE measure_summary SET dirty = 0; DELETE FROM commitment_progress WHERE id = 'p1'`,
      `UPDATE measure_summary SET dirty = 0; DELETE FROM notes WHERE id = 'n1'`,
      `UPDATE measure_summary SET dirty = 0; DELETE FROM measures WHERE id = 'b'`,
      `INSERT INTO measures (id, title_en, imposer, target, category, created_at, updated_at) VALUES ('d', 'D', 'US', 'CN', 'tariff', 't4', 't4')`,
    ]
    const STATE = `SELECT 'summary ' || id || ' doc ' || CAST(doc AS TEXT) || ' dirty ' || CAST(dirty AS TEXT) AS line FROM measure_summary
      UNION ALL SELECT 'pending ' || id FROM measure_summary_pending
      UNION ALL SELECT 'gone ' || CAST(doc AS TEXT) FROM measure_summary_gone ORDER BY line`
    for (const [index, phase] of phases.entries()) {
      lite.exec(phase)
      await sql.unsafe(phase)
      const liteState = (lite.prepare(STATE).all() as { line: string }[]).map((row) => row.line)
      const pgState = (await sql.unsafe(STATE)).map((row) => row.line as string)
      expect(pgState, `after phase ${index + 1}: ${phase}`).toEqual(liteState)
    }
  })

  it('sorts and compares text by bytes as SQLite does, though the database was created in an English collation', async () => {
    const lite = sqliteAtLatest()
    const sql = await migrated()
    const ids = ['b', 'B', 'a', 'é', 'Z', '_', 'a-2', 'a10', 'a9', '中']
    const insert = `INSERT INTO measures (id, title_en, imposer, target, category, created_at, updated_at) VALUES ($1, $1, 'US', 'CN', 'tariff', 't', 't')`
    for (const id of ids) {
      lite.prepare(insert.replaceAll('$1', '?1')).run(id)
      await sql.unsafe(insert, [id])
    }
    const liteOrder = (lite.prepare('SELECT id FROM measures ORDER BY id').all() as { id: string }[]).map((row) => row.id)
    const pgOrder = (await sql.unsafe('SELECT id FROM measures ORDER BY id')).map((row) => row.id as string)
    expect(pgOrder).toEqual(liteOrder)
    expect(pgOrder.slice(0, 3)).toEqual(['B', 'Z', '_'])
    const pgBelow = (await sql.unsafe(`SELECT id FROM measures WHERE id < 'a' ORDER BY id`)).map((row) => row.id as string)
    expect(pgBelow).toEqual(['B', 'Z', '_'])
  })

  it('answers a substring search of the folded text through the trigram index', async () => {
    const sql = await migrated()
    await sql.unsafe(`INSERT INTO measure_summary (id, search_text)
      SELECT 'm' || g, 'section 301 tariffs on batch ' || g || CASE WHEN g % 97 = 0 THEN ' semiconductor export controls' ELSE '' END
      FROM generate_series(1, 3000) g`)
    await sql.unsafe('ANALYZE measure_summary')
    const search = `SELECT id FROM measure_summary WHERE search_text LIKE '%' || $1 || '%'`
    const found = await sql.begin(async (tx) => {
      // Only to show the index can answer it: with so few rows the planner may prefer reading them all.
      await tx.unsafe('SET LOCAL enable_seqscan = off')
      const plan = (await tx.unsafe(`EXPLAIN ${search}`, ['conductor ex'])).map((row) => row['QUERY PLAN'] as string).join('\n')
      expect(plan).toContain('measure_summary_search')
      return (await tx.unsafe(search, ['conductor ex'])).map((row) => row.id as string)
    })
    expect(found.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))).toEqual(
      Array.from({ length: 30 }, (_, index) => `m${(index + 1) * 97}`),
    )
  })
})
