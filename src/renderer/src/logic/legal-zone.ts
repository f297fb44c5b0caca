// The time zone a party's legal notices are written in, to pre-fill date entry. Parties that span
// several zones use their capital's; anything not listed falls back to the person's own zone.
import { systemTimeZone } from '../../../shared/time.ts'

const LEGAL_ZONES: Readonly<Record<string, string>> = {
  US: 'America/New_York',
  CN: 'Asia/Shanghai',
  HK: 'Asia/Hong_Kong',
  MO: 'Asia/Macau',
  TW: 'Asia/Taipei',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  EU: 'Europe/Brussels',
  GB: 'Europe/London',
  CA: 'America/Toronto',
  AU: 'Australia/Sydney',
  IN: 'Asia/Kolkata',
  SG: 'Asia/Singapore',
  RU: 'Europe/Moscow',
  MX: 'America/Mexico_City',
  BR: 'America/Sao_Paulo',
}

export function defaultZoneFor(party: string | undefined, fallback: () => string = systemTimeZone): string {
  return (party !== undefined && LEGAL_ZONES[party]) || fallback()
}

/**
 * The zone a measure's own notices are written in: its imposing party's (a Chinese measure's
 * 「至X日」 is read on the Beijing clock even when a US source announced it first), else the zone
 * of its first recorded event, else the person's own.
 */
export function measureLegalZone(measure: { imposer: string; events: readonly { at: string }[] }): string {
  const party = LEGAL_ZONES[measure.imposer]
  if (party) return party
  const first = measure.events[0]?.at
  const bracket = first?.indexOf('[') ?? -1
  if (first && bracket >= 0 && first.endsWith(']')) return first.slice(bracket + 1, -1)
  return systemTimeZone()
}
