// Settings → Team database: which database the desktop app uses and the user's choice of another
// (main keeps it: src/main/team-database-choice.ts). The browser host uses the database it was
// started with: nothing is asked there.
import { ref } from 'vue'
import type { Result } from '../../../shared/result.ts'
import type { TeamDatabaseConnectRequest, TeamDatabaseStatus } from '../../../shared/team-database.ts'
import { useClient } from '../api/client.ts'

export function useTeamDatabase() {
  const client = useClient()
  const inDesktop = client.transport === 'electron'
  const status = ref<TeamDatabaseStatus | null>(null)

  /** Shows the status a call answered; a failed call changes nothing. */
  function keep(result: Result<TeamDatabaseStatus>): Result<TeamDatabaseStatus> {
    if (result.ok) status.value = result.value
    return result
  }

  return {
    status,
    /** Only the desktop app chooses its database here. */
    inDesktop,
    /** null in the browser host (nothing to ask). */
    load: async (): Promise<Result<TeamDatabaseStatus> | null> => (inDesktop ? keep(await client.teamDatabase.status()) : null),
    connect: async (request: TeamDatabaseConnectRequest) => keep(await client.teamDatabase.connect(request)),
    disconnect: async () => keep(await client.teamDatabase.disconnect()),
  }
}
