// The reader's own region, guessed from their language settings (en-US → US, zh-CN → CN,
// zh-Hant → TW): used only to put their side first in counter-measure pairs.
export function homeRegion(language: string | undefined): string | undefined {
  if (!language) return undefined
  try {
    return new Intl.Locale(language).maximize().region
  } catch {
    return undefined
  }
}
