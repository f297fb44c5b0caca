// The live query behind each measure's `timeline` column (a cache of its events, see
// measure-rows.ts and array-rows.ts). Migrations never use it: each keeps its own copy of the query
// as it was at release, so changing this one cannot edit a released migration.
import { isPostgres, type Db } from './db.ts'
/**
 * The JSON a measure's `timeline` column holds: its events in time order as
 * [id, kind, at, at_ms, until, until_ms, scheduled, rate, scope, has_alternatives,
 *  rate_value, part, when_suspended] (rate_value and part as JSON objects or null).
 */
export const TIMELINE_SELECT = `SELECT json_group_array(json_array(id, kind, at, at_ms, until, until_ms, scheduled, rate, scope, alternatives <> '[]',
    json(rate_value), json(part), when_suspended))
  FROM (SELECT * FROM events WHERE measure_id = ?1 ORDER BY at_ms, id)`

/**
 * The same on PostgreSQL: the same entries (booleans as 1/0, JSON cells as JSON), in the same
 * order, '[]' for a measure without events. PostgreSQL spaces its JSON differently (", "): the
 * column is a cache read with JSON.parse, never exported, so only its values must agree.
 */
export const TIMELINE_SELECT_POSTGRES = `SELECT COALESCE(json_agg(json_build_array(id, kind, at, at_ms, until, until_ms, scheduled, rate, scope,
    (alternatives <> '[]')::int, rate_value::json, part::json, when_suspended) ORDER BY at_ms, id)::text, '[]')
  FROM events WHERE measure_id = ?1`

/** The query for the store `db` is on. */
export function timelineSelect(db: Db): string {
  return isPostgres(db) ? TIMELINE_SELECT_POSTGRES : TIMELINE_SELECT
}
