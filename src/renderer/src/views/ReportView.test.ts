// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import ReportView from './ReportView.vue'
import type { ReportFormat } from '../../../shared/api-inputs.ts'
import { useLiveRefresh } from '../composables/useLiveRefresh.ts'
import { REPORT_PREFS_KEY, defaultPaper } from '../logic/report-options.ts'
import { userZone } from '../logic/zone.ts'
import { useBoardStore } from '../stores/board.ts'
import { useClockStore } from '../stores/clock.ts'
import { useToastStore } from '../stores/toasts.ts'
import { fakeService, harness, mountIn, settle, type FakeService } from '../test/harness.ts'
import { setDate, setTime } from '../test/date-time-fields.ts'

const FILES: Record<ReportFormat, { filename: string; mimeType: string }> = {
  html: { filename: 'measure-report-2026-11-09.html', mimeType: 'text/html; charset=utf-8' },
  md: { filename: 'measure-report-2026-11-09.md', mimeType: 'text/markdown; charset=utf-8' },
  csv: { filename: 'measure-report-2026-11-09.csv', mimeType: 'text/csv; charset=utf-8' },
  json: { filename: 'measure-report-2026-11-09.json', mimeType: 'application/json' },
}

type BuildInput = { options: Record<string, unknown>; format: ReportFormat }
let builds = 0

function reportService(): FakeService {
  return fakeService({
    'report.build': (input) => {
      const { options, format } = input as BuildInput
      builds++
      const content =
        format === 'csv'
          ? '\uFEFFid,title\r\nus-ports,Port fees\r\n'
          : `<!doctype html><html lang="${String(options.lang)}"><body><h1>Report ${builds}</h1></body></html>`
      return { ...FILES[format], content }
    },
  })
}

const buildCalls = (service: FakeService) => service.calls.filter((c) => c.method === 'report.build').map((c) => c.input as BuildInput)
const lastHtmlBuild = (service: FakeService) =>
  buildCalls(service)
    .filter((c) => c.format === 'html')
    .at(-1)

beforeEach(() => {
  builds = 0
  localStorage.clear()
})
afterEach(() => vi.useRealTimers())

async function open(prepare?: () => void, path = '/report', attach = false) {
  const service = reportService()
  const hs = harness({ service })
  prepare?.()
  await hs.router.push(path)
  const wrapper = mountIn(hs, ReportView, attach ? { attachTo: document.body } : {})
  await vi.waitFor(() => expect(wrapper.find('iframe').exists()).toBe(true))
  const byLabel = (text: string) => {
    const label = wrapper.findAll('label').find((l) => l.text() === text)
    if (!label) throw new Error(`no label "${text}"`)
    return label.attributes('for') ? wrapper.get(`#${label.attributes('for')}`) : label.get('input')
  }
  const button = (text: string) => {
    const found = wrapper.findAll('button').find((b) => b.text() === text)
    if (!found) throw new Error(`no button "${text}"`)
    return found
  }
  return { wrapper, service, hs, byLabel, button }
}

