import { generateKeyPairSync, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkSignedDataset, MAX_DATASET_BYTES } from './signed-dataset.ts'

const pair = () => generateKeyPairSync('ed25519')
const trusted = pair()
const trustedPem = trusted.publicKey.export({ format: 'pem', type: 'spki' }).toString()
const installed = { id: 'us-cn-truce-2025', version: 3 }

function signed(body: unknown, privateKey = trusted.privateKey) {
  const bytes = Buffer.from(JSON.stringify(body))
  return { bytes, signature: sign(null, bytes, privateKey).toString('base64') }
}

const v4 = { dataset: { id: 'us-cn-truce-2025', version: 4 }, measures: [] }

describe('a dataset from the update feed', () => {
  it('is accepted when signed by the trusted key and newer than the installed one', () => {
    const r = checkSignedDataset({ ...signed(v4), publicKey: trustedPem, installed })
    expect(r).toEqual({ ok: true, dataset: { id: 'us-cn-truce-2025', version: 4 }, json: v4 })
  })

  it('accepts the trusted key as base64 of its raw 32 bytes too', () => {
    const raw = trusted.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64')
    expect(checkSignedDataset({ ...signed(v4), publicKey: raw, installed }).ok).toBe(true)
  })

  it('is refused when one byte was changed after signing', () => {
    const { bytes, signature } = signed(v4)
    const tampered = Buffer.from(bytes.toString().replace('"version":4', '"version":5'))
    expect(checkSignedDataset({ bytes: tampered, signature, publicKey: trustedPem, installed })).toEqual({
      ok: false,
      reason: 'bad-signature',
    })
  })

  it('is refused when signed by another key', () => {
    const r = checkSignedDataset({ ...signed(v4, pair().privateKey), publicKey: trustedPem, installed })
    expect(r).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('is refused when it is not newer than the installed version (downgrade or replay)', () => {
    for (const version of [2, 3]) {
      const body = { dataset: { id: 'us-cn-truce-2025', version }, measures: [] }
      expect(checkSignedDataset({ ...signed(body), publicKey: trustedPem, installed })).toEqual({
        ok: false,
        reason: 'downgrade',
      })
    }
  })

  it('is refused when it names another dataset or carries no identity', () => {
    const other = { dataset: { id: 'eu-steel', version: 9 } }
    expect(checkSignedDataset({ ...signed(other), publicKey: trustedPem, installed }).ok).toBe(false)
    expect(checkSignedDataset({ ...signed({ measures: [] }), publicKey: trustedPem, installed })).toEqual({
      ok: false,
      reason: 'malformed',
    })
  })

  it('is refused as malformed when the signed bytes are not JSON', () => {
    const bytes = Buffer.from('{not json')
    const signature = sign(null, bytes, trusted.privateKey).toString('base64')
    expect(checkSignedDataset({ bytes, signature, publicKey: trustedPem, installed })).toEqual({
      ok: false,
      reason: 'malformed',
    })
  })

  it('is refused as oversized above 200 MB before its signature is even checked', () => {
    const bytes = new Uint8Array(MAX_DATASET_BYTES + 1)
    expect(checkSignedDataset({ bytes, signature: '', publicKey: trustedPem, installed })).toEqual({
      ok: false,
      reason: 'oversized',
    })
  })

  it('reports an unusable trusted key as such', () => {
    const r = checkSignedDataset({ ...signed(v4), publicKey: 'not a key', installed })
    expect(r).toEqual({ ok: false, reason: 'bad-key' })
  })
})
