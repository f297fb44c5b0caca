// The one-page measure brief (issue 13): its model from the store at an as-of instant, and the
// HTML and Markdown made from it. Printing it (one page for every embedded measure) is checked in
// Chromium by e2e/print.spec.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { briefOptionsSchema, type BriefOptions } from '../../shared/api-inputs.ts'
import { translator } from '../../shared/i18n/translate.ts'
import { loadBrief } from '../service/report.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { HOSTILE_NOTES } from '../../../test/hostile-notes.ts'
import dataset from '../../../resources/datasets/us-cn-truce-2025.json' with { type: 'json' }
import { renderBriefHtml } from './brief-html.ts'
import { renderBriefMarkdown } from './brief-md.ts'
import type { BriefModel } from './brief-model.ts'
import { escapeHtml } from './escape.ts'

const PORTS = 'us-ustr-301-ships'
const BEFORE_END = '2026-11-01T12:00:00-05:00[America/New_York]'
const AFTER_END = '2026-12-01T12:00:00-05:00[America/New_York]'

let temp: TempStore
beforeEach(async () => {
  temp = await openTempStore({ nowMs: () => Date.parse('2026-11-02T08:00:00Z') })
})
afterEach(() => temp.cleanup())

function brief(id: string, options: Partial<BriefOptions> = {}): BriefModel {
  return loadBrief(temp.store.core.context, id, briefOptionsSchema.parse({ at: BEFORE_END, ...options }))
}

const seeded = (id: string) => dataset.measures.find((m) => m.id === id)!

describe('brief model', () => {
  it('says what the measure is and where it stands, with dates on their legal clocks', () => {
    const model = brief(PORTS, { tz: 'Asia/Shanghai' })
    expect(model.measure).toMatchObject({
      id: PORTS,
      title: seeded(PORTS).title.en,
      imposerName: 'United States (US)',
      targetName: 'China (CN)',
      categoryLabel: 'Port fee',
      instrumentNumber: seeded(PORTS).instrumentNumber,
      status: 'suspended',
      statusLabel: 'Suspended',
      needsReview: false,
    })
    // The suspension began at 12:01 a.m. eastern time: so it reads, with Beijing's clock in brackets.
    expect(model.measure.since).toMatchObject({
      legalText: 'Nov 10, 2025, 00:01 EST',
      localText: expect.stringMatching(/^Nov 10, 2025, 13:01/),
    })
    expect(model.deadline).toMatchObject({
      state: 'upcoming',
      reason: null,
      kind: 'suspension_end',
      label: 'Suspension ends',
      at: { legalText: 'Nov 10, 2026, 00:01 EST' },
    })
    expect(model.deadline?.countdown).toMatch(/^in 8d/)
    expect(model.chain).toEqual([
      expect.objectContaining({
        kind: 'suspended',
        label: 'Suspended',
        at: expect.objectContaining({ legalText: 'Nov 10, 2025, 00:01 EST' }),
        superseded: null,
      }),
    ])
    expect(model.chain[0]?.until?.legalText).toBe('Nov 10, 2026, 00:01 EST')
    // Every source once, numbered in order.
    const urls = [...new Set(seeded(PORTS).sources.map((s) => s.url.trim()))]
    expect(model.sources.map((s) => [s.number, s.url])).toEqual(urls.map((url, i) => [i + 1, url]))
    expect(model.notes).toEqual([])
  })

  it('shows a lapsed deadline once it passed with no outcome recorded', () => {
    const model = brief(PORTS, { at: AFTER_END })
    expect(model.measure.needsReview).toBe(true)
    expect(model.deadline).toMatchObject({
      state: 'lapsed',
      reason: 'Suspension ended — outcome not recorded',
      at: { legalText: 'Nov 10, 2026, 00:01 EST', localText: null },
    })
    expect(model.deadline?.countdown).toMatch(/ago$/)
  })

  it('follows an extension through the chain: the moved end says where it went', () => {
    const extended = temp.store.core.call('events.record', {
      measureId: PORTS,
      event: { kind: 'extended', at: '2026-11-05T12:00:00-05:00[America/New_York]', until: '2027-11-10T00:01:00-05:00[America/New_York]' },
    })
    expect(extended.ok).toBe(true)
    const model = brief(PORTS, { at: AFTER_END })
    expect(model.chain.map((link) => link.kind)).toEqual(['suspended', 'extended'])
    expect(model.chain[0]?.superseded).toBe('moved to Nov 10, 2027 by the extension of Nov 5, 2026')
    expect(model.chain[1]).toMatchObject({ superseded: null, until: { legalText: 'Nov 10, 2027, 00:01 EST' } })
    expect(model.deadline).toMatchObject({ state: 'upcoming', at: { legalText: 'Nov 10, 2027, 00:01 EST' } })
    // As of a day before the extension, the chain has not grown yet.
    expect(brief(PORTS, { at: '2026-11-04T12:00:00-05:00[America/New_York]' }).chain).toHaveLength(1)
  })

  it('is in the brief’s language, and keeps pinned notes only', () => {
    expect(temp.store.core.call('notes.add', { measureId: PORTS, body: 'Pinned: **check** the Federal Register', pinned: true }).ok).toBe(
      true,
    )
    expect(temp.store.core.call('notes.add', { measureId: PORTS, body: 'Not pinned', pinned: false }).ok).toBe(true)
    const model = brief(PORTS, { lang: 'zh-Hant' })
    const t = translator('zh-Hant')
    expect(model.measure.title).toBe(seeded(PORTS).title['zh-Hant'])
    expect(model.title).toBe(t('report.brief.title'))
    expect(model.measure.statusLabel).toBe(t('status.suspended'))
    expect(model.notes.map((note) => note.body)).toEqual(['Pinned: **check** the Federal Register'])
  })

  it('has none for a deleted or unknown measure, and no CSV', () => {
    expect(temp.store.core.call('measures.delete', { id: PORTS }).ok).toBe(true)
    const deleted = temp.store.core.call('report.brief', { id: PORTS })
    expect(!deleted.ok && deleted.error.code).toBe('NOT_FOUND')
    const unknown = temp.store.core.call('report.brief', { id: 'no-such-measure' })
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND')
    const csv = temp.store.core.call('report.brief', { id: 'cn-mot-special-port-fees', format: 'csv' })
    expect(!csv.ok && csv.error.code).toBe('VALIDATION')
  })
})

