import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now and returns its serious and critical violations, one
 * line each with where. Injected through the DevTools protocol, so the page's Content-Security-Policy stays in force.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // A snack bar is first drawn inside an aria-hidden box and moved into its live region 150 ms later (that is how
  // Material gets it announced): its action button sits in the hidden box until then. Judge the page once it settled.
  await page.waitForFunction(() => !document.querySelector('.mat-mdc-snack-bar-label > [aria-hidden]'));
  // A dialog or a form field fades its text in: judged half way, a label's contrast is a fraction of what it will be.
  // Wait for every finite animation and transition to end (a spinner or an indeterminate bar runs forever: not those).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
  );
  await page.evaluate(AXE_SOURCE);
  const { violations, checked } = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return { violations: result.violations, checked: result.passes.length };
  });
  // axe really ran: it passed some rules on this page.
  expect(checked).toBeGreaterThan(5);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
