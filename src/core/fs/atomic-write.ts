// Writing an output file (export, calendar, report, the window's remembered bounds) so that a crash never leaves half a file
// under its name: write a temporary file beside it, then rename. The temporary file must not be
// a door for other local users: its name is unpredictable (so nobody can plant a symlink there in
// advance), it is created exclusively (O_EXCL: an existing file or symlink at the name is never
// opened, let alone followed) and private (0600: nobody else can read the data while it is
// written). The finished file keeps that mode: an export holds the same data as the database,
// which is 0600 too.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'

/** A fresh, unguessable name in the target's folder (the same file system, so rename is atomic). */
export function temporaryPathBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(12).toString('hex')}.tmp`)
}

export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  replaceAtomically(path, (fd) => writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data))
}

/** Bytes gathered before each write of writeChunksAtomically. */
const WRITE_BATCH_BYTES = 1024 * 1024

/**
 * The same for a file written piece by piece (an export of any size): the pieces are encoded into
 * one buffer of a megabyte, written each time it fills, so the whole text is never held.
 */
export function writeChunksAtomically(path: string, chunks: Iterable<string>): void {
  replaceAtomically(path, (fd) => {
    const batch = Buffer.allocUnsafe(WRITE_BATCH_BYTES)
    let used = 0
    for (const chunk of chunks) {
      // At most three bytes of UTF-8 per UTF-16 unit: flush first unless it surely fits.
      if (used + chunk.length * 3 > WRITE_BATCH_BYTES) {
        writeSync(fd, batch, 0, used)
        used = 0
      }
      if (chunk.length * 3 > WRITE_BATCH_BYTES) writeSync(fd, chunk, null, 'utf8')
      else used += batch.write(chunk, used, 'utf8')
    }
    writeSync(fd, batch, 0, used)
  })
}

/** Runs `write` on a new temporary file beside `path`, then puts it in place. */
function replaceAtomically(path: string, write: (fd: number) => void): void {
  const temporary = temporaryPathBeside(path)
  // 'wx' = O_CREAT | O_EXCL: fails rather than open anything already there.
  const fd = openSync(temporary, 'wx', 0o600)
  try {
    try {
      write(fd)
      // On disk before the rename: otherwise a power cut can leave the new name on an empty file.
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, path)
  } catch (error) {
    // Only ever removes the file this call created.
    rmSync(temporary, { force: true })
    throw error
  }
}
