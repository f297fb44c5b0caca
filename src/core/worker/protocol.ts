// The messages between a host and the core's worker (core-worker.ts ↔ core-client.ts). Only data
// crosses: the worker opens the database itself from these options, and answers with Results.
import type { ImportAnswer } from '../service/import-request-file.ts'
import type { Result } from '../../shared/result.ts'

/** What the worker opens: openStore's options that can cross a thread (no clock, no callbacks). */
export interface CoreOpenOptions {
  path: string
  actor: string
  seed?: boolean
  dailyBackup?: boolean
  ownLocation?: boolean
  teamDriverEntry?: string
}

/** What the host learns of the store once it is open (openStore's OpenedStore, without the service). */
export interface CoreStoreInfo {
  path: string
  schemaVersion: number
  backupPath: string | null
  readOnly: boolean
  readOnlyReason: string | null
  created: boolean
}

export type HostToCore =
  | { type: 'call'; id: number; method: string; input: unknown }
  /** The browser host's exchange.import body, spooled to a file (service/import-request-file.ts). */
  | { type: 'import-request-file'; id: number; path: string }
  /** Start telling the host about commits of other connections, polled every `intervalMs`. */
  | { type: 'watch-external-changes'; intervalMs: number }
  | { type: 'close' }

export type CoreToHost =
  | { type: 'ready'; info: CoreStoreInfo }
  /** openStore refused the file (damaged, a folder, a newer schema…): the host shows the message. */
  | { type: 'open-failed'; message: string }
  | { type: 'answer'; id: number; answer: Result<unknown> | ImportAnswer }
  | { type: 'external-change' }
  | { type: 'closed' }
