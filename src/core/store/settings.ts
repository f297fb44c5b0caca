// The settings table: one text value per key (reminder lead times, the subscribable calendar, …).
import type { Db } from './db.ts'
import { statement } from './statements.ts'

export function readSetting(db: Db, key: string): string | null {
  const row = statement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  return row ? row.value : null
}

export function writeSetting(db: Db, key: string, value: string): void {
  statement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
}
