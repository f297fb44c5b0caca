// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import MarkdownView from './MarkdownView.vue'
import { HOSTILE_NOTES } from '../../../../test/hostile-notes.ts'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'

const DANGEROUS =
  'script, iframe, frame, object, embed, img, svg, math, style, link, meta, base, form, input, button, video, audio, source, details'

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

function render(source: string) {
  const hs = harness()
  return { hs, wrapper: mountIn(hs, MarkdownView, { props: { source }, attachTo: document.body }) }
}

describe('MarkdownView', () => {
  it('renders Markdown as HTML', () => {
    const { wrapper } = render('**bold** and *it*\n\n- one\n- two\n\n`code`')
    expect(wrapper.get('strong').text()).toBe('bold')
    expect(wrapper.get('em').text()).toBe('it')
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['one', 'two'])
    expect(wrapper.get('code').text()).toBe('code')
  })

  it(`puts nothing that runs or loads into the page, for ${HOSTILE_NOTES.length} hostile notes`, () => {
    expect(HOSTILE_NOTES.length).toBeGreaterThanOrEqual(30)
    // happy-dom has no alert(): a stand-in records any call a hostile note might make.
    const alert = vi.fn()
    vi.stubGlobal('alert', alert)
    for (const source of HOSTILE_NOTES) {
      const { wrapper } = render(source)
      const root = wrapper.element as HTMLElement
      const problems: string[] = []
      for (const element of root.querySelectorAll(DANGEROUS)) problems.push(`<${element.tagName.toLowerCase()}>`)
      for (const element of [root, ...root.querySelectorAll('*')]) {
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name)) problems.push(`${element.tagName.toLowerCase()}[${attribute.name}]`)
          if (['src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'style'].includes(attribute.name.toLowerCase())) {
            problems.push(`${element.tagName.toLowerCase()}[${attribute.name}]`)
          }
        }
      }
      for (const link of root.querySelectorAll('a')) {
        const href = link.getAttribute('href') ?? ''
        if (!/^(https?:\/\/[^/\\]|mailto:)/i.test(href)) problems.push(`a[href="${href}"]`)
        expect(link.getAttribute('rel')).toBe('noopener noreferrer')
      }
      expect(problems, source).toEqual([])
      wrapper.unmount()
    }
    expect(alert).not.toHaveBeenCalled()
  })

  it('opens allowed links through the client and refuses to navigate', async () => {
    const service = fakeService()
    const hs = harness({ service })
    const wrapper = mountIn(hs, MarkdownView, {
      props: { source: '[site](https://example.com/a) and mail@example.com' },
      attachTo: document.body,
    })
    const links = wrapper.findAll('a')
    expect(links.map((a) => a.attributes('href'))).toEqual(['https://example.com/a', 'mailto:mail@example.com'])
    const click = new MouseEvent('click', { bubbles: true, cancelable: true })
    links[0]!.element.dispatchEvent(click)
    await settle()
    expect(click.defaultPrevented).toBe(true)
    expect(service.opened).toEqual(['https://example.com/a'])
    const middle = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 })
    links[0]!.element.dispatchEvent(middle)
    expect(middle.defaultPrevented).toBe(true)
  })
})
