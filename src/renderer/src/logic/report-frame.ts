// Showing and printing the report's HTML (report.build, self-contained, no script) inside the page.
//
// Why the frames are `allow-same-origin` and the page styles them:
// an `<iframe srcdoc>` inherits the embedding page's Content-Security-Policy, and the app's policy
// (index.html, the Electron header, the browser host's header) says `style-src 'self'`. So the
// report's own `<style>` element and `style=""` attributes would be refused inside the frame
// (checked in Chromium: the preview comes out unstyled, with no page box, widths or badges, and a
// CSP violation logged for each). CSSOM is not subject to `style-src`. So before the HTML goes into
// a frame, inertStyles() turns the `<style>` elements into `<template data-mt-css>` and the `style`
// attributes into `data-mt-style`; once the frame has loaded, applyReportStyles() applies the same
// CSS as a constructed style sheet (`adoptedStyleSheets`) and through `element.style`. That needs
// the frame to be same-origin with the page. The frames never get `allow-scripts`, so nothing in
// the report can run (the report has no script anyway, and its own CSP says `default-src 'none'`);
// same-origin without scripts lets the page reach in, never the frame out. No `allow-forms`,
// `allow-popups` or `allow-top-navigation` either.
//
// Printing in a browser (the browser host has no Electron printToPDF): a hidden frame with
// `allow-same-origin allow-modals` (print() is a modal, refused in a sandbox without it) is
// styled the same way and the page calls its contentWindow.print(). The browser's print dialog
// honours the report's `@page` rule (paper, orientation, margins, running header and footer) and
// offers "Save as PDF" as a destination, which is how a browser saves the PDF.

/** Marks the `<template>` holding a `<style>` element's CSS (Chromium checks a `<style>` of any type against the CSP). */
export const CSS_TEMPLATE_ATTRIBUTE = 'data-mt-css'
/** Where a `style` attribute's declarations wait for applyReportStyles(). */
export const STYLE_DATA_ATTRIBUTE = 'data-mt-style'

/** The preview frame's sandbox: same-origin so the page can restyle it; no scripts, forms, popups or navigation. */
export const PREVIEW_SANDBOX = 'allow-same-origin'
/** The print frame's sandbox: as the preview's, plus the print dialog (a modal). */
export const PRINT_SANDBOX = 'allow-same-origin allow-modals'

/**
 * The report's HTML with its CSS set aside (`<style>` as `<template data-mt-css>` holding the same
 * text, `style` attributes renamed `data-mt-style`), so the frame loads without a CSP refusal;
 * applyReportStyles() puts it back.
 *
 * A string rewrite, not a DOM parse: Chromium checks a parsed document's style attributes against
 * the page's CSP (DOMParser, createHTMLDocument and <template> all log a violation for each). It is
 * exact for the report, whose text and attribute values are all escaped (no raw `<`, `>` or `"`,
 * core/report/escape.ts and markdown-it), so `<letter…>` is always a start tag. Elsewhere the worst
 * it can do is rename the words `style=` inside an attribute's value: it never adds an attribute.
 */
export function inertStyles(html: string): string {
  return (
    html
      // A <style> holds raw text; a <template> parses its text, so `&` and `<` are escaped on the way.
      .replace(
        /<style\b[^<>]*>([\s\S]*?)<\/style\s*>/gi,
        (_element, css: string) => `<template ${CSS_TEMPLATE_ATTRIBUTE}>${css.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</template>`,
      )
      .replace(/<[a-z][^<>]*>/gi, (tag) => tag.replace(/(\s)style(\s*=)/gi, `$1${STYLE_DATA_ATTRIBUTE}$2`))
  )
}

/**
 * Applies the report's CSS through CSSOM: the `<template data-mt-css>` texts (and any `<style>` the
 * CSP refused) as one constructed sheet, `data-mt-style` (and refused `style` attributes) through
 * `element.style`. Does nothing where the styles already applied or the document cannot be
 * reached. Returns how many style elements and attributes it applied.
 */
export function applyReportStyles(doc: Document | null | undefined): { sheets: number; attributes: number } {
  const done = { sheets: 0, attributes: 0 }
  const view = doc?.defaultView as (Window & typeof globalThis) | null | undefined
  if (!doc || !view) return done

  const css = [
    ...[...doc.querySelectorAll<HTMLTemplateElement>(`template[${CSS_TEMPLATE_ATTRIBUTE}]`)].map(
      (template) => template.content.textContent ?? '',
    ),
    ...[...doc.querySelectorAll('style')].filter((style) => !style.sheet).map((style) => style.textContent ?? ''),
  ]
  if (css.length > 0 && typeof view.CSSStyleSheet === 'function' && 'adoptedStyleSheets' in doc) {
    try {
      // Constructed in the frame's own realm: a sheet can only be adopted by its constructor document.
      const sheet = new view.CSSStyleSheet()
      sheet.replaceSync(css.join('\n'))
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet]
      done.sheets = css.length
    } catch {
      // An engine without constructed sheets shows the report unstyled rather than not at all.
    }
  }

  for (const element of doc.querySelectorAll<HTMLElement>(`[${STYLE_DATA_ATTRIBUTE}], [style]`)) {
    const declared = element.getAttribute(STYLE_DATA_ATTRIBUTE) ?? element.getAttribute('style') ?? ''
    if (declared.trim() === '' || element.style.length > 0) continue
    element.style.cssText = declared
    if (element.style.length > 0) done.attributes++
  }
  return done
}

export interface PrintFrameEnvironment {
  document: Document
  /** How long to wait for the frame to load before giving up. */
  loadTimeoutMs?: number
}

const PRINT_FRAME_CLASS = 'mt-print-frame'

/**
 * Prints a self-contained HTML document through the browser's print dialog from a hidden,
 * script-less frame. The frame stays until the next print (removing it while a print preview is
 * still open could cancel the print); there is never more than one. Rejects when the frame does not
 * load or cannot be reached.
 */
export function printHtmlInFrame(html: string, env: PrintFrameEnvironment): Promise<void> {
  const { document } = env
  for (const old of document.querySelectorAll(`iframe.${PRINT_FRAME_CLASS}`)) old.remove()

  const frame = document.createElement('iframe')
  frame.className = PRINT_FRAME_CLASS
  frame.setAttribute('sandbox', PRINT_SANDBOX)
  frame.setAttribute('aria-hidden', 'true')
  frame.tabIndex = -1
  frame.title = 'print'
  // Out of sight but laid out (a display:none frame may print blank). CSSOM, not a style attribute:
  // the page's own CSP refuses inline style attributes too.
  Object.assign(frame.style, {
    position: 'fixed',
    right: '0',
    bottom: '0',
    width: '0',
    height: '0',
    border: '0',
    opacity: '0',
    pointerEvents: 'none',
  })

  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      frame.remove()
      reject(new Error('The report did not load for printing'))
    }, env.loadTimeoutMs ?? 30_000)
    frame.addEventListener(
      'load',
      () => {
        clearTimeout(timer)
        const win = frame.contentWindow
        if (!win || !frame.contentDocument) {
          frame.remove()
          reject(new Error('The report could not be opened for printing'))
          return
        }
        applyReportStyles(frame.contentDocument)
        try {
          win.focus()
          win.print()
          resolve()
        } catch (error) {
          frame.remove()
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      },
      { once: true },
    )
    frame.srcdoc = inertStyles(html)
    document.body.append(frame)
  })
}
