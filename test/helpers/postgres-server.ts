// A real PostgreSQL server for tests (issue 17): Debian's `postgresql` package, a fresh cluster in
// a temporary directory, listening on a free loopback port and on a Unix socket inside that
// directory — never the machine's own cluster, never a mock. Each call starts its own server; stop()
// shuts it down and removes the directory.
//
// Debian installs the server binaries outside PATH (/usr/lib/postgresql/<major>/bin); the newest
// major found is used. The server refuses to run as root, so under root (this machine and CI) the
// cluster belongs to the package's `postgres` user and every server process runs as that user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const DEBIAN_ROOT = '/usr/lib/postgresql'
const START_TIMEOUT_MS = 30_000

export interface PostgresServer {
  /** postgres://postgres:<password>@127.0.0.1:<port>/postgres */
  url: string
  port: number
  superuser: string
  password: string
  dataDir: string
  /** Runs SQL through psql as the superuser; returns psql's unaligned, tuples-only output. */
  psql(sql: string, database?: string): string
  stop(): Promise<void>
}

/** The bin directory of the newest PostgreSQL major Debian installed, or null. */
export function postgresBinDir(root = DEBIAN_ROOT): string | null {
  if (!existsSync(root)) return null
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return majors.length > 0 ? join(root, majors[0] as string, 'bin') : null
}

/** The user the server runs as: ourselves, or the package's `postgres` account when we are root. */
function serverAccount(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  const entry = spawnSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).stdout.trim()
  const [, , uid, gid] = entry.split(':')
  if (!uid || !gid) throw new Error('running as root, and there is no `postgres` user to run the server as')
  return { uid: Number(uid), gid: Number(gid) }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function run(binary: string, args: string[], account: { uid: number; gid: number } | null, input?: string): string {
  const result = spawnSync(binary, args, {
    encoding: 'utf8',
    input,
    ...(account ?? {}),
    env: { ...process.env, LC_ALL: 'C.UTF-8', TZ: 'UTC' },
  })
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`${binary} ${args.join(' ')} failed (${result.status}): ${result.stderr}`)
  return result.stdout
}

export async function startPostgres(options: { password?: string } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir()
  if (!bin) throw new Error(`PostgreSQL is not installed (no ${DEBIAN_ROOT}/<major>/bin/initdb): apt-get install postgresql`)
  const account = serverAccount()
  const dataDir = mkdtempSync(join(tmpdir(), 'mt-pg-'))
  if (account) chownSync(dataDir, account.uid, account.gid)
  const superuser = 'postgres'
  const password = options.password ?? `test-${process.pid}-${Date.now()}`
  // initdb reads the superuser's password from a file (beside the data directory, which must be
  // empty); the file is removed once the cluster exists.
  const passwordFile = `${dataDir}.pw`
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 })
  if (account) chownSync(passwordFile, account.uid, account.gid)
  try {
    run(
      join(bin, 'initdb'),
      [
        '-D',
        dataDir,
        '-U',
        superuser,
        `--pwfile=${passwordFile}`,
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        '-E',
        'UTF8',
        '--no-sync',
      ],
      account,
    )
  } finally {
    rmSync(passwordFile, { force: true })
  }

  const port = await freePort()
  const child: ChildProcess = spawn(
    join(bin, 'postgres'),
    // No fsync: a test cluster is thrown away; durability is what the product's own settings test.
    ['-D', dataDir, '-p', String(port), '-k', dataDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off'],
    { ...(account ?? {}), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8', TZ: 'UTC' } },
  )
  let log = ''
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-8_000)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const psql = (sql: string, database = 'postgres'): string =>
    run(
      join(bin, 'psql'),
      ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', dataDir, '-p', String(port), '-U', superuser, '-d', database],
      account,
      sql,
    )

  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}) while starting:\n${log}`)
    const ready = spawnSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q'])
    if (ready.status === 0) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`postgres did not accept connections within ${START_TIMEOUT_MS} ms:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  return {
    url: `postgres://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    superuser,
    password,
    dataDir,
    psql,
    async stop() {
      if (child.exitCode === null) {
        // SIGINT is PostgreSQL's "fast shutdown": open sessions are ended, then the server exits.
        child.kill('SIGINT')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
