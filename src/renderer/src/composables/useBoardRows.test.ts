// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { useBoardRows } from './useBoardRows.ts'
import { useBoardStore } from '../stores/board.ts'
import { NOTE_SEARCH_DELAY_MS } from '../stores/note-search.ts'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'
import { summary } from '../test/fixtures.ts'

beforeEach(() => {
  vi.useFakeTimers()
  // The board remembers its last view per window (sessionStorage): each test starts afresh.
  sessionStorage.clear()
})
afterEach(() => vi.useRealTimers())

let shown: () => string[] = () => []
const Board = defineComponent({
  setup() {
    const { sorted } = useBoardRows()
    shown = () => sorted.value.map((row) => row.id)
    return () => null
  },
})

async function setup() {
  const rows = [
    summary('a', { title: { en: 'Port fees' } }),
    summary('b', { title: { en: 'Chip controls' }, category: 'export_control' }),
    summary('c', { title: { en: 'Soybeans' } }),
  ]
  const service = fakeService({
    'measures.list': (input) => {
      const text = (input as { filter?: { text?: string } }).filter?.text
      // The service also searches note bodies: measure c has a note mentioning "dredging".
      if (text)
        return rows.filter(
          (row) =>
            row.title.en.toLowerCase().includes(text.toLowerCase()) || (row.id === 'c' && 'dredging work'.includes(text.toLowerCase())),
        )
      return rows.slice()
    },
  })
  const hs = harness({ service })
  const board = useBoardStore()
  await board.load()
  mountIn(hs, Board)
  const searches = () =>
    service.calls
      .filter((c) => (c.input as { filter?: { text?: string } }).filter?.text)
      .map((c) => (c.input as { filter: { text: string } }).filter.text)
  return { board, service, searches }
}

describe('board search over notes', () => {
  it('answers from the loaded rows at once, and adds what the service finds in notes after a pause', async () => {
    const { board, searches } = await setup()
    board.filter.text = 'dredg'
    await settle()
    expect(shown()).toEqual([])
    expect(searches()).toEqual([])
    vi.advanceTimersByTime(NOTE_SEARCH_DELAY_MS)
    await settle()
    expect(searches()).toEqual(['dredg'])
    expect(shown()).toEqual(['c'])
    // Other filters still apply to note matches.
    board.filter.category = 'export_control'
    await settle()
    expect(shown()).toEqual([])
  })

  it('asks once per pause in typing, never applies an answer for older text, and skips one-letter searches', async () => {
    const { board, searches } = await setup()
    board.filter.text = 'd'
    await settle()
    vi.advanceTimersByTime(NOTE_SEARCH_DELAY_MS)
    await settle()
    expect(searches()).toEqual([])
    board.filter.text = 'dr'
    await settle()
    vi.advanceTimersByTime(NOTE_SEARCH_DELAY_MS / 2)
    board.filter.text = 'dre'
    await settle()
    vi.advanceTimersByTime(NOTE_SEARCH_DELAY_MS)
    await settle()
    expect(searches()).toEqual(['dre'])
    expect(shown()).toEqual(['c'])
    board.filter.text = 'dred'
    await settle()
    // Until the service answers for "dred", only the page's own matches count.
    expect(shown()).toEqual([])
    vi.advanceTimersByTime(NOTE_SEARCH_DELAY_MS)
    await settle()
    expect(shown()).toEqual(['c'])
    board.filter.text = ''
    await settle()
    expect(shown()).toEqual(['a', 'b', 'c'])
  })

  it('asks again when the data changes (a note was added elsewhere)', async () => {
    const { board, searches } = await setup()
    board.filter.text = 'port'
    await settle()
    vi.advanceTimersByTime(NOTE_SEARCH_DELAY_MS)
    await settle()
    expect(shown()).toEqual(['a'])
    await board.load()
    await settle()
    vi.advanceTimersByTime(NOTE_SEARCH_DELAY_MS)
    await settle()
    expect(searches()).toEqual(['port', 'port'])
  })
})
