// JSON as `JSON.stringify(value, null, 2)` lays it out, written a piece at a time: the export's list
// of measures and the report's lists are too large to stringify whole (100,000 measures pass V8's
// longest string), but their files must read exactly as if they had been.

/**
 * An entry of a list that is a property of the top-level object, as JSON.stringify(…, null, 2)
 * lays it out: indented four spaces. Written inside two lists (`[[entry]]`, whose first and last
 * six characters are the lists' own) rather than re-indented line by line.
 */
export function entryText(entry: unknown): string {
  return JSON.stringify([[entry]], null, 2).slice(6, -6)
}

/** A property of the top-level object (`"name": value`, indented two spaces), without its separator. */
export function propertyText(name: string, value: unknown): string {
  return JSON.stringify({ [name]: value }, null, 2).slice(2, -2)
}

/** A list-valued property of the top-level object, an entry at a time. */
export function* listPropertyChunks(name: string, entries: Iterable<unknown>): Generator<string, void, undefined> {
  yield `  ${JSON.stringify(name)}: [`
  let first = true
  for (const entry of entries) {
    yield `${first ? '\n' : ',\n'}${entryText(entry)}`
    first = false
  }
  yield first ? ']' : '\n  ]'
}
