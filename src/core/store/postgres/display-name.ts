// How a PostgreSQL database is named in messages and logs: its connection string without the
// password (in the URL's user part or its query) and without any other query parameter, which
// may carry secrets too (sslpassword, a key file's path).
/** postgres://user@host:port/database for a connection string; never contains its password. */
export function postgresDisplayName(connection: string): string {
  let url: URL
  try {
    url = new URL(connection)
  } catch {
    // Not a URL (a key=value string): nothing of it can be shown safely.
    return 'the PostgreSQL database'
  }
  const user = url.username ? `${url.username}@` : ''
  return `${url.protocol}//${user}${url.host}${url.pathname}`
}
