// A spy on the print frame's print() (src/renderer/src/logic/report-frame.ts): in a browser,
// printing and "Save as PDF" both open the print dialog of a hidden frame holding the document.
// The spy records each document handed to that dialog instead of opening it.
import type { Page } from '@playwright/test'

export interface PrintedDocument {
  /** The frame's srcdoc: the document as the page handed it over (its CSS set aside, inertStyles). */
  srcdoc: string
  /** Its text as the frame laid it out. */
  text: string
}

type SpiedWindow = Window & { __printed?: PrintedDocument[] }

/** Installs the spy; returns a reader of what has been "printed" so far. */
export async function spyOnPrintFrame(page: Page): Promise<() => Promise<PrintedDocument[]>> {
  await page.evaluate(() => {
    const top = window as SpiedWindow
    top.__printed = []
    const original = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const win = original.get!.call(this) as (Window & { __spied?: boolean }) | null
        if (win && this.classList.contains('mt-print-frame') && !win.__spied) {
          win.__spied = true
          win.print = () => {
            top.__printed!.push({ srcdoc: this.getAttribute('srcdoc') ?? '', text: this.contentDocument?.body?.innerText ?? '' })
          }
        }
        return win
      },
    })
  })
  return () => page.evaluate(() => (window as SpiedWindow).__printed!)
}
