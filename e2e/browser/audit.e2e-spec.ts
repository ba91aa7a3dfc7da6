import { Browser, Page } from 'playwright-core';
import { describeBrowser, launchBrowser, newPage } from './support/browser';
import { chooseOption, signInWithTotp } from './support/journeys';

describeBrowser('audit journey: the auditor sees the chain head, filters by entity type and verifies against the anchors', () => {
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
    await signInWithTotp(page, 'auditor@procuraduria.demo');
    await page.getByTestId('nav-audit').click();

    // The head of the chain: its newest seal, and when it was last anchored outside the database.
    await page.getByTestId('audit-head').getByText('Último sello').waitFor();

    // The entity-type filter is a list of labelled types, not free text.
    await chooseOption(page, 'audit-entity-type', 'audit-entity-type-user');
    await page.getByTestId('audit-apply').click();
    await page.getByTestId('audit-table').getByTestId('audit-entity-type-label').first().waitFor();
    const labels = await page.getByTestId('audit-entity-type-label').allInnerTexts();
    expect(labels.length).toBeGreaterThan(0);
    expect(new Set(labels.map((label) => label.trim()))).toEqual(new Set(['Usuario']));

    // Verification seals, anchors the head and holds the chain against the anchors.
    await page.getByTestId('audit-verify').click();
    const result = page.locator('[data-testid="audit-verify-result"][data-ok="true"]');
    await result.getByText('Coincide con').waitFor();
    await page.getByTestId('audit-head-anchor').getByText('Última ancla fuera de la base de datos').waitFor();
    // Events sealed after the verification may already have moved the head past the anchor.
    const head = Number(await page.getByTestId('audit-head-seal').getAttribute('data-seq'));
    expect(Number(await page.getByTestId('audit-head-anchor').getAttribute('data-seq'))).toBeLessThanOrEqual(head);
  });
});
