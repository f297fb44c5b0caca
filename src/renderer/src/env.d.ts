// The Electron preload puts the bridge on window; in a browser it is absent and the client
// falls back to HTTP (see api/transports.ts).
import type { MeasureTrackerBridge } from '../../shared/bridge.ts'

declare global {
  interface Window {
    measureTracker?: MeasureTrackerBridge
  }
}

export {}

declare module 'vue-router' {
  interface RouteMeta {
    /** Message key of the page's title (document.title); pages with a data title set it themselves. */
    titleKey?: string
  }
}
