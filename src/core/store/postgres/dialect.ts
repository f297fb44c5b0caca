// The core's SQL is written for SQLite; on PostgreSQL each statement is translated once, when it is
// prepared (postgres-db.ts caches the result). Only what the core's statements use is translated,
// and each rule keeps SQLite's meaning, not only its syntax:
//   ?, ?N                      → $k, $N (SQLite's positional parameters)
//   INSERT OR IGNORE INTO …    → INSERT INTO … ON CONFLICT DO NOTHING
//   INSERT OR REPLACE INTO t … → INSERT INTO t … ON CONFLICT (t's key) DO UPDATE SET every other column
//   json_each(x)               → json_array_elements_text(CAST(CAST(x AS text) AS json)) (its column is `value` too)
//   instr(a, b)                → strpos(a, b)
//   col -> '$.a."b-c"'         → (col::json #> '{a,b-c}')::text (JSON text, as SQLite's ->)
//   col ->> '$.a'              → col::json #>> '{a}' (the value as text)
//   AS camelCase               → AS "camelCase" (PostgreSQL folds unquoted names to lower case)
//   ORDER BY x [ASC]           → ORDER BY x NULLS FIRST (SQLite sorts NULL first; PostgreSQL last)
//   ORDER BY x DESC            → ORDER BY x DESC NULLS LAST
//   ORDER BY …, rowid          → ORDER BY …, ctid (insertion order of a table never updated in place)
//   BEGIN IMMEDIATE            → BEGIN, then the store's write lock (one writer at a time, as SQLite)
// Text in quotes is never touched. What cannot be translated by rule (SQLite's FTS5 index, PRAGMAs,
// sqlite_schema, bare columns beside an aggregate) is written for each store where it is used.

/** The key columns of the tables the core writes with INSERT OR REPLACE (ON CONFLICT needs them named). */
const REPLACE_KEYS: Readonly<Record<string, readonly string[]>> = {
  links: ['measure_id', 'target_id'],
  calendar_cancellations: ['uid'],
}

interface Token {
  kind: 'word' | 'quoted' | 'param' | 'punct' | 'space'
  text: string
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < sql.length) {
    const char = sql[i]!
    if (char === "'" || char === '"') {
      let end = i + 1
      for (;;) {
        end = sql.indexOf(char, end)
        if (end === -1) throw new Error(`unterminated ${char} in SQL: ${sql}`)
        if (sql[end + 1] === char) end += 2
        else break
      }
      tokens.push({ kind: 'quoted', text: sql.slice(i, end + 1) })
      i = end + 1
    } else if (char === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      i = end === -1 ? sql.length : end
    } else if (/\s/.test(char)) {
      let end = i + 1
      while (end < sql.length && /\s/.test(sql[end]!)) end++
      tokens.push({ kind: 'space', text: ' ' })
      i = end
    } else if (char === '?') {
      let end = i + 1
      while (end < sql.length && /\d/.test(sql[end]!)) end++
      tokens.push({ kind: 'param', text: sql.slice(i, end) })
      i = end
    } else if (/[A-Za-z_0-9.]/.test(char)) {
      let end = i + 1
      while (end < sql.length && /[A-Za-z_0-9.]/.test(sql[end]!)) end++
      tokens.push({ kind: 'word', text: sql.slice(i, end) })
      i = end
    } else {
      tokens.push({ kind: 'punct', text: char })
      i++
    }
  }
  return tokens
}

const isWord = (token: Token | undefined, word: string) => token?.kind === 'word' && token.text.toUpperCase() === word
const nonSpace = (tokens: Token[], from: number, step: 1 | -1) => {
  let i = from
  while (tokens[i]?.kind === 'space') i += step
  return i
}

/** Where an ORDER BY list ends: LIMIT, OFFSET, a closing parenthesis or UNION at its depth, or the end. */
function orderByEnd(tokens: Token[], start: number): number {
  let depth = 0
  for (let i = start; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.text === '(') depth++
    else if (token.text === ')') {
      if (depth === 0) return i
      depth--
    } else if (depth === 0 && (isWord(token, 'LIMIT') || isWord(token, 'OFFSET') || isWord(token, 'UNION') || token.text === ';')) return i
  }
  return tokens.length
}

