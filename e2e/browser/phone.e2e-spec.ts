import { describeJourney, expectNoHorizontalOverflow } from './support/browser';
import { chooseOption, signIn } from './support/journeys';

/**
 * A 390×844 phone: the top bar keeps the user's name clear of the other buttons, the case list is a column of cards
 * (no sideways scrolling, codes on one line), the case detail's values fit, and the intake's steps fit too.
 */
describeJourney(
  'phone (390×844): list, detail and intake fit the screen',
  (journey) => {
    it('keeps the top bar readable: the user button overlaps nothing and the name is shown', async () => {
      const { page } = journey;
      await signIn(page, 'investigator@policia.demo');
      const boxes = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.top-bar > *'))
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.width > 0)
          .map((r) => ({ left: r.left, right: r.right })),
      );
      for (let i = 1; i < boxes.length; i++) expect(boxes[i].left).toBeGreaterThanOrEqual(boxes[i - 1].right - 1);
      expect(boxes[boxes.length - 1].right).toBeLessThanOrEqual(390);
      const name = page.getByTestId('user-menu').locator('.user-name');
      expect((await name.innerText()).length).toBeGreaterThan(0);
      expect((await name.boundingBox())!.width).toBeGreaterThan(40);
      await expectNoHorizontalOverflow(page, 'home');
    });

    it('lists cases as cards with the total, one-line codes and no sideways scrolling', async () => {
      const { page } = journey;
      await page.goto('/casos');
      const firstLink = page.getByTestId('cases-table').locator('[data-testid^="case-link-"]').first();
      await firstLink.waitFor();
      await page.getByTestId('list-total').filter({ hasText: /\d+ casos/ }).waitFor();
      // Cards: the header row is gone and each row is a block as wide as the screen allows.
      expect(await page.locator('[data-testid="cases-table"] thead').isVisible()).toBe(false);
      const row = page.locator('[data-testid^="case-row-"]').first();
      const box = (await row.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(390);
      expect(box.height).toBeGreaterThan(100);
      // One line: an inline element broken over lines has one client rectangle per line.
      const lines = await page.locator('[data-testid="cases-table"] [data-testid^="case-link-"] code').evaluateAll((codes) => codes.map((c) => c.getClientRects().length));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((n) => n === 1)).toBe(true);
      await expectNoHorizontalOverflow(page, 'case list');
    });

    it('shows the case detail with every value inside the screen', async () => {
      const { page } = journey;
      const link = page.getByTestId('cases-table').locator('[data-testid^="case-link-"]').first();
      const code = (await link.innerText()).trim();
      await link.click();
      await page.getByTestId('case-code').filter({ hasText: code }).waitFor();
      await page.locator('.facts dd').first().waitFor();
      await expectNoHorizontalOverflow(page, 'case detail');
      for (const tab of await page.locator('[role="tab"]').all()) {
        if (!(await tab.isVisible())) continue;
        await tab.click();
        await page.waitForTimeout(150);
        await expectNoHorizontalOverflow(page, `case detail tab "${(await tab.innerText()).trim()}"`);
      }
    });

    it('walks the intake to the identity step (with the Alt+N shortcut it lists) without anything cut at the edge', async () => {
      const { page } = journey;
      const draftLookup = page.waitForResponse((r) => r.url().endsWith('/api/case-drafts/mine') && r.request().method() === 'GET');
      await page.goto('/casos/nuevo');
      await draftLookup;
      const offered = await page.getByTestId('intake-draft-offer').waitFor({ timeout: 2000 }).then(() => true, () => false);
      if (offered) await page.getByTestId('intake-draft-start-over').click();
      await page.getByTestId('intake-next-screening').waitFor();
      await expectNoHorizontalOverflow(page, 'intake: screening');
      await chooseOption(page, 'intake-source', 'intake-source-police_operation');
      await page.getByTestId('intake-acts-recruitment').click();
      await page.getByTestId('intake-screening-purposes-forced_labour').click();
      await chooseOption(page, 'intake-result', 'intake-result-possible_victim');
      // The shortcut listed on screen moves on, through the step's own checks.
      await page.getByTestId('intake-shortcuts').filter({ hasText: 'Alt+N' }).waitFor();
      await page.keyboard.press('Alt+n');
      await page.getByTestId('victim-given-names').waitFor();
      await expectNoHorizontalOverflow(page, 'intake: identity');
    });
  },
  { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
);
