// When a note was written or edited, in the reader's zone and language. Note times are plain UTC
// instants (not legal deadlines), so there is no legal-zone tooltip.
import { useI18n } from 'vue-i18n'
import type { Locale } from '../../../../shared/domain.ts'
import { formatInstant } from '../../../../shared/format.ts'
import { userZone } from '../../logic/zone.ts'

export function useNoteTime(): (at: string) => string {
  const { locale } = useI18n()
  return (at) => {
    const ms = Date.parse(at)
    return Number.isNaN(ms) ? at : formatInstant(ms, userZone(), locale.value as Locale)
  }
}
