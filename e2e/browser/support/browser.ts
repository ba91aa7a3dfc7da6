import { Browser, BrowserContextOptions, chromium, Page } from 'playwright-core';
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

/** What a journey may set about its page: a phone's viewport, another locale. */
export type PageOptions = Pick<BrowserContextOptions, 'viewport' | 'locale' | 'isMobile' | 'hasTouch' | 'deviceScaleFactor'>;

/** A fresh page in its own context (no shared cookies), failing the test on any uncaught page error. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale: 'es-CO', ...options });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** The browser and page of one journey, set up by `describeJourney`. */
export interface Journey {
  readonly browser: Browser;
  readonly page: Page;
}

/**
 * A browser journey: `describeBrowser` with its Chromium launched before the tests and closed after them, and one page
 * (its own context, `options` for a phone viewport or a locale) shared by the journey's steps.
 */
export function describeJourney(title: string, body: (journey: Journey) => void, options: PageOptions = {}): void {
  describeBrowser(title, () => {
    let browser: Browser | undefined;
    let page: Page | undefined;
    const journey: Journey = {
      get browser() {
        if (!browser) throw new Error('The journey\'s browser is not launched yet (use it inside a test or a hook)');
        return browser;
      },
      get page() {
        if (!page) throw new Error('The journey\'s page is not open yet (use it inside a test or a hook)');
        return page;
      },
    };
    beforeAll(async () => {
      browser = await launchBrowser();
      page = await newPage(browser, options);
    });
    afterAll(async () => {
      await browser?.close();
    });
    body(journey);
  });
}

/**
 * Fails when the page, or any scrolling box in the main area or the top bar, scrolls sideways (a table wider than the
 * phone), or an element sticks out past the right edge (a value cut off). Clipping on purpose (an ellipsis, the tab
 * header's own paging) is allowed: the element is then inside a box with hidden overflow that ends on screen. Names
 * the offenders by tag, class and test id.
 */
export async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  // A new viewport width reaches the layout a few frames later (the shell's breakpoint turns the side navigation into an
  // overlay after the media query's change event): wait until the main area has kept its place for several frames.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const started = performance.now();
        let last = '';
        let steady = 0;
        const tick = () => {
          const main = document.querySelector('main')?.getBoundingClientRect();
          const now = `${main?.left},${main?.width},${document.documentElement.scrollWidth}`;
          steady = now === last ? steady + 1 : 0;
          last = now;
          if (steady >= 6 || performance.now() - started > 3000) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
  // A tab or a step slides in: measure where it comes to rest, not half-way.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity), undefined, { timeout: 5000 }).catch(() => undefined);
  if (process.env.RUTA_E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.RUTA_E2E_SCREENSHOTS}/${where.replace(/\W+/g, '-')}.png`, fullPage: true });
  const found = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders: string[] = [];
    const name = (el: Element, what: string) => {
      const id = el.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
      return `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ').slice(0, 2).join('.')}[${id}] ${what}`;
    };
    // Boxes that cut their content on purpose: the tab header pages its labels, an ellipsis shortens a name.
    const onPurpose = (node: Element) => !!node.closest('.mat-mdc-tab-label-container, .mat-mdc-tab-header') || getComputedStyle(node).textOverflow === 'ellipsis';
    /** The right edge an element is seen up to: the screen's, or that of the nearest box that clips or scrolls it. */
    const visibleRight = (el: Element): { right: number; purpose: boolean } => {
      let right = width;
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        if (getComputedStyle(node).overflowX !== 'visible') {
          const edge = node.getBoundingClientRect().right;
          if (edge < right) right = edge;
          if (onPurpose(node)) return { right: Infinity, purpose: true };
        }
      }
      return { right, purpose: false };
    };
    for (const el of Array.from(document.querySelectorAll('main, main *, .top-bar, .top-bar *'))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || el.closest('.cdk-visually-hidden')) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible') continue;
      const overflow = style.overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1 && !onPurpose(el)) {
        offenders.push(name(el, `scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`));
        continue;
      }
      const seen = visibleRight(el);
      if (rect.right > seen.right + 1) offenders.push(name(el, `ends at ${Math.round(rect.right)}, cut at ${Math.round(seen.right)}`));
    }
    return { scroll: document.documentElement.scrollWidth, width, offenders: offenders.slice(0, 8) };
  });
  expect({ where, ...found }).toEqual({ where, scroll: found.width, width: found.width, offenders: [] });
}

/**
 * What of the page's address the application writes: path, query and fragment. Checks for personal data in URLs read
 * this, not the origin, whose random port may hold any digits ("127.0.0.1:45557" is not a phone number).
 */
export function addressOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}${url.hash}`;
}
