// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import type { MethodName } from '../../../shared/api.ts'
import type { Result } from '../../../shared/result.ts'
import { PREVIEW_DELAY_MS, type ReportOptionsInput } from '../logic/report-options.ts'
import { fakeService, harness } from '../test/harness.ts'
import { NOW_STALE_MS, useReportPreview } from './useReportPreview.ts'

afterEach(() => vi.useRealTimers())

/** A report service whose answers wait until the test releases them (oldest first unless told). */
function slowReports() {
  const service = fakeService({
    'report.build': (input) => ({ filename: 'report.html', mimeType: 'text/html', content: `<p>${input.options?.lang ?? '?'}</p>` }),
  })
  harness({ service })
  const waiting: { lang: unknown; release: () => void }[] = []
  const answer = service.transport.call.bind(service.transport)
  service.transport.call = (method: MethodName, input: unknown) =>
    new Promise<Result<unknown>>((resolve, reject) => {
      const forward = () => {
        answer(method, input).then(resolve, reject)
      }
      waiting.push({ lang: (input as { options: { lang: unknown } }).options.lang, release: forward })
    })
  const release = async (lang: string) => {
    const index = waiting.findIndex((w) => w.lang === lang)
    waiting.splice(index, 1)[0]!.release()
    for (let i = 0; i < 10; i++) await Promise.resolve()
  }
  const builds = () => service.calls.filter((c) => c.method === 'report.build').length
  return { release, builds }
}

function preview(start: ReportOptionsInput, isNow = true) {
  const options = ref<ReportOptionsInput | null>(start)
  const scope = effectScope()
  const handle = scope.run(() => useReportPreview({ options: () => options.value, isNow: () => isNow }))!
  return { ...handle, options, stop: () => scope.stop() }
}

describe('the report preview', () => {
  it('never shows a slower build for options changed since', async () => {
    vi.useFakeTimers()
    const { release } = slowReports()
    const p = preview({ lang: 'en' })
    p.options.value = { lang: 'zh-Hans' }
    await nextTick()
    vi.advanceTimersByTime(PREVIEW_DELAY_MS)
    await release('zh-Hans')
    await release('en')
    expect(p.preview.value?.html).toBe('<p>zh-Hans</p>')
    expect(p.building.value).toBe(false)
    p.stop()
  })

  it('builds the options as they are when asked during the pause after a change', async () => {
    vi.useFakeTimers()
    const { release, builds } = slowReports()
    const p = preview({ lang: 'en' })
    await release('en')
    p.options.value = { lang: 'zh-Hant' }
    await nextTick()
    const asked = p.upToDate()
    await release('zh-Hant')
    expect((await asked)?.html).toBe('<p>zh-Hant</p>')
    vi.advanceTimersByTime(PREVIEW_DELAY_MS)
    expect(builds()).toBe(2) // the pending rebuild was the one upToDate made
    p.stop()
  })

  it('rebuilds a "now" report older than a minute before it is used, but not one as of a fixed instant', async () => {
    vi.useFakeTimers()
    const now = slowReports()
    const live = preview({ lang: 'en' }, true)
    await now.release('en')
    vi.advanceTimersByTime(NOW_STALE_MS + 1)
    const asked = live.upToDate()
    await now.release('en')
    await asked
    expect(now.builds()).toBe(2)
    live.stop()

    const fixed = slowReports()
    const past = preview({ lang: 'en', at: '2026-11-10T00:01:00-05:00[America/New_York]' }, false)
    await fixed.release('en')
    vi.advanceTimersByTime(NOW_STALE_MS + 1)
    expect((await past.upToDate())?.html).toBe('<p>en</p>')
    expect(fixed.builds()).toBe(1)
    past.stop()
  })
})
