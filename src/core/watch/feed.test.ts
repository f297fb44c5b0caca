// Feeds read through feedsmith: RSS 2.0 and Atom fixtures (test/fixtures/watch/README.md), hostile
// content, and the keyword rules.
import { describe, expect, it } from 'vitest'
import { watchTermsSchema } from '../../shared/watch.ts'
import { watchFixture } from '../../../test/helpers/watch-server.ts'
import { FeedFormatError, feedKeywordsOf, matchingKeyword, parseFeedText } from './feed.ts'

describe('parseFeedText', () => {
  it('reads an RSS 2.0 feed: plain-text titles, http(s) links only, dates as days', () => {
    const feed = parseFeedText(watchFixture('ministry-announcements.rss'))
    expect(feed.title).toBe('Ministry of Commerce — Announcements')
    expect(feed.items.map((item) => [item.key, item.title, item.url, item.published])).toEqual([
      [
        'ministry-2026-70',
        'Announcement No. 70 of 2026 on the continued suspension of export control measures',
        'https://ministry.example/announcements/2026/70.html',
        '2026-11-23',
      ],
      [
        'ministry-2026-71',
        "Notice on the Canton Fair exhibitors' registration",
        'https://ministry.example/announcements/2026/71.html',
        '2026-11-24',
      ],
      // ministry-2026-72 has a javascript: link: left out.
      [
        'ministry-2026-73',
        'Rare-earth export controls: the list of items',
        'https://ministry.example/announcements/2026/73.html',
        '2026-11-26',
      ],
    ])
    expect(feed.items[0]!.text).toContain('rare-earth export controls')
  })

  it('reads an Atom feed: the alternate link, html titles as text, the id as key', () => {
    const feed = parseFeedText(watchFixture('law-firm-alerts.atom'))
    expect(feed.title).toBe('Trade Law Alerts')
    expect(feed.items[0]).toMatchObject({
      key: 'urn:uuid:5f1d4c2e-0000-4000-8000-000000000002',
      title: 'USTR extends the Section 301 ships suspension',
      url: 'https://lawfirm.example/alerts/ustr-301-ships-extension',
      published: '2026-11-27',
    })
  })

  it('refuses a malformed feed and a page that is not a feed with a clear message', () => {
    expect(() => parseFeedText(watchFixture('malformed.rss'))).toThrow(FeedFormatError)
    expect(() => parseFeedText('<html><body>Not a feed</body></html>')).toThrow('does not give an RSS, Atom, RDF or JSON feed')
  })
})

describe('keyword rules', () => {
  const [item] = parseFeedText(watchFixture('law-firm-alerts.atom')).items
  it('matches any keyword, whole phrase, ignoring case, in the title or summary', () => {
    expect(matchingKeyword(item!, ['port fees remain'])).toBe('port fees remain')
    expect(matchingKeyword(item!, ['SECTION 301 SHIPS'])).toBe('SECTION 301 SHIPS')
    expect(matchingKeyword(item!, ['port fee suspended'])).toBeNull()
    expect(matchingKeyword(item!, [])).toBeNull()
  })

  it("a measure's terms give the words feeds are matched against", () => {
    const terms = watchTermsSchema.parse({
      dockets: ['USTR-2025-0022'],
      executiveOrders: ['14257'],
      phrases: ['port fees'],
      agencies: ['x'],
    })
    expect(feedKeywordsOf(terms)).toEqual(['port fees', 'USTR-2025-0022', 'Executive Order 14257'])
    expect(matchingKeyword(item!, feedKeywordsOf(terms))).toBe('port fees')
  })
})
