// A piece of work that answers "something changed" (the calendar file keeper, the watch runner's
// plan) now that the service answers asynchronously: it never runs twice at once, and a change
// that arrives while it runs makes it run once more afterwards, so no change is missed.

export interface OneAtATime {
  /** Runs the work now, or once more after the run under way. */
  run(): void
  /** Resolves when no run is under way or due. */
  idle(): Promise<void>
}

/** `work` reports its own failures; what still escapes it goes to `onError`. */
export function oneAtATime(work: () => Promise<void>, onError: (error: unknown) => void = console.error): OneAtATime {
  let running: Promise<void> | null = null
  let again = false
  function run(): void {
    if (running !== null) {
      again = true
      return
    }
    running = work()
      .catch(onError)
      .finally(() => {
        running = null
        if (again) {
          again = false
          run()
        }
      })
  }
  return {
    run,
    async idle() {
      while (running !== null) await running
    },
  }
}
