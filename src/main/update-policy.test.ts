import { describe, expect, it } from 'vitest'
import {
  CHECK_INTERVAL_MS,
  FIRST_CHECK_DELAY_MS,
  INITIAL_STORED_UPDATES,
  MAX_NOTES_CHARS,
  RETRY_AFTER_FAILURE_MS,
  decideOffer,
  isNewerVersion,
  isPrerelease,
  nextAutomaticCheckAt,
  parseStoredUpdates,
  releaseNotesText,
  releaseSummary,
  updateSupport,
  type StoredUpdates,
  type UpdateSupportProbe,
} from './update-policy.ts'

describe('isNewerVersion (Semantic Versioning precedence)', () => {
  it.each([
    ['0.2.0', '0.1.0'],
    ['0.1.1', '0.1.0'],
    ['1.0.0', '0.99.99'],
    ['1.10.0', '1.9.0'],
    ['2.0.0', '2.0.0-rc.1'],
    ['1.0.0-beta.10', '1.0.0-beta.2'],
    ['1.0.0-rc.1', '1.0.0-beta.11'],
    ['1.0.0-alpha.beta', '1.0.0-alpha.1'],
    ['1.0.0-alpha.1', '1.0.0-alpha'],
    ['v1.2.0', '1.1.9'],
  ])('%s is newer than %s', (candidate, current) => {
    expect(isNewerVersion(candidate, current)).toBe(true)
    expect(isNewerVersion(current, candidate)).toBe(false)
  })

  it('is never newer when equal, build metadata aside', () => {
    expect(isNewerVersion('1.2.0', '1.2.0')).toBe(false)
    expect(isNewerVersion('1.2.0+build.7', '1.2.0+build.3')).toBe(false)
    expect(isNewerVersion('1.2.0-beta.1', '1.2.0-beta.1')).toBe(false)
  })

  it('never counts something that is not a version as newer', () => {
    for (const junk of ['', 'latest', '1.2', '1.2.3.4', '01.2.3', '1.2.3-', '<script>', '999999999999999999999.0.0'])
      expect(isNewerVersion(junk, '0.1.0'), junk).toBe(false)
    expect(isNewerVersion('1.0.0', 'not a version')).toBe(false)
  })

  it('tells pre-releases apart', () => {
    expect(isPrerelease('1.3.0-beta.1')).toBe(true)
    expect(isPrerelease('1.3.0')).toBe(false)
    expect(isPrerelease('1.3.0+build.1')).toBe(false)
  })
})

describe('decideOffer', () => {
  it('offers a newer release', () => {
    expect(decideOffer('0.1.0', '0.2.0')).toEqual({ offer: true })
  })

  it('never offers the same version again, nor a downgrade', () => {
    expect(decideOffer('0.2.0', '0.2.0')).toEqual({ offer: false, reason: 'not-newer' })
    expect(decideOffer('0.3.0', '0.2.0')).toEqual({ offer: false, reason: 'not-newer' })
  })

  it('offers a pre-release only to someone already on a pre-release', () => {
    expect(decideOffer('1.2.0', '1.3.0-beta.1')).toEqual({ offer: false, reason: 'prerelease' })
    expect(decideOffer('1.3.0-beta.1', '1.3.0-beta.2')).toEqual({ offer: true })
    // …and the release that follows a pre-release to everyone.
    expect(decideOffer('1.3.0-beta.2', '1.3.0')).toEqual({ offer: true })
    expect(decideOffer('1.2.0', '1.3.0')).toEqual({ offer: true })
  })

  it('offers nothing that is not a version', () => {
    expect(decideOffer('0.1.0', 'nightly')).toEqual({ offer: false, reason: 'not-a-version' })
  })
})

describe('the stored state (userData/updates.json)', () => {
  it('starts with automatic checks off and no check made', () => {
    expect(parseStoredUpdates(null)).toEqual({
      preferences: { checkAutomatically: false },
      lastCheckedAt: null,
      lastAttemptAt: null,
      lastAttemptFailed: false,
    })
  })

  it('reads back what was written', () => {
    const stored: StoredUpdates = {
      preferences: { checkAutomatically: true },
      lastCheckedAt: 1_700_000_000_000,
      lastAttemptAt: 1_700_000_000_000,
      lastAttemptFailed: false,
    }
    expect(parseStoredUpdates(JSON.stringify(stored))).toEqual(stored)
  })

  it('never turns checks on from a damaged or foreign file', () => {
    for (const text of [
      '',
      '{',
      'null',
      '[]',
      '"on"',
      '{"preferences":{"checkAutomatically":"yes"}}',
      '{"preferences":{"checkAutomatically":true,"extra":1}}',
    ])
      expect(parseStoredUpdates(text).preferences, text).toEqual({ checkAutomatically: false })
  })

  it('keeps the readable fields of a partly damaged file', () => {
    expect(parseStoredUpdates('{"preferences":{"checkAutomatically":true},"lastCheckedAt":"yesterday","lastAttemptAt":5}')).toEqual({
      preferences: { checkAutomatically: true },
      lastCheckedAt: null,
      lastAttemptAt: 5,
      lastAttemptFailed: false,
    })
  })
})

