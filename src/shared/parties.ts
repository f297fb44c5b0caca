// Parties are ISO 3166-1 alpha-2 codes (plus "EU", which trade measures treat as one party),
// so pairs beyond US–China work. Display names come from Intl.DisplayNames in the UI language.
const ISO_3166_ALPHA2 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'

export const PARTY_CODES: ReadonlySet<string> = new Set([...ISO_3166_ALPHA2.split(' '), 'EU'])

const displayNames = new Map<string, Intl.DisplayNames | null>()
// Names asked for before, by locale and code: a report of 100,000 measures asks 400,000 times.
const named = new Map<string, string>()

/** A party's name in `locale` ("China", "中國", "European Union"), or its code where none is known. */
export function regionName(code: string, locale: string): string {
  const key = `${locale} ${code}`
  let name = named.get(key)
  if (name === undefined) {
    name = lookUpRegionName(code, locale)
    // Bounded: a few hundred codes in three languages, unless a caller passes arbitrary text.
    if (named.size < 10_000) named.set(key, name)
  }
  return name
}

function lookUpRegionName(code: string, locale: string): string {
  let names = displayNames.get(locale)
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
    } catch {
      names = null
    }
    displayNames.set(locale, names)
  }
  try {
    return names?.of(code) ?? code
  } catch {
    return code
  }
}
