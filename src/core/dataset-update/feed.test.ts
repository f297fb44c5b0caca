import { createHash, generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { datasetFeedUrlProblem, signatureUrlOf } from '../../shared/dataset-feed.ts'
import { normalizeEd25519PublicKey, publicKeyFingerprint } from './feed.ts'

describe('the dataset feed address', () => {
  it.each([
    ['https://data.example.org/us-cn-truce-2025.json', null],
    ['  https://data.example.org/feed.json  ', null],
    ['http://data.example.org/feed.json', 'not-https'],
    ['ftp://data.example.org/feed.json', 'not-https'],
    ['file:///etc/passwd', 'not-https'],
    ['data.example.org/feed.json', 'not-a-url'],
    ['', 'empty'],
    ['https://user:secret@data.example.org/feed.json', 'credentials'],
    [`https://example.org/${'a'.repeat(2_100)}`, 'too-long'],
  ])('%s → %s', (url, problem) => {
    expect(datasetFeedUrlProblem(url)).toBe(problem)
  })

  it('has its signature beside it, at the same address with ".sig" appended', () => {
    expect(signatureUrlOf('https://data.example.org/feed.json')).toBe('https://data.example.org/feed.json.sig')
  })
})

describe('the trusted key', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64')
  const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString()

  it('is kept as base64 of its 32 bytes, whether given so or as PEM', () => {
    expect(normalizeEd25519PublicKey(raw)).toBe(raw)
    expect(normalizeEd25519PublicKey(`\n${pem}\n`)).toBe(raw)
  })

  it.each([
    ['text', 'hello'],
    ['a shortened key', raw.slice(0, 40)],
    ['a key with a stray character', `${raw.slice(0, 10)}!${raw.slice(11)}`],
    ['a private key', privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()],
    ['an RSA key', generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString()],
  ])('is refused when it is %s', (_name, text) => {
    expect(normalizeEd25519PublicKey(text)).toBeUndefined()
  })

  it('is shown by the SHA-256 of its bytes in groups of four', () => {
    const hex = createHash('sha256').update(Buffer.from(raw, 'base64')).digest('hex')
    expect(publicKeyFingerprint(raw).replaceAll(' ', '')).toBe(hex)
    expect(publicKeyFingerprint(raw).split(' ')).toHaveLength(16)
  })
})
