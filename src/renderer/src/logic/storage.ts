// localStorage, when the page may use it (it throws in some privacy modes).
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

/** sessionStorage: kept per window (each Electron window or browser tab has its own). */
export function browserSessionStorage(): Storage | undefined {
  try {
    return window.sessionStorage
  } catch {
    return undefined
  }
}
