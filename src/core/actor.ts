// Who a change is by, as the audit trail and the measure page's history name it (issue 17): the
// program that made it and the operating-system user running it ("app:alice", "web:alice",
// "cli:alice"). On a team database the database user comes first, the program and OS user after
// it: "carol (app:alice)" — the server's account is who the team granted rights to.
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

/** The actor on a team database: the database user, then the program and OS user as detail. */
export function teamActorName(databaseUser: string, programActor: string): string {
  return `${databaseUser} (${programActor})`
}
