import { Browser, CDPSession, Page } from 'playwright-core';
import { describeBrowser, launchBrowser, newPage } from './support/browser';
import { signIn } from './support/journeys';

/** The whole first load, over the wire (compressed bytes, headers included), on a cold cache. */
const FIRST_LOAD_BUDGET = 400 * 1024;

interface Transfer {
  url: string;
  bytes: number;
  encoding: string;
  cacheControl: string;
}

/**
 * Records every response of the page through the DevTools protocol: `encodedDataLength` of `Network.loadingFinished`
 * is what crossed the network, after compression.
 */
async function recordTransfers(page: Page): Promise<{ session: CDPSession; transfers: Transfer[] }> {
  const session = await page.context().newCDPSession(page);
  const responses = new Map<string, Omit<Transfer, 'bytes'>>();
  const transfers: Transfer[] = [];
  session.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    responses.set(event.requestId, { url: event.response.url, encoding: headers['content-encoding'] ?? '', cacheControl: headers['cache-control'] ?? '' });
  });
  session.on('Network.loadingFinished', (event) => {
    const response = responses.get(event.requestId);
    if (response) transfers.push({ ...response, bytes: event.encodedDataLength });
  });
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { session, transfers };
}

function total(transfers: Transfer[]): number {
  return transfers.reduce((sum, t) => sum + t.bytes, 0);
}

function report(transfers: Transfer[]): string {
  return [...transfers]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8)
    .map((t) => `${(t.bytes / 1024).toFixed(1)} kB ${t.encoding || 'identity'} ${new URL(t.url).pathname}`)
    .join('\n');
}

describeBrowser('first load: the login page and the case list stay under 400 kB transferred, compressed and cacheable', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads the login page, compressed, within the budget and without an icon font', async () => {
    const page = await newPage(browser);
    const { transfers } = await recordTransfers(page);
    await page.goto('/ingresar');
    await page.getByTestId('login-email').waitFor();
    await page.waitForLoadState('networkidle');

    const bytes = total(transfers);
    process.stdout.write(`login page: ${(bytes / 1024).toFixed(1)} kB over ${transfers.length} responses\n${report(transfers)}\n`);
    expect(bytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    expect(transfers.filter((t) => /material-symbols/i.test(t.url))).toEqual([]);

    // Scripts and styles arrive compressed and, named by their content hash, cacheable for a year; index.html revalidates.
    const assets = transfers.filter((t) => /\/(main|styles|chunk)-[A-Z0-9]{8}\.(js|css)$/.test(new URL(t.url).pathname));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets.filter((t) => t.bytes > 2048)) expect([asset.url, asset.encoding]).toEqual([asset.url, expect.stringMatching(/^(gzip|br)$/)]);
    for (const asset of assets) expect([asset.url, asset.cacheControl]).toEqual([asset.url, expect.stringContaining('immutable')]);
    const index = transfers.find((t) => new URL(t.url).pathname === '/ingresar');
    expect(index?.cacheControl).toBe('no-cache');
    await page.context().close();
  });

  it('loads the case list of a signed-in investigator (app, lazy chunks and API answers) within the budget', async () => {
    const page = await newPage(browser);
    await signIn(page, 'investigator@policia.demo');
    const { transfers } = await recordTransfers(page);
    await page.goto('/casos');
    await page.getByTestId('cases-table').locator('[data-testid^="case-link-"]').first().waitFor();
    await page.waitForLoadState('networkidle');

    const bytes = total(transfers);
    process.stdout.write(`case list: ${(bytes / 1024).toFixed(1)} kB over ${transfers.length} responses\n${report(transfers)}\n`);
    expect(bytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    // API answers are compressed too (the list is the largest of them).
    const list = transfers.find((t) => /\/api\/cases(\?|$)/.test(t.url) && t.bytes > 2048);
    if (list) expect(list.encoding).toMatch(/^(gzip|br)$/);
    await page.context().close();
  });
});
