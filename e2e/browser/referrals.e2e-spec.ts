import { Browser, Page } from 'playwright-core';
import { CreateCaseResponse, InstitutionView } from '@ruta/shared';
import { newCaseRequest } from '../support/case-factory';
import { describeBrowser, launchBrowser, newPage } from './support/browser';
import { chooseOption, signIn, signOut, xsrf } from './support/journeys';

/**
 * Records a case and a sharing consent for `institution` through the API in the signed-in session. The consent is of
 * today in Bogotá: between 19:00 and 24:00 there, the UTC date is already tomorrow ("cannot be in the future").
 */
async function caseWithSharingConsent(page: Page, institution: InstitutionView): Promise<string> {
  const created = await page.request.post('/api/cases', { data: newCaseRequest({ victim: { documentNumber: `REF-${Date.now()}` } }), headers: await xsrf(page) });
  expect(created.status()).toBe(201);
  const code = ((await created.json()) as CreateCaseResponse).case.code;
  const consent = await page.request.post(`/api/cases/${code}/consents`, {
    data: { purpose: 'sharing', institutionId: institution.id, grantedBy: 'self', method: 'written', grantedAt: new Date().toLocaleDateString('en-CA', { timeZone: 'America/Bogota' }) },
    headers: await xsrf(page),
  });
  expect(consent.status()).toBe(201);
  return code;
}

/** Refers a new case to `institution` through the API, sharing the summary only (no consent needed). */
async function summaryReferral(page: Page, institution: InstitutionView): Promise<string> {
  const created = await page.request.post('/api/cases', { data: newCaseRequest({ victim: { documentNumber: `REF-P-${Date.now()}` } }), headers: await xsrf(page) });
  expect(created.status()).toBe(201);
  const code = ((await created.json()) as CreateCaseResponse).case.code;
  const referral = await page.request.post('/api/referrals', {
    data: { caseCode: code, toInstitutionId: institution.id, purpose: 'protection', urgency: 'emergency', sections: ['summary'] },
    headers: await xsrf(page),
  });
  expect(referral.status()).toBe(201);
  return code;
}

describeBrowser('referral journey: the police refer a case to IOM with consent, IOM accepts and completes it; ICBF gets one on its home', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the whole journey', async () => {
    // Police: a case with a sharing consent for IOM, referred from the case detail with its identity.
    await signIn(page, 'investigator@policia.demo');
    const institutions = (await (await page.request.get('/api/institutions')).json()) as InstitutionView[];
    const oim = institutions.find((i) => i.code === 'oim')!;
    const code = await caseWithSharingConsent(page, oim);
    await page.goto(`/casos/${code}`);
    await page.getByTestId('case-refer').click();
    await page.getByTestId('refer-to').fill(oim.name.slice(0, 12));
    await page.getByTestId('refer-to-option').filter({ hasText: oim.name }).click();
    await chooseOption(page, 'refer-purpose', 'refer-purpose-lodging');
    await chooseOption(page, 'refer-urgency', 'refer-urgency-urgent');
    await page.getByTestId('refer-deadline').waitFor();
    await page.getByTestId('refer-section-identity').locator('input').check();
    await page.getByTestId('refer-consent-ok').waitFor();
    await page.getByTestId('refer-message').fill('Necesita alojamiento esta semana.');
    await page.getByTestId('refer-send').click();
    await page.getByTestId('referral-status').filter({ hasText: 'Enviada' }).waitFor();
    await page.getByTestId('referral-sections').filter({ hasText: 'Identidad' }).waitFor();
    const icbfCode = await summaryReferral(page, institutions.find((i) => i.code === 'icbf')!);
    await signOut(page);

    // IOM: the badge shows a new referral; opening it marks it received and shows the shared identity.
    await signIn(page, 'caseworker@oim.demo');
    await page.getByTestId('nav-referrals-badge').waitFor();
    await page.getByTestId('nav-referrals').click();
    await page.getByTestId(`referral-${code}`).getByRole('link').click();
    await page.getByTestId('referral-status').filter({ hasText: 'Recibida' }).waitFor();
    await page.getByTestId('shared-identity').waitFor();

    // Accept with an assignee picked by name, start, complete with an outcome.
    await page.getByTestId('referral-move-accepted').click();
    await page.getByTestId('referral-assignee').pressSequentially('a');
    await page.getByTestId('referral-assignee-option').first().click();
    await page.getByTestId('referral-move-confirm').click();
    await page.getByTestId('referral-status').filter({ hasText: 'Aceptada' }).waitFor();
    await page.getByTestId('referral-assignee-name').waitFor();
    await page.getByTestId('referral-move-in_progress').click();
    await page.getByTestId('referral-move-confirm').click();
    await page.getByTestId('referral-status').filter({ hasText: 'En curso' }).waitFor();
    await page.getByTestId('referral-move-completed').click();
    await page.getByTestId('referral-outcome').fill('Alojada en el albergue de la OIM.');
    await page.getByTestId('referral-move-confirm').click();
    await page.getByTestId('referral-status').filter({ hasText: 'Completada' }).waitFor();
    await page.getByTestId('referral-outcome-text').filter({ hasText: 'Alojada en el albergue' }).waitFor();
    await signOut(page);

    // ICBF (partner): its home lists the referral received; it sees the summary only, not the identity.
    await signIn(page, 'partner@icbf.demo');
    await page.getByTestId(`home-referral-${icbfCode}`).getByRole('link').click();
    await page.getByTestId('referral-status').filter({ hasText: 'Recibida' }).waitFor();
    await page.getByTestId('shared-no-identity').waitFor();
    await signOut(page);
  });
});
