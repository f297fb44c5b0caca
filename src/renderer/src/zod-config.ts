// The page's CSP forbids eval: tell zod not to probe for it (the refused probe is reported as a
// CSP violation even though zod catches it). Imported first by main.ts, because zod probes when
// the first schema is created, which happens while the other modules are being evaluated.
import { z } from 'zod'

z.config({ jitless: true })
