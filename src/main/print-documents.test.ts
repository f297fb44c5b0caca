import { describe, expect, it } from 'vitest'
import { createPrintDocuments } from './print-documents.ts'

const POLICY = "default-src 'none'"

describe('createPrintDocuments', () => {
  it('serves each document at its own unguessable URL on the print scheme, with the policy', async () => {
    const documents = createPrintDocuments(POLICY)
    const a = documents.add('<p>a</p>')
    const b = documents.add('<p>b</p>')
    expect(a.url).toMatch(/^measure-tracker-print:\/\/document\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(b.url).not.toBe(a.url)
    const response = await documents.handle({ url: a.url, method: 'GET' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('<p>a</p>')
    expect(await (await documents.handle({ url: b.url, method: 'GET' })).text()).toBe('<p>b</p>')
  })

  it('forgets a removed document', async () => {
    const documents = createPrintDocuments(POLICY)
    const a = documents.add('<p>a</p>')
    a.remove()
    expect((await documents.handle({ url: a.url, method: 'GET' })).status).toBe(404)
  })

  it.each<[string, (url: string) => string]>([
    ['another id', () => 'measure-tracker-print://document/00000000-0000-4000-8000-000000000000'],
    ['the bare host', () => 'measure-tracker-print://document/'],
    ['a query added', (url) => `${url}?x`],
    ['another host', (url) => url.replace('//document/', '//evil/')],
    ['a path below', (url) => `${url}/x`],
    ['the app scheme', (url) => url.replace('measure-tracker-print://document/', 'measure-tracker://app/')],
    ['a file URL', () => 'file:///etc/passwd'],
  ])('answers 404 to %s, with the policy', async (_name, variant) => {
    const documents = createPrintDocuments(POLICY)
    const { url } = documents.add('<p>secret</p>')
    const response = await documents.handle({ url: variant(url), method: 'GET' })
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('secret')
    expect(response.headers.get('content-security-policy')).toBe(POLICY)
  })

  it('answers only GET', async () => {
    const documents = createPrintDocuments(POLICY)
    const { url } = documents.add('<p>a</p>')
    expect((await documents.handle({ url, method: 'POST' })).status).toBe(404)
  })
})
