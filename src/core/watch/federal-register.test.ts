// The Federal Register requests a measure's terms make, and what is read from the API's answers
// (fixtures in the documented format: test/fixtures/watch/README.md).
import { describe, expect, it } from 'vitest'
import { watchTermsSchema } from '../../shared/watch.ts'
import { watchFixture } from '../../../test/helpers/watch-server.ts'
import { FederalRegisterFormatError, federalRegisterQueries, federalRegisterUrl, parseFederalRegisterPage } from './federal-register.ts'

const terms = (input: object) => watchTermsSchema.parse(input)

describe('federalRegisterQueries', () => {
  it('makes one request per term, each with the documented condition', () => {
    const queries = federalRegisterQueries(
      terms({
        agencies: ['industry-and-security-bureau'],
        dockets: ['USTR-2025-0022'],
        executiveOrders: ['14257'],
        cfrParts: ['15 CFR 744'],
        rins: ['0694-AJ94'],
        phrases: ['affiliates rule'],
      }),
    )
    expect(queries.map((q) => [q.label, q.params])).toEqual([
      ['docket USTR-2025-0022', [['conditions[docket_id]', 'USTR-2025-0022']]],
      ['RIN 0694-AJ94', [['conditions[regulation_id_number]', '0694-AJ94']]],
      [
        '15 CFR 744',
        [
          ['conditions[cfr][title]', '15'],
          ['conditions[cfr][part]', '744'],
        ],
      ],
      ['Executive Order 14257', [['conditions[term]', '"Executive Order 14257"']]],
      [
        '“affiliates rule”',
        [
          ['conditions[term]', '"affiliates rule"'],
          ['conditions[agencies][]', 'industry-and-security-bureau'],
        ],
      ],
    ])
  })

  it('asks for an agency alone only when the measure has no phrase to narrow it', () => {
    expect(federalRegisterQueries(terms({ agencies: ['trade-representative-office-of-united-states'] })).map((q) => q.params)).toEqual([
      [['conditions[agencies][]', 'trade-representative-office-of-united-states']],
    ])
    expect(federalRegisterQueries(terms({}))).toEqual([])
  })

  it('builds the search URL with the publication date, the fields, newest first and the page', () => {
    const [query] = federalRegisterQueries(terms({ dockets: ['USTR-2025-0022'] }))
    const url = new URL(federalRegisterUrl('https://www.federalregister.gov/api/v1/documents.json', query!, '2026-11-01', 2))
    expect(url.origin + url.pathname).toBe('https://www.federalregister.gov/api/v1/documents.json')
    expect(url.searchParams.get('conditions[docket_id]')).toBe('USTR-2025-0022')
    expect(url.searchParams.get('conditions[publication_date][gte]')).toBe('2026-11-01')
    expect(url.searchParams.getAll('fields[]')).toEqual([
      'document_number',
      'title',
      'type',
      'publication_date',
      'effective_on',
      'html_url',
    ])
    expect(url.searchParams.get('order')).toBe('newest')
    expect(url.searchParams.get('page')).toBe('2')
  })

  it('refuses terms that are not what the API takes', () => {
    expect(watchTermsSchema.safeParse({ cfrParts: ['part 744'] }).success).toBe(false)
    expect(watchTermsSchema.safeParse({ rins: ['AJ94'] }).success).toBe(false)
    expect(watchTermsSchema.safeParse({ agencies: ['Bureau of Industry'] }).success).toBe(false)
    expect(watchTermsSchema.safeParse({ executiveOrders: ['EO 14257'] }).success).toBe(false)
  })
})

describe('parseFederalRegisterPage', () => {
  it('reads the documents of an answer', () => {
    const page = parseFederalRegisterPage(watchFixture('federal-register-documents.json'))
    expect(page.totalPages).toBe(1)
    expect(page.documents).toEqual([
      {
        documentNumber: '2026-90001',
        title:
          "Notice of Action: Continued Suspension of Section 301 Actions on China's Targeting of the Maritime, Logistics, and Shipbuilding Sectors",
        type: 'Notice',
        published: '2026-11-20',
        effective: '2026-11-10',
        url: 'https://www.federalregister.gov/documents/2026/11/20/2026-90001/notice-of-action-continued-suspension-of-section-301-actions',
      },
      {
        documentNumber: '2026-90002',
        title: 'Request for Comments on Section 301 Port Fees Modification',
        type: 'Proposed Rule',
        published: '2026-11-25',
        effective: null,
        url: 'https://www.federalregister.gov/documents/2026/11/25/2026-90002/request-for-comments-on-section-301-port-fees-modification',
      },
    ])
  })

  it('reads an answer without results as no documents', () => {
    expect(parseFederalRegisterPage(watchFixture('federal-register-empty.json'))).toEqual({ totalPages: 0, documents: [] })
  })

  it('keeps hostile values inert: markup out of titles, non-http links and incomplete results left out, long titles cut', () => {
    const { documents } = parseFederalRegisterPage(watchFixture('federal-register-hostile.json'))
    expect(documents.map((d) => d.documentNumber)).toEqual(['2026-90666', '2026-90668'])
    expect(documents[0]!.title).toBe("Export Administration alert('x') Regulations Amendment")
    expect(documents[1]!.title.length).toBeLessThanOrEqual(500)
  })

  it('refuses an answer that is not JSON or not a search result', () => {
    expect(() => parseFederalRegisterPage('<html>Service unavailable</html>')).toThrow(FederalRegisterFormatError)
    expect(() => parseFederalRegisterPage('{"errors":["bad"]}')).toThrow('not a document search result')
  })
})
