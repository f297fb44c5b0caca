// Mounting components the way the app does (store, router, language), over a fake service.
import { takeBaseRevision } from '../../../shared/revision.ts'
import { afterEach } from 'vitest'
import { enableAutoUnmount, mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, type Router } from 'vue-router'
import type { Component } from 'vue'
import { api, isMethodName, type Input, type MethodName } from '../../../shared/api.ts'
import type { CalendarSubscription } from '../../../shared/api-views.ts'
import type { OpenedDataset } from '../../../shared/dataset-update.ts'
import type { PrintRequest, PushEvent, SaveFileRequest, TeamDatabaseFunctions, UpdateFunctions } from '../../../shared/bridge.ts'
import type { Locale } from '../../../shared/domain.ts'
import { updatePreferencesSchema } from '../../../shared/updates.ts'
import { teamDatabaseConnectSchema } from '../../../shared/team-database.ts'
import { fail, ok, type Result } from '../../../shared/result.ts'
import { createClient, setClient } from '../api/client.ts'
import type { Transport } from '../api/transports.ts'
import { createAppI18n, type AppI18n } from '../i18n/index.ts'
import { createAppRouter } from '../router.ts'

// Each test starts from a clean page: components left mounted would keep listening to the next test's service.
enableAutoUnmount(afterEach)

/**
 * A fake answer to method M: its output (answered as ok(output)) or a whole Result. It receives
 * the input as the page sent it, after the contract's schema accepted it. (The answer is left
 * loose on purpose: a test returns only the fields the page under test reads.)
 */
export type Handler<M extends MethodName = MethodName> = (input: Input<M>) => unknown
export type Handlers = { [M in MethodName]?: Handler<M> }

export interface FakeService {
  transport: Transport
  calls: { method: MethodName; input: unknown }[]
  /** Calls the contract does not allow (unknown method, input its schema refuses): each fails the test. */
  violations: string[]
  push(event: PushEvent): void
  opened: string[]
  /** Files handed to saveFile, in order. */
  saved: SaveFileRequest[]
  /** Documents handed to printHtml ('print') and saveHtmlAsPdf ('pdf'), in order. */
  printed: (PrintRequest & { as: 'print' | 'pdf'; filename?: string })[]
  /** Calls of the desktop's update functions (Settings → Updates), in order. */
  updateCalls: { name: keyof UpdateFunctions; input?: unknown }[]
  teamDatabaseCalls: { name: keyof TeamDatabaseFunctions; input?: unknown }[]
}

// Every fake made during a test; afterEach fails the test if any was called against the contract.
const fakes: FakeService[] = []
afterEach(() => {
  const violations = fakes.flatMap((fake) => fake.violations)
  fakes.length = 0
  if (violations.length > 0) throw new Error(`The page called the fake service outside the contract:\n${violations.join('\n')}`)
})

/**
 * A service answering from `handlers` (a value → ok(value); a Result as is; missing → NOT_FOUND),
 * held to the contract (src/shared/api.ts) as the real service is: an unknown method name or an
 * input the method's schema refuses throws (and fails the test even if the page swallowed it).
 */
export interface FakeTransportOptions {
  /** Which host the page believes it runs in (default: the browser host). */
  kind?: Transport['kind']
  /** The desktop's "choose where to keep the calendar" (default: cancelled). */
  chooseCalendarFile?: () => Result<CalendarSubscription | null>
  /** Desktop's open dialog for a dataset file (default: cancelled). */
  openDatasetFile?: () => Result<OpenedDataset | null>
  /** The desktop's update functions (default: each refused, as the browser host refuses them). */
  updates?: { [F in keyof UpdateFunctions]?: (input?: unknown) => Result<unknown> }
  /** The desktop's team database functions (default: each refused, as the browser host refuses them). */
  teamDatabase?: { [F in keyof TeamDatabaseFunctions]?: (input?: unknown) => Result<unknown> }
}

