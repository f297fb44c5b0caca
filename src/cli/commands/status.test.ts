// `status` and `show` with partial suspensions, rate steps and commitments (issue 10), in the
// three languages, on a fixture file of invented measures.
import { beforeEach, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../../test/helpers/temp-store.ts'
import { RATES_FILE } from '../../../test/fixtures/rates-and-commitments.ts'
import { cli } from '../../../test/helpers/run-cli.ts'

let db: string
beforeEach(async () => {
  const dir = tempDir('mt-cli-rates-')
  db = join(dir, 'm.db')
  const file = join(dir, 'rates.json')
  writeFileSync(file, JSON.stringify(RATES_FILE))
  const run = await cli('--db', db, 'import', file)
  expect(run.code).toBe(0)
})

const AT = '2026-06-01T12:00:00Z'
const lineOf = (out: string, id: string) => out.split('\n').find((line) => line.startsWith(id)) ?? ''

describe('status with partial suspensions, rate steps and commitments', () => {
  it('says what a partial suspension leaves in effect, in English and both Chinese scripts', async () => {
    expect(lineOf((await cli('--db', db, '--tz', 'UTC', 'status', '--at', AT)).out, 'fx-tariff')).toContain(
      'Partly suspended — 10% in effect (34%, 24 points suspended)',
    )
    expect(lineOf((await cli('--db', db, '--tz', 'UTC', '--lang', 'zh-Hant', 'status', '--at', AT)).out, 'fx-tariff')).toContain(
      '部分暫停 — 現行10%（全額34%，暫停24個百分點）',
    )
    expect(lineOf((await cli('--db', db, '--tz', 'UTC', '--lang', 'zh-Hans', 'status', '--at', AT)).out, 'fx-tariff')).toContain(
      '部分暂停 — 现行10%（全额34%，暂停24个百分点）',
    )
  })

  it('counts a rate step and a commitment deadline as the next deadlines, and shows the commitment outcome', async () => {
    const out = (await cli('--db', db, '--tz', 'UTC', 'status', '--at', '2026-12-01T00:00:00Z')).out
    expect(lineOf(out, 'fx-fee')).toMatch(/In force .*Rate step Apr 17, 2027, 04:01 UTC/)
    expect(lineOf(out, 'fx-soybeans')).toMatch(/In force · Pending .*Commitment deadline Dec 31, 2026, 16:00 UTC/)
    expect(lineOf(out, 'fx-tariff')).toMatch(/^fx-tariff +US→CN +In force /)
  })

  it('lists the new fields in --json', async () => {
    const rows = JSON.parse((await cli('--db', db, 'status', '--json', '--at', AT)).out) as Record<string, unknown>[]
    expect(rows.find((r) => r.id === 'fx-tariff')).toMatchObject({
      status: 'partly_suspended',
      rate: '34%',
      rateValue: { value: 34, unit: 'percent' },
      rateInEffect: { value: 10, unit: 'percent' },
      suspendedPart: { rate: 24, scope: null },
      commitment: null,
    })
    expect(rows.find((r) => r.id === 'fx-soybeans')).toMatchObject({
      commitment: { target: 25, progress: 12.5, outcome: 'pending' },
      next: { kind: 'commitment_deadline' },
    })
    expect(rows.find((r) => r.id === 'fx-fee')).toMatchObject({
      next: { kind: 'rate_step', at: '2027-04-17T00:01:00-04:00[America/New_York]' },
    })
  })
})

describe('show with partial suspensions, rate steps and commitments', () => {
  it('shows the rate in effect and the suspended part of the suspension event', async () => {
    const out = (await cli('--db', db, '--tz', 'UTC', 'show', 'fx-tariff', '--at', AT)).out
    expect(out).toContain('Partly suspended — 10% in effect (34%, 24 points suspended)')
    expect(out).toContain('Rate in effect: 10% in effect (34%, 24 points suspended)')
    expect(out).toMatch(/Suspended → .* — 24 points suspended \[1\]/)
  })

  it('shows a scheduled step with its new rate, and a commitment with its progress and outcome', async () => {
    const fee = (await cli('--db', db, '--tz', 'UTC', 'show', 'fx-fee', '--at', AT)).out
    expect(fee).toMatch(/Next: Rate step Apr 17, 2027/)
    expect(fee).toMatch(/Rate step \(USD 80 per net ton\) — held until a suspension ends \[1\]/)
    const soy = (await cli('--db', db, '--tz', 'UTC', '--lang', 'zh-Hans', 'show', 'fx-soybeans', '--at', '2027-01-02T00:00:00Z')).out
    expect(soy).toMatch(/承诺: 12\.5／25百万吨（截至2026年5月31日）——结果未记录/)
    expect(soy).toContain('承诺期限已过，结果未记录')
  })
})
