import { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { describeBrowser, launchBrowser, newPage } from './support/browser';
import { signIn } from './support/journeys';

describeBrowser('accessibility: no serious WCAG 2.1 AA violation on the main screens (axe-core)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has none on the login and status pages', async () => {
    await page.goto('/ingresar');
    await page.getByTestId('login-email').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/estado');
    await page.getByTestId('health-status').filter({ hasText: 'ok' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has none on the case list, a case detail and the intake wizard', async () => {
    await signIn(page, 'investigator@policia.demo');
    await page.goto('/casos');
    await page.getByTestId('cases-table').locator('[data-testid^="case-link-"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('cases-table').locator('[data-testid^="case-link-"]').first().click();
    await page.getByTestId('case-code').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/casos/nuevo');
    await page.getByTestId('intake-next-screening').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has none on the home dashboard with its case counts', async () => {
    await page.goto('/inicio');
    await page.getByTestId('stat-total-value').waitFor();
    expect(await page.getByTestId('home-new-case').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has none on the refer dialog and the referrals inbox, and the dialog fits a 390 px phone', async () => {
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/casos');
    await page.getByTestId('cases-table').locator('[data-testid^="case-link-"]').first().click();
    await page.getByTestId('case-refer').click();
    await page.getByTestId('refer-send').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Leaving the page closes the dialog.
    if (viewport) await page.setViewportSize(viewport);
    await page.goto('/remisiones');
    await page.locator('[data-testid="referrals-list"][data-loaded="true"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
