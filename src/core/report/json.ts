// The report's model as JSON, a piece at a time: exactly `JSON.stringify(model, null, 2)` and a
// final newline (the model's property order, the measures and the tail's lists an entry at a time).
import { listPropertyChunks, propertyText } from '../pretty-json.ts'
import type { ReportMeasure, ReportModel, ReportStream } from './model-types.ts'
import { streamOfModel } from './stream.ts'

export function* jsonChunks(stream: ReportStream): Generator<string, void, undefined> {
  const { charts, ...head } = stream.head
  // The head's properties in the model's order; JSON.stringify leaves out those that are undefined.
  const properties = Object.entries(head).filter(([, value]) => value !== undefined)
  yield `{\n${properties.map(([name, value]) => propertyText(name, value)).join(',\n')},\n`
  // The rows' measures, then those outside the filter (known once the rows are read).
  let tail: ReturnType<ReportStream['tail']> | null = null
  function* measures(): Generator<ReportMeasure, void, undefined> {
    for (const row of stream.rows()) yield row.measure
    tail = stream.tail()
    yield* tail.outside
  }
  yield* listPropertyChunks('measures', measures())
  const { notes, footnotes } = tail ?? stream.tail()
  yield `,\n${notes === null ? propertyText('notes', null) : [...listPropertyChunks('notes', notes)].join('')},\n`
  yield* listPropertyChunks('footnotes', footnotes)
  yield charts === undefined ? '\n}\n' : `,\n${propertyText('charts', charts)}\n}\n`
}

export function renderJson(model: ReportModel): string {
  return [...jsonChunks(streamOfModel(model))].join('')
}
