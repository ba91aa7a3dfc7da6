import { Browser, chromium, Page } from 'playwright-core';
import { CHROMIUM_PATH } from './chromium';


/** `describe` for browser journeys: skipped, with the reason printed once by the global setup, when Chromium is missing. */
export const describeBrowser: jest.Describe = process.env.RUTA_BROWSER_SKIP ? describe.skip : describe;

export function baseUrl(): string {
  return process.env.RUTA_E2E_BASE_URL ?? 'http://127.0.0.1:3000';
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run'],
  });
}

/** A fresh page in its own context (no shared cookies), failing the test on any uncaught page error. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale: 'es-CO' });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}
