// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { DOMWrapper } from '@vue/test-utils'
import { RouterView } from 'vue-router'
import type { MeasureDetail } from '../../../../shared/api-views.ts'
import type { Note } from '../../../../shared/domain.ts'
import ToastHost from '../ToastHost.vue'
import { fakeService, harness, mountIn, settle, type Handler } from '../../test/harness.ts'
import { measureDetail } from '../../test/detail.ts'

const Page = defineComponent({ render: () => h('div', [h('main', { id: 'main' }, [h(RouterView)]), h(ToastHost)]) })

const note = (id: string, body: string, createdAt: string, extra: Partial<Note> = {}): Note => ({
  id,
  body,
  pinned: false,
  createdAt,
  updatedAt: createdAt,
  ...extra,
})

async function open(notes: Note[], handlers: Partial<Record<string, Handler>> = {}) {
  let detail: MeasureDetail = measureDetail({ notes })
  const service = fakeService({
    'measures.get': () => detail,
    'measures.list': () => [],
    ...handlers,
  })
  const hs = harness({ service })
  await hs.router.push('/measure/us-ships')
  const wrapper = mountIn(hs, Page, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Section 301 port fees'), { timeout: 10_000 })
  const setNotes = (next: Note[]) => {
    detail = measureDetail({ notes: next })
  }
  return { wrapper, service, hs, setNotes }
}

const region = (wrapper: Awaited<ReturnType<typeof open>>['wrapper']) => wrapper.get('section[aria-labelledby="notes-title"]')
function buttonIn(root: Pick<DOMWrapper<Element>, 'findAll'>, name: string): DOMWrapper<HTMLButtonElement> {
  const found = root.findAll<HTMLButtonElement>('button').find((b) => b.text() === name || b.attributes('aria-label') === name)
  if (!found) throw new Error(`no button "${name}"`)
  return found
}

describe('notes on the measure page', () => {
  it('lists pinned notes first, newest first, with Markdown rendered and their times', async () => {
    const { wrapper } = await open([
      note('n1', 'Old **plain** note', '2026-01-01T10:00:00.000Z'),
      note('n2', 'Newer note with [a link](https://example.com/x)', '2026-02-01T10:00:00.000Z', { updatedAt: '2026-02-03T10:00:00.000Z' }),
      note('n3', '- pinned item', '2025-12-01T10:00:00.000Z', { pinned: true }),
    ])
    const notes = region(wrapper)
    expect(notes.get('h2').text()).toBe('Notes')
    await vi.waitFor(() => expect(notes.findAll('.markdown')).toHaveLength(3), { timeout: 10_000 })
    const items = notes.findAll('li.note')
    expect(items.map((li) => li.get('.markdown').text())).toEqual(['pinned item', 'Newer note with a link', 'Old plain note'])
    expect(items[0]!.text()).toContain('Pinned')
    expect(items[0]!.get('.markdown ul li').text()).toBe('pinned item')
    expect(items[2]!.get('.markdown strong').text()).toBe('plain')
    expect(items[1]!.get('time.created').attributes('datetime')).toBe('2026-02-01T10:00:00.000Z')
    expect(items[1]!.text()).toMatch(/Added .*2026/)
    expect(items[1]!.text()).toMatch(/edited .*Feb 3, 2026/)
    expect(items[2]!.find('time.edited').exists()).toBe(false)
    // Buttons: Unpin on the pinned note, Pin on the others.
    expect(items.map((li) => li.findAll('button')[0]!.text())).toEqual(['Unpin', 'Pin', 'Pin'])
  })

  it('opens links in notes outside the app, never navigating', async () => {
    const { wrapper, service, hs } = await open([note('n1', 'See [the notice](https://example.gov/notice)', '2026-01-01T10:00:00.000Z')])
    await vi.waitFor(() => expect(region(wrapper).find('.markdown a').exists()).toBe(true), { timeout: 10_000 })
    const link = region(wrapper).get('.markdown a')
    const event = new MouseEvent('click', { bubbles: true, cancelable: true })
    link.element.dispatchEvent(event)
    await settle()
    expect(event.defaultPrevented).toBe(true)
    expect(service.opened).toEqual(['https://example.gov/notice'])
    expect(hs.router.currentRoute.value.fullPath).toBe('/measure/us-ships')
  })

  it('adds a note with a Markdown preview', async () => {
    const added: unknown[] = []
    const { wrapper, service, setNotes } = await open([], {
      'notes.add': (input) => {
        added.push(input)
        const body = (input as { body: string }).body
        setNotes([note('n9', body, '2026-03-01T00:00:00.000Z')])
        return note('n9', body, '2026-03-01T00:00:00.000Z')
      },
    })
    expect(region(wrapper).text()).toContain('No notes yet.')
    await buttonIn(region(wrapper), 'Add note').trigger('click')
    const textarea = region(wrapper).get('textarea')
    expect(
      region(wrapper)
        .get(`label[for="${textarea.attributes('id')}"]`)
        .text(),
    ).toBe('Note')
    expect(document.activeElement).toBe(textarea.element)
    // Saving an empty note is refused in the page.
    await region(wrapper).get('form').trigger('submit')
    expect(region(wrapper).text()).toContain('a note cannot be empty')
    expect(service.calls.some((c) => c.method === 'notes.add')).toBe(false)

    await textarea.setValue('# Heading\n\n**Bold** text')
    const preview = buttonIn(region(wrapper), 'Preview')
    expect(preview.attributes('aria-pressed')).toBe('false')
    await preview.trigger('click')
    expect(preview.attributes('aria-pressed')).toBe('true')
    await vi.waitFor(() => expect(region(wrapper).find('[role="region"] .markdown strong').exists()).toBe(true), { timeout: 10_000 })
    expect(region(wrapper).get('[role="region"]').attributes('aria-label')).toBe('Preview of the note')
    expect(region(wrapper).get('[role="region"] .markdown strong').text()).toBe('Bold')
    await buttonIn(region(wrapper), 'Write').trigger('click')
    await region(wrapper).get('form').trigger('submit')
    await settle()
    expect(added).toEqual([{ measureId: 'us-ships', body: '# Heading\n\n**Bold** text', baseRevision: '0123456789abcdef' }])
    await vi.waitFor(() => expect(region(wrapper).findAll('li.note')).toHaveLength(1), { timeout: 10_000 })
    expect(wrapper.text()).toContain('Note added')
  })

  it('edits a note and shows its earlier versions under History', async () => {
    const { wrapper, service, setNotes } = await open([note('n1', 'First text', '2026-01-01T10:00:00.000Z')], {
      'notes.edit': (input) => {
        const body = (input as { body: string }).body
        const edited = note('n1', body, '2026-01-01T10:00:00.000Z', { updatedAt: '2026-01-05T10:00:00.000Z' })
        setNotes([edited])
        return edited
      },
      'notes.history': () => [{ body: 'First *text*', writtenAt: '2026-01-01T10:00:00.000Z', replacedAt: '2026-01-05T10:00:00.000Z' }],
    })
    await buttonIn(region(wrapper), 'Edit note').trigger('click')
    const textarea = region(wrapper).get('textarea')
    expect((textarea.element as HTMLTextAreaElement).value).toBe('First text')
    await textarea.setValue('Second text')
    await region(wrapper).get('form').trigger('submit')
    await settle()
    expect(service.calls.find((c) => c.method === 'notes.edit')?.input).toEqual({
      measureId: 'us-ships',
      noteId: 'n1',
      body: 'Second text',
      baseRevision: '0123456789abcdef',
    })
    await vi.waitFor(() => expect(region(wrapper).find('details.history').exists()).toBe(true), { timeout: 10_000 })
    expect(region(wrapper).get('li.note').text()).toMatch(/edited .*Jan 5, 2026/)
    const details = region(wrapper).get('details.history')
    expect(details.get('summary').text()).toBe('History')
    ;(details.element as HTMLDetailsElement).open = true
    await details.trigger('toggle')
    await settle()
    await vi.waitFor(() => expect(details.find('.revisions .markdown em').exists()).toBe(true), { timeout: 10_000 })
    expect(details.get('.revisions').text()).toMatch(/Written .*Jan 1, 2026.*replaced .*Jan 5, 2026/)
  })

  it('pins a note, and deletes one with an Undo that restores it', async () => {
    const n1 = note('n1', 'Keep me', '2026-01-01T10:00:00.000Z')
    const { wrapper, service, setNotes } = await open([n1], {
      'notes.pin': (input) => ({ ...n1, pinned: (input as { pinned: boolean }).pinned }),
      'notes.remove': () => {
        setNotes([])
        return { id: 'n1' }
      },
      'notes.restore': () => {
        setNotes([n1])
        return n1
      },
    })
    await buttonIn(region(wrapper), 'Pin').trigger('click')
    await settle()
    expect(service.calls.find((c) => c.method === 'notes.pin')?.input).toEqual({
      measureId: 'us-ships',
      noteId: 'n1',
      pinned: true,
      baseRevision: '0123456789abcdef',
    })

    await buttonIn(region(wrapper), 'Delete note').trigger('click')
    await settle()
    expect(service.calls.find((c) => c.method === 'notes.remove')?.input).toEqual({
      measureId: 'us-ships',
      noteId: 'n1',
      baseRevision: '0123456789abcdef',
    })
    await vi.waitFor(() => expect(region(wrapper).findAll('li.note')).toHaveLength(0), { timeout: 10_000 })
    expect(wrapper.text()).toContain('Note deleted')
    const undo = buttonIn(wrapper, 'Undo')
    expect(document.activeElement).toBe(undo.element)
    await undo.trigger('click')
    await settle()
    expect(service.calls.find((c) => c.method === 'notes.restore')?.input).toEqual({
      measureId: 'us-ships',
      noteId: 'n1',
      baseRevision: '0123456789abcdef',
    })
    await vi.waitFor(() => expect(region(wrapper).findAll('li.note')).toHaveLength(1), { timeout: 10_000 })
    expect(wrapper.text()).toContain('Note restored')
  })
})
