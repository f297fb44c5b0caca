// A measure's words as the bulk reads (board, reminders, calendar) take them from array rows: the
// title's three columns and its conversion mark, and — out of the `translations` column, extracted
// by SQLite so the long scope and summary are never parsed — the Chinese of the two fields a row
// shows (short name and instrument). Most rows have no translations: no JSON is parsed for them.
import type { MeasureSummary } from '../../shared/api-views.ts'
import type { ChineseScript, ChineseText, LocalizedText } from '../../shared/domain.ts'
import type { Cell } from './array-rows.ts'

/** Columns to select after the title's three, in the order `rowTexts` reads them. */
export const ROW_TEXT_COLUMNS = `title_converted, translations -> '$.shortName', translations -> '$.instrument'`

/** The title from its columns (en, zh-Hant, zh-Hans, converted mark). */
export function titleOfCells(
  en: Cell | undefined,
  hant: Cell | undefined,
  hans: Cell | undefined,
  converted: Cell | undefined,
): LocalizedText {
  const title: LocalizedText = { en: en as string }
  if (hant != null) title['zh-Hant'] = hant as string
  if (hans != null) title['zh-Hans'] = hans as string
  if (converted != null) title.converted = converted as ChineseScript
  return title
}

/** The short name's and instrument's Chinese from the two extracted cells of ROW_TEXT_COLUMNS. */
export function rowTranslationsOf(shortName: Cell | undefined, instrument: Cell | undefined): MeasureSummary['translations'] {
  const translations: MeasureSummary['translations'] = {}
  if (shortName != null) translations.shortName = JSON.parse(shortName as string) as ChineseText
  if (instrument != null) translations.instrument = JSON.parse(instrument as string) as ChineseText
  return translations
}
