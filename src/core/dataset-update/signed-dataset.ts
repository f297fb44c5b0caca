/**
 * Checks a dataset fetched from the update feed before anything else sees it: size first (so an
 * oversized body is never parsed), then the Ed25519 signature over the exact bytes against the key
 * the user trusts, then the JSON and the dataset's identity and version (no downgrade, no other
 * dataset). Any failure is a reason the user can read; the caller changes nothing on failure.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto'
import { MAX_DATASET_FILE_BYTES } from '../../shared/dataset-update.ts'

/** The one bound of a dataset file (shared/dataset-update.ts), whichever way it comes. */
export const MAX_DATASET_BYTES = MAX_DATASET_FILE_BYTES

export type SignedDatasetFailure = 'oversized' | 'bad-key' | 'bad-signature' | 'malformed' | 'other-dataset' | 'downgrade'

export type SignedDatasetCheck =
  { ok: true; dataset: { id: string; version: number }; json: unknown } | { ok: false; reason: SignedDatasetFailure }

export interface SignedDatasetInput {
  bytes: Uint8Array
  /** Base64 of the 64-byte Ed25519 signature over `bytes`. */
  signature: string
  /** The trusted public key: PEM (SPKI) or base64 of the raw 32 bytes. */
  publicKey: string
  /** The dataset the database was seeded from or last updated to. */
  installed: { id: string; version: number }
  maxBytes?: number
}

/** Raw 32-byte Ed25519 keys become SPKI DER by this fixed 12-byte prefix (RFC 8410). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

export function parseEd25519PublicKey(text: string): KeyObject | undefined {
  try {
    const trimmed = text.trim()
    const key = trimmed.startsWith('-----BEGIN')
      ? createPublicKey(trimmed)
      : createPublicKey({
          key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(trimmed, 'base64')]),
          format: 'der',
          type: 'spki',
        })
    return key.asymmetricKeyType === 'ed25519' ? key : undefined
  } catch {
    return undefined
  }
}

export function checkSignedDataset(input: SignedDatasetInput): SignedDatasetCheck {
  if (input.bytes.byteLength > (input.maxBytes ?? MAX_DATASET_BYTES)) return { ok: false, reason: 'oversized' }
  const key = parseEd25519PublicKey(input.publicKey)
  if (!key) return { ok: false, reason: 'bad-key' }
  const signature = Buffer.from(input.signature.trim(), 'base64')
  if (signature.length !== 64 || !verify(null, input.bytes, key, signature)) {
    return { ok: false, reason: 'bad-signature' }
  }
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(input.bytes).toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  const dataset = (json as { dataset?: { id?: unknown; version?: unknown } } | null)?.dataset
  if (typeof dataset?.id !== 'string' || !Number.isInteger(dataset.version)) return { ok: false, reason: 'malformed' }
  if (dataset.id !== input.installed.id) return { ok: false, reason: 'other-dataset' }
  const version = dataset.version as number
  if (version <= input.installed.version) return { ok: false, reason: 'downgrade' }
  return { ok: true, dataset: { id: dataset.id, version }, json }
}
