// The page's Content-Security-Policy (index.html) is written for the built app: scripts and styles
// only from files. Vite's dev server injects CSS as <style> elements, which that policy blocks, so
// `npm run dev` would show an unstyled page. In `serve` only, this plugin also allows inline
// styles; production builds keep the strict policy unchanged.
import type { Plugin } from 'vite'

export function devCsp(): Plugin {
  return {
    name: 'measure-tracker:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  }
}
