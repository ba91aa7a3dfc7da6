import { Browser, Page } from 'playwright-core';
import { CreateCaseResponse, XSRF_COOKIE, XSRF_HEADER } from '@ruta/shared';
import { newCaseRequest } from '../support/case-factory';
import { describeBrowser, launchBrowser, newPage } from './support/browser';
import { chooseOption, signIn, signOut } from './support/journeys';

/** Records a case through the API in the signed-in session (the intake wizard has its own journey). */
async function createCase(page: Page, documentNumber: string): Promise<string> {
  const xsrf = (await page.context().cookies()).find((c) => c.name === XSRF_COOKIE)?.value ?? '';
  const response = await page.request.post('/api/cases', { data: newCaseRequest({ victim: { documentNumber } }), headers: { [XSRF_HEADER]: xsrf } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as CreateCaseResponse).case.code;
}

describeBrowser('link request journey: police asks DAS to link a possible duplicate, DAS accepts, neither sees the other case', () => {
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
    const document = `LNK-${Date.now()}`;
    await signIn(page, 'investigator@das.demo');
    const dasCode = await createCase(page, document);
    await signOut(page);

    // Police: the case shows readable values, a summary edit, and the hint with "request link".
    await signIn(page, 'investigator@policia.demo');
    const policeCode = await createCase(page, document);
    await page.goto(`/casos/${policeCode}`);
    await page.getByTestId('case-place').filter({ hasText: 'Bogotá' }).waitFor();
    await page.getByTestId('summary-edit').click();
    await chooseOption(page, 'summary-trafficking-status', 'summary-trafficking-status-confirmed');
    await page.getByTestId('summary-save').click();
    await page.getByTestId('case-version').filter({ hasText: '2' }).waitFor();
    await page.getByTestId('duplicate-request-link').first().click();
    await page.locator('[data-testid="case-link-request"][data-status="pending"]').waitFor();
    await page.getByTestId('duplicate-requested').first().waitFor();
    await page.getByRole('tab', { name: 'Víctima' }).click();
    await page.getByTestId('victim-nationality').filter({ hasText: 'Colombia' }).waitFor();
    expect(await page.content()).not.toContain(dasCode);
    await signOut(page);

    // DAS: the inbox shows the asking code and only DAS's own matching case; accept.
    await signIn(page, 'investigator@das.demo');
    await page.getByTestId('nav-linkRequests').click();
    const card = page.locator(`[data-testid="link-request"][data-requesting-code="${policeCode}"]`);
    await card.waitFor();
    await card.getByTestId('link-request-case').filter({ hasText: dasCode }).waitFor();
    await card.getByTestId('link-request-accept').click();
    await page.locator(`[data-testid="link-request"][data-requesting-code="${policeCode}"][data-status="accepted"]`).waitFor();
    await signOut(page);

    // Police: the link is there, at DAS, without DAS's case code.
    await signIn(page, 'investigator@policia.demo');
    await page.goto(`/casos/${policeCode}`);
    await page.getByTestId('case-link').filter({ hasText: 'Vinculado a un caso en' }).waitFor();
    await page.locator('[data-testid="case-link-request"][data-status="accepted"]').waitFor();
    expect(await page.getByTestId('case-links').innerText()).not.toContain(dasCode);
    await signOut(page);
  });
});
