// Entry point: the app with its store, router and language, mounted once.
import { createApp } from 'vue'
import { z } from 'zod'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router.ts'
import { createAppI18n } from './i18n/index.ts'
import { initialLocale } from './i18n/locale.ts'
import { browserStorage } from './logic/storage.ts'
import './styles/base.css'

// The page's CSP forbids eval: tell zod not to probe for it (the refused probe is reported as a
// CSP violation even though zod catches it).
z.config({ jitless: true })

const app = createApp(App)
app.use(createPinia())
app.use(createAppRouter())
app.use(createAppI18n(initialLocale(browserStorage(), navigator.language)))
app.mount('#app')
