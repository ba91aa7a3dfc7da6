import { Page } from 'playwright-core';
import { CreateCaseResponse } from '@ruta/shared';
import { newCaseRequest } from '../support/case-factory';
import { describeJourney, expectNoHorizontalOverflow } from './support/browser';
import { chooseOption, signIn, signInWithTotp, signOut, xsrf } from './support/journeys';

/** The erasure request card of this case, once the list shows it. */
function card(page: Page, code: string) {
  return page.locator(`[data-testid="erasure-request"][data-code="${code}"]`);
}

async function openErasures(page: Page, throughNav = false): Promise<void> {
  if (throughNav) {
    await page.getByTestId('nav-privacy').click();
    await page.getByTestId('privacy-tab-erasure').click();
  } else {
    await page.goto('/proteccion-datos/supresion');
  }
  await page.locator('[data-testid="erasure-total"][data-loaded="true"]').waitFor();
}

describeJourney('privacy journey: a supervisor records an erasure request, two other people approve it, it is carried out and certified', (journey) => {
  let code: string;

  it('records the request for a case of the supervisor’s institution', async () => {
    const page = journey.page;
    await signIn(page, 'supervisor@oim.demo');
    const created = await page.request.post('/api/cases', { data: newCaseRequest({ case: { identifiedOn: '2025-03-10' } }), headers: await xsrf(page) });
    expect(created.status()).toBe(201);
    code = ((await created.json()) as CreateCaseResponse).case.code;

    await openErasures(page, true);
    await page.getByTestId('erasure-case-code').fill(code.toLowerCase());
    await chooseOption(page, 'erasure-legal-basis', 'erasure-legal-basis-law_1581_art_15');
    await chooseOption(page, 'erasure-requester', 'erasure-requester-data_subject');
    await page.getByTestId('erasure-reason').fill('La titular pide suprimir sus datos al terminar la asistencia');
    await page.getByTestId('erasure-submit').click();
    await card(page, code).getByTestId('erasure-status').getByText('Pendiente de aprobación').waitFor();
    // The recorder is told that two other people approve it; there is no approve button for them.
    await card(page, code).getByTestId('erasure-waiting').waitFor();
    expect(await card(page, code).getByTestId('erasure-approve').count()).toBe(0);
    // Codes and dates in words: the legal basis by its name, not its code.
    await card(page, code).getByText('Ley 1581 de 2012, art. 15').waitFor();
    await signOut(page);
  });

  it('is approved by an administrator of the institution, then by the coordinator, who carries it out', async () => {
    const page = journey.page;
    await signInWithTotp(page, 'admin@oim.demo');
    await openErasures(page);
    await card(page, code).getByTestId('erasure-approve').click();
    await card(page, code).getByTestId('erasure-waiting').getByText('falta otra persona').waitFor();
    expect(await card(page, code).getByTestId('erasure-carry-out').count()).toBe(0);
    await signOut(page);

    await signInWithTotp(page, 'coordinator@mininterior.demo');
    await openErasures(page);
    await card(page, code).getByTestId('erasure-approve').click();
    await card(page, code).getByTestId('erasure-status').getByText('Aprobada').waitFor();
    await card(page, code).getByTestId('erasure-carry-out').click();
    await card(page, code).getByTestId('erasure-status').getByText('Ejecutada').waitFor();
    await card(page, code).getByTestId('erasure-kept').getByText('Ningún dato identificativo').waitFor();

    // The certificate downloads as a PDF.
    const href = await card(page, code).getByTestId('erasure-certificate').getAttribute('href');
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('shows the retention queue and fits a 390 px phone', async () => {
    const page = journey.page;
    await page.getByTestId('privacy-tab-retention').click();
    await page.getByTestId('retention-run').click();
    await page.locator('[data-testid="retention-total"][data-loaded="true"]').waitFor();
    await page.getByTestId('retention-setting-closed_case').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalOverflow(page, 'privacy retention on a phone');
    await page.getByTestId('privacy-tab-erasure').click();
    await card(page, code).waitFor();
    await expectNoHorizontalOverflow(page, 'privacy erasure requests on a phone');
  });
});
