import { Browser, Page } from 'playwright-core';
import { CreateCaseResponse, InstitutionView } from '@ruta/shared';
import { newCaseRequest } from '../support/case-factory';
import { seriousViolations } from './support/axe';
import { describeBrowser, expectNoHorizontalOverflow, launchBrowser, newPage } from './support/browser';
import { chooseOption, signIn, signInWithTotp, signOut, xsrf } from './support/journeys';

/**
 * The referral screens around the flow: the police filter and sort their outbox and download a case's disclosure record
 * as a PDF; the IOM caseworker opens a referral from the notification list (which marks it read); the coordinator
 * reads the response times and sees the referral in the network; the administrator changes a response deadline.
 */
describeBrowser('referral screens: outbox filters and sorting, disclosure PDF, notifications, coordinators\u2019 review, deadlines', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the journey', async () => {
    // Police: a summary-only referral to IOM, sent through the API in the signed-in session.
    await signIn(page, 'investigator@policia.demo');
    const institutions = (await (await page.request.get('/api/institutions')).json()) as InstitutionView[];
    const oim = institutions.find((i) => i.code === 'oim')!;
    const created = await page.request.post('/api/cases', { data: newCaseRequest({ victim: { documentNumber: `REF-C-${Date.now()}` } }), headers: await xsrf(page) });
    const code = ((await created.json()) as CreateCaseResponse).case.code;
    const sent = await page.request.post('/api/referrals', { data: { caseCode: code, toInstitutionId: oim.id, purpose: 'legal', urgency: 'routine', sections: ['summary'] }, headers: await xsrf(page) });
    expect(sent.status()).toBe(201);

    // The outbox, filtered by purpose and the receiving institution (typed), sorted by case code, shows it with a total.
    await page.getByTestId('nav-referrals').click();
    await page.getByRole('tab', { name: 'Enviadas' }).click();
    await chooseOption(page, 'referrals-filter-purpose', 'referrals-filter-purpose-legal');
    await page.getByTestId('referrals-filter-institution').fill('Migraciones');
    await page.getByTestId('referrals-filter-institution-option').filter({ hasText: oim.name }).click();
    await page.getByTestId(`referral-${code}`).waitFor();
    await page.locator('[data-testid="referrals-list"][data-loaded="true"]').waitFor();
    const rows = page.locator('[data-testid^="referral-RT-"]');
    for (const row of await rows.all()) {
      await expect(row.textContent()).resolves.toContain(oim.name);
      await expect(row.textContent()).resolves.toContain('Asesoría jurídica');
    }
    await page.getByTestId('list-total').filter({ hasText: /remisi/ }).waitFor();
    await page.getByTestId('referrals-sort-case').click();
    await page.locator('[data-testid="referrals-sort-case"][aria-sort="ascending"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // On a phone the table's rows become cards: nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId(`referral-${code}`).waitFor();
    await expectNoHorizontalOverflow(page, 'referrals outbox 390');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The referral's detail: the disclosure record downloads as a PDF.
    await page.getByTestId(`referral-${code}`).getByRole('link').click();
    await page.getByTestId('referral-status').filter({ hasText: 'Enviada' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('disclosure-pdf-es').click()]);
    expect(download.suggestedFilename()).toBe(`disclosure-${code}.pdf`);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    await signOut(page);

    // IOM: the notification list has the new referral unread; opening it marks it read and shows the referral received.
    await signIn(page, 'caseworker@oim.demo');
    await page.getByTestId('nav-notifications').click();
    const notification = page.getByTestId(`notification-${code}-referral_received`);
    await notification.and(page.locator('[data-unread="true"]')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await notification.getByRole('link').click();
    await page.getByTestId('referral-status').filter({ hasText: 'Recibida' }).waitFor();
    await page.getByTestId('nav-notifications').click();
    await page.getByTestId(`notification-${code}-referral_received`).and(page.locator('[data-unread="false"]')).waitFor();
    await signOut(page);

    // Coordinator: the response times per institution and the network (chart and table) include police → IOM.
    await signInWithTotp(page, 'coordinator@mininterior.demo');
    await page.getByTestId('nav-referralReview').click();
    await page.locator('[data-testid="referral-review"][data-loaded="true"]').waitFor();
    await page.getByTestId('referral-stats-oim').waitFor();
    await page.getByTestId('referral-link-policia-oim').waitFor();
    await page.getByTestId('referral-network-chart').locator('svg').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await signOut(page);

    // Administrator: the emergency deadline from 24 to 12 hours and back, each saved on the version read.
    await signInWithTotp(page, 'admin@mininterior.demo');
    await page.getByTestId('nav-referralDeadlines').click();
    const emergency = page.getByTestId('referral-deadline-emergency');
    await page.locator('[data-testid="referral-deadlines"]:not([data-version="0"])').waitFor();
    await expect(emergency.inputValue()).resolves.toBe('24');
    expect(await seriousViolations(page)).toEqual([]);
    await emergency.fill('12');
    await page.getByTestId('referral-deadlines-save').click();
    await page.getByText('Plazos guardados.').waitFor();
    await page.reload();
    await page.locator('[data-testid="referral-deadlines"]:not([data-version="0"])').waitFor();
    await expect(page.getByTestId('referral-deadline-emergency').inputValue()).resolves.toBe('12');
    await page.getByTestId('referral-deadline-emergency').fill('24');
    await page.getByTestId('referral-deadlines-save').click();
    await page.getByText('Plazos guardados.').waitFor();
    await signOut(page);
  }, 90_000);
});
