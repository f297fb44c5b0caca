/**
 * The signed dataset feed's rules, without the network: which key text is an Ed25519 public key
 * (and how it is shown), and what a fetched file and signature amount to — a verified newer dataset,
 * the installed one again, or a refusal with a reason a person can act on. The signature is checked
 * over the exact bytes (signed-dataset.ts) before anything reads them as JSON.
 */
import { createHash } from 'node:crypto'
import type { DatasetFeedResultKind } from '../../shared/dataset-feed.ts'
import type { DatasetIdentity } from '../../shared/dataset-update.ts'
import { ServiceError } from '../../shared/result.ts'
import { parseExchangeFile } from '../service/exchange.ts'
import { EMBEDDED_IDENTITY } from './dataset-state.ts'
import { checkSignedDataset, parseEd25519PublicKey } from './signed-dataset.ts'

const RAW_KEY_BASE64 = /^[A-Za-z0-9+/]{43}=$/

/**
 * The key as the app stores and shows it: base64 of its raw 32 bytes. Accepts that form or a PEM
 * "PUBLIC KEY" block; anything else (another algorithm, a private key, stray text) is undefined.
 */
export function normalizeEd25519PublicKey(text: string): string | undefined {
  const trimmed = text.trim()
  if (!trimmed.startsWith('-----BEGIN') && !RAW_KEY_BASE64.test(trimmed)) return undefined
  if (trimmed.includes('PRIVATE KEY')) return undefined
  const key = parseEd25519PublicKey(trimmed)
  if (!key) return undefined
  // SPKI DER of an Ed25519 key = a fixed 12-byte header and the 32 key bytes (RFC 8410).
  return key.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64')
}

/** SHA-256 of the key's 32 bytes, hex in groups of four: short enough to read aloud and compare. */
export function publicKeyFingerprint(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex')
  return hex.match(/.{4}/g)?.join(' ') ?? hex
}

export type FeedVerdict =
  | { kind: 'newer'; dataset: DatasetIdentity; message: string; text: string; sha256: string }
  | { kind: Exclude<DatasetFeedResultKind, 'newer'>; dataset: DatasetIdentity | null; message: string }

/** The identity a signed file names (only read once its signature is known good). */
function namedIdentity(bytes: Uint8Array): DatasetIdentity | null {
  try {
    const dataset = (JSON.parse(Buffer.from(bytes).toString('utf8')) as { dataset?: DatasetIdentity }).dataset
    return dataset && typeof dataset.id === 'string' && Number.isInteger(dataset.version) ? dataset : null
  } catch {
    return null
  }
}

const text = (identity: DatasetIdentity) => `${identity.id} v${identity.version}`

/**
 * What a fetched feed amounts to. `installed` null (a database that never held a dataset) accepts
 * only the app's own dataset id. The same version as the installed one is `current`, not an error.
 */
export function judgeFeedDataset(input: {
  bytes: Uint8Array
  signature: string
  publicKey: string
  installed: DatasetIdentity | null
  maxBytes: number
}): FeedVerdict {
  const installed = input.installed ?? { id: EMBEDDED_IDENTITY.id, version: 0 }
  // checkSignedDataset refuses versions at or below the one it is given: one below the installed
  // version lets the installed version through, to be reported as current rather than as a downgrade.
  const check = checkSignedDataset({
    bytes: input.bytes,
    signature: input.signature,
    publicKey: input.publicKey,
    installed: { id: installed.id, version: installed.version - 1 },
    maxBytes: input.maxBytes,
  })
  if (!check.ok) {
    const named = check.reason === 'other-dataset' || check.reason === 'downgrade' ? namedIdentity(input.bytes) : null
    switch (check.reason) {
      case 'oversized':
        return { kind: 'too-large', dataset: null, message: `The dataset is larger than ${Math.round(input.maxBytes / 1_000_000)} MB.` }
      case 'bad-key':
        return { kind: 'bad-key', dataset: null, message: 'The trusted key is not an Ed25519 public key.' }
      case 'bad-signature':
        return {
          kind: 'bad-signature',
          dataset: null,
          message:
            'The signature does not match the key you trust: the file was changed after it was signed, or it was signed with another key. Nothing was changed.',
        }
      case 'malformed':
        return {
          kind: 'malformed',
          dataset: null,
          message: 'The signed file is not a dataset (not JSON, or no "dataset": { "id", "version" }). Nothing was changed.',
        }
      case 'other-dataset':
        return {
          kind: 'other-dataset',
          dataset: named,
          message: `The feed offers dataset ${named?.id ?? '?'}; this database holds ${installed.id}. Nothing was changed.`,
        }
      case 'downgrade':
        return {
          kind: 'downgrade',
          dataset: named,
          message: `The feed offers ${named ? text(named) : 'an older version'}, older than the ${text(installed)} this database holds. Nothing was changed.`,
        }
    }
  }
  if (input.installed && check.dataset.version === input.installed.version)
    return { kind: 'current', dataset: check.dataset, message: `The feed offers ${text(check.dataset)}, the version this database holds.` }
  try {
    parseExchangeFile(check.json)
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error
    return {
      kind: 'malformed',
      dataset: check.dataset,
      message: `The signed ${text(check.dataset)} is not a valid dataset file: ${error.message}. Nothing was changed.`,
    }
  }
  return {
    kind: 'newer',
    dataset: check.dataset,
    message: `${text(check.dataset)} is verified and waiting for your review.`,
    text: Buffer.from(input.bytes).toString('utf8'),
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
  }
}
