// Short messages at the foot of the window, optionally with one action ("Undo"). Texts are kept
// as message keys so a language switch re-renders them.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface ToastAction {
  labelKey: string
  run: () => void | Promise<void>
}

export interface Toast {
  id: number
  messageKey: string
  params: Record<string, string | number>
  tone: 'info' | 'error'
  action?: ToastAction
  /** Move keyboard focus to the action when shown. */
  focus?: boolean
  /** Milliseconds before it goes away by itself, counted while it is neither hovered nor focused. */
  timeoutMs: number
}

let nextId = 1

export const useToastStore = defineStore('toasts', () => {
  const toasts = ref<Toast[]>([])

  function show(
    toast: Omit<Toast, 'id' | 'timeoutMs' | 'tone' | 'params'> & Partial<Pick<Toast, 'timeoutMs' | 'tone' | 'params'>>,
  ): number {
    const id = nextId++
    toasts.value.push({ id, params: {}, tone: 'info', timeoutMs: toast.action ? 15_000 : 6_000, ...toast })
    return id
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((toast) => toast.id !== id)
  }

  return { toasts, show, dismiss }
})
