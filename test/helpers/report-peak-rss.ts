// Loaded with `node --import` before a command under test: on exit, writes the process's peak
// resident set size (kilobytes) to the file named by MT_PEAK_RSS_FILE. Portable where
// /usr/bin/time is missing, and it measures exactly the process that ran the command.
import { writeFileSync } from 'node:fs'

const file = process.env.MT_PEAK_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
