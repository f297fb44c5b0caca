// The preload (sandboxed, so built as CommonJS: out/preload/index.cjs). It may require nothing
// but 'electron': the method names are written in at build time (electron.vite.config.ts
// defines __MT_METHOD_NAMES__ from METHOD_NAMES in src/shared/api.ts), which keeps zod and the
// schemas out of a script that runs in every page load and could not require them anyway.
import { contextBridge, ipcRenderer } from 'electron'
import type { MethodName } from '../shared/api.ts'
import { createBridge } from './bridge.ts'

declare const __MT_METHOD_NAMES__: readonly MethodName[]

contextBridge.exposeInMainWorld('measureTracker', createBridge(ipcRenderer, __MT_METHOD_NAMES__))
