// A measure as both charts read it: its events and base facts as the status engine takes them,
// with the two parties that name its direction.
import type { EngineBase, TimedEvent } from '../status/engine.ts'

export interface ChartMeasure {
  id: string
  imposer: string
  target: string
  events: readonly TimedEvent[]
  base: EngineBase
}
