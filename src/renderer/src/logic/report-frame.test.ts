// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { CSS_TEMPLATE_ATTRIBUTE, PREVIEW_SANDBOX, PRINT_SANDBOX, applyReportStyles, inertStyles, printHtmlInFrame } from './report-frame.ts'

/** A document as Chromium leaves it under the app's CSP: <style> refused or inert, style="" refused or set aside. */
function refusedDocument() {
  class FakeSheet {
    text = ''
    replaceSync(text: string) {
      this.text = text
    }
  }
  const styles = [
    { sheet: null, textContent: 'th { background: #eceff3; }' },
    { sheet: {}, textContent: 'applied anyway' },
  ]
  const templates = [{ content: { textContent: '@page { size: A4 landscape; }' } }]
  const declarations: { cssText: string; length: number }[] = []
  const element = (declared: string, applied = false, dataAttribute = false) => {
    const style = {
      length: applied ? 1 : 0,
      set cssText(value: string) {
        declarations.push({ cssText: value, length: 1 })
        this.length = value ? 1 : 0
      },
    }
    return { getAttribute: (name: string) => (dataAttribute === (name === 'data-mt-style') ? declared : null), style }
  }
  const attributed = [element('width:16%'), element('width:9%', false, true), element('   '), element('color:red', true)]
  const doc = {
    defaultView: { CSSStyleSheet: FakeSheet },
    adoptedStyleSheets: [] as FakeSheet[],
    querySelectorAll: (selector: string) => (selector === 'style' ? styles : selector.startsWith('template') ? templates : attributed),
  }
  return { doc, declarations }
}

describe('report frames', () => {
  it('never let the report run scripts, submit forms, open windows or navigate the app', () => {
    for (const sandbox of [PREVIEW_SANDBOX, PRINT_SANDBOX]) {
      expect(sandbox).not.toMatch(/allow-(scripts|forms|popups|top-navigation|downloads|pointer-lock|presentation)/)
    }
    expect(PREVIEW_SANDBOX).toBe('allow-same-origin')
    expect(PRINT_SANDBOX).toBe('allow-same-origin allow-modals')
  })

  it('applies through CSSOM the report CSS that the page’s CSP refused in the frame', () => {
    const { doc, declarations } = refusedDocument()
    expect(applyReportStyles(doc as unknown as Document)).toEqual({ sheets: 2, attributes: 2 })
    expect(doc.adoptedStyleSheets.map((sheet) => sheet.text)).toEqual(['@page { size: A4 landscape; }\nth { background: #eceff3; }'])
    expect(declarations.map((d) => d.cssText)).toEqual(['width:16%', 'width:9%'])
  })

  it('sets the report’s CSS aside so the frame loads without a CSP refusal, and puts it back through CSSOM', () => {
    const html =
      '<!DOCTYPE html><html lang="zh-Hant"><head><style>.a > b { content: "&<" }</style><STYLE type="text/css" media="print">p{}</STYLE ></head>' +
      '<body><table><col style="width:16%"><col\nSTYLE = "width:9%"><tr><td title="a style=b" data-x="1">x &lt;y&gt; style="z"</td></tr></table></body></html>'
    const inert = inertStyles(html)
    expect(inert).toBe(
      `<!DOCTYPE html><html lang="zh-Hant"><head><template ${CSS_TEMPLATE_ATTRIBUTE}>.a > b { content: "&amp;&lt;" }</template><template ${CSS_TEMPLATE_ATTRIBUTE}>p{}</template></head>` +
        '<body><table><col data-mt-style="width:16%"><col\ndata-mt-style = "width:9%"><tr><td title="a data-mt-style=b" data-x="1">x &lt;y&gt; style="z"</td></tr></table></body></html>',
    )
    // The template gives back the CSS text exactly.
    const template = new DOMParser().parseFromString(inert, 'text/html').querySelector('template')!
    expect(template.content.textContent).toBe('.a > b { content: "&<" }')

    document.body.innerHTML = '<table><colgroup><col data-mt-style="width:16%"></colgroup></table>'
    try {
      expect(applyReportStyles(document).attributes).toBe(1)
      expect(document.querySelector<HTMLElement>('col')!.style.width).toBe('16%')
    } finally {
      document.body.innerHTML = ''
    }
  })

  it('leaves a document alone when its styles applied, or when it cannot be reached', () => {
    const doc = document.implementation.createHTMLDocument('r')
    doc.head.innerHTML = '<style>p { color: red }</style>'
    doc.body.innerHTML = '<p style="color: blue">x</p>'
    expect(applyReportStyles(doc)).toEqual({ sheets: 0, attributes: 0 })
    expect(applyReportStyles(null)).toEqual({ sheets: 0, attributes: 0 })
  })

  it('prints from one hidden, script-less frame holding the HTML', async () => {
    const print = vi.fn()
    const printing = printHtmlInFrame('<!doctype html><p>report</p>', { document })
    const frame = document.querySelector<HTMLIFrameElement>('iframe.mt-print-frame')!
    expect(frame.getAttribute('sandbox')).toBe(PRINT_SANDBOX)
    expect(frame.srcdoc).toBe('<!doctype html><p>report</p>')
    expect(frame.getAttribute('aria-hidden')).toBe('true')
    expect(frame.tabIndex).toBe(-1)
    Object.defineProperty(frame, 'contentWindow', { configurable: true, get: () => ({ print, focus: vi.fn() }) })
    Object.defineProperty(frame, 'contentDocument', { configurable: true, get: () => refusedDocument().doc })
    frame.dispatchEvent(new Event('load'))
    await printing
    expect(print).toHaveBeenCalledOnce()

    // The next print replaces the frame: never more than one.
    void printHtmlInFrame('<p>again</p>', { document }).catch(() => {})
    expect(document.querySelectorAll('iframe.mt-print-frame')).toHaveLength(1)
    expect(document.querySelector<HTMLIFrameElement>('iframe.mt-print-frame')!.srcdoc).toContain('<p>again</p>')
    document.querySelector('iframe.mt-print-frame')!.remove()
  })

  it('fails, and removes its frame, when the report does not load', async () => {
    vi.useFakeTimers()
    try {
      // A frame that never reports loading.
      const inert = document.implementation.createHTMLDocument('inert')
      const create = inert.createElement.bind(inert)
      vi.spyOn(inert, 'createElement').mockImplementation((name: string) => {
        const element = create(name)
        element.addEventListener = () => {}
        return element
      })
      const printing = printHtmlInFrame('<p>x</p>', { document: inert, loadTimeoutMs: 50 })
      expect(inert.querySelector('iframe.mt-print-frame')).not.toBeNull()
      vi.advanceTimersByTime(60)
      await expect(printing).rejects.toThrow('did not load')
      expect(inert.querySelector('iframe.mt-print-frame')).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })
})
