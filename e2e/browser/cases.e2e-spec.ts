import { Browser, Page } from 'playwright-core';
import { addressOf, describeBrowser, launchBrowser, newPage } from './support/browser';
import { chooseOption, pickActiveOption, signIn, signOut } from './support/journeys';

const VICTIM = { givenNames: 'José', familyNames: 'Pérez Ficticio' };

/** Searches the case list by name and waits for that search's answer (not the previous one). */
async function searchByName(page: Page, name: string): Promise<void> {
  const status = page.getByTestId('cases-status');
  await page.locator('[data-testid="cases-status"]:not([data-searches="0"])').waitFor({ state: 'attached' });
  const before = Number(await status.getAttribute('data-searches'));
  await page.getByTestId('cases-filter-name').fill(name);
  await page.getByTestId('cases-search').click();
  await page.locator(`[data-testid="cases-status"][data-searches="${before + 1}"]`).waitFor({ state: 'attached' });
}

describeBrowser('cases journey: an investigator records a case, finds it without accents, adds a document and edits it; another institution cannot find it', () => {
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
    await signIn(page, 'investigator@policia.demo');
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('cases-table').waitFor();
    // A draft left by an earlier journey of the same account is offered first: start over, as a user would.
    const draftLookup = page.waitForResponse((r) => r.url().endsWith('/api/case-drafts/mine') && r.request().method() === 'GET');
    await page.getByTestId('new-case').click();
    await draftLookup;
    const offered = await page.getByTestId('intake-draft-offer').waitFor({ timeout: 2000 }).then(() => true, () => false);
    if (offered) await page.getByTestId('intake-draft-start-over').click();

    // Screening: source, Palermo act and purpose (no means: never required), result.
    await chooseOption(page, 'intake-source', 'intake-source-police_operation');
    await page.getByTestId('intake-acts-recruitment').click();
    await page.getByTestId('intake-screening-purposes-forced_labour').click();
    await chooseOption(page, 'intake-result', 'intake-result-possible_victim');
    await page.getByTestId('intake-next-screening').click();

    // Identity, then the duplicate check (continue if the demo data happens to hold a similar person).
    await page.getByTestId('victim-given-names').fill(VICTIM.givenNames);
    await page.getByTestId('victim-family-names').fill(VICTIM.familyNames);
    await chooseOption(page, 'victim-sex', 'victim-sex-male');
    await page.getByTestId('victim-birth-date').fill('1990-05-01');
    await page.getByTestId('victim-document-number').fill(`E2E-${Date.now()}`);
    await page.getByTestId('intake-next-identity').click();
    const situation = page.getByTestId('situation-purposes');
    await page.getByTestId('duplicate-continue').or(situation).first().waitFor();
    if (await page.getByTestId('duplicate-continue').isVisible()) await page.getByTestId('duplicate-continue').click();

    // The draft is saved on the server at each step: a reload offers it back, and resuming lands on the same step.
    await situation.waitFor();
    await page.locator('[data-testid="intake-draft-status"]', { hasText: /saved|guardado/i }).waitFor();
    await page.reload();
    await page.getByTestId('intake-draft-resume').click();
    await situation.waitFor();
    await page.getByTestId('intake-stepper').getByText(/Identity|Identidad/).first().click();
    expect(await page.getByTestId('victim-given-names').inputValue()).toBe(VICTIM.givenNames);
    await page.getByTestId('intake-next-identity').click();
    await page.getByTestId('duplicate-continue').or(situation).first().waitFor();
    if (await page.getByTestId('duplicate-continue').isVisible()) await page.getByTestId('duplicate-continue').click();

    // Situation: the screening's purpose is carried over; a recruitment event typed as "cali" (Santiago de Cali is
    // offered first, before Calima) and an exploitation event in Madrid, Spain.
    await situation.waitFor();
    await page.getByTestId('event-add').click();
    await page.getByTestId('event-0-place').fill('cali');
    const options = page.locator('mat-option[data-testid^="event-0-place-"]');
    await options.first().waitFor();
    expect(await options.first().getAttribute('data-testid')).toBe('event-0-place-76001');
    await expect(options.first().innerText()).resolves.toContain('Santiago de Cali');
    await pickActiveOption(page, 'event-0-place-76001');
    expect(await page.getByTestId('event-0-place').inputValue()).toBe('Santiago de Cali · Valle del Cauca');
    await page.getByTestId('event-add').click();
    await chooseOption(page, 'event-1-kind', 'event-1-kind-exploitation');
    await page.getByTestId('event-1-country').fill('espa');
    await page.getByTestId('event-1-country-ES').click();
    await page.getByTestId('event-1-city').fill('Madrid');
    await page.getByTestId('intake-next-situation').click();

    // Consent to data processing, then review and submit.
    await page.getByTestId('consent-data_processing-granted').click();
    await page.getByTestId('intake-next-consent').click();
    await page.getByTestId('review-name').filter({ hasText: 'José Pérez Ficticio' }).waitFor();
    await page.getByText('Santiago de Cali, Valle del Cauca').waitFor();
    await page.getByText('Madrid, España').waitFor();
    await page.getByTestId('intake-submit').click();
    const shownCode = page.locator('[data-testid="case-code"]', { hasText: /RT-/ });
    await shownCode.waitFor();
    const code = (await shownCode.innerText()).trim();
    expect(code).toMatch(/^RT-\d{4}-\d{6}$/);
    expect(page.url()).toContain(`/casos/${code}`);
    expect(addressOf(page)).not.toMatch(/jos|p%C3%A9rez|perez/i);

    // Found from the list by name without accents.
    await page.getByTestId('nav-cases').click();
    await searchByName(page, 'jose perez');
    await page.getByTestId(`case-row-${code}`).filter({ hasText: 'José Pérez Ficticio' }).waitFor();
    await page.getByTestId(`case-link-${code}`).click();
    await page.getByTestId('case-code').filter({ hasText: code }).waitFor();

    // Uploads a small consent PDF.
    await page.getByRole('tab', { name: 'Notas y documentos' }).click();
    await page.getByTestId('document-file').setInputFiles({
      name: 'consentimiento.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    });
    await page.getByTestId('document-file-name').filter({ hasText: 'consentimiento.pdf' }).waitFor();
    await page.getByTestId('document-upload').click();
    await page.getByTestId('document').filter({ hasText: 'Formato de consentimiento' }).waitFor();

    // Edits the victim's current location and saves (with the case version).
    await page.getByRole('tab', { name: 'Víctima' }).click();
    await page.getByTestId('victim-edit').click();
    await page.getByTestId('victim-current-location').fill('Albergue temporal ficticio');
    await page.getByTestId('victim-save').click();
    await page.getByTestId('victim-current-location-value').filter({ hasText: 'Albergue temporal ficticio' }).waitFor();
    await signOut(page);

    // An investigator of another institution does not find it.
    await signIn(page, 'investigator@das.demo');
    await page.getByTestId('nav-cases').click();
    await searchByName(page, 'jose perez');
    expect(await page.getByTestId(`case-row-${code}`).count()).toBe(0);
    expect(await page.getByTestId('cases-table').getByText('José Pérez Ficticio').count()).toBe(0);
    await page.goto(`/casos/${code}`);
    await page.getByTestId('form-error').waitFor();
    expect(await page.getByTestId('case-code').count()).toBe(0);
    await signOut(page);
  });
});
