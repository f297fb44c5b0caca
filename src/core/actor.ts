// Who a change is by, as the audit trail and the measure page's history name it (issue 17): the
// program that made it and the operating-system user running it ("app:alice", "web:alice",
// "cli:alice"). A shared database's user will join it when the team database lands.
import { userInfo } from 'node:os'

export type ActingProgram = 'app' | 'web' | 'cli'

export function actorName(program: ActingProgram): string {
  try {
    return `${program}:${userInfo().username}`
  } catch {
    // No user name (a container without a passwd entry): the program alone.
    return program
  }
}