describe('nextAutomaticCheckAt (throttling)', () => {
  const started = 1_800_000_000_000
  const on = (record: Partial<StoredUpdates> = {}): StoredUpdates => ({
    ...INITIAL_STORED_UPDATES,
    preferences: { checkAutomatically: true },
    ...record,
  })

  it('is never while automatic checks are off', () => {
    expect(nextAutomaticCheckAt(INITIAL_STORED_UPDATES, started, started)).toBeNull()
  })

  it('waits a minute after start before the first check ever', () => {
    expect(nextAutomaticCheckAt(on(), started, started)).toBe(started + FIRST_CHECK_DELAY_MS)
    // Turned on later in the run: at once.
    const later = started + 10 * 60_000
    expect(nextAutomaticCheckAt(on(), later, started)).toBe(later)
  })

  it('checks once a day after a check that got an answer', () => {
    const checked = started - 60 * 60_000
    const now = started + 5 * 60_000
    expect(nextAutomaticCheckAt(on({ lastCheckedAt: checked, lastAttemptAt: checked }), now, started)).toBe(checked + CHECK_INTERVAL_MS)
  })

  it('a day after the last check even across restarts: a check two days ago is due a minute after start', () => {
    const checked = started - 2 * CHECK_INTERVAL_MS
    expect(nextAutomaticCheckAt(on({ lastCheckedAt: checked, lastAttemptAt: checked }), started, started)).toBe(
      started + FIRST_CHECK_DELAY_MS,
    )
  })

  it('tries again an hour after a failed check, not at once', () => {
    const failedAt = started + 2 * 60_000
    const record = on({ lastCheckedAt: started - CHECK_INTERVAL_MS * 3, lastAttemptAt: failedAt, lastAttemptFailed: true })
    expect(nextAutomaticCheckAt(record, failedAt, started)).toBe(failedAt + RETRY_AFTER_FAILURE_MS)
  })

  it('does not let a check recorded in the future (the clock went back) postpone the next one', () => {
    const future = started + 30 * CHECK_INTERVAL_MS
    const now = started + 5 * 60_000
    expect(nextAutomaticCheckAt(on({ lastCheckedAt: future, lastAttemptAt: future }), now, started)).toBe(now)
  })
})

describe('updateSupport', () => {
  const probe = (changes: Partial<UpdateSupportProbe> = {}): UpdateSupportProbe => ({
    isPackaged: true,
    platform: 'win32',
    appImagePath: undefined,
    hasFeed: true,
    linuxPackageType: null,
    ...changes,
  })

  it('lets installed copies with a feed update themselves on Windows and macOS', () => {
    expect(updateSupport(probe())).toBeNull()
    expect(updateSupport(probe({ platform: 'darwin' }))).toBeNull()
  })

  it('on Linux, the AppImage and the .deb only', () => {
    expect(updateSupport(probe({ platform: 'linux', appImagePath: '/home/me/measure-tracker.AppImage' }))).toBeNull()
    expect(updateSupport(probe({ platform: 'linux', linuxPackageType: 'deb' }))).toBeNull()
    expect(updateSupport(probe({ platform: 'linux' }))).toBe('unsupported-package')
    expect(updateSupport(probe({ platform: 'linux', linuxPackageType: 'rpm' }))).toBe('unsupported-package')
  })

  it('never from the sources, nor from a build without a feed', () => {
    expect(updateSupport(probe({ isPackaged: false }))).toBe('not-packaged')
    expect(updateSupport(probe({ hasFeed: false }))).toBe('no-feed')
  })
})

describe('release notes as text', () => {
  it('turns GitHub’s HTML into lines: headings, paragraphs, list items, entities', () => {
    const html = [
      '<h2>What&#39;s Changed</h2>',
      '<ul>',
      '<li>Board: sort by deadline by <a class="user-mention" href="https://github.com/someone">@someone</a> in <a href="https://github.com/o/r/pull/12">#12</a></li>',
      '<li>Print: A4 &amp; Letter</li>',
      '</ul>',
      '<p><strong>Full Changelog</strong>: <a href="https://github.com/o/r/compare/v0.1.0...v0.2.0"><tt>v0.1.0...v0.2.0</tt></a></p>',
    ].join('\n')
    expect(releaseNotesText(html)).toBe(
      "What's Changed\n\n• Board: sort by deadline by @someone in #12\n• Print: A4 & Letter\n\nFull Changelog: v0.1.0...v0.2.0",
    )
  })

  it('keeps no markup and no script or style content', () => {
    const text = releaseNotesText(
      '<p>Fixes</p><script>alert(1)</script><style>p{}</style><img src=x onerror=alert(2)><!-- hidden --><p>&lt;b&gt;literal&lt;/b&gt; &#x4E2D;&#25991;</p><iframe src="javascript:alert(3)">',
    )
    expect(text).toBe('Fixes\n\n<b>literal</b> 中文')
    expect(text).not.toMatch(/alert|onerror|hidden|iframe/)
  })

  it('joins a full changelog (a list of versions with notes)', () => {
    expect(
      releaseNotesText([
        { version: '0.3.0', note: '<p>Three</p>' },
        { version: '0.2.0', note: null },
      ]),
    ).toBe('0.3.0\n\nThree\n\n0.2.0')
  })

  it('is empty without notes and cut when very long', () => {
    expect(releaseNotesText(null)).toBe('')
    expect(releaseNotesText(undefined)).toBe('')
    const long = releaseNotesText(`<p>${'x'.repeat(MAX_NOTES_CHARS * 2)}</p>`)
    expect(long).toHaveLength(MAX_NOTES_CHARS + 1)
    expect(long.endsWith('…')).toBe(true)
  })

  it('summarises a release for the page', () => {
    expect(
      releaseSummary({
        version: '0.2.0',
        releaseName: ' Measure Tracker 0.2.0 ',
        releaseDate: '2026-12-04T10:00:00Z',
        releaseNotes: '<p>New</p>',
      }),
    ).toEqual({ version: '0.2.0', name: 'Measure Tracker 0.2.0', releasedAt: '2026-12-04T10:00:00.000Z', notes: 'New' })
    expect(releaseSummary({ version: '0.2.0', releaseDate: 'soon' })).toEqual({ version: '0.2.0', name: null, releasedAt: null, notes: '' })
  })
})
