// @vitest-environment happy-dom
// Settings → Team database over the fake service: the desktop app says which database this window
// uses and why, connects to a team database from a labelled form (main refuses what is not a
// connection string before anything is tried), never shows a password back, and offers the way
// back to this computer's file; the browser host only says it uses the database it was started with.
import { describe, expect, it } from 'vitest'
import { fail, ok, type Result } from '../../../../shared/result.ts'
import type { TeamDatabaseConnectRequest, TeamDatabaseStatus } from '../../../../shared/team-database.ts'
import TeamDatabasePanel from './TeamDatabasePanel.vue'
import { fakeService, mountOver, settle } from '../../test/harness.ts'

const FILE = '/home/ana/.config/Measure Tracker/measure-tracker.db'
const TEAM = 'postgres://ana@db.example.org:5432/measures'

const fileStatus = (over: Partial<TeamDatabaseStatus> = {}): TeamDatabaseStatus => ({
  current: { kind: 'file', location: FILE, chosenBy: 'default' },
  saved: null,
  keychain: true,
  notice: null,
  restarting: false,
  ...over,
})

/** Main as the page sees it: a status that connect and disconnect move on. */
function desktop(initial: TeamDatabaseStatus, connect?: (request: TeamDatabaseConnectRequest) => Result<unknown>) {
  let status = initial
  return fakeService(
    {},
    {
      kind: 'electron',
      teamDatabase: {
        status: () => ok(status),
        connect: (input) => {
          const request = input as TeamDatabaseConnectRequest
          const answer = connect?.(request)
          if (answer) return answer
          status = { ...status, saved: { location: TEAM, password: request.remember ? 'keychain' : 'this-run' }, restarting: true }
          return ok(status)
        },
        disconnect: () => ((status = { ...status, saved: null, restarting: status.current.chosenBy === 'settings' }), ok(status)),
      },
    },
  )
}