/** Adds SQLite's NULL placement to each item of an ORDER BY list (tokens start…end). */
function orderWithNulls(tokens: Token[], start: number, end: number): Token[] {
  const out: Token[] = []
  let depth = 0
  let item: Token[] = []
  const flush = () => {
    // The item's words, then its NULL placement, then the space that followed it.
    const trailing = item.at(-1)?.kind === 'space' ? item.pop()! : null
    const last = item.at(-1)
    out.push(...item)
    if (last !== undefined && !item.some((token) => isWord(token, 'NULLS')))
      out.push({ kind: 'word', text: isWord(last, 'DESC') ? ' NULLS LAST' : ' NULLS FIRST' })
    if (trailing) out.push(trailing)
    item = []
  }
  for (let i = start; i < end; i++) {
    const token = tokens[i]!
    if (token.text === '(') depth++
    if (token.text === ')') depth--
    if (depth === 0 && token.text === ',') {
      flush()
      out.push(token)
    } else item.push(token)
  }
  flush()
  return out
}

/** SQLite's JSON path '$.a."b-c"' as PostgreSQL's key list [a, b-c]. */
function jsonPathKeys(path: string): string[] {
  if (!path.startsWith('$.')) throw new Error(`toPostgres: JSON path ${path} is not translated`)
  return [...path.slice(2).matchAll(/"([^"]*)"|([^.]+)/g)].map((match) => {
    const key = match[1] ?? match[2]!
    if (/[,{}"\\\s]/.test(key)) throw new Error(`toPostgres: JSON key ${key} is not translated`)
    return key
  })
}

function columnsOf(tokens: Token[], open: number): string[] {
  const names: string[] = []
  for (let i = open + 1; i < tokens.length && tokens[i]!.text !== ')'; i++) if (tokens[i]!.kind === 'word') names.push(tokens[i]!.text)
  return names
}

/** The advisory lock every write transaction takes first: writers queue as SQLite's do ("MTWRITER"). */
export const WRITE_LOCK_KEY = 0x4d54575249544552n
export const WRITE_LOCK_STATEMENT = `SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`

/** Statements separated by semicolons (outside quotes), each translated. */
export function toPostgresScript(sql: string): string[] {
  const statements: string[] = []
  let current = ''
  for (const token of tokenize(sql)) {
    if (token.kind === 'punct' && token.text === ';') {
      if (current.trim()) statements.push(current)
      current = ''
    } else current += token.text
  }
  if (current.trim()) statements.push(current)
  return statements.map((statement) =>
    /^\s*BEGIN\s+IMMEDIATE\s*$/i.test(statement) ? `BEGIN; ${WRITE_LOCK_STATEMENT}` : toPostgres(statement),
  )
}

