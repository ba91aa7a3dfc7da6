import { Browser, Page } from 'playwright-core';
import { describeBrowser, launchBrowser, newPage } from './support/browser';
import { signIn } from './support/journeys';

/**
 * What has focus, and whether it shows a ring a sighted keyboard user can see: an outline of 2px or more, Material's
 * strong focus indicator (a bordered ::before on the element or on a `.mat-focus-indicator` inside its component), or
 * a focused Material form field (its thick outline).
 */
async function focusState(page: Page): Promise<{ tag: string; testId: string | null; text: string; ring: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', testId: null, text: '', ring: false };
    const drawn = (node: Element, pseudo?: string) => {
      const style = getComputedStyle(node, pseudo);
      if (pseudo) return style.content !== 'none' && style.content !== 'normal' && style.display !== 'none' && parseFloat(style.borderTopWidth) >= 2;
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    };
    const host = el.closest('.mat-mdc-chip, .mat-mdc-checkbox, .mat-mdc-radio-button, .mat-mdc-slide-toggle, .mat-mdc-button-base, .mat-mdc-list-item, .mat-step-header, .mat-mdc-tab') ?? el;
    const indicators = [host, ...Array.from(host.querySelectorAll('.mat-focus-indicator'))];
    const ring = drawn(el) || indicators.some((node) => drawn(node, '::before')) || !!el.closest('.mat-mdc-form-field.mat-focused');
    const testId = el.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
    return { tag: el.tagName.toLowerCase(), testId, text: (el.textContent ?? '').trim().slice(0, 40), ring };
  });
}

/** Presses Tab until focus is inside `[data-testid=<testId>]`, failing on a focus step without a visible ring. */
async function tabTo(page: Page, testId: string, seen: string[] = []): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    if (!state.ring) seen.push(`${state.tag}[${state.testId ?? ''}] "${state.text}"`);
    const inside = await page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testId);
    if (inside) return;
  }
  throw new Error(`Tab never reached ${testId}`);
}

/** Opens the focused mat-select with the keyboard and picks the option by its test id. */
async function pickOption(page: Page, option: string): Promise<void> {
  await page.keyboard.press('Enter');
  await page.locator('.mat-mdc-select-panel').waitFor();
  for (let i = 0; i < 40; i++) {
    const active = await page.evaluate(() => document.querySelector('.mat-mdc-option.mat-mdc-option-active')?.getAttribute('data-testid'));
    if (active === option) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
}

/** Moves inside a chip listbox with the arrow keys to the chip and toggles it with Space. */
async function toggleChip(page: Page, chip: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (await page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), chip)) break;
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Space');
}

/** After a step change focus sits on the new step's header, never on <body>. */
async function expectFocusOnStep(page: Page, index: number): Promise<void> {
  await page.waitForFunction(
    (i) => document.activeElement?.classList.contains('mat-step-header') && document.activeElement?.getAttribute('aria-posinset') === String(i + 1),
    index,
  );
  const state = await focusState(page);
  expect(state.tag).not.toBe('body');
  expect(state.ring).toBe(true);
}

describeBrowser('keyboard only: the intake is walked with the keyboard, focus is always visible and never falls to <body>', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows one highlighted navigation entry with a visible ring when focused', async () => {
    await signIn(page, 'investigator@policia.demo');
    await page.goto('/casos/vinculaciones');
    await page.locator('main h1').waitFor();
    expect(await page.locator('[data-testid^="nav-"][aria-current="page"]').count()).toBe(1);
    expect(await page.getByTestId('nav-linkRequests').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('nav-linkRequests').focus();
    // Programmatic focus after a key press counts as keyboard focus for :focus-visible.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    expect([state.testId, state.ring]).toEqual(['nav-linkRequests', true]);
  });

  it('walks screening, identity, situation and consent to the review and back, by keyboard alone', async () => {
    const ringless: string[] = [];
    await page.goto('/casos/nuevo');
    await page.getByTestId('intake-next-screening').waitFor();
    // A draft left by an earlier journey of the same account is offered once its look-up answers: start over.
    const offered = await page.getByTestId('intake-draft-offer').waitFor({ timeout: 2000 }).then(() => true, () => false);
    if (offered) await page.getByTestId('intake-draft-start-over').click();

    await tabTo(page, 'intake-source', ringless);
    await pickOption(page, 'intake-source-police_operation');
    await tabTo(page, 'intake-acts', ringless);
    await toggleChip(page, 'intake-acts-recruitment');
    await tabTo(page, 'intake-screening-purposes', ringless);
    await toggleChip(page, 'intake-screening-purposes-forced_labour');
    await tabTo(page, 'intake-result', ringless);
    await pickOption(page, 'intake-result-possible_victim');
    await tabTo(page, 'intake-next-screening', ringless);
    await page.keyboard.press('Enter');
    await expectFocusOnStep(page, 1);

    await tabTo(page, 'victim-given-names', ringless);
    await page.keyboard.type('Teclado');
    await tabTo(page, 'victim-family-names', ringless);
    await page.keyboard.type('Ficticio Demo');
    await tabTo(page, 'victim-sex', ringless);
    await pickOption(page, 'victim-sex-female');
    await tabTo(page, 'victim-document-number', ringless);
    await page.keyboard.type(`KB-${Date.now()}`);
    await tabTo(page, 'intake-next-identity', ringless);
    await page.keyboard.press('Enter');
    // The duplicate check may find a look-alike in the demo data: continue from the keyboard too.
    await page.getByTestId('duplicate-continue').or(page.getByTestId('situation-purposes')).first().waitFor();
    if (await page.getByTestId('duplicate-continue').isVisible()) {
      expect((await focusState(page)).tag).not.toBe('body');
      await tabTo(page, 'duplicate-continue', ringless);
      await page.keyboard.press('Enter');
    }
    await expectFocusOnStep(page, 2);

    await tabTo(page, 'intake-next-situation', ringless);
    await page.keyboard.press('Enter');
    await expectFocusOnStep(page, 3);

    await tabTo(page, 'consent-data_processing-granted', ringless);
    await page.keyboard.press('Space');
    await tabTo(page, 'intake-next-consent', ringless);
    await page.keyboard.press('Enter');
    await expectFocusOnStep(page, 4);
    await page.getByTestId('review-name').filter({ hasText: 'Teclado Ficticio Demo' }).waitFor();

    // Back from the review: Shift+Tab from the submit button reaches "Back".
    await tabTo(page, 'intake-submit', ringless);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expectFocusOnStep(page, 3);

    expect(ringless).toEqual([]);
  });
});
