import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { CreateCaseResponse, XSRF_COOKIE, XSRF_HEADER } from '@ruta/shared';
import { newCaseRequest } from '../support/case-factory';
import { describeJourney } from './support/browser';
import { chooseOption, signIn, signOut } from './support/journeys';

async function xsrf(page: Page): Promise<Record<string, string>> {
  return { [XSRF_HEADER]: (await page.context().cookies()).find((c) => c.name === XSRF_COOKIE)?.value ?? '' };
}

/** A new case of the signed-in caseworker, moved into immediate assistance through the API (the journey starts there). */
async function caseInImmediateAssistance(page: Page): Promise<string> {
  const created = await page.request.post('/api/cases', { data: newCaseRequest({ victim: { documentNumber: `AS-${Date.now()}` } }), headers: await xsrf(page) });
  expect(created.status()).toBe(201);
  const body = (await created.json()) as CreateCaseResponse;
  const moved = await page.request.post(`/api/cases/${body.case.code}/transitions`, { data: { version: body.case.version, to: 'immediate_assistance' }, headers: await xsrf(page) });
  expect(moved.status()).toBe(200);
  return body.case.code;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is (as in accessibility.e2e-spec.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const { violations, checked } = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return { violations: result.violations, checked: result.passes.length };
  });
  expect(checked).toBeGreaterThan(5);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function myDayCount(page: Page, kind: string): Promise<number> {
  const card = page.getByTestId(`my-day-${kind}`);
  await card.waitFor();
  return Number(await card.getByTestId('my-day-count').textContent());
}

/** Waits until a card of "my day" shows `count` (the page reads the counts once loaded). */
async function waitForCount(page: Page, kind: string, count: number): Promise<void> {
  await page.getByTestId(`my-day-${kind}`).getByTestId('my-day-count').filter({ hasText: new RegExp(`^\\s*${count}\\s*$`) }).waitFor();
}

describeJourney('assistance journey: high risk, lodging and medical care delivered, closure approved by the supervisor', (journey) => {
  it('runs the whole journey', async () => {
    const { page } = journey;
    await signIn(page, 'caseworker@oim.demo');
    const highRiskBefore = await myDayCount(page, 'high_risk');
    expect(await seriousViolations(page)).toEqual([]);
    const code = await caseInImmediateAssistance(page);

    await page.goto(`/casos/${code}`);
    await page.getByRole('tab', { name: 'Asistencia' }).click();
    await page.getByTestId('assistance-timer-days').filter({ hasText: 'quedan 5 días' }).waitFor();

    // A high-risk assessment: the tab suggests a protection referral.
    await chooseOption(page, 'assistance-risk-level', 'assistance-risk-level-high');
    await page.getByTestId('assistance-risk-threats-traffickers').click();
    await page.getByTestId('assistance-risk-measures').fill('Cambio de hogar de paso');
    await page.getByTestId('assistance-risk-save').click();
    await page.getByTestId('assistance-protection-suggestion').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Lodging and medical care, planned then delivered.
    for (const category of ['lodging', 'medical']) {
      await chooseOption(page, 'assistance-service-category', `assistance-service-category-${category}`);
      await page.getByTestId('assistance-service-save').click();
      await page.getByTestId(`assistance-service-${category}`).filter({ hasText: 'Planeado' }).waitFor();
    }
    for (const category of ['lodging', 'medical']) {
      await page.getByTestId(`assistance-service-${category}-delivered`).click();
      await page.getByTestId(`assistance-service-${category}`).getByTestId('assistance-service-status').filter({ hasText: 'Prestado' }).waitFor();
    }

    // Closure asked for approval.
    await chooseOption(page, 'assistance-closure-reason', 'assistance-closure-reason-reintegrated');
    await page.getByTestId('assistance-closure-request').click();
    await page.getByTestId('assistance-closure-status').filter({ hasText: 'Pendiente de aprobación' }).waitFor();
    await page.goto('/');
    await waitForCount(page, 'high_risk', highRiskBefore + 1);
    await signOut(page);

    // The supervisor: the high-risk alert, then the closure approved from the inbox.
    await signIn(page, 'supervisor@oim.demo');
    const pendingBefore = await myDayCount(page, 'closures_pending');
    await page.goto('/asistencia');
    await page.getByTestId(`assistance-alert-high_risk-${code}`).waitFor();
    await page.getByTestId(`assistance-alert-closure_requested-${code}`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('my-day-closures').click();
    await page.getByTestId(`closure-${code}`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId(`closure-decide-${code}`).click();
    await page.getByTestId('closure-comment').fill('Cumplió su plan');
    await page.getByTestId('closure-approve').click();
    await page.getByTestId(`closure-${code}`).waitFor({ state: 'detached' });
    await page.goto('/');
    await waitForCount(page, 'closures_pending', pendingBefore - 1);
    await page.goto(`/casos/${code}`);
    await page.getByRole('tab', { name: 'Asistencia' }).click();
    await page.getByTestId('assistance-closure-status').filter({ hasText: 'Aprobado' }).waitFor();
    await signOut(page);
  });
});