describe('report view', () => {
  it('builds the preview at once from the defaults: now in the reader’s zone, the UI language, every measure', async () => {
    const { wrapper, service } = await open()
    expect(buildCalls(service)).toEqual([
      {
        options: {
          tz: userZone(),
          lang: 'en',
          includeNotes: false,
          days: 30,
          filter: {},
          paper: defaultPaper(navigator.language),
          orientation: 'landscape',
        },
        format: 'html',
      },
    ])
    // The paper follows the reader's region: US Letter in the United States, A4 elsewhere.
    expect(defaultPaper('en-US')).toBe('Letter')
    expect(wrapper.get('h1').text()).toBe('Status report')
    expect(wrapper.findAll('h2').map((h2) => h2.text())).toEqual(['Options', 'Preview'])
    expect(wrapper.get('[role="status"]').text()).toBe('Preview up to date.')
  })

  it('shows the report in a frame that cannot run scripts, with its HTML as srcdoc', async () => {
    const { wrapper } = await open()
    const frame = wrapper.get('iframe')
    expect(frame.attributes('title')).toBe('Report preview')
    expect(frame.attributes('srcdoc')).toBe('<!doctype html><html lang="en"><body><h1>Report 1</h1></body></html>')
    const sandbox = frame.attributes('sandbox')
    expect(sandbox).toBeDefined()
    // Same-origin only so the page can apply the report's CSS (logic/report-frame.ts); nothing active.
    expect(sandbox!.split(/\s+/).filter(Boolean)).toEqual(['allow-same-origin'])
    expect(sandbox).not.toMatch(/allow-(scripts|forms|popups|top-navigation|modals)/)
  })

  it('maps every option to the report.build input and rebuilds after a pause', async () => {
    const { wrapper, service, byLabel } = await open()
    await byLabel('Report language').setValue('zh-Hant')
    await byLabel('Include pinned notes').setValue(true)
    await byLabel('Deadlines within (days)').setValue('90')
    await byLabel('Paper size').setValue('Letter')
    await byLabel('Orientation').setValue('portrait')
    await byLabel('A date and time').setValue(true)
    await setDate(wrapper, '2026-11-09')
    await setTime(wrapper, '12:00')
    await byLabel('Zone').setValue('Asia/Shanghai')
    // Debounced: the changes above make one build, not nine.
    await vi.waitFor(() => expect(buildCalls(service)).toHaveLength(2))
    expect(lastHtmlBuild(service)).toEqual({
      options: {
        at: '2026-11-09T12:00:00+08:00[Asia/Shanghai]',
        lang: 'zh-Hant',
        includeNotes: true,
        days: 90,
        filter: {},
        paper: 'Letter',
        orientation: 'portrait',
      },
      format: 'html',
    })
    await vi.waitFor(() => expect(wrapper.get('iframe').attributes('srcdoc')).toContain('lang="zh-Hant"'))
    // The paper choices are remembered for next time; the language and the data are not.
    expect(JSON.parse(localStorage.getItem(REPORT_PREFS_KEY)!)).toEqual({
      includeNotes: true,
      days: 90,
      paper: 'Letter',
      orientation: 'portrait',
    })
  })

  it('writes the report in the UI language, following it unless another was chosen', async () => {
    const { hs, service, byLabel } = await open()
    hs.i18n.global.locale.value = 'zh-Hans'
    await vi.waitFor(() => expect(lastHtmlBuild(service)!.options.lang).toBe('zh-Hans'))
    expect(byLabel('报告语言').element).toBeDefined()
    await byLabel('报告语言').setValue('en')
    hs.i18n.global.locale.value = 'zh-Hant'
    await settle()
    expect((byLabel('報告語言').element as HTMLSelectElement).value).toBe('en')
  })

  it('carries the board’s filters and as-of instant, and clears its own copy only', async () => {
    const { wrapper, service, button } = await open(() => {
      const board = useBoardStore()
      Object.assign(board.filter, {
        party: 'CN',
        category: 'export_control',
        status: 'suspended',
        tag: 'ships',
        needsReview: true,
        text: ' rare earth ',
      })
      useClockStore().setAsOf('2026-11-10T00:01:00-05:00[America/New_York]')
    })
    expect(buildCalls(service)[0]!.options).toMatchObject({
      at: '2026-11-10T00:01:00-05:00[America/New_York]',
      filter: { party: 'CN', category: 'export_control', status: 'suspended', tag: 'ships', needsReview: true, text: 'rare earth' },
    })
    expect(buildCalls(service)[0]!.options).not.toHaveProperty('tz')
    const summary = wrapper.get('fieldset.filters')
    expect(summary.findAll('li').map((li) => li.text())).toEqual([
      'Party: China (CN)',
      'Category: Export control',
      'Status: Suspended',
      'Tag: ships',
      'Needs review only',
      'Search: “rare earth”',
    ])
    await button('Clear filters').trigger('click')
    await vi.waitFor(() => expect(lastHtmlBuild(service)!.options.filter).toEqual({}))
    expect(wrapper.get('fieldset.filters').text()).toContain('All measures (no filters).')
    expect(useBoardStore().filter.party).toBe('CN')
  })

  it('prints and saves as PDF the previewed HTML with its paper and orientation', async () => {
    const { service, byLabel, button } = await open()
    await byLabel('Paper size').setValue('A4')
    await byLabel('Paper size').setValue('Letter')
    await byLabel('Paper size').setValue('A4')
    // Printed at once: the pending rebuild is done first, so what prints matches the options.
    await button('Print…').trigger('click')
    await vi.waitFor(() => expect(service.printed).toHaveLength(1))
    expect(service.printed[0]).toEqual({
      as: 'print',
      html: '<!doctype html><html lang="en"><body><h1>Report 2</h1></body></html>',
      paper: 'A4',
      landscape: true,
    })

    await byLabel('Orientation').setValue('portrait')
    await button('Save as PDF…').trigger('click')
    await vi.waitFor(() => expect(service.printed).toHaveLength(2))
    expect(service.printed[1]).toMatchObject({ as: 'pdf', paper: 'A4', landscape: false, filename: 'measure-report-2026-11-09.pdf' })
    expect(service.printed[1]!.html).toContain('Report 3')
    await vi.waitFor(() => expect(useToastStore().toasts.at(-1)?.params).toEqual({ path: 'measure-report-2026-11-09.pdf' }))
  })

  it('exports CSV and Markdown through saveFile, built with the same options', async () => {
    const { service, byLabel, button } = await open()
    await byLabel('Include pinned notes').setValue(true)
    await button('Export CSV').trigger('click')
    await vi.waitFor(() => expect(service.saved).toHaveLength(1))
    expect(service.saved[0]).toEqual({
      filename: 'measure-report-2026-11-09.csv',
      mimeType: 'text/csv; charset=utf-8',
      content: '\uFEFFid,title\r\nus-ports,Port fees\r\n',
    })
    expect(buildCalls(service).find((c) => c.format === 'csv')!.options).toMatchObject({ includeNotes: true, filter: {} })
    await button('Export Markdown').trigger('click')
    await vi.waitFor(() => expect(service.saved).toHaveLength(2))
    expect(service.saved[1]!.filename).toBe('measure-report-2026-11-09.md')
  })

  it('says which option is wrong, keeps the last preview and builds nothing until it is fixed', async () => {
    const { wrapper, service, byLabel, button } = await open(undefined, '/report', true)
    const days = byLabel('Deadlines within (days)')
    await days.setValue('0')
    await settle()
    expect(days.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get(`#${days.attributes('aria-describedby')}`).text()).toContain('Enter a whole number of days from 1 to 3660')
    expect(wrapper.get('[role="status"]').text()).toBe('Correct the options to update the preview.')
    await button('Print…').trigger('click')
    await settle()
    expect(service.printed).toEqual([])
    expect(document.activeElement).toBe(days.element)
    expect(buildCalls(service)).toHaveLength(1)
    expect(wrapper.get('iframe').attributes('srcdoc')).toContain('Report 1')
  })

  it('shows a failed build with a retry', async () => {
    let fail = true
    const service = fakeService({
      'report.build': () =>
        fail ? { ok: false, error: { code: 'STORAGE', message: 'disk gone' } } : { ...FILES.html, content: '<p>ok</p>' },
    })
    const hs = harness({ service })
    await hs.router.push('/report')
    const wrapper = mountIn(hs, ReportView)
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toContain('Could not build the report: disk gone')
    fail = false
    await wrapper.get('[role="alert"] button').trigger('click')
    await vi.waitFor(() => expect(wrapper.get('iframe').attributes('srcdoc')).toBe('<p>ok</p>'))
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('prints straight away when opened by the menu (?action=print), then drops the query', async () => {
    const { service, hs } = await open(undefined, '/report?action=print')
    await vi.waitFor(() => expect(service.printed.map((p) => p.as)).toEqual(['print']))
    await vi.waitFor(() => expect(hs.router.currentRoute.value.fullPath).toBe('/report'))
  })
})

describe('report menu commands', () => {
  const Shell = defineComponent({
    setup() {
      useLiveRefresh()
    },
    render: () => h('div', [h(RouterView)]),
  })

  it('print-report and save-pdf open the preview and hand it to the host; export-csv saves the board’s CSV', async () => {
    const service = reportService()
    const hs = harness({ service })
    Object.assign(useBoardStore().filter, { party: 'CN' })
    await hs.router.push('/')
    mountIn(hs, Shell, { global: { stubs: { BoardView: true } } })
    await settle()

    service.push({ type: 'menu', command: 'export-csv' })
    await vi.waitFor(() => expect(service.saved).toHaveLength(1))
    expect(buildCalls(service)[0]).toMatchObject({ format: 'csv', options: { lang: 'en', filter: { party: 'CN' } } })
    expect(service.saved[0]!.content.startsWith('\uFEFF')).toBe(true)

    service.push({ type: 'menu', command: 'print-report' })
    await vi.waitFor(() => expect(service.printed.map((p) => p.as)).toEqual(['print']), { timeout: 10_000 })
    expect(hs.router.currentRoute.value.name).toBe('report')
    service.push({ type: 'menu', command: 'save-pdf' })
    await vi.waitFor(() => expect(service.printed.map((p) => p.as)).toEqual(['print', 'pdf']), { timeout: 10_000 })
    // On the report view, "Export CSV" exports what the view shows.
    service.push({ type: 'menu', command: 'export-csv' })
    await vi.waitFor(() => expect(service.saved).toHaveLength(2), { timeout: 10_000 })
  })
})
