import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { Browser, Page } from 'playwright-core';
import { describeBrowser, launchBrowser, newPage } from './support/browser';
import { chooseOption, signIn, signInWithTotp } from './support/journeys';

describeBrowser('indicators journey: the coordinator opens the dashboard, switches the year and downloads the annual table as XLSX', () => {
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
    await signInWithTotp(page, 'coordinator@mininterior.demo');
    // The home card of this year's figures leads to the dashboard.
    await page.getByTestId('home-indicators-all').click();
    const thisYear = new Date().getFullYear();
    await page.locator(`[data-testid="indicators-dashboard"][data-year="${thisYear}"]`).waitFor();

    // Last year: the demo cases of the last two years give it figures; the cards, the charts and the table follow.
    const lastYear = thisYear - 1;
    await chooseOption(page, 'indicators-year', `indicators-year-${lastYear}`);
    await page.locator(`[data-testid="indicators-dashboard"][data-year="${lastYear}"]`).waitFor();
    await page.getByTestId('annual-report').getByText(`Informe anual ${lastYear}`).waitFor();
    const identified = Number((await page.getByTestId('card-victims_identified').locator('.card-value').innerText()).trim());
    expect(identified).toBeGreaterThan(0);
    await page.getByTestId('indicator-chart').first().locator('canvas').waitFor();
    const tableFigure = (await page.getByTestId('annual-victims_identified').locator('td').innerText()).trim();
    expect(Number(tableFigure.replace(/\D/g, ''))).toBe(identified);

    // The annual table as XLSX, in Spanish, with the same figure.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('annual-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`informe-anual-${lastYear}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe(`Informe anual de trata de personas ${lastYear}`);
    const rows = sheet.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows).toContainEqual(['Víctimas identificadas', identified]);

    // The figure's card opens the cases behind it.
    await page.getByTestId('card-victims_identified').getByRole('link').click();
    await page.getByTestId('behind-table').locator('tbody tr').first().waitFor();

    // The case list as a file: the coordinator's pseudonymised export, ready at once for a list this size.
    await page.getByRole('link', { name: 'Volver a los indicadores' }).click();
    await page.getByTestId('indicators-exports').click();
    await chooseOption(page, 'export-year', `export-year-${lastYear}`);
    await page.getByTestId('export-submit').click();
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-job-ready').first().getByTestId('export-download').click()]);
    expect(exported.suggestedFilename()).toMatch(/^ruta-casos-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.xlsx$/);
  });
});

describeBrowser('role dashboards journey: an investigator follows a chart card to the cases behind it and downloads a case summary; a supervisor exports the case list', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('leads from the investigator\'s chart to the cases behind it, and to one case\'s summary PDF', async () => {
    const page = await newPage(browser);
    await signIn(page, 'investigator@policia.demo');
    // The dashboard and its chart load after the home page.
    const card = page.getByTestId('dashboard-investigator-cases_identified');
    await card.waitFor();
    await page.getByTestId('dashboard-chart-investigator').locator('canvas').waitFor();
    const figure = Number((await card.locator('.card-value').innerText()).trim());
    expect(figure).toBeGreaterThan(0);
    await card.getByRole('link').click();
    await page.getByTestId('behind-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('behind-status').getByText(String(figure), { exact: false }).waitFor();

    // One of those cases, as a PDF summary in the interface language.
    await page.getByTestId('behind-table').locator('tbody tr').first().getByRole('link').click();
    const code = (await page.getByTestId('case-code').innerText()).trim();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('case-summary-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`resumen-${code}.pdf`);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets a supervisor export the case list with its filters', async () => {
    const page = await newPage(browser);
    await signIn(page, 'supervisor@oim.demo');
    await page.goto('/casos');
    await page.getByTestId('cases-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('cases-export').click();
    await page.getByTestId('export-list-hint').waitFor();
    await page.getByTestId('export-submit').click();
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-job-ready').first().getByTestId('export-download').click()]);
    expect(exported.suggestedFilename()).toMatch(/^ruta-casos-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.xlsx$/);
  });
});
