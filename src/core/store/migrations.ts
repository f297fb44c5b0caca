// Numbered schema steps. Step N brings the schema from user_version N-1 to N; each runs in one
// transaction together with its user_version bump (see database.ts). Each released step is frozen
// text in its own file under migrations/ (no imports, no interpolation; migrations.test.ts pins
// their checksums): never edit one, add a new file and list it here.
import { MIGRATION_1 } from './migrations/0001-measures-and-their-life.ts'
import { MIGRATION_2 } from './migrations/0002-note-history-and-reminders-shown.ts'
import { MIGRATION_3 } from './migrations/0003-timeline-column.ts'
import { MIGRATION_4 } from './migrations/0004-rates-and-commitments.ts'
import { MIGRATION_5 } from './migrations/0005-calendar-cancellations.ts'
import { MIGRATION_6 } from './migrations/0006-chinese-texts.ts'
import { MIGRATION_7 } from './migrations/0007-measure-summaries.ts'
import { MIGRATION_8 } from './migrations/0008-watched-sources.ts'
import { MIGRATION_9 } from './migrations/0009-dataset-updates.ts'
import { MIGRATION_10 } from './migrations/0010-live-measure-parties.ts'
import { MIGRATION_11 } from './migrations/0011-reminders-shown-per-person.ts'

export const MIGRATIONS: readonly string[] = [
  MIGRATION_1,
  MIGRATION_2,
  MIGRATION_3,
  MIGRATION_4,
  MIGRATION_5,
  MIGRATION_6,
  MIGRATION_7,
  MIGRATION_8,
  MIGRATION_9,
  MIGRATION_10,
  MIGRATION_11,
]
