// The PostgreSQL migration runner against a real server (test/helpers/postgres-server.ts): new
// databases reach the latest schema, a second run does nothing, processes starting together
// migrate once, a newer schema is refused unchanged, and a failing step changes nothing.
import { describe, expect, it } from 'vitest'
import { postgresSkipReason, usePostgres } from '../../../../test/helpers/postgres-database.ts'
import { postgresDisplayName } from './display-name.ts'
import { migratePostgres, SCHEMA_LOCK_KEY } from './migrate.ts'
import { POSTGRES_MIGRATIONS } from './migrations.ts'

const skipReason = postgresSkipReason()
const LATEST = POSTGRES_MIGRATIONS.length
const ALL_STEPS = Array.from({ length: LATEST }, (_, index) => index + 1)

describe.skipIf(skipReason !== null)(`migrating a PostgreSQL database${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const pg = usePostgres()
  const versions = (name: string) =>
    pg.server.psql('SELECT version FROM schema_migrations ORDER BY version', name).trim().split('\n').map(Number)
  const tableExists = (name: string, table: string) => pg.server.psql(`SELECT to_regclass('${table}') IS NOT NULL`, name).trim() === 't'

  it('brings a new database to the latest schema, recording each step and who applied it', async () => {
    const { sql, name, display } = pg.database()
    const outcome = await migratePostgres(sql, { database: display })
    expect(outcome).toEqual({ previousVersion: 0, schemaVersion: LATEST, applied: ALL_STEPS })
    expect(versions(name)).toEqual(ALL_STEPS)
    expect(pg.server.psql('SELECT DISTINCT applied_by FROM schema_migrations', name).trim()).toBe(pg.server.superuser)
    expect(tableExists(name, 'measures') && tableExists(name, 'dataset_undo')).toBe(true)
  })

  it('does nothing when run again', async () => {
    const { sql, name, display } = pg.database()
    await migratePostgres(sql, { database: display })
    const recorded = pg.server.psql('SELECT version, applied_at FROM schema_migrations ORDER BY version', name)
    const again = await migratePostgres(sql, { database: display })
    expect(again).toEqual({ previousVersion: LATEST, schemaVersion: LATEST, applied: [] })
    expect(pg.server.psql('SELECT version, applied_at FROM schema_migrations ORDER BY version', name)).toBe(recorded)
  })

  it('migrates once when several processes start at the same moment, and none of them fails', async () => {
    const first = pg.database()
    const others = [1, 2, 3].map(() => pg.connect(first.url))
    const outcomes = await Promise.all([first.sql, ...others].map((sql) => migratePostgres(sql, { database: first.display })))
    const applied = outcomes.flatMap((outcome) => outcome.applied).sort((a, b) => a - b)
    expect(applied, 'each step applied by exactly one of them').toEqual(ALL_STEPS)
    for (const outcome of outcomes) expect(outcome.schemaVersion).toBe(LATEST)
    expect(versions(first.name)).toEqual(ALL_STEPS)
  })

  it('refuses a database of a newer schema with a clear message, changing nothing and never showing the password', async () => {
    const { sql, name, display } = pg.database()
    await migratePostgres(sql, { database: display })
    pg.server.psql(`INSERT INTO schema_migrations (version) VALUES (${LATEST + 1})`, name)
    const before = pg.server.psql('SELECT version, applied_at FROM schema_migrations ORDER BY version', name)
    const refusal = await migratePostgres(sql, { database: display, migrations: POSTGRES_MIGRATIONS }).catch((error: Error) => error)
    expect(refusal).toBeInstanceOf(Error)
    expect((refusal as Error).message).toBe(
      `The database ${display} was written by a newer version of Measure Tracker (schema ${LATEST + 1}; this version reads up to ${LATEST}). ` +
        'Nothing was changed. Update the program, or open another database with --db.',
    )
    expect((refusal as Error).message).not.toContain(pg.server.password)
    expect(pg.server.psql('SELECT version, applied_at FROM schema_migrations ORDER BY version', name)).toBe(before)
  })

  it('rolls a failing step back entirely: its tables and rows are gone and the version is unchanged', async () => {
    const { sql, name, display } = pg.database()
    const broken = [
      ...POSTGRES_MIGRATIONS.slice(0, 2),
      'CREATE TABLE half_done (x integer); INSERT INTO half_done VALUES (1); SELECT no_such_function()',
    ]
    const failure = await migratePostgres(sql, { database: display, migrations: broken }).catch((error: Error) => error)
    expect((failure as Error).message).toMatch(
      new RegExp(`^Migrating the database to schema 3 failed for ${display}: .*no_such_function.*\\. This step changed nothing\\.`),
    )
    expect(versions(name)).toEqual([1, 2])
    expect(tableExists(name, 'half_done')).toBe(false)

    const repaired = await migratePostgres(sql, { database: display })
    expect(repaired).toEqual({ previousVersion: 2, schemaVersion: LATEST, applied: ALL_STEPS.slice(2) })
  })

  it('waits for another process that holds the schema lock, and says so when the wait runs out', async () => {
    const { sql, url, name, display } = pg.database()
    const holder = pg.connect(url)
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let locked!: () => void
    const isLocked = new Promise<void>((resolve) => (locked = resolve))
    const holding = holder.begin(async (tx) => {
      await tx.unsafe(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_KEY})`)
      locked()
      await released
    })
    await isLocked

    const timedOut = await migratePostgres(sql, { database: display, lockTimeoutMs: 300 }).catch((error: Error) => error)
    expect((timedOut as Error).message).toBe(
      `Another Measure Tracker is upgrading the schema of ${display}: waited 0.3 s for it to finish. Nothing was changed. Try again in a moment.`,
    )
    expect(tableExists(name, 'schema_migrations')).toBe(false)

    const waiting = migratePostgres(sql, { database: display })
    await new Promise((resolve) => setTimeout(resolve, 200))
    release()
    await holding
    expect((await waiting).applied).toEqual(ALL_STEPS)
  })

  it('lets a role that may only read open an up-to-date database, and says why it cannot upgrade an older one', async () => {
    const { sql, url, name, display } = pg.database()
    await migratePostgres(sql, { database: display, migrations: POSTGRES_MIGRATIONS.slice(0, LATEST - 1) })
    const role = `reader_${name}`
    pg.server.psql(`CREATE ROLE ${role} LOGIN PASSWORD 'reader-pw'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`, name)
    const readerUrl = new URL(url)
    readerUrl.username = role
    readerUrl.password = 'reader-pw'
    const reader = pg.connect(readerUrl.toString())

    const refused = await migratePostgres(reader, { database: display }).catch((error: Error) => error)
    expect((refused as Error).message).toMatch(
      new RegExp(
        // The server's reason depends on the step: creating a table (permission on the schema) or an index (ownership of the table).
        `^Migrating the database to schema ${LATEST} failed for ${display}: (permission denied for schema public|must be owner of table \\w+)\\. This step changed nothing\\.`,
      ),
    )
    expect(versions(name)).toEqual(ALL_STEPS.slice(0, LATEST - 1))

    await migratePostgres(sql, { database: display })
    expect(await migratePostgres(reader, { database: display })).toEqual({ previousVersion: LATEST, schemaVersion: LATEST, applied: [] })
  })

  it('names the database without its password when the server cannot be reached', async () => {
    const url = new URL(pg.server.url)
    url.password = 'wrong-password'
    const sql = pg.connect(url.toString())
    const display = postgresDisplayName(url.toString())
    const failure = await migratePostgres(sql, { database: display }).catch((error: Error) => error)
    expect((failure as Error).message).toMatch(new RegExp(`^Could not check the schema of ${display}: .*password authentication failed`))
    expect((failure as Error).message).not.toContain('wrong-password')
  })
})
