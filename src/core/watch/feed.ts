// A watched RSS/Atom (or RDF, JSON Feed) feed: parsed by feedsmith (on fast-xml-parser; no XML
// parsing of our own), reduced to plain-text items, and matched against keyword rules. A feed that
// is not a feed, or is malformed, is refused with a clear message; markup in titles becomes text.
import { parseFeed } from 'feedsmith'
import type { WatchTerms } from '../../shared/watch.ts'
import { httpAddress, isoDay, plainText } from './text.ts'

/** At most this many items are read from one feed (newest first as feeds list them). */
export const FEED_MAX_ITEMS = 500

export interface FeedItem {
  /** What identifies the item across checks: its guid/id, else its link. */
  key: string
  title: string
  url: string
  published: string | null
  /** Title and summary as plain text, lower-cased, for keyword matching. */
  text: string
}

export interface ParsedFeed {
  title: string
  items: FeedItem[]
}

export class FeedFormatError extends Error {}

type Loose = Record<string, unknown> | undefined
const valueOf = (text: unknown): unknown => (typeof text === 'object' && text !== null ? (text as { value?: unknown }).value : text)

function itemOf(raw: Loose, format: string): FeedItem | null {
  if (!raw) return null
  let url: string | null
  let key: unknown
  let published: unknown
  let summary: unknown
  if (format === 'atom') {
    const links = Array.isArray(raw.links) ? (raw.links as Loose[]) : []
    const link = links.find((l) => !l?.rel || l.rel === 'alternate') ?? links[0]
    url = httpAddress(link?.href)
    key = raw.id
    published = raw.published ?? raw.updated
    summary = valueOf(raw.summary) ?? valueOf(raw.content)
  } else if (format === 'json') {
    url = httpAddress(raw.url ?? raw.external_url)
    key = raw.id
    published = raw.date_published ?? raw.date_modified
    summary = raw.summary ?? raw.content_text
  } else {
    url = httpAddress(raw.link)
    key = valueOf(raw.guid)
    published = raw.pubDate ?? (raw.dc as Loose)?.date
    summary = raw.description
  }
  const title = plainText(valueOf(raw.title))
  if (!url || !title) return null
  const keyText = typeof key === 'string' && key.trim() !== '' ? key.trim().slice(0, 500) : url
  return {
    key: keyText,
    title,
    url,
    published: isoDay(published),
    text: `${title} ${plainText(summary, 5_000)}`.toLowerCase(),
  }
}

export function parseFeedText(text: string): ParsedFeed {
  let parsed: ReturnType<typeof parseFeed>
  try {
    parsed = parseFeed(text)
  } catch (error) {
    const name = (error as Error).name
    throw new FeedFormatError(
      name === 'DetectError' || /unrecognized/i.test((error as Error).message)
        ? 'This address does not give an RSS, Atom, RDF or JSON feed.'
        : 'The feed is malformed and could not be read.',
    )
  }
  const feed = parsed.feed as unknown as Record<string, unknown>
  const rawItems = (parsed.format === 'atom' ? feed.entries : feed.items) as Loose[] | undefined
  const items: FeedItem[] = []
  for (const raw of (Array.isArray(rawItems) ? rawItems : []).slice(0, FEED_MAX_ITEMS)) {
    const item = itemOf(raw, parsed.format)
    if (item) items.push(item)
  }
  return { title: plainText(valueOf(feed.title), 300), items }
}

/** The words of a measure's terms that a feed item is matched against (any of them, whole phrase). */
export function feedKeywordsOf(terms: WatchTerms): string[] {
  return [
    ...terms.phrases,
    ...terms.dockets,
    ...terms.rins,
    ...terms.cfrParts,
    ...terms.executiveOrders.map((order) => `Executive Order ${order}`),
  ]
}

/** The first keyword the item mentions (case-insensitive), or null. An empty list matches nothing. */
export function matchingKeyword(item: FeedItem, keywords: readonly string[]): string | null {
  for (const keyword of keywords) {
    const wanted = keyword.trim().toLowerCase()
    if (wanted !== '' && item.text.includes(wanted)) return keyword
  }
  return null
}
