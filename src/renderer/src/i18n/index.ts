// vue-i18n set up over the shared message files (src/shared/i18n/*.json), so the app, the
// command line and printed reports use the same words.
import { createI18n, type I18nOptions } from 'vue-i18n'
import { MESSAGES } from '../../../shared/i18n/translate.ts'
import type { Locale } from '../../../shared/domain.ts'
import { messageCompiler } from './compile.ts'

export function createAppI18n(locale: Locale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    // The JSON's literal types are wider than vue-i18n's message schema wants; the shape is the same.
    messages: MESSAGES as unknown as I18nOptions['messages'],
    messageCompiler,
    missingWarn: false,
    fallbackWarn: false,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>
