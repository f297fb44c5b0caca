// Mounting components the way the app does (store, router, language), over a fake service.
import { afterEach } from 'vitest'
import { enableAutoUnmount, mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, type Router } from 'vue-router'
import type { Component } from 'vue'
import type { MethodName } from '../../../shared/api.ts'
import type { PrintRequest, PushEvent, SaveFileRequest } from '../../../shared/bridge.ts'
import type { Locale } from '../../../shared/domain.ts'
import { fail, ok, type Result } from '../../../shared/result.ts'
import { createClient, setClient } from '../api/client.ts'
import type { Transport } from '../api/transports.ts'
import { createAppI18n, type AppI18n } from '../i18n/index.ts'
import { createAppRouter } from '../router.ts'

// Each test starts from a clean page: components left mounted would keep listening to the next test's service.
enableAutoUnmount(afterEach)

export type Handler = (input: unknown) => unknown

export interface FakeService {
  transport: Transport
  calls: { method: MethodName; input: unknown }[]
  push(event: PushEvent): void
  opened: string[]
  /** Files handed to saveFile, in order. */
  saved: SaveFileRequest[]
  /** Documents handed to printHtml ('print') and saveHtmlAsPdf ('pdf'), in order. */
  printed: (PrintRequest & { as: 'print' | 'pdf'; filename?: string })[]
}

/** A service answering from `handlers` (a value → ok(value); a Result as is; missing → NOT_FOUND). */
export function fakeService(handlers: Partial<Record<MethodName, Handler>> = {}): FakeService {
  const calls: FakeService['calls'] = []
  const listeners = new Set<(event: PushEvent) => void>()
  const opened: string[] = []
  const saved: SaveFileRequest[] = []
  const printed: FakeService['printed'] = []
  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      calls.push({ method, input })
      const handler = handlers[method]
      if (!handler) return fail('NOT_FOUND', `no fake for ${method}`)
      const value = handler(input)
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
  }
  return { transport, calls, opened, saved, printed, push: (event) => listeners.forEach((l) => l(event)) }
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

export function mountIn<C extends Component>(h: Harness, component: C, options: ComponentMountingOptions<C> = {} as ComponentMountingOptions<C>) {
  return mount(component, {
    ...options,
    global: { plugins: [h.pinia, h.i18n, h.router], ...(options.global ?? {}) },
  } as ComponentMountingOptions<C>)
}

/** Lets pending promises (fake service answers) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => queueMicrotask(resolve))
}
