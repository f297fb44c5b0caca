// Reading an .ics file's raw lines in tests, for what parsers do not expose (the exact DTSTART
// line, SEQUENCE as written, the order of properties).

/** Undoes line folding (RFC 5545 §3.1). */
export const unfold = (text: string): string => text.replace(/\r\n[ \t]/g, '')

export interface RawEvent {
  uid: string
  lines: string[]
}

/** Every VEVENT with its unfolded property lines (alarms included). */
export function rawEvents(text: string): RawEvent[] {
  return unfold(text)
    .split('BEGIN:VEVENT\r\n')
    .slice(1)
    .map((chunk) => {
      const lines = chunk.split('END:VEVENT')[0]!.split('\r\n').filter(Boolean)
      return { uid: lines.find((l) => l.startsWith('UID:'))!.slice(4), lines }
    })
}

/** The first line of a property (`NAME:` or `NAME;params:`). */
export const property = (event: RawEvent, name: string): string | undefined =>
  event.lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
