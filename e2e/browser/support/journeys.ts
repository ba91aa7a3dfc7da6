import { authenticator } from 'otplib';
import { Page } from 'playwright-core';
import { DEMO_TOTP_SECRET } from '@ruta/identity';
import { XSRF_COOKIE, XSRF_HEADER } from '@ruta/shared';

export const DEMO_PASSWORD = 'ruta-demo-2026';

/** Fills and submits the login form, then waits for the home page unless a second step (TOTP, new password) follows. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, options: { waitForHome?: boolean } = {}): Promise<void> {
  // Signed out first: a journey run again after a failure (support/retry.ts) starts where the first attempt stopped,
  // perhaps signed in, and the login page sends a signed-in user home.
  await page.context().clearCookies();
  await page.goto('/ingresar');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  if (options.waitForHome !== false) await page.getByTestId('home-role').waitFor();
}

/** Two-factor demo accounts (coordinators, administrators, auditors): the password, then the demo TOTP code. */
export async function signInWithTotp(page: Page, email: string): Promise<void> {
  await signIn(page, email, DEMO_PASSWORD, { waitForHome: false });
  const home = page.getByTestId('home-role');
  await page.getByTestId('totp-code').fill(authenticator.generate(DEMO_TOTP_SECRET));
  await page.getByTestId('totp-submit').click();
  await home.or(page.locator('[data-testid="form-error"], mat-error')).first().waitFor();
  if (await home.isVisible()) return;
  // An account accepts each 30-second step once (no replay), and an earlier journey may have signed this demo account
  // in during this very step: the code is refused then. The next step brings a new code.
  await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  await page.getByTestId('totp-code').fill(authenticator.generate(DEMO_TOTP_SECRET));
  await page.getByTestId('totp-submit').click();
  await home.waitFor();
}

/** The anti-forgery header of the page's session, for API calls a journey makes through `page.request`. */
export async function xsrf(page: Page): Promise<Record<string, string>> {
  return { [XSRF_HEADER]: (await page.context().cookies()).find((c) => c.name === XSRF_COOKIE)?.value ?? '' };
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-email').waitFor();
}

/**
 * Picks a mat-select option from the keyboard (the floating label can cover the trigger for a mouse click) and waits
 * for the panel to close, so the next action lands on the form.
 */
export async function chooseOption(page: Page, select: string, option: string): Promise<void> {
  const trigger = page.getByTestId(select);
  const panel = page.locator('.mat-mdc-select-panel');
  const choice = page.getByTestId(option);
  // On a loaded machine the key can land before the select listens: Enter is pressed again only while no panel is
  // attached (pressed on an open panel it would pick whichever option is active and close it).
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await panel.count())) {
      await trigger.focus();
      await trigger.press('Enter');
    }
    if (await choice.waitFor({ state: 'attached', timeout: 4000 }).then(() => true, () => false)) break;
  }
  await choice.click({ timeout: 5000 }).catch(async () => {
    // For a trigger at the viewport's edge the overlay can be laid out outside the viewport, where Playwright will not
    // click; the option is there and enabled: pick it through the option's own click handler.
    await choice.dispatchEvent('click');
  });
  await panel.waitFor({ state: 'detached' });
}

/**
 * In an open autocomplete, presses Enter once `option` is the active one. An option can be rendered before the panel
 * marks it active (autoActiveFirstOption runs after the list settles): Enter pressed in between selects nothing.
 */
export async function pickActiveOption(page: Page, option: string): Promise<void> {
  await page.locator(`[data-testid="${option}"].mat-mdc-option-active`).waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId(option).waitFor({ state: 'detached' });
}
