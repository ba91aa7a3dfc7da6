import { Browser, Page } from 'playwright-core';
import { describeBrowser, launchBrowser, newPage } from './support/browser';
import { chooseOption, signIn, signInWithTotp, signOut } from './support/journeys';

describeBrowser('access journey: an administrator asks for an investigator, a second one approves, the investigator signs in and sees only their navigation', () => {
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
    // The administrator signs in with password and TOTP.
    await signInWithTotp(page, 'admin@mininterior.demo');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();

    // Creates an investigator of the police.
    const email = `nuevo.investigador.${Date.now()}@policia.demo`;
    await page.getByTestId('new-user').click();
    // The dialog moves focus to its first field once it has opened; typing before that can race with it.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'user-name');
    await page.getByTestId('user-name').fill('Nuevo Investigador Ficticio');
    await page.getByTestId('user-email').fill(email);
    await chooseOption(page, 'user-institution', 'user-institution-policia');
    await chooseOption(page, 'user-role', 'user-role-investigator');
    await page.getByTestId('user-save').click();
    // An investigator reads victim data: the creation waits for a second administrator (four eyes).
    await page.getByText('otro administrador debe aprobarlo').waitFor();
    expect(await page.getByTestId('users-table').getByText(email).count()).toBe(0);
    await page.getByTestId('nav-accessRequests').click();
    const own = page.locator(`[data-testid="access-request"][data-email="${email}"]`);
    await own.getByTestId('access-request-cancel').waitFor();
    expect(await own.getByTestId('access-request-approve').count()).toBe(0);
    await signOut(page);

    // The second administrator approves it and receives the temporary password to hand over.
    await signInWithTotp(page, 'admin@oim.demo');
    await page.getByTestId('nav-accessRequests').click();
    const request = page.locator(`[data-testid="access-request"][data-email="${email}"]`);
    await request.getByText('Ver la ubicación de la víctima').waitFor();
    await request.getByTestId('access-request-approve').click();
    // The dialog can be attached a frame before its text is rendered: wait for the password itself.
    const shown = page.locator('[data-testid="temporary-password"]', { hasText: /tmp-/ });
    await shown.waitFor();
    const temporary = (await shown.innerText()).trim();
    expect(temporary).toMatch(/^tmp-/);
    await page.getByTestId('temporary-password-close').click();
    await request.getByTestId('access-request-status').getByText('Aprobada').waitFor();
    await signOut(page);

    // The new investigator signs in, must replace the temporary password, then signs in again.
    await signIn(page, email, temporary, { waitForHome: false });
    const newPassword = 'cafetal en la montaña 2026';
    await page.getByTestId('current-password').fill(temporary);
    await page.getByTestId('new-password').fill(newPassword);
    await page.getByTestId('confirm-password').fill(newPassword);
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('login-email').waitFor();
    await signIn(page, email, newPassword);
    await page.getByTestId('home-role').waitFor();

    // Only investigator navigation: no administration, no audit.
    await page.getByTestId('nav-home').waitFor();
    for (const hidden of ['nav-users', 'nav-institutions', 'nav-roles', 'nav-audit']) {
      expect(await page.getByTestId(hidden).count()).toBe(0);
    }
    await page.goto('/admin/usuarios');
    await page.getByTestId('error-forbidden').waitFor();
    await signOut(page);
  }, 120_000);
});