describe('brief HTML and Markdown', () => {
  it('is one self-contained portrait page with every section', () => {
    const model = brief(PORTS, { paper: 'Letter' })
    const html = renderBriefHtml(model)
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"`)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i)
    expect(html).toContain('size: letter portrait;')
    expect(html).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);')
    for (const heading of ['Facts', 'Status', 'Suspension chain', 'Pinned notes', 'Sources']) expect(html).toContain(`<h2>${heading}</h2>`)
    expect(html).toContain(`<h1>${escapeHtml(seeded(PORTS).title.en)}</h1>`)
    for (const source of model.sources)
      expect(html).toContain(`<a href="${escapeHtml(source.url)}" target="_blank" rel="noopener noreferrer">`)

    const md = renderBriefMarkdown(model)
    expect(md.startsWith(`# ${seeded(PORTS).title.en}\n`)).toBe(true)
    for (const heading of ['Facts', 'Status', 'Suspension chain', 'Pinned notes', 'Sources']) expect(md).toContain(`\n## ${heading}\n`)
    expect(md).toContain('- **Next deadline:** Suspension ends — Nov 10, 2026, 00:01 EST')
    expect(md).toContain(`\n${model.sources.length}. `)
  })

  it('keeps hostile notes and titles inert', () => {
    for (const body of HOSTILE_NOTES) expect(temp.store.core.call('notes.add', { measureId: PORTS, body, pinned: true }).ok).toBe(true)
    const title = 'Fees <script>window.__pwned=1</script><img src=x onerror="alert(1)">'
    expect(temp.store.core.call('measures.update', { id: PORTS, facts: { title: { en: title } } }).ok).toBe(true)
    const model = brief(PORTS)
    const html = renderBriefHtml(model)
    expect(html).not.toMatch(/<script|<img|href="javascript:/i)
    // No event-handler attribute (attribute values, always double-quoted and escaped, set aside).
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son[a-z]+=/i)
    expect(html).toContain(escapeHtml(title))
    const md = renderBriefMarkdown(model)
    const notes = md.slice(md.indexOf('## Pinned notes'), md.indexOf('## Sources'))
    for (const line of notes
      .split('\n')
      .slice(1)
      .filter((l) => l !== ''))
      expect(line.startsWith('>'), line).toBe(true)
    expect(md).not.toMatch(/<script|<img/i)
  })
})
