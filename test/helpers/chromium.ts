// The one Chromium every browser run uses — Playwright tests, the PDF test, the benches: Debian's
// (`CHROMIUM_PATH` overrides it), never Playwright's own download, with the flags a headless run
// in a container needs.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
