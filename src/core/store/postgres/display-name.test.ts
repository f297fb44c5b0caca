import { describe, expect, it } from 'vitest'
import { postgresDisplayName } from './display-name.ts'

describe('postgresDisplayName', () => {
  it('keeps user, host, port and database, and drops the password and every query parameter', () => {
    const name = postgresDisplayName('postgres://alice:s3cret%21@db.example.org:6543/team?sslmode=require&sslpassword=k3y')
    expect(name).toBe('postgres://alice@db.example.org:6543/team')
  })

  it('names a connection string that is not a URL without repeating any of it', () => {
    expect(postgresDisplayName('host=db user=alice password=s3cret')).toBe('the PostgreSQL database')
  })
})
