// Entry point: the app with its store, router and language, mounted once.
import './zod-config.ts'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router.ts'
import { createAppI18n } from './i18n/index.ts'
import { initialLocale } from './i18n/locale.ts'
import { browserStorage } from './logic/storage.ts'
import './styles/base.css'

const app = createApp(App)
app.use(createPinia())
app.use(createAppRouter())
app.use(createAppI18n(initialLocale(browserStorage(), navigator.language)))
app.mount('#app')
