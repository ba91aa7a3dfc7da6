import { readFileSync } from 'node:fs';
import { authenticator } from 'otplib';
import { Browser, Page } from 'playwright-core';
import { CreateCaseResponse, InstitutionView, XSRF_COOKIE, XSRF_HEADER } from '@ruta/shared';
import { DEMO_TOTP_SECRET } from '@ruta/identity';
import { newCaseRequest } from '../support/case-factory';
import { describeBrowser, expectNoHorizontalOverflow, launchBrowser, newPage } from './support/browser';
import { DEMO_PASSWORD, chooseOption, signIn, signOut } from './support/journeys';

async function xsrf(page: Page): Promise<Record<string, string>> {
  return { [XSRF_HEADER]: (await page.context().cookies()).find((c) => c.name === XSRF_COOKIE)?.value ?? '' };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now (it must have checked something). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const { violations, checked } = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return { violations: result.violations, checked: result.passes.length };
  });
  expect(checked).toBeGreaterThan(5);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Two-factor accounts (coordinator, administrator): password, then the demo TOTP. */
async function signInWithTotp(page: Page, email: string): Promise<void> {
  await signIn(page, email, DEMO_PASSWORD, { waitForHome: false });
  await page.getByTestId('totp-code').fill(authenticator.generate(DEMO_TOTP_SECRET));
  await page.getByTestId('totp-submit').click();
  await page.getByTestId('home-role').waitFor();
}

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
