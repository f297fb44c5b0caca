// The file-name rules of the save dialog (moved here from src/main/save-file.ts so they need no
// Node): every case the desktop's checker had, with the same verdicts.
import { describe, expect, it } from 'vitest'
import { fileNameExtension, fileNameProblem, savedExtension } from './file-name.ts'

describe('fileNameProblem', () => {
  it.each([
    'measure-tracker.ics',
    'us-301-ships.ics',
    'measure-report-2026-11-09.csv',
    'report.JSON',
    'notes.md',
    'r.html',
    'Report (final).pdf',
    '措施報告 2026.pdf',
  ])('accepts %s', (name) => {
    expect(fileNameProblem(name)).toBeNull()
  })

  it('answers the extension, in lower case', () => {
    expect(savedExtension('Report.PDF')).toBe('pdf')
    expect(fileNameExtension('a.tar.CSV')).toBe('csv')
    expect(fileNameExtension('.ics')).toBe('')
    expect(fileNameExtension('report')).toBe('')
  })

  it.each([
    ['a path', '../../.bashrc.md'],
    ['an absolute path', '/etc/cron.d/x.csv'],
    ['a Windows path', 'C:\\Users\\x\\a.csv'],
    ['a drive-relative name', 'C:a.csv'],
    ['a folder separator', 'sub/a.csv'],
    ['a backslash', 'sub\\a.csv'],
    ['no extension', 'report'],
    ['an extension not written by the app', 'run.exe'],
    ['a double extension ending wrong', 'report.pdf.exe'],
    ['a shell script', 'a.sh'],
    ['a desktop entry', 'a.desktop'],
    ['only an extension', '.ics'],
    ['a hidden file', '.report.csv'],
    ['a trailing dot', 'report.csv.'],
    ['a trailing space', 'report.csv '],
    ['a leading space', ' report.csv'],
    ['a NUL', 'a\u0000.csv'],
    ['a newline', 'a\n.csv'],
    ['a right-to-left override', 'report\u202efdp.exe.pdf'],
    ['a Windows device name', 'CON.csv'],
    ['a Windows device name with more dots', 'nul.tar.csv'],
    ['a Windows device name (COM1)', 'com1.ics'],
    ['Windows-forbidden characters', 'a<b>.csv'],
    ['a colon (NTFS stream)', 'a.csv:evil'],
    ['a wildcard', '*.csv'],
    ['an empty name', ''],
    ['201 characters', `${'a'.repeat(197)}.csv`],
  ])('refuses %s', (_why, name) => {
    expect(fileNameProblem(name)).toEqual(expect.any(String))
  })

  it('names the rule broken, in the words people read', () => {
    expect(fileNameProblem('sub/a.csv')).toBe('The file name must be a plain name, without a folder or special characters.')
    expect(fileNameProblem('report\u202efdp.exe.pdf')).toBe('The file name must be a plain name, without a folder or special characters.')
    expect(fileNameProblem('report.csv ')).toBe('The file name cannot start with a dot, or start or end with a space or end with a dot.')
    expect(fileNameProblem('nul.tar.csv')).toBe('The file name is reserved by the system.')
    expect(fileNameProblem('run.exe')).toBe('The file name must end in .ics, .csv, .json, .md, .html, .pdf.')
    expect(fileNameProblem('')).toBe('The file name must have 1 to 200 characters.')
  })

  it('accepts exactly 200 characters', () => {
    expect(fileNameProblem(`${'a'.repeat(196)}.csv`)).toBeNull()
  })

  it('limits the extensions when asked', () => {
    expect(fileNameProblem('r.pdf', ['pdf'])).toBeNull()
    expect(fileNameProblem('r.html', ['pdf'])).toBe('The file name must end in .pdf.')
  })

  it('savedExtension refuses a name the app does not write', () => {
    expect(() => savedExtension('run.exe')).toThrow(TypeError)
  })
})
