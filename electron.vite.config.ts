// One build for the three Electron parts. The renderer build (out/renderer) is also what the
// browser host (src/web) serves, so the app and the e2e tests run the same page.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { devCsp } from './src/renderer/build/dev-csp.ts'
import { pageMessageFiles } from './src/renderer/build/page-messages.ts'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The core's worker (src/core/worker) is its own entry: main starts it as out/main/core-worker.js;
      // so is the team database's driver thread, which the core starts (out/main/postgres-driver.js).
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          'core-worker': resolve(import.meta.dirname, 'src/core/worker/core-worker.ts'),
          'postgres-driver': resolve(import.meta.dirname, 'src/core/store/postgres/blocking/driver-thread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module: build CommonJS.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [vue(), devCsp(), pageMessageFiles()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves builds unminified; the renderer is measured by its gzip size.
      minify: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
        output: {
          // zod and the module that turns its eval probe off (zod-config.ts) share one chunk, so the
          // setting runs before any chunk that creates a schema: otherwise the bundler may put zod
          // in the schemas' chunk, which then runs ahead of the setting, and the refused probe shows
          // up as a CSP violation at every start.
          codeSplitting: {
            groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]renderer[\\/]src[\\/]zod-config\.ts$/ }],
          },
        },
      },
    },
  },
})
