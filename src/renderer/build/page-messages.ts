// The message files (src/shared/i18n/*.json) are shared by the page, the command line, the reports
// and Electron's main process, and the page ships all three languages in its first bundle. The
// groups only Node code shows — the command line, the printed report, the .ics calendar, the
// application menu, main's dialogs and notifications (about a sixth of each file) — are left out of
// the page's copy, keeping the first bundle within its size budget. Node hosts read the files whole.
import type { Plugin } from 'vite'

/** Top-level message groups no page code shows (page-messages.test.ts checks the page's sources). */
export const NODE_ONLY_MESSAGE_GROUPS = ['cli', 'report', 'calendar', 'menu', 'main', 'reminder'] as const

const MESSAGE_FILE = /[\\/]src[\\/]shared[\\/]i18n[\\/][\w-]+\.json$/

/** The page's copy of a message file: the same JSON without the command line's groups. */
export function pageMessages(json: string): string {
  const messages = JSON.parse(json) as Record<string, unknown>
  for (const group of NODE_ONLY_MESSAGE_GROUPS) delete messages[group]
  return JSON.stringify(messages)
}

export function pageMessageFiles(): Plugin {
  return {
    name: 'measure-tracker:page-messages',
    // Before Vite's JSON plugin turns the file into a module.
    enforce: 'pre',
    transform: (code, id) => (MESSAGE_FILE.test(id) ? { code: pageMessages(code), map: null } : null),
  }
}
