// localStorage, when the page may use it (it throws in some privacy modes).
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}
