import { Page } from 'playwright-core';
import { CreateCaseResponse } from '@ruta/shared';
import { newCaseRequest } from '../support/case-factory';
import { seriousViolations } from './support/axe';
import { describeJourney } from './support/browser';
import { chooseOption, pickActiveOption, signIn, signOut, xsrf } from './support/journeys';

/** A new case of the signed-in caseworker, moved into immediate assistance through the API (the journey starts there). */
async function caseInImmediateAssistance(page: Page): Promise<string> {
  const created = await page.request.post('/api/cases', { data: newCaseRequest({ victim: { documentNumber: `AS-${Date.now()}` } }), headers: await xsrf(page) });
  expect(created.status()).toBe(201);
  const body = (await created.json()) as CreateCaseResponse;
  const moved = await page.request.post(`/api/cases/${body.case.code}/transitions`, { data: { version: body.case.version, to: 'immediate_assistance' }, headers: await xsrf(page) });
  expect(moved.status()).toBe(200);
  return body.case.code;
}

/** Types into a type-ahead and picks the first match with Enter once that option is shown (as a keyboard user would). */
async function typeAndPick(page: Page, testId: string, text: string, option: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill('');
  await page.keyboard.type(text);
  await pickActiveOption(page, option);
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

describeJourney('assistance journey: high risk, lodging and medical care delivered, a relative served, closure approved by the supervisor', (journey) => {
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

    // Lodging and medical care, planned (the category picked by typing a few letters) then delivered.
    for (const [category, typed] of [['lodging', 'Aloja'], ['medical', 'Atención méd']]) {
      await typeAndPick(page, 'assistance-service-category', typed, `assistance-service-category-${category}`);
      await page.getByTestId('assistance-service-save').click();
      await page.getByTestId(`assistance-service-${category}`).filter({ hasText: 'Planeado' }).waitFor();
    }

    // A beneficiary relative, and psychosocial support for her: the list names who receives it.
    await page.getByTestId('assistance-participant-name').fill('Rosa Demo Díaz');
    await chooseOption(page, 'assistance-participant-relation', 'assistance-participant-relation-parent');
    await chooseOption(page, 'assistance-participant-sex', 'assistance-participant-sex-female');
    await page.getByTestId('assistance-participant-save').click();
    await page.getByTestId('assistance-participant').filter({ hasText: 'Rosa Demo Díaz' }).filter({ hasText: 'Padre o madre' }).waitFor();
    await typeAndPick(page, 'assistance-service-category', 'psico', 'assistance-service-category-psychosocial');
    const recipient = page.getByTestId('assistance-service-recipient');
    await recipient.focus();
    await recipient.press('Enter');
    await page.locator('.mat-mdc-select-panel mat-option').filter({ hasText: 'Rosa Demo Díaz' }).click();
    await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
    await page.getByTestId('assistance-service-save').click();
    await page.getByTestId('assistance-service-psychosocial').getByTestId('assistance-service-for').filter({ hasText: 'Padre o madre (Rosa Demo Díaz)' }).waitFor();
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
    // The list behind the card, newest first: the new case leads it, with the same total.
    await page.getByTestId('my-day-high_risk').click();
    await page.getByTestId('worklist-total').filter({ hasText: `${highRiskBefore + 1} casos` }).waitFor();
    await chooseOption(page, 'worklist-sort', 'worklist-sort--date');
    await page.getByTestId('worklist').locator('li').first().filter({ hasText: code }).waitFor();
    await page.getByTestId('worklist-total').filter({ hasText: `${highRiskBefore + 1} casos` }).waitFor();
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
