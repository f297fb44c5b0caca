// Reading a printed PDF back with poppler (pdftotext, pdfinfo): its text, its pages, and how full
// each page is.
import { execFileSync } from 'node:child_process'

/** Text compared without whitespace (table cells wrap) and with ligatures unfolded (ﬃ → ffi). */
export const squash = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '')

/** pdftotext -raw: the text in content order (a table cell's text together). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', file, '-'], { encoding: 'utf8' })
}

/** pdfinfo's page count. */
export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN)
}

/**
 * How far down each page its content reaches, as a share of the page box inside the margins (0 to
 * 1): the lowest word between the top and bottom margins (the running header and footer sit in
 * the margins and do not count).
 */
export function pageFill(file: string, marginsMm: { top: number; bottom: number }): number[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' })
  const pt = (mm: number) => (mm / 25.4) * 72
  return xml
    .split('<page ')
    .slice(1)
    .map((page) => {
      const height = Number(/height="([\d.]+)"/.exec(page)![1])
      const top = pt(marginsMm.top)
      const bottom = height - pt(marginsMm.bottom)
      let lowest = top
      for (const word of page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)) {
        const yMin = Number(word[1])
        const yMax = Number(word[2])
        if (yMin > top && yMax <= bottom + 1) lowest = Math.max(lowest, yMax)
      }
      return (lowest - top) / (bottom - top)
    })
}
