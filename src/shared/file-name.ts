// The rules for a file name the page suggests to the desktop's save dialog (a calendar, a CSV
// table, a report as PDF): a bare name, nothing that means something else to a file system, one of
// the extensions the app writes. Plain string rules, no Node: the shell's contract
// (shell-api.ts) checks them in Electron main, and any page code may apply the same rule.

/** The kinds of file the app writes, by extension. */
export const SAVE_EXTENSIONS = ['ics', 'csv', 'json', 'md', 'html', 'pdf'] as const
export type SaveExtension = (typeof SAVE_EXTENSIONS)[number]

export const MAX_FILENAME_LENGTH = 200

/** Windows device names: "con.ics" opens the console, not a file, on every Windows version. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i
/**
 * Characters no file name here may hold: path separators, the ones Windows refuses, control
 * characters, and the Unicode bidirectional controls that make "report‮fdp.exe" read as
 * "reportexe.pdf".
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[/\\<>:"|?*\u0000-\u001f\u007f\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/

/** The extension after the last dot, in lower case ('' when there is none, or only a leading dot). */
export function fileNameExtension(filename: string): string {
  const dot = filename.lastIndexOf('.')
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : ''
}

/**
 * What is wrong with `filename` as a name to suggest in the save dialog, in the words the person
 * reads, or null when it is fine. The first rule broken is named.
 */
export function fileNameProblem(filename: string, allowed: readonly SaveExtension[] = SAVE_EXTENSIONS): string | null {
  if (filename.length === 0 || filename.length > MAX_FILENAME_LENGTH) {
    return `The file name must have 1 to ${MAX_FILENAME_LENGTH} characters.`
  }
  if (FORBIDDEN_CHARACTERS.test(filename)) return 'The file name must be a plain name, without a folder or special characters.'
  if (filename.startsWith('.') || /[. ]$/.test(filename) || filename.trim() !== filename) {
    return 'The file name cannot start with a dot, or start or end with a space or end with a dot.'
  }
  const extension = fileNameExtension(filename)
  if (!(allowed as readonly string[]).includes(extension)) return `The file name must end in ${allowed.map((ext) => `.${ext}`).join(', ')}.`
  const stem = filename.slice(0, filename.length - extension.length - 1)
  if (WINDOWS_DEVICE.test(stem.split('.')[0] ?? '')) return 'The file name is reserved by the system.'
  return null
}

/** The extension of a name fileNameProblem() accepted. */
export function savedExtension(filename: string): SaveExtension {
  const extension = fileNameExtension(filename)
  if (!(SAVE_EXTENSIONS as readonly string[]).includes(extension)) throw new TypeError(`Not a file name the app writes: ${filename}`)
  return extension as SaveExtension
}
