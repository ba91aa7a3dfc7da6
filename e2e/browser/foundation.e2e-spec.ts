import { Browser, Page } from 'playwright-core';
import { describeBrowser, launchBrowser, newPage } from './support/browser';

describeBrowser('foundation journey: the client loads in Spanish, switches to English, shows the API health', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('serves the client in Spanish and shows the database as up on the status page', async () => {
    await page.goto('/estado');
    await page.getByTestId('health-status').filter({ hasText: 'ok' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.locator('main').waitFor();
    await page.locator('header').first().waitFor();
  });

  it('switches to English at runtime and remembers the choice after a reload', async () => {
    await page.goto('/estado');
    await page.getByTestId('health-status').filter({ hasText: 'ok' }).waitFor();
    const spanishHeading = await page.locator('h1').first().innerText();
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction((before) => document.querySelector('h1')?.textContent?.trim() !== before.trim(), spanishHeading);
    await page.reload();
    await page.getByTestId('health-status').filter({ hasText: 'ok' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('shows the not-found page for an unknown address', async () => {
    await page.goto('/no-existe');
    await page.getByTestId('error-notFound').waitFor();
  });
});
