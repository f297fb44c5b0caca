// MarkdownView loaded on first use, so markdown-it (≈100 KB) is fetched only when a note or its
// preview is shown — never with the board.
import { defineAsyncComponent } from 'vue'

export const MarkdownViewAsync = defineAsyncComponent(() => import('./MarkdownView.vue'))
