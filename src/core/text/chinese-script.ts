// Deriving a missing Chinese script from the other (Traditional ↔ Simplified) with OpenCC's
// dictionaries (the opencc-js package), and marking the result as machine-converted.
//
// When: on every write of a text (store/measure-rows.ts), never while reading. The board lists
// 10,000 measures on every refresh; stored conversions cost it nothing, while converting on read
// would build the converter (0.4–2 s for Simplified → Traditional on this machine) in every process
// that lists — the app's start, each `status` of the command line — and then convert per row.
// What was derived is never a person's words: a write first drops the value the mark names and
// derives it again from the other script, so editing the source text refreshes it. English is
// never converted from or to.
//
// Variants: Simplified → Traditional is OpenCC's `cn → tw` (Taiwan's standard characters, such as
// 臺 and 裡, without its phrase substitutions: `twp` would turn 发布 "issue" into 釋出 "release" in a
// government notice). Traditional → Simplified is `tw → cn`.
import { createRequire } from 'node:module'
import type { ChineseScript, ChineseText, LocalizedText } from '../../shared/domain.ts'

type Convert = (text: string) => string
interface OpenCC {
  Converter(options: { from: string; to: string }): Convert
}

// Loaded on first use, synchronously (the service is synchronous): loading and building a
// converter is the costly part, and most processes never need one — a write whose texts already
// carry both scripts (the embedded dataset does) converts nothing.
const load = createRequire(import.meta.url)
const converters = new Map<ChineseScript, Convert>()

function converterTo(script: ChineseScript): Convert {
  let convert = converters.get(script)
  if (convert === undefined) {
    convert =
      script === 'zh-Hant'
        ? (load('opencc-js/cn2t') as OpenCC).Converter({ from: 'cn', to: 'tw' })
        : (load('opencc-js/t2cn') as OpenCC).Converter({ from: 'tw', to: 'cn' })
    converters.set(script, convert)
  }
  return convert
}

/** `text` written in the other Chinese script. */
export function convertScript(text: string, to: ChineseScript): string {
  return converterTo(to)(text)
}

const present = (text: string | undefined): text is string => text !== undefined && text.trim() !== ''

/**
 * The text with a missing (or blank) Chinese script derived from the other and marked `converted`.
 * A value the mark already names is dropped first and derived again; a text with both scripts or
 * neither is returned without a mark.
 */
export function withDerivedScript<T extends ChineseText | LocalizedText>(text: T): T {
  const own: T = { ...text }
  if (own.converted !== undefined) delete own[own.converted]
  delete own.converted
  const hant = own['zh-Hant']
  const hans = own['zh-Hans']
  if (present(hant) === present(hans)) return own
  const to: ChineseScript = present(hant) ? 'zh-Hans' : 'zh-Hant'
  return { ...own, [to]: convertScript((present(hant) ? hant : hans) as string, to), converted: to }
}

/** Every text of a translations object with its scripts derived; fields without Chinese are left out. */
export function withDerivedScripts<T extends Partial<Record<string, ChineseText>>>(translations: T): T {
  const out: Partial<Record<string, ChineseText>> = {}
  for (const [field, text] of Object.entries(translations)) {
    if (text === undefined) continue
    const derived = withDerivedScript(text)
    if (present(derived['zh-Hant']) || present(derived['zh-Hans'])) out[field] = derived
  }
  return out as T
}
