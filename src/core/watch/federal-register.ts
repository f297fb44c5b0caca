// The Federal Register API's public document search (no key): which requests a measure's watch
// terms make, and what its answer holds. Parameters as documented for
// https://www.federalregister.gov/api/v1/documents.json (conditions[…], fields[], order, per_page,
// page); the answer is { count, total_pages, results: [{ document_number, title, type,
// publication_date, effective_on, html_url, … }] }, `results` absent when nothing matched.
//
// The API ANDs its conditions, so each term is its own request (a measure's terms are ORed):
// - docket     → conditions[docket_id]
// - RIN        → conditions[regulation_id_number]
// - CFR part   → conditions[cfr][title] + conditions[cfr][part]
// - EO number  → conditions[term]="Executive Order N" (documents that cite or amend it; the order
//                itself was published before anything we watch for)
// - phrase     → conditions[term]="phrase", narrowed to the measure's agencies when it has some
// - agencies with no phrase → conditions[agencies][] alone (every document of those agencies)
// Every request asks only for documents published on or after `since` (publication_date gte).
import { z } from 'zod'
import { CFR_PART_PATTERN, type WatchTerms } from '../../shared/watch.ts'
import { httpAddress, isoDay, plainText } from './text.ts'

export const FEDERAL_REGISTER_API = 'https://www.federalregister.gov/api/v1/documents.json'
/** Documents per page; a check reads at most FEDERAL_REGISTER_MAX_PAGES pages per request. */
export const FEDERAL_REGISTER_PER_PAGE = 100
export const FEDERAL_REGISTER_MAX_PAGES = 3
const FIELDS = ['document_number', 'title', 'type', 'publication_date', 'effective_on', 'html_url'] as const

export interface FederalRegisterQuery {
  /** The term in words, for the hit's "matched" text: "docket USTR-2025-0022". */
  label: string
  params: [string, string][]
}

export function federalRegisterQueries(terms: WatchTerms): FederalRegisterQuery[] {
  const queries: FederalRegisterQuery[] = []
  const agencies = terms.agencies.map((slug): [string, string] => ['conditions[agencies][]', slug])
  for (const docket of terms.dockets) queries.push({ label: `docket ${docket}`, params: [['conditions[docket_id]', docket]] })
  for (const rin of terms.rins) queries.push({ label: `RIN ${rin}`, params: [['conditions[regulation_id_number]', rin]] })
  for (const part of terms.cfrParts) {
    const [, title, number] = CFR_PART_PATTERN.exec(part) ?? []
    if (title && number)
      queries.push({
        label: part,
        params: [
          ['conditions[cfr][title]', title],
          ['conditions[cfr][part]', number],
        ],
      })
  }
  for (const order of terms.executiveOrders)
    queries.push({ label: `Executive Order ${order}`, params: [['conditions[term]', `"Executive Order ${order}"`]] })
  for (const phrase of terms.phrases)
    queries.push({ label: `“${phrase}”`, params: [['conditions[term]', `"${phrase.replaceAll('"', '')}"`], ...agencies] })
  if (terms.phrases.length === 0 && agencies.length > 0) queries.push({ label: terms.agencies.join(', '), params: agencies })
  return queries
}

/** The request for one query's page: documents published on or after `since` (YYYY-MM-DD), newest first. */
export function federalRegisterUrl(base: string, query: FederalRegisterQuery, since: string, page = 1): string {
  const url = new URL(base)
  for (const [name, value] of query.params) url.searchParams.append(name, value)
  url.searchParams.append('conditions[publication_date][gte]', since)
  for (const field of FIELDS) url.searchParams.append('fields[]', field)
  url.searchParams.append('order', 'newest')
  url.searchParams.append('per_page', String(FEDERAL_REGISTER_PER_PAGE))
  if (page > 1) url.searchParams.append('page', String(page))
  return url.href
}

export interface FederalRegisterDocument {
  documentNumber: string
  title: string
  type: string
  published: string | null
  effective: string | null
  url: string
}

const pageSchema = z.object({
  count: z.number().int().min(0),
  total_pages: z.number().int().min(0).optional(),
  results: z.array(z.unknown()).max(1_000).optional(),
})

const documentSchema = z.object({
  document_number: z.string().min(1).max(60),
  title: z.string().max(20_000),
  type: z.string().max(60).nullish(),
  publication_date: z.string().max(40).nullish(),
  effective_on: z.string().max(40).nullish(),
  html_url: z.string().max(2_000),
})

export class FederalRegisterFormatError extends Error {}

/**
 * One page of the answer. A page that is not the documented shape is refused whole (the check
 * fails with a clear message); a single result without a number, title or http(s) link is skipped.
 */
export function parseFederalRegisterPage(text: string): { totalPages: number; documents: FederalRegisterDocument[] } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new FederalRegisterFormatError('The Federal Register answered with something that is not JSON.')
  }
  const page = pageSchema.safeParse(data)
  if (!page.success) throw new FederalRegisterFormatError('The Federal Register answer is not a document search result.')
  const documents: FederalRegisterDocument[] = []
  for (const raw of page.data.results ?? []) {
    const parsed = documentSchema.safeParse(raw)
    if (!parsed.success) continue
    const url = httpAddress(parsed.data.html_url)
    const title = plainText(parsed.data.title)
    if (!url || !title) continue
    documents.push({
      documentNumber: plainText(parsed.data.document_number, 60),
      title,
      type: plainText(parsed.data.type ?? '', 60),
      published: isoDay(parsed.data.publication_date),
      effective: isoDay(parsed.data.effective_on),
      url,
    })
  }
  return { totalPages: page.data.total_pages ?? (page.data.count > 0 ? 1 : 0), documents }
}
