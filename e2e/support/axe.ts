// axe-core over what a person sees: serious and critical violations, collected per screen so one
// run reports them all (the same rule as e2e/accessibility.spec.ts).
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export interface Finding {
  screen: string
  id: string
  impact: string
  help: string
  nodes: string[]
}

/**
 * Runs axe on `page` and adds its serious and critical violations to `findings`. `exclude`: CSS
 * selectors left out — needed for a frame without `allow-scripts` (the report preview): axe must
 * run a script inside every frame it audits, and Playwright's evaluate in a script-less frame
 * never settles, so analyze() would hang until the test times out.
 */
export async function audit(page: Page, screen: string, findings: Finding[], exclude: string[] = []): Promise<void> {
  // Let transitions and late renders settle: every check runs on what a person would see.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  let builder = new AxeBuilder({ page })
  for (const selector of exclude) builder = builder.exclude(selector)
  const results = await builder.analyze()
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue
    findings.push({
      screen,
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
    })
  }
}
