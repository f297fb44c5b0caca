// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import type { DOMWrapper } from '@vue/test-utils'
import ToastHost from '../ToastHost.vue'
import { useBoardWindow } from '../../composables/useBoardWindow.ts'
import { useBoardStore } from '../../stores/board.ts'
import { fakeService, harness, mountIn, settle } from '../../test/harness.ts'
import { measureDetail } from '../../test/detail.ts'
import { summary } from '../../test/fixtures.ts'
import { pageHandlers } from '../../test/page-fake.ts'

// The measure page, in a shell that also reads the board's Tag filter choices, as the app has them.
let facets: ReturnType<typeof useBoardWindow>['facets'] | null = null
const Page = defineComponent({
  setup() {
    facets = useBoardWindow().facets
    return () => h('div', [h('main', { id: 'main' }, [h(RouterView)]), h(ToastHost)])
  },
})

function button(root: Pick<DOMWrapper<Element>, 'findAll'>, name: string): DOMWrapper<HTMLButtonElement> {
  const found = root.findAll<HTMLButtonElement>('button').find((b) => b.text() === name || b.attributes('aria-label') === name)
  if (!found) throw new Error(`no button "${name}"`)
  return found
}

async function open() {
  let tags = ['ships', 'truce']
  const service = fakeService({
    'measures.get': () => measureDetail({ tags }),
    'measures.list': () => [summary('us-ships', { tags })],
    ...pageHandlers(() => [summary('us-ships', { tags })]),
    'measures.tags': () => ['Ships', 'semiconductors', 'soybeans', 'truce'],
    'tags.add': (input) => {
      tags = [...tags, (input as { tag: string }).tag]
      return tags
    },
    'tags.remove': (input) => {
      tags = tags.filter((t) => t !== (input as { tag: string }).tag)
      return tags
    },
  })
  const hs = harness({ service })
  await useBoardStore().load()
  await hs.router.push('/measure/us-ships')
  const wrapper = mountIn(hs, Page, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Section 301 port fees'), { timeout: 10_000 })
  await settle()
  const section = () => wrapper.get('section[aria-labelledby="tags-title"]')
  return { wrapper, service, section }
}

describe('tags on the measure page', () => {
  it('shows tags as chips with labelled remove buttons, suggests known tags, adds and removes', async () => {
    const { wrapper, service, section } = await open()
    expect(section().get('h2').text()).toBe('Tags')
    expect(
      section()
        .findAll('.chip > span')
        .map((c) => c.text()),
    ).toEqual(['ships', 'truce'])
    expect(button(section(), 'Remove tag ships').exists()).toBe(true)
    expect(facets!.value.tags).toEqual(['ships', 'truce'])

    const input = section().get('input')
    expect(
      section()
        .get(`label[for="${input.attributes('id')}"]`)
        .text(),
    ).toBe('New tag')
    await input.trigger('focus')
    await settle()
    await input.setValue('s')
    const options = section()
      .findAll(`datalist#${input.attributes('list')} option`)
      .map((o) => o.attributes('value'))
    // Tags the measure has already (in any case) are not suggested; those starting with the text first.
    expect(options).toEqual(['semiconductors', 'soybeans'])

    await input.setValue('  semiconductors ')
    await section().get('form').trigger('submit')
    await settle()
    expect(service.calls.find((c) => c.method === 'tags.add')?.input).toEqual({
      measureId: 'us-ships',
      tag: 'semiconductors',
      baseRevision: '0123456789abcdef',
    })
    await vi.waitFor(
      () =>
        expect(
          section()
            .findAll('.chip > span')
            .map((c) => c.text()),
        ).toEqual(['ships', 'truce', 'semiconductors']),
      { timeout: 10_000 },
    )
    expect(wrapper.text()).toContain('Tag “semiconductors” added')
    // The board's rows were fetched again, so its Tag filter offers the new tag.
    await vi.waitFor(() => expect(facets!.value.tags).toEqual(['semiconductors', 'ships', 'truce']), { timeout: 10_000 })

    await button(section(), 'Remove tag ships').trigger('click')
    await settle()
    expect(service.calls.find((c) => c.method === 'tags.remove')?.input).toEqual({
      measureId: 'us-ships',
      tag: 'ships',
      baseRevision: '0123456789abcdef',
    })
    await vi.waitFor(
      () =>
        expect(
          section()
            .findAll('.chip > span')
            .map((c) => c.text()),
        ).toEqual(['truce', 'semiconductors']),
      { timeout: 10_000 },
    )
    await vi.waitFor(() => expect(facets!.value.tags).toEqual(['semiconductors', 'truce']), { timeout: 10_000 })
    // The keyboard stays in the list.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove tag truce')
  })

  it('refuses a tag the measure has in another case, or one that is too long, without calling the service', async () => {
    const { service, section } = await open()
    const input = section().get('input')
    await input.setValue('SHIPS')
    await section().get('form').trigger('submit')
    expect(section().get('.field-error').text()).toContain('Already tagged “SHIPS”')
    expect(input.attributes('aria-invalid')).toBe('true')
    await input.setValue('x'.repeat(61))
    await section().get('form').trigger('submit')
    expect(section().get('.field-error').text()).toContain('at most 60 characters')
    expect(service.calls.some((c) => c.method === 'tags.add')).toBe(false)
  })
})