/** The statement in PostgreSQL's dialect (see the rules above). */
export function toPostgres(sql: string): string {
  const tokens = tokenize(sql)
  const out: Token[] = []
  let nextParam = 1
  // SQLite numbers a bare ? one past the largest number given so far (?2 then ? is ?3).
  const parameter = (text: string): Token => {
    const number = text.length > 1 ? Number(text.slice(1)) : nextParam
    nextParam = Math.max(nextParam, number + 1)
    return { kind: 'word', text: `$${number}` }
  }
  let conflictClause = ''
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.kind === 'param') {
      out.push(parameter(token.text))
    } else if (isWord(token, 'INSERT') && isWord(tokens[nonSpace(tokens, i + 1, 1)], 'OR')) {
      const orAt = nonSpace(tokens, i + 1, 1)
      const modeAt = nonSpace(tokens, orAt + 1, 1)
      const mode = tokens[modeAt]!.text.toUpperCase()
      const intoAt = nonSpace(tokens, modeAt + 1, 1)
      const tableAt = nonSpace(tokens, intoAt + 1, 1)
      const table = tokens[tableAt]!.text.replace(/^main\./, '')
      if (mode === 'IGNORE') conflictClause = ' ON CONFLICT DO NOTHING'
      else if (mode === 'REPLACE') {
        const keys = REPLACE_KEYS[table]
        if (keys === undefined) throw new Error(`toPostgres: INSERT OR REPLACE INTO ${table} needs its key in REPLACE_KEYS`)
        const columns = columnsOf(tokens, nonSpace(tokens, tableAt + 1, 1))
        const others = columns.filter((column) => !keys.includes(column))
        conflictClause =
          others.length === 0
            ? ` ON CONFLICT (${keys.join(', ')}) DO NOTHING`
            : ` ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${others.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`
      } else throw new Error(`toPostgres: INSERT OR ${mode} is not translated`)
      out.push({ kind: 'word', text: 'INSERT' })
      i = orAt + 1 + (modeAt - orAt - 1)
    } else if (isWord(token, 'JSON_EACH') && tokens[i + 1]?.text === '(') {
      // Through text: a parameter typed json would be sent JSON-encoded again (a string scalar).
      out.push({ kind: 'word', text: 'json_array_elements_text(CAST(CAST(' })
      let depth = 0
      let j = i + 2
      for (; j < tokens.length; j++) {
        if (tokens[j]!.text === '(') depth++
        if (tokens[j]!.text === ')' && depth-- === 0) break
        const inner = tokens[j]!
        out.push(inner.kind === 'param' ? parameter(inner.text) : inner)
      }
      out.push({ kind: 'word', text: ' AS text) AS json))' })
      i = j
    } else if (token.text === '-' && tokens[i + 1]?.text === '>') {
      const textValue = tokens[i + 2]?.text === '>'
      const pathAt = nonSpace(tokens, i + (textValue ? 3 : 2), 1)
      const path = tokens[pathAt]
      while (out.at(-1)?.kind === 'space') out.pop()
      const column = out.pop()
      if (path?.kind !== 'quoted' || column?.kind !== 'word') throw new Error(`toPostgres: only column -> '$.path' is translated: ${sql}`)
      const keys = jsonPathKeys(path.text.slice(1, -1).replaceAll("''", "'"))
      const pgPath = `'{${keys.join(',')}}'`
      out.push({ kind: 'word', text: textValue ? `(${column.text}::json #>> ${pgPath})` : `(${column.text}::json #> ${pgPath})::text` })
      i = pathAt
    } else if (isWord(token, 'INSTR') && tokens[i + 1]?.text === '(') {
      out.push({ kind: 'word', text: 'strpos' })
    } else if (isWord(token, 'AS') && tokens[nonSpace(tokens, i + 1, 1)]?.kind === 'word') {
      const nameAt = nonSpace(tokens, i + 1, 1)
      const name = tokens[nameAt]!.text
      out.push(token, { kind: 'space', text: ' ' }, { kind: 'word', text: /[A-Z]/.test(name) && /[a-z]/.test(name) ? `"${name}"` : name })
      i = nameAt
    } else if (isWord(token, 'ORDER') && isWord(tokens[nonSpace(tokens, i + 1, 1)], 'BY')) {
      const byAt = nonSpace(tokens, i + 1, 1)
      const end = orderByEnd(tokens, byAt + 1)
      const items = translateInner(tokens.slice(byAt + 1, end))
      out.push({ kind: 'word', text: 'ORDER BY' }, ...orderWithNulls(items, 0, items.length))
      i = end - 1
    } else out.push(token)
  }
  const text = out
    .map((token) => token.text)
    .join('')
    .trim()
  return conflictClause ? text.replace(/;?\s*$/, conflictClause) : text

  // ORDER BY items may hold parameters (rare) and json_each: translated with the same counter.
  function translateInner(inner: Token[]): Token[] {
    return inner.map((t) => (t.kind === 'param' ? parameter(t.text) : isWord(t, 'ROWID') ? { kind: 'word', text: 'ctid' } : t))
  }
}
