// Settings → Updates: the desktop app's update status (main keeps it: src/main/updater.ts) and the
// user's choices — automatic checks on or off, check now, download, restart and install. Main
// pushes every change of the status ('update-status'), so a check started by itself, or progress
// of a download, shows without asking. The browser host has no updates: nothing is asked there.
import { onBeforeUnmount, ref } from 'vue'
import type { PushEvent } from '../../../shared/bridge.ts'
import type { Result } from '../../../shared/result.ts'
import type { UpdateStatus } from '../../../shared/updates.ts'
import { useClient } from '../api/client.ts'

export function useUpdates() {
  const client = useClient()
  const inDesktop = client.transport === 'electron'
  const status = ref<UpdateStatus | null>(null)

  /** Shows the status a call answered; a failed call changes nothing. */
  function keep(result: Result<UpdateStatus>): Result<UpdateStatus> {
    if (result.ok) status.value = result.value
    return result
  }

  const unsubscribe = inDesktop
    ? client.onPush((event: PushEvent) => {
        if (event.type === 'update-status') status.value = event.status
      })
    : () => {}
  onBeforeUnmount(unsubscribe)

  return {
    status,
    /** The desktop app updates itself; the browser host does not (its panel says where updates come from). */
    inDesktop,
    /** null in the browser host (nothing to ask). */
    load: async (): Promise<Result<UpdateStatus> | null> => (inDesktop ? keep(await client.updates.status()) : null),
    setAutomatic: async (checkAutomatically: boolean) => keep(await client.updates.configure({ checkAutomatically })),
    checkNow: async () => keep(await client.updates.check()),
    download: async () => keep(await client.updates.download()),
    install: () => client.updates.install(),
  }
}
