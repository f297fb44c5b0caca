// @vitest-environment happy-dom
// inertStyles() on the real report (core/report/html.ts), hostile notes and titles included: every
// style attribute is set aside and nothing else changes — no text, no other attribute.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { reportOptionsSchema } from '../../../shared/api-inputs.ts'
// The renderer never imports core at run time; this test does, to pin inertStyles() against the
// HTML core really writes (it relies on core escaping every value).
// eslint-disable-next-line no-restricted-imports -- test only, see above
import { loadReport } from '../../../core/service/report.ts'
// eslint-disable-next-line no-restricted-imports -- test only, see above
import { renderHtml } from '../../../core/report/html.ts'
import { openTempStore, type TempStore } from '../../../../test/helpers/temp-store.ts'
import { HOSTILE_NOTES } from '../../../../test/hostile-notes.ts'
import { CSS_TEMPLATE_ATTRIBUTE, STYLE_DATA_ATTRIBUTE, inertStyles } from './report-frame.ts'

let temp: TempStore
beforeEach(async () => {
  temp = await openTempStore({ nowMs: () => Date.parse('2026-11-02T08:00:00Z') })
})
afterEach(() => temp.cleanup())

/** Every element's name and attributes (style renamed back), and the document's text. */
function shape(doc: Document, renamed: boolean) {
  const elements = [...doc.querySelectorAll('*')].map((element) => {
    const attributes = [...element.attributes].map((a) => `${renamed && a.name === STYLE_DATA_ATTRIBUTE ? 'style' : a.name}=${a.value}`)
    return `${element.localName}[${attributes.sort().join(' ')}]`
  })
  return { elements, text: doc.documentElement.textContent }
}

describe('the preview frame’s HTML', () => {
  it('sets aside exactly the report’s styles', () => {
    for (const body of HOSTILE_NOTES.slice(0, 40)) {
      const added = temp.store.core.call('notes.add', { measureId: 'us-bis-affiliates-rule', body, pinned: true })
      expect(added.ok).toBe(true)
    }
    const title = '=HYPERLINK("x") <b style="color:red" onmouseover="alert(1)">x</b> style="width:1px" <style>'
    expect(temp.store.core.call('measures.update', { id: 'cn-mot-special-port-fees', facts: { title: { en: title } } }).ok).toBe(true)

    for (const lang of ['en', 'zh-Hant'] as const) {
      const html = renderHtml(
        loadReport(
          temp.store.core.context,
          reportOptionsSchema.parse({ at: '2026-11-01T12:00:00-05:00[America/New_York]', includeNotes: true, lang }),
        ),
      )
      const parse = (text: string) => new DOMParser().parseFromString(text, 'text/html')
      const before = parse(html)
      const after = parse(inertStyles(html))
      expect(before.querySelectorAll('[style]').length).toBeGreaterThan(5)
      expect(after.querySelectorAll('[style]')).toHaveLength(0)
      expect(after.querySelectorAll(`[${STYLE_DATA_ATTRIBUTE}]`)).toHaveLength(before.querySelectorAll('[style]').length)
      expect(after.querySelectorAll('style')).toHaveLength(0)
      const templates = [...after.querySelectorAll<HTMLTemplateElement>(`template[${CSS_TEMPLATE_ATTRIBUTE}]`)]
      expect(templates.map((t) => t.content.textContent)).toEqual([...before.querySelectorAll('style')].map((s) => s.textContent))
      for (const doc of [before, after]) doc.querySelectorAll('style, template').forEach((e) => e.remove())
      expect(shape(after, true)).toEqual(shape(before, false))
      expect(after.documentElement.textContent).toContain(title)
    }
  })
})
