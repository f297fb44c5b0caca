// The subscribable calendar's settings (issue 13): where the kept .ics file is, its language, and
// the key of the browser host's calendar address. One JSON value in the settings table. The file
// itself is written by the hosts (core/calendar-file.ts), after every change; this only says where.
import { statSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import type { Db } from '../store/db.ts'
import type { CalendarSubscription } from '../../shared/api-views.ts'
import { LOCALES, type Locale } from '../../shared/domain.ts'
import { readSetting, writeSetting } from '../store/settings.ts'
import { writeAudit } from './audit.ts'
import { timestamp } from './clock.ts'
import type { Handlers, ServiceContext } from './context.ts'

const SUBSCRIPTION_KEY = 'calendar.subscription'

/** What is stored: the path and the key, never anything derived (the file's time is read when asked). */
export interface StoredSubscription {
  locale: Locale
  path: string | null
  feedKey: string | null
}

const NONE: StoredSubscription = { locale: 'en', path: null, feedKey: null }

/** The stored subscription; a damaged value reads as none. */
export function readSubscription(db: Db): StoredSubscription {
  const stored = readSetting(db, SUBSCRIPTION_KEY)
  if (stored === null) return NONE
  try {
    const value = JSON.parse(stored) as Partial<StoredSubscription>
    return {
      locale: LOCALES.includes(value.locale as Locale) ? (value.locale as Locale) : 'en',
      path: typeof value.path === 'string' && value.path !== '' ? value.path : null,
      feedKey: typeof value.feedKey === 'string' && value.feedKey.length >= 32 ? value.feedKey : null,
    }
  } catch {
    return NONE
  }
}

/** A new secret for the calendar address: 32 random bytes, base64url — never the browser host's session secret. */
export function newFeedKey(): string {
  return randomBytes(32).toString('base64url')
}

function writtenAt(path: string): string | null {
  try {
    return statSync(path).mtime.toISOString()
  } catch {
    return null
  }
}

export function subscriptionView(stored: StoredSubscription): CalendarSubscription {
  return {
    locale: stored.locale,
    file: stored.path === null ? null : { path: stored.path, writtenAt: writtenAt(stored.path) },
    feedKey: stored.feedKey,
  }
}

/** Stores the change with an audit row that says what changed — never the key itself. */
function change(
  ctx: ServiceContext,
  action: 'calendar.configureSubscription' | 'calendar.setSubscriptionFile',
  next: StoredSubscription,
): CalendarSubscription {
  const before = readSubscription(ctx.db)
  writeSetting(ctx.db, SUBSCRIPTION_KEY, JSON.stringify(next))
  const described = (value: StoredSubscription) => ({ locale: value.locale, path: value.path, address: value.feedKey !== null })
  const renewed = before.feedKey !== null && next.feedKey !== null && before.feedKey !== next.feedKey
  writeAudit(ctx.db, {
    at: timestamp(ctx.nowMs()),
    actor: ctx.actor,
    action,
    measureId: null,
    before: described(before),
    after: { ...described(next), ...(renewed ? { addressRenewed: true } : {}) },
  })
  return subscriptionView(next)
}

export const calendarSubscriptionHandlers: Handlers<
  'calendar.subscription' | 'calendar.configureSubscription' | 'calendar.setSubscriptionFile'
> = {
  'calendar.subscription': (ctx) => subscriptionView(readSubscription(ctx.db)),

  // Audited here (SELF_AUDITED in index.ts), without the key.
  'calendar.configureSubscription': (ctx, input) => {
    const current = readSubscription(ctx.db)
    return change(ctx, 'calendar.configureSubscription', {
      locale: input.locale ?? current.locale,
      path: input.stopFile ? null : current.path,
      feedKey: input.feed === 'off' ? null : input.feed === 'renew' ? newFeedKey() : current.feedKey,
    })
  },

  'calendar.setSubscriptionFile': (ctx, { path }) => change(ctx, 'calendar.setSubscriptionFile', { ...readSubscription(ctx.db), path }),
}