describe('Settings → Team database in the desktop app', () => {
  it('says which database this window uses and why, and connects from a labelled form that keeps no password', async () => {
    const service = desktop(fileStatus())
    const { wrapper } = await mountOver(service, TeamDatabasePanel)
    expect(wrapper.get('#settings-team-title').text()).toBe('Team database')
    expect(wrapper.get('[data-testid="team-database-current"]').text()).toBe(
      `This window uses the file on this computer: ${FILE}. This is the default.`,
    )
    expect(wrapper.get('label[for="settings-team-url"]').text()).toBe('Connection string')
    expect(wrapper.get('label[for="settings-team-password"]').text()).toBe('Password')
    expect(wrapper.get('#settings-team-password').attributes('type')).toBe('password')
    expect(wrapper.get('label[for="settings-team-remember"]').text()).toBe('Remember the password in the system keychain')

    await wrapper.get('#settings-team-url').setValue(`  ${TEAM}  `)
    await wrapper.get('#settings-team-password').setValue('correct horse')
    await wrapper.get('#settings-team-remember').setValue(true)
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(service.teamDatabaseCalls.at(-1)).toEqual({ name: 'connect', input: { url: TEAM, password: 'correct horse', remember: true } })
    expect(wrapper.get('[data-testid="team-database-saved"]').text()).toBe(
      `Saved team database: ${TEAM}. Its password is kept in the system keychain.`,
    )
    expect(wrapper.get('[role="status"]').text()).toContain('restarting')
    expect(wrapper.get<HTMLInputElement>('#settings-team-password').element.value).toBe('')
    expect(wrapper.html()).not.toContain('correct horse')
  })

  it('a refusal names the field and keeps what was typed, so a mistyped host is corrected without typing the password again', async () => {
    const service = desktop(fileStatus(), () => fail('STORAGE', `${TEAM} could not be reached: connect ECONNREFUSED 10.0.0.9:5432`))
    const { wrapper } = await mountOver(service, TeamDatabasePanel)
    await wrapper.get('#settings-team-url').setValue(TEAM)
    await wrapper.get('#settings-team-password').setValue('correct horse')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(wrapper.get('[role="alert"]').text()).toContain('could not be reached')
    expect(wrapper.get<HTMLInputElement>('#settings-team-password').element.value).toBe('correct horse')
    expect(wrapper.find('[data-testid="team-database-saved"]').exists()).toBe(false)

    // What is not a connection string is not sent at all (main's schema would refuse it); the field says why.
    const sent = service.teamDatabaseCalls.length
    await wrapper.get('#settings-team-url').setValue('db.example.org')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(service.teamDatabaseCalls).toHaveLength(sent)
    expect(wrapper.get('#settings-team-url-error').text()).toContain('postgres://user@host:5432/database')
    expect(wrapper.get('#settings-team-url').attributes('aria-invalid')).toBe('true')
  })

  it('shows main’s field errors under the field they concern', async () => {
    const service = desktop(fileStatus(), () =>
      fail('VALIDATION', 'The connection string names no database.', {
        issues: [{ path: ['url'], message: 'The connection string names no database.' }],
      }),
    )
    const { wrapper } = await mountOver(service, TeamDatabasePanel)
    await wrapper.get('#settings-team-url').setValue('postgres://ana@db.example.org/x')
    await wrapper.get('form').trigger('submit')
    await settle()
    const url = wrapper.get('#settings-team-url')
    expect(url.attributes('aria-invalid')).toBe('true')
    expect(url.attributes('aria-describedby')).toContain('settings-team-url-error')
    expect(wrapper.get('#settings-team-url-error').text()).toContain('names no database')
  })

  it('without a system keychain the box is off and disabled, and says the password is asked for again', async () => {
    const service = desktop(fileStatus({ keychain: false }))
    const { wrapper } = await mountOver(service, TeamDatabasePanel)
    const box = wrapper.get<HTMLInputElement>('#settings-team-remember')
    expect(box.element.disabled).toBe(true)
    expect(wrapper.get(`#${box.attributes('aria-describedby')}`).text()).toContain('asked for again')
  })

  it('says why the saved team database is not in use, and goes back to this computer’s file', async () => {
    const service = desktop(
      fileStatus({
        current: { kind: 'team', location: TEAM, chosenBy: 'settings' },
        saved: { location: TEAM, password: 'this-run' },
      }),
    )
    const { wrapper } = await mountOver(service, TeamDatabasePanel)
    expect(wrapper.get('[data-testid="team-database-current"]').text()).toBe(
      `This window uses the team database ${TEAM}. It was chosen here.`,
    )
    expect(wrapper.get<HTMLInputElement>('#settings-team-url').element.value).toBe(TEAM)
    const back = wrapper.findAll('button').find((button) => button.text() === 'Use the file on this computer')!
    await back.trigger('click')
    await settle()
    expect(service.teamDatabaseCalls.at(-1)).toEqual({ name: 'disconnect' })
    expect(wrapper.find('[data-testid="team-database-saved"]').exists()).toBe(false)
  })

  it('tells why the saved database could not be opened at start', async () => {
    const service = desktop(
      fileStatus({
        saved: { location: TEAM, password: 'keychain' },
        notice: { kind: 'failed', location: TEAM, message: 'The database server cannot be reached.' },
      }),
    )
    const { wrapper } = await mountOver(service, TeamDatabasePanel)
    expect(wrapper.get('[data-testid="team-database-notice"]').text()).toBe(
      `The team database ${TEAM} could not be opened, so this window uses the file on this computer. The database server cannot be reached.`,
    )
  })

  it('in Chinese', async () => {
    const service = desktop(fileStatus())
    const { wrapper } = await mountOver(service, TeamDatabasePanel, 'zh-Hant')
    expect(wrapper.get('#settings-team-title').text()).toBe('團隊資料庫')
    expect(wrapper.get('label[for="settings-team-url"]').text()).toBe('連線字串')
  })
})

describe('Settings → Team database in the browser host', () => {
  it('only says the host uses the database it was started with, and asks main nothing', async () => {
    const service = fakeService()
    const { wrapper } = await mountOver(service, TeamDatabasePanel)
    expect(wrapper.get('[data-testid="team-database-browser"]').text()).toContain('--db')
    expect(wrapper.find('form').exists()).toBe(false)
    expect(service.teamDatabaseCalls).toEqual([])
  })
})
