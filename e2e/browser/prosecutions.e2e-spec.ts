import { Browser, Page } from 'playwright-core';
import { CreateCaseResponse, CreateTraffickerResponse, JusticeIndicators } from '@ruta/shared';
import { newCaseRequest } from '../support/case-factory';
import { seriousViolations } from './support/axe';
import { describeBrowser, describeJourney, expectNoHorizontalOverflow, launchBrowser, newPage } from './support/browser';
import { chooseOption, signIn, xsrf } from './support/journeys';

async function indicators(page: Page, year: number): Promise<JusticeIndicators> {
  return (await (await page.request.get(`/api/prosecution-indicators?year=${year}`)).json()) as JusticeIndicators;
}

/** Moves a defendant one stage on from the detail page, and waits for the stage to show. */
async function moveTo(page: Page, label: string, stage: string, text: string): Promise<void> {
  await chooseOption(page, `defendant-next-${label}`, `defendant-next-option-${stage}`);
  await page.getByTestId(`defendant-move-save-${label}`).click();
  await page.getByTestId(`defendant-stage-${label}`).filter({ hasText: text }).waitFor();
}

describeBrowser('prosecution journey: a prosecutor opens a proceeding from a case, charges and indicts a defendant, records a hearing', () => {
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
    await signIn(page, 'prosecutor@fiscalia.demo');
    const year = new Date().getFullYear();
    const before = await indicators(page, year);
    const created = await page.request.post('/api/cases', { data: newCaseRequest({ victim: { documentNumber: `PRO-${Date.now()}` } }), headers: await xsrf(page) });
    expect(created.status()).toBe(201);
    const code = ((await created.json()) as CreateCaseResponse).case.code;

    // From the case's prosecutions tab: open a proceeding with its noticia criminal number.
    await page.goto(`/casos/${code}`);
    await page.getByRole('tab', { name: 'Judicialización' }).click();
    await page.getByTestId('case-proceedings').and(page.locator('[data-loaded="true"]')).waitFor();
    await page.getByTestId('case-open-proceeding').click();
    await page.getByTestId('proceeding-victim-case').filter({ hasText: code }).waitFor();
    const nunc = `110016000050${year}${String(Date.now() % 100000).padStart(5, '0')}`;
    await page.getByTestId('proceeding-nunc').fill(nunc);
    await page.getByTestId('proceeding-unit').fill('Unidad Nacional contra la Trata de Personas');
    await page.getByTestId('proceeding-save').click();
    await page.getByTestId('proceeding-title').filter({ hasText: nunc }).waitFor();
    await page.getByTestId('proceeding-victims').filter({ hasText: code }).waitFor();

    // Two defendants, each at noticia criminal.
    for (const [name, sex] of [['Ramiro Ficticio Navegador', 'male'], ['Sonia Ficticia Navegadora', 'female']]) {
      await page.getByTestId('defendant-name').fill(name);
      await chooseOption(page, 'defendant-sex', `defendant-sex-${sex}`);
      await page.getByTestId('defendant-add').click();
      await page.getByTestId('defendants').filter({ hasText: name }).waitFor();
    }
    await page.locator('[data-testid="defendants"][data-count="2"]').waitFor();

    // The first through imputación and acusación, one legal move at a time.
    await moveTo(page, '#1', 'indagacion', 'Indagación');
    await moveTo(page, '#1', 'imputacion', 'Formulación de imputación');
    await moveTo(page, '#1', 'investigacion', 'Investigación');
    await moveTo(page, '#1', 'acusacion', 'Acusación');
    await page.getByTestId('defendant-stage-#2').filter({ hasText: 'Noticia criminal' }).waitFor();

    // A hearing on the calendar.
    await page.getByTestId('hearing-at').fill(`${year + 1}-02-10T09:30`);
    await chooseOption(page, 'hearing-type', 'hearing-type-preparatoria');
    await page.getByTestId('hearing-court').fill('Juzgado 3 Penal del Circuito de Bogotá');
    await page.getByTestId('hearing-next-at').fill(`${year + 1}-03-05T14:00`);
    await page.getByTestId('hearing-save').click();
    await page.getByTestId('hearing').filter({ hasText: 'Juzgado 3 Penal del Circuito de Bogotá' }).getByTestId('hearing-next').filter({ hasText: /continúa el/ }).waitFor();

    // An appeal of the second defendant, decided: listed under her name with its labels.
    await chooseOption(page, 'appeal-defendant', 'appeal-defendant-option-#2');
    await chooseOption(page, 'appeal-appellant', 'appeal-appellant-defence');
    await chooseOption(page, 'appeal-decision', 'appeal-decision-confirmed');
    await page.getByTestId('appeal-decided-on').fill(await page.getByTestId('appeal-filed-on').inputValue());
    await page.getByTestId('appeal-save').click();
    await page.locator('[data-testid="appeals-list"][data-count="1"]').filter({ hasText: 'Sonia Ficticia Navegadora' }).getByTestId('appeal').filter({ hasText: 'Defensa' }).filter({ hasText: 'Confirmada' }).waitFor();

    // The proceeding page fits a 390 px phone, its move and appeal forms included.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalOverflow(page, 'proceeding at 390 px');
    await page.setViewportSize({ width: 1280, height: 720 });

    // The proceeding's screen is axe-clean.
    await page.getByTestId('link-chart-nodes').and(page.locator(':not([data-count="0"])')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The indicators page counts the charge and the indictment.
    await page.goto('/judicializacion/indicadores');
    const shows = (key: string, n: number) => page.getByTestId(`indicator-${key}`).locator('td').filter({ hasText: new RegExp(`^${n}$`) }).waitFor();
    await shows('charged', before.charged + 1);
    await shows('accused', before.accused + 1);
    await shows('investigationsOpened', before.investigationsOpened + 1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describeJourney('operation journey: an investigator orders the operations oldest first, links an alleged trafficker to one and unlinks them', (journey) => {
  it('orders, links and unlinks', async () => {
    const p = journey.page;
    await signIn(p, 'investigator@policia.demo');
    const stamp = String(Date.now());
    // An operation older than any other (the list's first oldest first), and an alleged trafficker on file.
    const operation = await p.request.post('/api/operations', {
      data: { name: `Operación Antigua ${stamp}`, occurredOn: '1991-01-02', municipalityCode: '11001', type: 'raid', arrests: 1 },
      headers: await xsrf(p),
    });
    expect(operation.status()).toBe(201);
    const created = await p.request.post('/api/traffickers', { data: { kind: 'person', name: `Julio Ficticio Vínculo ${stamp}` }, headers: await xsrf(p) });
    expect(created.status()).toBe(201);
    const trafficker = ((await created.json()) as CreateTraffickerResponse).trafficker;

    // The operations tab, newest first, then oldest first: the old operation heads the list once reloaded.
    await p.goto('/judicializacion');
    await p.getByRole('tab', { name: 'Operativos' }).click();
    const list = p.locator('[data-testid="operations-list"][data-loaded="true"]');
    await list.waitFor();
    await chooseOption(p, 'operations-order', 'operations-order-asc');
    const first = list.locator('li').first();
    await first.filter({ hasText: 'Operación Antigua' }).waitFor();
    await first.filter({ hasText: '1991' }).waitFor();

    // Its page: find the alleged trafficker by name, link them as arrested.
    await first.getByRole('link').click();
    await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Operación Antigua' }).waitFor();
    const linked = p.getByTestId('operation-traffickers');
    await linked.and(p.locator('[data-count="0"]')).waitFor();
    await p.getByTestId('link-trafficker-search').fill(`Julio Ficticio Vínculo ${stamp}`);
    await p.getByTestId(`link-trafficker-option-${trafficker.id}`).click();
    await p.getByTestId('link-trafficker-arrested').locator('input').check();
    await p.getByTestId('link-trafficker-save').click();
    await linked.and(p.locator('[data-count="1"]')).filter({ hasText: trafficker.name }).filter({ hasText: 'capturado' }).waitFor();

    // Linked by mistake after all: unlinked, the list empties.
    await p.getByTestId(`operation-unlink-${trafficker.id}`).click();
    await linked.and(p.locator('[data-count="0"]')).waitFor();
    await p.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalOverflow(p, 'operation at 390 px');
  });
});