export function fakeService(handlers: Handlers = {}, options: FakeTransportOptions = {}): FakeService {
  for (const name of Object.keys(handlers))
    if (!isMethodName(name)) throw new Error(`fakeService: "${name}" is not a method of the contract`)
  const calls: FakeService['calls'] = []
  const violations: string[] = []
  const refuse = (message: string): never => {
    violations.push(message)
    throw new Error(message)
  }
  const listeners = new Set<(event: PushEvent) => void>()
  const opened: string[] = []
  const saved: SaveFileRequest[] = []
  const printed: FakeService['printed'] = []
  const updateCalls: FakeService['updateCalls'] = []
  const update =
    (name: keyof UpdateFunctions) =>
    async (input?: unknown): Promise<Result<never>> => {
      updateCalls.push(input === undefined ? { name } : { name, input })
      // Held to main's schema as the API calls are to the contract's.
      if (name === 'configure' && !updatePreferencesSchema.safeParse(input).success)
        refuse(`updates.configure: main refuses ${JSON.stringify(input)}`)
      return (options.updates?.[name]?.(input) ?? fail('FORBIDDEN', 'Updates come with the installed desktop app.')) as Result<never>
    }
  const teamDatabaseCalls: FakeService['teamDatabaseCalls'] = []
  const teamDatabase =
    (name: keyof TeamDatabaseFunctions) =>
    async (input?: unknown): Promise<Result<never>> => {
      teamDatabaseCalls.push(input === undefined ? { name } : { name, input })
      // Held to main's schema as the API calls are to the contract's.
      if (name === 'connect' && !teamDatabaseConnectSchema.safeParse(input).success)
        refuse(`teamDatabase.connect: main refuses ${JSON.stringify(input)}`)
      return (options.teamDatabase?.[name]?.(input) ??
        fail('FORBIDDEN', 'The browser host uses the database it was started with (--db).')) as Result<never>
    }
  const transport: Transport = {
    kind: options.kind ?? 'http',
    async call(method, input) {
      if (!isMethodName(method)) refuse(`"${String(method)}" is not a method of the contract`)
      calls.push({ method, input })
      // A change of one measure may carry the revision it was based on, taken off as the service does.
      const based = takeBaseRevision(method, input)
      if (based.refusal) refuse(`${method}: the service refuses baseRevision ${JSON.stringify(input)}`)
      const parsed = api[method].input.safeParse(based.input)
      if (!parsed.success)
        refuse(
          `${method}: the contract refuses ${JSON.stringify(input)}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`).join('; ')}`,
        )
      const handler = handlers[method] as ((input: unknown) => unknown) | undefined
      if (!handler) return fail('NOT_FOUND', `no fake for ${method}`)
      // A handler may answer later (a Promise): a slow service. Others answer in this same tick, as before.
      const answered = handler(input)
      const value = answered instanceof Promise ? await answered : answered
      return isResult(value) ? value : ok(value)
    },
    onPush(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async openExternal(url) {
      opened.push(url)
      return ok(null)
    },
    async saveFile(file) {
      saved.push(file)
      return ok({ path: file.filename })
    },
    async printHtml(request) {
      printed.push({ ...request, as: 'print' })
      return ok(null)
    },
    async saveHtmlAsPdf(request) {
      printed.push({ ...request, as: 'pdf' })
      return ok({ path: request.filename })
    },
    async openDatasetFile() {
      return options.openDatasetFile?.() ?? ok(null)
    },
    async chooseCalendarFile() {
      return options.chooseCalendarFile?.() ?? ok(null)
    },
    updates: {
      status: update('status'),
      configure: update('configure'),
      check: update('check'),
      download: update('download'),
      install: update('install'),
    },
    teamDatabase: {
      status: teamDatabase('status'),
      connect: teamDatabase('connect'),
      disconnect: teamDatabase('disconnect'),
    },
  }
  const fake: FakeService = {
    transport,
    calls,
    violations,
    opened,
    saved,
    printed,
    updateCalls,
    teamDatabaseCalls,
    push: (event) => listeners.forEach((l) => l(event)),
  }
  fakes.push(fake)
  return fake
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean'
}

export interface Harness {
  pinia: Pinia
  i18n: AppI18n
  router: Router
  service: FakeService
}

export function harness(options: { service?: FakeService; locale?: Locale } = {}): Harness {
  const service = options.service ?? fakeService()
  setClient(createClient(service.transport))
  const pinia = createPinia()
  setActivePinia(pinia)
  return { pinia, i18n: createAppI18n(options.locale ?? 'en'), router: createAppRouter(createMemoryHistory()), service }
}

export function mountIn<C extends Component>(
  h: Harness,
  component: C,
  options: ComponentMountingOptions<C> = {} as ComponentMountingOptions<C>,
) {
  return mount(component, {
    ...options,
    global: { plugins: [h.pinia, h.i18n, h.router], ...(options.global ?? {}) },
  } as ComponentMountingOptions<C>)
}

/**
 * Mounts `component` over `service` in `locale` and lets the first loads settle; `calls(method)`
 * lists the inputs the page sent to a method, `button(text)` finds a button by its text.
 */
export async function mountOver<C extends Component>(service: FakeService, component: C, locale: Locale = 'en') {
  const wrapper = mountIn(harness({ service, locale }), component, { attachTo: document.body } as ComponentMountingOptions<C>)
  await settle()
  const calls = (method: string) => service.calls.filter((c) => c.method === method).map((c) => c.input)
  const button = (text: string) => wrapper.findAll('button').find((b) => b.text() === text)
  return { wrapper, calls, button }
}

/** Lets pending promises (fake service answers) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => queueMicrotask(resolve))
}
