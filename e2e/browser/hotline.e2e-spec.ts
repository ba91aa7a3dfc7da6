import { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { addressOf, describeBrowser, expectNoHorizontalOverflow, launchBrowser, newPage } from './support/browser';
import { chooseOption, pickActiveOption, signIn } from './support/journeys';

/** Axe-clean, and nothing scrolls sideways on a 390 px phone. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(page, where);
  if (viewport) await page.setViewportSize(viewport);
}

/** Presses Tab until the element with this test id (or an input inside it) has the focus; fails after `max` presses. */
async function tabTo(page: Page, testId: string, max = 12): Promise<void> {
  const focused = () => page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testId);
  for (let i = 0; i < max; i++) {
    if (await focused()) return;
    await page.keyboard.press('Tab');
  }
  if (!(await focused())) throw new Error(`Tab did not reach ${testId}`);
}

/** Types into the focused type-ahead and picks the first match with Enter once the option is shown. */
async function typeAndPick(page: Page, testId: string, text: string, option: string): Promise<void> {
  await tabTo(page, testId);
  await page.keyboard.type(text);
  await pickActiveOption(page, option);
}

describeBrowser('hotline journey: an operator logs a call with the keyboard only and turns it into a case, whose timeline shows the call', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the whole journey', async () => {
    // A page of its own per attempt: a journey run again after a failure starts signed out, not where the first stopped.
    await page?.context().close();
    page = await newPage(browser);
    await signIn(page, 'operator@oim.demo');
    await page.getByTestId('home-hotline').waitFor();
    await tabTo(page, 'home-new-call', 40);
    await page.keyboard.press('Enter');
    await page.getByTestId('call-timer').waitFor();

    // The call, from the keyboard: a few letters and Enter per choice, Tab between fields, Ctrl+Enter saves.
    await typeAndPick(page, 'call-type', 'solicitud', 'call-type-referral_request');
    await typeAndPick(page, 'caller-type', 'posible', 'caller-type-possible_victim');
    // One box for the place: "cali" offers Santiago de Cali first (before Calima).
    await tabTo(page, 'call-place');
    await page.keyboard.type('cali');
    await page.getByTestId('call-place-76001').waitFor();
    expect(await page.locator('mat-option[data-testid^="call-place-"]').first().getAttribute('data-testid')).toBe('call-place-76001');
    await pickActiveOption(page, 'call-place-76001');
    // The picked place reaches the input after the option's selection event: wait for it, then check it.
    await page.waitForFunction(() => (document.querySelector('[data-testid="call-place"]') as HTMLInputElement | null)?.value !== 'cali', undefined, { timeout: 5_000 }).catch(() => undefined);
    expect(await page.getByTestId('call-place').inputValue()).toBe('Santiago de Cali · Valle del Cauca');
    await typeAndPick(page, 'purposes', 'trabajos', 'purposes-forced_labour');
    await page.getByTestId('purposes-chip-forced_labour').waitFor();
    await tabTo(page, 'acts');
    await page.keyboard.press('Space');
    await tabTo(page, 'phone', 20);
    await page.keyboard.type('300 555 7788');
    await tabTo(page, 'summary');
    // The summary arrives as typed text in one input event: a key press per letter would only slow the journey down.
    await page.keyboard.insertText('Mujer adulta retenida en una finca, pide ayuda para salir.');
    await page.keyboard.press('Control+Enter');

    const heading = page.locator('[data-testid="contact-heading"]', { hasText: /LN-\d{4}-\d{6}/ });
    await heading.waitFor();
    const contactCode = /LN-\d{4}-\d{6}/.exec(await heading.innerText())![0];
    await page.getByTestId('contact-call-type').filter({ hasText: 'Solicitud de asistencia o remisión' }).waitFor();
    await page.getByTestId('contact-place').filter({ hasText: 'Santiago de Cali' }).waitFor();
    expect(addressOf(page)).not.toMatch(/555|7788|finca/);
    await expectAccessible(page, 'hotline contact detail');

    // Outcome "new case": the intake opens with the call's data as the draft to resume.
    await typeAndPick(page, 'outcome', 'caso nuevo', 'outcome-new_case');
    // The button replaces "record" once the choice is taken: Tab before it is drawn would land on the one it replaces.
    await page.getByTestId('outcome-open-intake').waitFor();
    await tabTo(page, 'outcome-open-intake');
    await page.keyboard.press('Enter');
    await page.getByTestId('intake-draft-offer').waitFor();
    expect(page.url()).toMatch(/\/casos\/nuevo$/);
    await tabTo(page, 'intake-draft-resume', 20);
    await page.keyboard.press('Enter');
    await page.getByTestId('intake-source').filter({ hasText: 'Línea gratuita' }).waitFor();
    await chooseOption(page, 'intake-result', 'intake-result-possible_victim');
    await page.getByTestId('intake-next-screening').click();

    await page.getByTestId('victim-given-names').fill('Rosa');
    await page.getByTestId('victim-family-names').fill('Llamada Ficticia');
    await chooseOption(page, 'victim-sex', 'victim-sex-female');
    await page.getByTestId('victim-document-number').fill(`LN-E2E-${Date.now()}`);
    await page.getByTestId('intake-next-identity').click();
    const situation = page.getByTestId('intake-next-situation');
    await page.getByTestId('duplicate-continue').or(situation).first().waitFor();
    if (await page.getByTestId('duplicate-continue').isVisible()) await page.getByTestId('duplicate-continue').click();
    await situation.click();
    await page.getByTestId('consent-data_processing-granted').click();
    await page.getByTestId('intake-next-consent').click();
    await page.getByTestId('intake-submit').click();

    const shownCode = page.locator('[data-testid="case-code"]', { hasText: /RT-/ });
    await shownCode.waitFor();
    const caseCode = (await shownCode.innerText()).trim();
    // The call is linked to the new case, and the case's timeline shows it.
    await page.getByText(`La llamada ${contactCode} quedó vinculada al caso ${caseCode}`).waitFor();
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByTestId('timeline-text').filter({ hasText: `por la llamada ${contactCode} de la línea nacional` }).waitFor();

    // A second call about the same person: found by the case's code while on the call (the code travels in a POST
    // body, not the URL), picked with Enter; saving links the call to the case.
    await page.goto('/linea/nueva');
    await page.getByTestId('call-timer').waitFor();
    await expectAccessible(page, 'hotline intake');
    await typeAndPick(page, 'call-type', 'solicitud', 'call-type-referral_request');
    await typeAndPick(page, 'caller-type', 'posible', 'caller-type-possible_victim');
    await tabTo(page, 'case-finder', 40);
    await page.keyboard.type(caseCode.toLowerCase());
    await pickActiveOption(page, `case-finder-${caseCode}`);
    await page.getByTestId('case-finder-picked').filter({ hasText: caseCode }).waitFor();
    expect(addressOf(page)).not.toContain(caseCode);
    // Ctrl+Enter saves from where the pick left the focus.
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('contact-case').filter({ hasText: caseCode }).waitFor();
    const second = page.locator('[data-testid="contact-heading"]', { hasText: /LN-\d{4}-\d{6}/ });
    expect(await second.innerText()).not.toContain(contactCode);
    // The same screen as the first contact's, axe-checked above; with a linked case it must still fit a phone.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalOverflow(page, 'hotline contact detail with its case');
    if (viewport) await page.setViewportSize(viewport);

    // The hotline dashboard draws its chart (ECharts, loaded with the route) and words every statistic.
    await page.goto('/linea');
    await page.locator('[data-testid="hotline-chart"] canvas').first().waitFor();
    await page.getByTestId('stats-conversion').filter({ hasText: /Conversión: \d+ denuncias, \d+ remisiones y [1-9]\d* casos/ }).waitFor();
    const departments = await page.getByTestId('stats-by-department').innerText();
    expect(departments).toContain('Valle del Cauca');
    expect(departments).not.toMatch(/^\s*\d{2}:/m);
  }, 90_000);
});
