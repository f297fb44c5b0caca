// The preload (sandboxed, so built as CommonJS: out/preload/index.cjs). It may require nothing
// but 'electron'. The methods it exposes are the ones the page uses (src/shared/exposed-methods.ts,
// a plain list that imports api.ts for its types only, so zod and the schemas stay out of a
// script that runs in every page load and could not require them anyway).
import { contextBridge, ipcRenderer } from 'electron'
import { EXPOSED_METHODS } from '../shared/exposed-methods.ts'
import { createBridge } from './bridge.ts'

contextBridge.exposeInMainWorld('measureTracker', createBridge(ipcRenderer, EXPOSED_METHODS))
